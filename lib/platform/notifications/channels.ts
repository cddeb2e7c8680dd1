// Where notifications go. The in-app channel is the Notification row itself (the notification
// centre and the bell read it), so it needs no delivery. Every other channel registered here
// gets a NotificationDelivery row per notification, sent by the "notifications.deliver" job
// (lib/platform/notifications/jobs.ts) with retries.
//
// Adding SMS or 浙政钉 later: implement NotificationChannel (render the text from titleKey +
// params in zh-CN with the "notifications" messages, look up the user's phone / DingTalk id),
// and call registerChannel(...) from a module imported by both the app and the worker (e.g.
// lib/platform/jobs/handlers.ts). Nothing is registered by default.
import "server-only";

/** What a channel is asked to send: one notification, as its recipient should see it. */
export type Delivery = {
  deliveryId: string;
  channel: string;
  notificationId: string;
  userId: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  link: string | null;
  /** > 1 when repeated notices were folded into this one (digest). */
  count: number;
  /** 1 on the first try. */
  attempt: number;
};

export interface NotificationChannel {
  /** Stable id stored in NotificationDelivery.channel, e.g. "sms", "dingtalk". */
  name: string;
  /** Sends one delivery; throw to have it retried (with back-off, up to the job's limit). */
  send(delivery: Delivery): Promise<void>;
}

export const IN_APP_CHANNEL = "inApp";

const globalForChannels = globalThis as unknown as { __notificationChannels?: Map<string, NotificationChannel> };
const channels: Map<string, NotificationChannel> = (globalForChannels.__notificationChannels ??= new Map());

export function registerChannel(channel: NotificationChannel): void {
  if (channel.name === IN_APP_CHANNEL) throw new Error("the in-app channel is the notification row itself");
  channels.set(channel.name, channel);
}

export function unregisterChannel(name: string): void {
  channels.delete(name);
}

export function getChannel(name: string): NotificationChannel | undefined {
  return channels.get(name);
}

/** Names of the registered external channels (each gets a delivery row per notification). */
export function externalChannelNames(): string[] {
  return [...channels.keys()];
}

/**
 * EXAMPLE, not registered: the shape of a 浙政钉 (Zhejiang government DingTalk) work-notice
 * channel. A real one would call the 浙政钉 open platform's work-notification API with the
 * user's account id; `post` is injected so the example has no network code of its own.
 *
 *   registerChannel(dingTalkChannel({ post: (body) => zzdClient.workNotice(body), accountIdOf, render }));
 */
export function dingTalkChannel(deps: {
  post: (body: { accountId: string; title: string; text: string; url: string | null }) => Promise<void>;
  accountIdOf: (userId: string) => Promise<string | null>;
  render: (d: Delivery) => Promise<{ title: string; text: string }>;
}): NotificationChannel {
  return {
    name: "dingtalk",
    async send(d) {
      const accountId = await deps.accountIdOf(d.userId);
      // No 浙政钉 account: nothing to send; the in-app row still stands. Not an error to retry.
      if (!accountId) return;
      const { title, text } = await deps.render(d);
      await deps.post({ accountId, title, text, url: d.link });
    },
  };
}

/**
 * EXAMPLE, not registered: an SMS channel behind any gateway (`sendSms`). SMS costs money and
 * interrupts: a real registration should filter by `kind` (deadline breaches only) — return
 * without sending for the others.
 */
export function smsChannel(deps: {
  sendSms: (phone: string, text: string) => Promise<void>;
  phoneOf: (userId: string) => Promise<string | null>;
  render: (d: Delivery) => Promise<string>;
  kinds?: readonly string[];
}): NotificationChannel {
  return {
    name: "sms",
    async send(d) {
      if (deps.kinds && !deps.kinds.includes(d.kind)) return;
      const phone = await deps.phoneOf(d.userId);
      if (!phone) return;
      await deps.sendSms(phone, await deps.render(d));
    },
  };
}
