// Sends queued deliveries to the external channels (DingTalk, SMS: channels.ts), and releases
// the ones held by quiet hours or the daily cap (as one digest per user and channel).
//
// Exactly-once as far as the database can make it: a delivery is sent only by the run that
// moved it PENDING → SENDING with a conditional UPDATE, so two jobs running at once, or one job
// run twice, never send it twice. The one gap is a crash between the provider's acceptance and
// the SENT update: the row stays SENDING, and releaseStaleClaims returns it to PENDING after
// STALE_CLAIM_MINUTES, so that message may go out twice — at-least-once for a crash mid-send,
// rather than a message silently lost.
//
// The per-day rules (same content at most once a day, the channel's daily cap) are decided
// under an advisory lock per (channel, recipient), so two runs for the same user cannot both
// take the last slot of the day.
import { createHash } from "node:crypto";
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { canonicalJson } from "@/lib/platform/audit/chain";
// The providers define their channel factories on import (providers/index.ts): every process
// that queues or sends external messages must have loaded them, whatever else it imported.
import "@/lib/platform/notifications/providers";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { advisoryXactLock, LOCK_NAMESPACE } from "@/lib/platform/db/advisory-lock";
import { calendarWindow, loadCalendarExceptions } from "@/lib/platform/calendar/queries";
import { addCalendarDays, parseClock, shanghaiDay, shanghaiInstant } from "@/lib/platform/calendar/working-days";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import { defineJob } from "@/lib/platform/jobs/registry";
import { ChannelError, getChannel, type NotificationChannel, type OutboundMessage, type Recipient } from "@/lib/platform/notifications/channels";
import { DELIVER_JOB, DELIVERY_STATUS, enqueueFlush, FLUSH_JOB } from "@/lib/platform/notifications/notify";
import { workingHours, workingStartOnOrAfter } from "@/lib/platform/notifications/quiet-hours";
import type { NotificationDelivery } from "@/lib/generated/prisma/client";

export type DeliverJobData = { deliveryIds: string[] };
/** The flush job releases everything due; its data is empty (cron ticks and startAfter timers alike). */
export type FlushJobData = Record<string, never>;

/** Gives up on a delivery after this many failed attempts (it stays FAILED, shown on the admin page). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** A deliver job running longer than this is failed and retried by pg-boss. */
export const DELIVER_JOB_EXPIRE_SECONDS = 300;
/** A SENDING claim older than this belongs to a run that died: see releaseStaleClaims. */
export const STALE_CLAIM_MINUTES = 10;
/** The kind, and the in-app link, of a digest delivery. */
export const DIGEST_KIND = "digest";
export const DIGEST_LINK = "/notifications";
const DIGEST_KINDS_MAX = 200;
const LAST_ERROR_MAX = 500;
const RETRY_AFTER_GRACE_MS = 5_000;

export type DeliverResult = { sent: number; failed: number; retrying: number; held: number; folded: number; skipped: number };

/**
 * Sends each PENDING delivery among `data.deliveryIds` (others are ignored: already sent,
 * claimed by another run, held, …). Throws at the end when some failed and should be retried
 * with pg-boss's back-off; a failure whose provider named a wait (retryAfterSeconds) gets its
 * own delayed job instead.
 */
export async function deliverPending(data: DeliverJobData, client: Db = db): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, failed: 0, retrying: 0, held: 0, folded: 0, skipped: 0 };
  let retryWithBackoff = 0;
  for (const id of new Set(data.deliveryIds ?? [])) {
    const outcome = await deliverOne(id, client);
    if (outcome === "retry") retryWithBackoff += 1;
    if (outcome === "retry" || outcome === "retryLater") result.retrying += 1;
    else if (outcome !== "none") result[outcome] += 1;
  }
  // Throwing makes pg-boss retry the job (with back-off); what was sent meanwhile is not PENDING
  // any more and is skipped next time.
  if (retryWithBackoff > 0) throw new Error(`${retryWithBackoff} notification deliveries failed; will retry`);
  return result;
}

type Outcome = "none" | "sent" | "failed" | "retry" | "retryLater" | "held" | "folded" | "skipped";

