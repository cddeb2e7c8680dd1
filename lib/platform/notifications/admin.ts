// Reads behind the admin page of external notifications (/admin/notifications) and each
// user's channel switches (/account/notifications).
//
// Scope of the admin page: an admin sees the deliveries of the users in their org subtree
// (user notices and digests carry userId). A delivery to a record's contact (a hotline
// caller's SMS: recipientType + recipientId, no user) carries no org unit, and the platform
// cannot look the record up without importing its module; such deliveries are shown to admins
// at the root of the tree only (who see every unit anyway). A district admin thus does not see
// the SMS failures of their district's callers — the safe side of the line, see the report of
// issue 18 for the follow-up (a module-declared record scope beside its contact resolvers).
import "server-only";
import { shanghaiDayStart, todayInShanghai } from "@/lib/platform/shanghai";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { depthOf } from "@/lib/platform/org/path";
import { inSubtree } from "@/lib/platform/org/scope";
import { activeChannels, knownChannelNames } from "@/lib/platform/notifications/channels";
// The providers define their channel factories on import: without them this process would
// report every channel off whatever the settings say.
import "@/lib/platform/notifications/providers";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The settings each provider needs to be on (names only: the page says which are missing,
 * never a value). Providers register their factories (channels.ts defineChannelFactory); a
 * channel named here is listed even before its provider module is loaded.
 */
export const CHANNEL_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  dingtalk: ["DINGTALK_APP_KEY", "DINGTALK_APP_SECRET", "DINGTALK_AGENT_ID"],
  sms: ["ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET", "ALIYUN_SMS_SIGN_NAME"],
};

export type ChannelState = {
  name: string;
  active: boolean;
  /** Names of the settings it needs; `missing`: those not set in this process's environment. */
  settings: readonly string[];
  missing: string[];
};

/** Every channel a deployment could have, whether it is on, and (when off) what it lacks. */
export function channelStates(env: Readonly<Record<string, string | undefined>> = process.env): ChannelState[] {
  const active = new Set(activeChannels().map((c) => c.name));
  const names = [...new Set([...Object.keys(CHANNEL_SETTINGS), ...knownChannelNames(), ...active])];
  return names.map((name) => {
    const settings = CHANNEL_SETTINGS[name] ?? [];
    return { name, active: active.has(name), settings, missing: settings.filter((s) => !env[s]?.trim()) };
  });
}

/** Channels that carry notices to users (SMS goes to enterprises only), on or off. */
const USER_CHANNELS: readonly string[] = ["dingtalk"];

/**
 * The channels a user may switch kinds on or off for, and whether each is on: the known user
 * channels (DingTalk) even while off — a choice made now holds once it is switched on — and
 * any active channel that reaches users.
 */
export function userChannels(): { name: string; active: boolean }[] {
  const active = activeChannels();
  const names = new Set([...USER_CHANNELS, ...active.filter((c) => c.reachableUsers).map((c) => c.name)]);
  return [...names].map((name) => ({ name, active: active.some((c) => c.name === name) }));
}

/** All channel names a preference may name: the known ones, on or off. */
export function channelNames(): string[] {
  return channelStates().map((c) => c.name);
}

/**
 * The `where` confining deliveries to the admin's area: everything at the root; below it, the
 * deliveries to users of the subtree (an id list, as the audit page does: NotificationDelivery
 * has no relation to User, and a district's users number in the thousands at most).
 */
export async function deliveryScope(actor: Actor, client: Client = db): Promise<Prisma.NotificationDeliveryWhereInput> {
  if (depthOf(actor.orgPath) === 0) return {};
  const users = await client.user.findMany({ where: inSubtree(actor), select: { id: true } });
  return { userId: { in: users.map((u) => u.id) } };
}

export type DeliveryCounts = { pending: number; held: number; sentToday: number; failed: number };

