// Where notifications go besides the app. The in-app channel is the Notification row itself
// (the notification centre and the bell read it). Every external channel — DingTalk work
// notices (providers/dingtalk.ts), Aliyun SMS (providers/aliyun-sms.ts) — gets a
// NotificationDelivery row per message, sent by the "notifications.deliver" job (jobs.ts) with
// retries, a daily cap, same-day de-duplication and quiet hours (notify.ts, quiet-hours.ts).
//
// Which channels exist is a function of the settings (environment), not of process memory:
// configuredChannels() builds them from env on first use in each process, so the web process
// (which queues deliveries inside the event's transaction) and the worker (which sends them)
// agree without any registration step. Tests add a channel with registerChannel().
import "server-only";
import type { Client } from "@/lib/platform/db/client";

/** Who a message goes to: a user of the app, or the contact of a record (a hotline caller). */
export type Recipient =
  | { userId: string }
  | { recipientType: string; recipientId: string };

/** What a channel is asked to send: one message, as its recipient should see it. */
export type OutboundMessage = {
  deliveryId: string;
  channel: string;
  to: Recipient;
  /** "hotline.breach", "digest", "hotline.sms.intake", … */
  kind: string;
  /** Notifications: message key in the "notifications" namespace (in-app titleKey). SMS: template name. */
  template: string | null;
  params: Record<string, string | number>;
  /** In-app path ("/hotline/abc"); channels make it absolute with APP_URL. */
  link: string | null;
  /** > 1 when repeats were folded into this one (the notification's count, or a digest's size). */
  count: number;
  urgent: boolean;
  /** 1 on the first try. */
  attempt: number;
};

/**
 * A provider's refusal. `retryable`: 5xx, timeouts, rate-limit answers (retried with back-off,
 * `retryAfterSeconds` when the provider says); not retryable: bad credentials, an unknown
 * account, an invalid number (FAILED at once, shown on the admin page with `message`).
 * `message` must never contain a phone number or a secret: it is stored and shown.
 */
export class ChannelError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = "ChannelError";
  }
}

export interface NotificationChannel {
  /** Stable id stored in NotificationDelivery.channel: "dingtalk", "sms". */
  name: string;
  /**
   * Users this channel can reach (e.g. those linked to a DingTalk account). Users it cannot
   * reach get no delivery row. Absent: the channel does not carry user notifications (SMS to
   * enterprises only).
   */
  reachableUsers?(userIds: readonly string[], client: Client): Promise<Set<string>>;
  /** At most this many messages per user per Shanghai day; beyond it they fold into a digest. */
  dailyCap?: number;
  /** Sends one message; throw ChannelError (or anything: retryable) to have it retried. */
  send(message: OutboundMessage): Promise<{ providerRef?: string } | void>;
}

export const IN_APP_CHANNEL = "inApp";

type ChannelState = { registered: Map<string, NotificationChannel>; configured?: NotificationChannel[] };
const globalForChannels = globalThis as unknown as { __notificationChannels?: ChannelState };
const state: ChannelState = (globalForChannels.__notificationChannels ??= { registered: new Map() });

/** Channel factories from settings; each returns null when its settings are absent (channel off). */
type ChannelFactory = { name: string; fromEnv: (env: NodeJS.ProcessEnv) => NotificationChannel | null };
const factories: ChannelFactory[] = [];

/** Called by each provider module (providers/index.ts imports them all). */
export function defineChannelFactory(factory: ChannelFactory): void {
  if (!factories.some((f) => f.name === factory.name)) factories.push(factory);
}

/** Names of the channels a deployment could have, configured or not (the admin page lists them). */
export function knownChannelNames(): string[] {
  return factories.map((f) => f.name);
}

function configured(): NotificationChannel[] {
  return (state.configured ??= factories.map((f) => f.fromEnv(process.env)).filter((c): c is NotificationChannel => c !== null));
}

/** Tests: a channel in place of (or besides) the configured ones. */
export function registerChannel(channel: NotificationChannel): void {
  if (channel.name === IN_APP_CHANNEL) throw new Error("the in-app channel is the notification row itself");
  state.registered.set(channel.name, channel);
}

export function unregisterChannel(name: string): void {
  state.registered.delete(name);
}

/** Tests that change the environment: rebuild the configured channels on next use. */
export function resetConfiguredChannels(): void {
  state.configured = undefined;
}

export function getChannel(name: string): NotificationChannel | undefined {
  return state.registered.get(name) ?? configured().find((c) => c.name === name);
}

/** The external channels that are on (configured from settings, or registered by a test). */
export function activeChannels(): NotificationChannel[] {
  const byName = new Map(configured().map((c) => [c.name, c]));
  for (const [name, c] of state.registered) byName.set(name, c);
  return [...byName.values()];
}

export function externalChannelNames(): string[] {
  return activeChannels().map((c) => c.name);
}