type Claimed = { row: NotificationDelivery; channel: NotificationChannel; count: number };

async function deliverOne(id: string, client: Db): Promise<Outcome> {
  const decision = await client.$transaction((tx) => decide(id, tx));
  if (typeof decision === "string") return decision;
  const { row, channel, count } = decision;
  const attempt = row.attempts + 1;
  const message: OutboundMessage = {
    deliveryId: row.id,
    channel: row.channel,
    to: recipientOf(row),
    kind: row.kind,
    template: row.template,
    params: paramsOf(row),
    link: row.link,
    count,
    urgent: row.urgent,
    attempt,
  };
  const sending = { id: row.id, status: DELIVERY_STATUS.SENDING };
  // Only the provider call is in the try: a database error after the provider accepted must not
  // be taken for a failed send (back to PENDING → sent again).
  let sent: Awaited<ReturnType<NotificationChannel["send"]>>;
  try {
    sent = await channel.send(message);
  } catch (error) {
    const lastError = safeErrorText(error);
    const retryable = !isChannelError(error) || error.retryable;
    if (!retryable || attempt >= MAX_DELIVERY_ATTEMPTS) {
      await client.notificationDelivery.updateMany({ where: sending, data: { status: DELIVERY_STATUS.FAILED, attempts: attempt, lastError, updatedAt: clockNow() } });
      return "failed";
    }
    const waitSeconds = isChannelError(error) ? error.retryAfterSeconds : undefined;
    if (waitSeconds !== undefined && waitSeconds > 0) {
      // The provider said when: a job of its own at that time, not pg-boss's back-off. The time
      // is kept in notBefore too, so an earlier rerun of this batch (pg-boss retries it when
      // another row failed) leaves the row to that job instead of calling the provider too soon.
      const retryAt = new Date(clockNow().getTime() + waitSeconds * 1000);
      await client.$transaction(async (tx) => {
        const back = await tx.notificationDelivery.updateMany({ where: sending, data: { status: DELIVERY_STATUS.PENDING, notBefore: retryAt, attempts: attempt, lastError, updatedAt: clockNow() } });
        if (back.count > 0) await enqueue(DELIVER_JOB, { deliveryIds: [row.id] }, { startAfter: retryAt }, tx);
      });
      return "retryLater";
    }
    await client.notificationDelivery.updateMany({ where: sending, data: { status: DELIVERY_STATUS.PENDING, attempts: attempt, lastError, updatedAt: clockNow() } });
    return "retry";
  }
  try {
    await client.notificationDelivery.updateMany({
      where: sending,
      data: { status: DELIVERY_STATUS.SENT, sentAt: clockNow(), providerRef: sent?.providerRef ?? null, attempts: attempt, lastError: null, updatedAt: clockNow() },
    });
  } catch (error) {
    // Sent, but not recorded: the row stays SENDING, as after a crash mid-send (releaseStaleClaims
    // may send it again after STALE_CLAIM_MINUTES — the one at-least-once case), and the rest of
    // the batch goes on. Only the delivery id is logged: the error could quote the message.
    console.error(`[notifications] delivery ${row.id} was sent but its SENT status was not saved`, safeErrorText(error));
  }
  return "sent";
}

/**
 * In one short transaction: what happens to delivery `id` — nothing (not PENDING), SKIPPED,
 * FOLDED (same content already sent today), HELD (daily cap) or claimed for sending (SENDING).
 * The send itself happens after the commit, so no transaction is held open across the network.
 */