/** Queued (PENDING or being sent), held for quiet hours or the cap, sent since 00:00 Shanghai, given up. */
export async function deliveryCounts(actor: Actor, at: Date = clockNow(), client: Client = db): Promise<DeliveryCounts> {
  const scope = await deliveryScope(actor, client);
  const grouped = await client.notificationDelivery.groupBy({
    by: ["status"],
    where: { AND: [scope, { status: { in: ["PENDING", "SENDING", "HELD", "FAILED"] } }] },
    _count: { _all: true },
  });
  const count = (s: string) => grouped.find((g) => g.status === s)?._count._all ?? 0;
  const sentToday = await client.notificationDelivery.count({
    where: { AND: [scope, { status: "SENT", sentAt: { gte: shanghaiDayStart(todayInShanghai(at)) } }] },
  });
  return { pending: count("PENDING") + count("SENDING"), held: count("HELD"), sentToday, failed: count("FAILED") };
}

export const FAILED_PAGE_SIZE = 50;

export type FailedDelivery = {
  id: string;
  kind: string;
  channel: string;
  /** The user's name; null for a record's contact (recipientType set) — never its address. */
  userName: string | null;
  recipientType: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** In-app path of the record, when a user's notice has one. */
  link: string | null;
};

/** Cursor "<createdAt ISO>_<id>" of the last row shown. */
function parseCursor(after: string | undefined): { createdAt: Date; id: string } | null {
  if (!after) return null;
  const i = after.lastIndexOf("_");
  const createdAt = new Date(after.slice(0, i));
  const id = after.slice(i + 1);
  return i > 0 && id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/** FAILED deliveries of the admin's area, newest first, keyset-paged. */
export async function listFailedDeliveries(
  actor: Actor, options: { after?: string; take?: number } = {}, client: Client = db,
): Promise<{ rows: FailedDelivery[]; nextCursor: string | null }> {
  const take = options.take ?? FAILED_PAGE_SIZE;
  const cursor = parseCursor(options.after);
  const scope = await deliveryScope(actor, client);
  const rows = await client.notificationDelivery.findMany({
    where: {
      AND: [
        scope,
        { status: "FAILED" },
        cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, kind: true, channel: true, userId: true, recipientType: true, attempts: true, lastError: true, createdAt: true, link: true, notificationId: true },
  });
  const page = rows.slice(0, take);
  const userIds = [...new Set(page.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const users = userIds.length ? await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  // A user notice's delivery may leave its link on the notification row only.
  const noteIds = page.flatMap((r) => (!r.link && r.notificationId ? [r.notificationId] : []));
  const notes = noteIds.length ? await client.notification.findMany({ where: { id: { in: noteIds } }, select: { id: true, link: true } }) : [];
  const linkOf = new Map(notes.map((n) => [n.id, n.link]));
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      userName: r.userId ? (nameOf.get(r.userId) ?? null) : null,
      recipientType: r.recipientType,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      // A contact's message links to a public page (the tracking link, with its code): not shown.
      link: r.userId ? (r.link ?? (r.notificationId ? (linkOf.get(r.notificationId) ?? null) : null)) : null,
    })),
    nextCursor: rows.length > take && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/** At most this many failed deliveries are re-queued by one "retry all" (the rest by the next). */
export const RETRY_ALL_LIMIT = 500;

// ── A user's own switches ────────────────────────────────────────────────────────────────

export type PreferenceKey = `${string}|${string}`;

/** The user's switched kinds per channel: "kind|channel" → enabled. No row = on. */
export async function preferencesOf(userId: string, client: Client = db): Promise<Map<PreferenceKey, boolean>> {
  const rows = await client.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true, enabled: true } });
  return new Map(rows.map((r) => [`${r.kind}|${r.channel}` as PreferenceKey, r.enabled]));
}

/** Whether the user's DingTalk account is linked (work notices can reach them). */
export async function dingtalkLink(userId: string, client: Client = db): Promise<{ linked: boolean; linkedAt: Date | null }> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { dingtalkUserId: true, dingtalkLinkedAt: true } });
  return { linked: Boolean(user?.dingtalkUserId), linkedAt: user?.dingtalkLinkedAt ?? null };
}