async function decide(id: string, tx: Tx): Promise<Outcome | Claimed> {
  const peek = await tx.notificationDelivery.findUnique({ where: { id } });
  if (!peek || peek.status !== DELIVERY_STATUS.PENDING) return "none";
  const now = clockNow();
  // A provider's retry-after not reached yet: its own delayed job sends it (see deliverOne). The
  // grace absorbs a little skew between pg-boss's clock (the database's) and ours.
  if (peek.notBefore && peek.notBefore.getTime() > now.getTime() + RETRY_AFTER_GRACE_MS) return "none";
  const pending = { id, status: DELIVERY_STATUS.PENDING };
  const channel = getChannel(peek.channel);
  const notification = peek.notificationId
    ? await tx.notification.findUnique({ where: { id: peek.notificationId }, select: { count: true } })
    : null;
  if (!channel || (peek.notificationId && !notification)) {
    // The channel was switched off, or the notification went with its user.
    const skipped = await tx.notificationDelivery.updateMany({ where: pending, data: { status: DELIVERY_STATUS.SKIPPED, updatedAt: now } });
    return skipped.count > 0 ? "skipped" : "none";
  }

  await advisoryXactLock(LOCK_NAMESPACE.notificationRecipient, recipientLockKey(peek.channel, recipientOf(peek)), tx);
  // Re-read after the lock: another run may have claimed it while we waited.
  const row = await tx.notificationDelivery.findUnique({ where: { id } });
  if (!row || row.status !== DELIVERY_STATUS.PENDING) return "none";

  const contentKey = contentKeyOf(row);
  const dayStart = shanghaiInstant(shanghaiDay(now), 0);
  // Sent today, or being sent by another run right now (it counts: it may well succeed).
  const today = [
    { status: DELIVERY_STATUS.SENT, sentAt: { gte: dayStart } },
    { status: DELIVERY_STATUS.SENDING, claimedAt: { gte: dayStart } },
  ];

  // Digests are exempt: two digests of the same size on one day carry different notices. So are
  // rows with a dedupeKey: each is a distinct event by construction (the second "answered" SMS
  // after a reopen has the same text as the first, and must still go).
  if (row.kind !== DIGEST_KIND && !row.dedupeKey) {
    const same = await tx.notificationDelivery.findFirst({
      where: { id: { not: id }, ...(row.userId && { userId: row.userId }), channel: row.channel, contentKey, OR: today },
      select: { id: true },
    });
    if (same) {
      await tx.notificationDelivery.updateMany({ where: pending, data: { status: DELIVERY_STATUS.FOLDED, contentKey, updatedAt: now } });
      return "folded";
    }
  }

  if (row.userId && channel.dailyCap !== undefined && channel.dailyCap > 0) {
    const used = await tx.notificationDelivery.count({ where: { id: { not: id }, userId: row.userId, channel: row.channel, OR: today } });
    // The last slot of the day is kept for the digest that carries what the cap held back, so
    // the cap is never exceeded and nothing is lost. A digest — or a notice released alone from
    // a hold (it has notBefore) — may take it.
    const limit = row.kind === DIGEST_KIND || row.notBefore ? channel.dailyCap : channel.dailyCap - 1;
    if (used >= limit) {
      const notBefore = await nextDayStart(now, row.urgent, tx);
      await tx.notificationDelivery.updateMany({ where: pending, data: { status: DELIVERY_STATUS.HELD, notBefore, contentKey, updatedAt: now } });
      await enqueueFlush(notBefore, tx);
      return "held";
    }
  }

  const claimed = await tx.notificationDelivery.updateMany({
    where: pending,
    data: { status: DELIVERY_STATUS.SENDING, claimedAt: now, contentKey, updatedAt: now },
  });
  if (claimed.count === 0) return "none";
  // A digest carries its size in params; a notice its notification's count. A row with no
  // notification (a fold's repeat, a message to a record's contact) is one event: 1 — a
  // notice's own params may well have a "count" of something else.
  const count = row.notificationId ? notification!.count : row.kind === DIGEST_KIND ? Number(paramsOf(row).count ?? 1) || 1 : 1;
  return { row, channel, count };
}

/**
 * When what the daily cap held back goes out: the start of working hours the next day — the
 * next working day for a notice that is not urgent (it would be held by quiet hours anyway),
 * the next calendar day for an urgent one.
 */
async function nextDayStart(now: Date, urgent: boolean, tx: Tx): Promise<Date> {
  const tomorrow = addCalendarDays(shanghaiDay(now), 1);
  const hours = workingHours();
  if (urgent) return shanghaiInstant(tomorrow, parseClock(hours.start));
  const { fromDay, toDay } = calendarWindow(tomorrow);
  return workingStartOnOrAfter(tomorrow, await loadCalendarExceptions(fromDay, toDay, tx), hours);
}

/**
 * Returns SENDING claims older than STALE_CLAIM_MINUTES (longer than a deliver job may run) to
 * PENDING, with a deliver job for them. Such a claim belongs to a run that crashed or was
 * killed; whether its provider call went through is unknown, so the message may go out twice —
 * accepted (at-least-once) for that case only. Returns how many were released.
 */
export async function releaseStaleClaims(now: Date = clockNow(), client: Db = db): Promise<number> {
  const before = new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000);
  return client.$transaction(async (tx) => {
    const released = await tx.notificationDelivery.updateManyAndReturn({
      where: { status: DELIVERY_STATUS.SENDING, claimedAt: { lt: before } },
      data: { status: DELIVERY_STATUS.PENDING, updatedAt: now },
      select: { id: true },
    });
    if (released.length > 0) await enqueue(DELIVER_JOB, { deliveryIds: released.map((r) => r.id) }, undefined, tx);
    return released.length;
  });
}

/** A PENDING delivery untouched this long has most likely lost its job: see requeueStranded. */
export const STRANDED_PENDING_MINUTES = 15;

/**
 * Queues a deliver job for PENDING deliveries that are due (no retry-after still to wait) and
 * have not changed for STRANDED_PENDING_MINUTES: their job gave up (pg-boss's retries exhausted
 * by errors outside the send, e.g. the database) or was lost, and nothing else would ever send
 * them. updatedAt is moved so the next tick does not queue them again at once; a second job for
 * a row whose job was merely late is harmless (only one run can claim it). Returns how many.
 */
export async function requeueStranded(now: Date = clockNow(), client: Db = db): Promise<number> {
  const before = new Date(now.getTime() - STRANDED_PENDING_MINUTES * 60_000);
  return client.$transaction(async (tx) => {
    const stranded = await tx.notificationDelivery.updateManyAndReturn({
      where: { status: DELIVERY_STATUS.PENDING, updatedAt: { lt: before }, OR: [{ notBefore: null }, { notBefore: { lte: now } }] },
      data: { updatedAt: now },
      select: { id: true },
    });
    if (stranded.length > 0) await enqueue(DELIVER_JOB, { deliveryIds: stranded.map((r) => r.id) }, undefined, tx);
    return stranded.length;
  });
}

/**
 * Releases the HELD deliveries due by `now`, per (user, channel): one alone goes out as it is
 * (PENDING); several go out as ONE digest ("N notices: kinds…", link to the notification centre)
 * and are marked FOLDED with its id. Each (user, channel) in its own transaction under the
 * recipient's advisory lock, so two flushes at once (the timer and the cron tick) make one
 * digest, not two: the second finds nothing HELD any more.
 */
export async function flushHeld(now: Date = clockNow(), client: Db = db): Promise<{ released: number; digests: number }> {
  const groups = await client.notificationDelivery.findMany({
    where: { status: DELIVERY_STATUS.HELD, notBefore: { lte: now }, userId: { not: null } },
    distinct: ["userId", "channel"],
    select: { userId: true, channel: true },
  });
  let released = 0;
  let digests = 0;
  for (const { userId, channel } of groups) {
    if (!userId) continue;
    await client.$transaction(async (tx) => {
      await advisoryXactLock(LOCK_NAMESPACE.notificationRecipient, recipientLockKey(channel, { userId }), tx);
      const held = await tx.notificationDelivery.findMany({
        where: { status: DELIVERY_STATUS.HELD, notBefore: { lte: now }, userId, channel },
        // Arrival order, ties (same millisecond) by id: the digest lists its kinds the same way every time.
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true },
      });
      if (held.length === 0) return;
      if (held.length === 1) {
        await tx.notificationDelivery.update({ where: { id: held[0]!.id }, data: { status: DELIVERY_STATUS.PENDING, updatedAt: now } });
        await enqueue(DELIVER_JOB, { deliveryIds: [held[0]!.id] }, undefined, tx);
        released += 1;
        return;
      }
      const digest = await tx.notificationDelivery.create({
        data: {
          notificationId: null,
          userId,
          channel,
          kind: DIGEST_KIND,
          template: null,
          params: { count: held.length, kinds: digestKinds(held.map((h) => h.kind)) },
          link: DIGEST_LINK,
          urgent: false,
          status: DELIVERY_STATUS.PENDING,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      await tx.notificationDelivery.updateMany({
        where: { id: { in: held.map((h) => h.id) }, status: DELIVERY_STATUS.HELD },
        data: { status: DELIVERY_STATUS.FOLDED, digestId: digest.id, updatedAt: now },
      });
      await enqueue(DELIVER_JOB, { deliveryIds: [digest.id] }, undefined, tx);
      released += held.length;
      digests += 1;
    });
  }
  return { released, digests };
}

/** The distinct kinds of a digest, comma-joined, whole kinds only, at most 200 characters. */
export function digestKinds(kinds: readonly string[]): string {
  let out = "";
  for (const kind of new Set(kinds)) {
    const next = out ? `${out},${kind}` : kind;
    if (next.length > DIGEST_KINDS_MAX) break;
    out = next;
  }
  return out;
}

function recipientOf(row: Pick<NotificationDelivery, "userId" | "recipientType" | "recipientId">): Recipient {
  if (row.userId) return { userId: row.userId };
  return { recipientType: row.recipientType ?? "", recipientId: row.recipientId ?? "" };
}

function recipientLockKey(channel: string, to: Recipient): string {
  return "userId" in to ? `${channel}|user:${to.userId}` : `${channel}|${to.recipientType}:${to.recipientId}`;
}

function paramsOf(row: Pick<NotificationDelivery, "params">): Record<string, string | number> {
  const p = row.params;
  return p && typeof p === "object" && !Array.isArray(p) ? (p as Record<string, string | number>) : {};
}

/** sha256(channel|recipient|kind|template|params|link), params with sorted keys: "the same message to the same person". */
export function contentKeyOf(row: Pick<NotificationDelivery, "channel" | "userId" | "recipientType" | "recipientId" | "kind" | "template" | "params" | "link">): string {
  const to = recipientOf(row);
  const recipient = "userId" in to ? `user:${to.userId}` : `${to.recipientType}:${to.recipientId}`;
  return createHash("sha256")
    .update([row.channel, recipient, row.kind, row.template ?? "", canonicalJson(paramsOf(row)), row.link ?? ""].join("|"))
    .digest("hex");
}

function isChannelError(error: unknown): error is ChannelError {
  return error instanceof ChannelError;
}

/**
 * What is stored as lastError (and shown on the admin page). Channels promise their
 * ChannelError messages carry no phone number or secret; anything else thrown (an SDK's network
 * error) might quote a URL with a token or a number, so those are masked, and all is capped.
 */
export function safeErrorText(error: unknown): string {
  const text = isChannelError(error) ? error.message : String(error instanceof Error ? error.message : error);
  return text
    .replace(/((?:access_?token|token|secret|signature|accesskey\w*|appkey|appsecret|password)["']?\s*[=:]\s*["']?)[^\s&"',}]+/gi, "$1***")
    .replace(/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g, "***")
    .slice(0, LAST_ERROR_MAX);
}

defineJob<DeliverJobData>(
  DELIVER_JOB,
  async (data) => {
    await deliverPending(data);
  },
  { retryLimit: MAX_DELIVERY_ATTEMPTS, retryDelay: 30, retryBackoff: true, expireInSeconds: DELIVER_JOB_EXPIRE_SECONDS },
);

// Timers (startAfter = the held deliveries' notBefore) run it when a hold ends; the cron tick is
// the safety net (a timer lost with a restore, claims left by a crashed run, PENDING rows whose
// deliver job gave up).
defineJob<FlushJobData>(
  FLUSH_JOB,
  async () => {
    const at = clockNow();
    await releaseStaleClaims(at);
    await requeueStranded(at);
    await flushHeld(at);
  },
  { cron: "*/15 * * * *", retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
);
