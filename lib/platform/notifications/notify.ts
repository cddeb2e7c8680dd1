// Creating notifications. Always inside the transaction of the event that causes them: if the
// event rolls back, so do its notifications (and their queued deliveries and jobs).
//
// Besides the in-app row, each notification may go out on the external channels (DingTalk, …):
// one NotificationDelivery per (notification, channel) for each user the channel can reach,
// unless the programme's rule switched the kind off (ProgrammeNotificationRule.external = false)
// or the user did (NotificationPreference.enabled = false). Outside working hours a notice that
// is not urgent is HELD until the next working period (quiet-hours.ts) and goes out then, folded
// into one digest with whatever else piled up (jobs.ts flushHeld). The deliver job (jobs.ts)
// applies the per-day rules (same content once a day, the channel's daily cap).
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import type { Tx } from "@/lib/platform/db/client";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import { activeChannels, getChannel, type NotificationChannel } from "@/lib/platform/notifications/channels";
// The providers define their channel factories on import (providers/index.ts): every process
// that queues or sends external messages must have loaded them, whatever else it imported.
import "@/lib/platform/notifications/providers";
import { loadQuietUntil } from "@/lib/platform/notifications/quiet-hours";

export const DELIVER_JOB = "notifications.deliver";
/** Releases HELD deliveries whose time has come (one digest per user and channel): jobs.ts. */
export const FLUSH_JOB = "notifications.flush";

/** NotificationDelivery.status values. */
export const DELIVERY_STATUS = {
  PENDING: "PENDING",
  SENDING: "SENDING",
  SENT: "SENT",
  FAILED: "FAILED",
  SKIPPED: "SKIPPED",
  HELD: "HELD",
  FOLDED: "FOLDED",
} as const;
export type DeliveryStatus = (typeof DELIVERY_STATUS)[keyof typeof DELIVERY_STATUS];

export type NotifyInput = {
  userIds: string[];
  /** What happened, e.g. "hotline.assigned", "hotline.deadlineWarning". For filtering and channels. */
  kind: string;
  /** Message key in the "notifications" namespace, rendered in the reader's language. */
  titleKey: string;
  params?: Record<string, string | number>;
  /** In-app path of the record, e.g. "/hotline/abc". */
  link?: string;
  entityType?: string;
  entityId?: string;
  /**
   * Repeated notices with the same digestKey fold into the recipient's existing UNREAD one
   * (count + 1, lastAt = now, params/link replaced by the latest) instead of a new row.
   * E.g. "hotline.chase:<requestId>". Once read, the next notice starts a new row.
   */
  digestKey?: string;
  /** The programme the event belongs to: its ProgrammeNotificationRule rows may override `urgent` and switch external delivery off. */
  programmeId?: string;
  /** The module's default (its NotificationKindSpec): urgent notices are not held in quiet hours. */
  urgent?: boolean;
  /**
   * The module's default (NotificationKindSpec.external): false keeps the notice in-app only
   * unless the programme's rule says otherwise. Absent: true.
   */
  external?: boolean;
};

/**
 * Notifies each user once (ids are de-duplicated) and returns the affected notification ids.
 *
 * Folding is one conditional UPDATE (WHERE userId, digestKey, readAt IS NULL), then an INSERT
 * only when it touched no row. Under READ COMMITTED a concurrent fold of the same row waits for
 * the row lock and then adds its own +1, so no count is lost. Two transactions that both find no
 * unread row both insert: the user sees two rows instead of one ×2 — a duplicate, never a lost
 * notice; later notices fold into both. A unique partial index could forbid that, but it would
 * turn a harmless race into a failed business transaction.
 */
export async function notify(n: NotifyInput, tx: Tx): Promise<string[]> {
  const userIds = [...new Set(n.userIds.filter(Boolean))];
  if (userIds.length === 0) return [];
  const params = n.params ?? {};
  const now = clockNow();
  const rule = await programmeRule(n, tx);
  const touched: { id: string; userId: string; folded: boolean }[] = [];

  for (const userId of userIds) {
    if (n.digestKey) {
      const folded = await tx.notification.updateMany({
        where: { userId, digestKey: n.digestKey, readAt: null },
        data: {
          count: { increment: 1 },
          lastAt: now,
          params,
          titleKey: n.titleKey,
          kind: n.kind,
          link: n.link ?? null,
          entityType: n.entityType ?? null,
          entityId: n.entityId ?? null,
        },
      });
      if (folded.count > 0) {
        const rows = await tx.notification.findMany({
          where: { userId, digestKey: n.digestKey, readAt: null },
          select: { id: true },
        });
        touched.push(...rows.map((r) => ({ id: r.id, userId, folded: true })));
        continue;
      }
    }
    const created = await tx.notification.create({
      data: {
        userId,
        kind: n.kind,
        titleKey: n.titleKey,
        params,
        link: n.link ?? null,
        entityType: n.entityType ?? null,
        entityId: n.entityId ?? null,
        digestKey: n.digestKey ?? null,
        programmeId: n.programmeId ?? null,
        urgent: rule.urgent,
        createdAt: now,
        lastAt: now,
      },
      select: { id: true },
    });
    touched.push({ id: created.id, userId, folded: false });
  }

  if (rule.external) await queueDeliveries(n, rule.urgent, touched, now, tx);
  return touched.map((t) => t.id);
}

/** The programme's rule for this kind when it has one, else the module's defaults from the input. */
async function programmeRule(n: NotifyInput, tx: Tx): Promise<{ external: boolean; urgent: boolean }> {
  const defaults = { external: n.external ?? true, urgent: n.urgent ?? false };
  if (!n.programmeId) return defaults;
  const row = await tx.programmeNotificationRule.findUnique({
    where: { programmeId_kind: { programmeId: n.programmeId, kind: n.kind } },
    select: { external: true, urgent: true },
  });
  return row ?? defaults;
}

/**
 * The external deliveries of the touched notifications, in a fixed number of queries whatever
 * the number of users: the users who switched the kind off (one query), each channel's
 * reachable users (one per channel), the calendar when it is quiet time (one), one INSERT …
 * ON CONFLICT DO NOTHING, one UPDATE for folds and one job row.
 *
 * A folded notification whose delivery is still waiting (PENDING/HELD) just carries the latest
 * params when it goes. One whose delivery has gone (SENT, FAILED, FOLDED, SKIPPED, or being sent)
 * gets a NEW delivery for the repeat — with notificationId null, so the unique
 * (notificationId, channel) index is not hit; the row carries its own content — otherwise a
 * user would get one push per digestKey and then nothing until they open the in-app centre.
 * The deliver job's same-day content fold and daily cap keep the repeats in bounds.
 */
async function queueDeliveries(
  n: NotifyInput,
  urgent: boolean,
  touched: readonly { id: string; userId: string; folded: boolean }[],
  now: Date,
  tx: Tx,
): Promise<void> {
  const channels = activeChannels().filter((c): c is NotificationChannel & Required<Pick<NotificationChannel, "reachableUsers">> => !!c.reachableUsers);
  if (channels.length === 0 || touched.length === 0) return;
  const userIds = [...new Set(touched.map((t) => t.userId))];

  const switchedOff = await tx.notificationPreference.findMany({
    where: { userId: { in: userIds }, kind: n.kind, channel: { in: channels.map((c) => c.name) }, enabled: false },
    select: { userId: true, channel: true },
  });
  const off = new Set(switchedOff.map((p) => `${p.channel}\u0000${p.userId}`));
  const reachable = new Map<string, Set<string>>();
  for (const channel of channels) reachable.set(channel.name, await channel.reachableUsers(userIds, tx));

  const targets = touched.flatMap((t) =>
    channels
      .filter((c) => reachable.get(c.name)!.has(t.userId) && !off.has(`${c.name}\u0000${t.userId}`))
      .map((c) => ({ notificationId: t.id, userId: t.userId, channel: c.name })),
  );
  if (targets.length === 0) return;

  const notBefore = urgent ? null : await loadQuietUntil(now, tx);
  const content = { kind: n.kind, template: n.titleKey, params: n.params ?? {}, link: n.link ?? null };
  // Every row queued now, a first delivery or a fold's repeat, starts the same way.
  const queued = { ...content, urgent, status: notBefore ? DELIVERY_STATUS.HELD : DELIVERY_STATUS.PENDING, notBefore, createdAt: now, updatedAt: now };
  // Only the rows inserted now need a job: a delivery that already existed (a fold) either has
  // its job queued still, or has gone.
  const inserted = await tx.notificationDelivery.createManyAndReturn({
    data: targets.map((t) => ({
      ...t,
      ...queued,
    })),
    skipDuplicates: true,
    select: { id: true, notificationId: true, channel: true },
  });

  const foldedIds = touched.filter((t) => t.folded).map((t) => t.id);
  if (foldedIds.length > 0) {
    const waiting = await tx.notificationDelivery.updateManyAndReturn({
      where: { notificationId: { in: foldedIds }, status: { in: [DELIVERY_STATUS.PENDING, DELIVERY_STATUS.HELD] } },
      data: { ...content, updatedAt: now },
      select: { notificationId: true, channel: true },
    });
    // Folds whose delivery has gone: a repeat row of its own (see above). Same routing as the
    // targets (rule, preference, reach) and the same quiet-hours hold.
    const covered = new Set([...inserted, ...waiting].map((d) => `${d.channel}\u0000${d.notificationId}`));
    const folded = new Set(foldedIds);
    const repeats = targets.filter((t) => folded.has(t.notificationId) && !covered.has(`${t.channel}\u0000${t.notificationId}`));
    if (repeats.length > 0) {
      const again = await tx.notificationDelivery.createManyAndReturn({
        data: repeats.map((t) => ({
          notificationId: null,
          userId: t.userId,
          channel: t.channel,
          ...queued,
        })),
        select: { id: true, notificationId: true, channel: true },
      });
      inserted.push(...again);
    }
  }

  if (inserted.length === 0) return;
  if (notBefore) await enqueueFlush(notBefore, tx);
  else await enqueue(DELIVER_JOB, { deliveryIds: inserted.map((d) => d.id) }, undefined, tx);
}

/**
 * A flush job at `at`. One per instant, not per user: it releases every (user, channel) whose
 * held deliveries are due by then (most of them share the same 08:30 of the next working day),
 * so a notice to two hundred users adds one job row, not two hundred. The singleton key makes
 * the second and later enqueues for the same instant no-ops. The 15-minute cron of the flush
 * job is the safety net for anything these miss.
 */
export async function enqueueFlush(at: Date, tx: Tx): Promise<void> {
  await enqueue(FLUSH_JOB, {}, { startAfter: at, singletonKey: `at:${at.toISOString()}` }, tx);
}

export type SendExternalInput = {
  /** A channel name ("sms"). */
  channel: string;
  /** The record whose contact gets the message; the channel looks the address up at send time. */
  to: { recipientType: string; recipientId: string };
  /** "hotline.sms.intake". */
  kind: string;
  /** The channel's template name. */
  template: string;
  params?: Record<string, string | number>;
  link?: string;
  /** One message per event however often the event's code runs: "sms:intake:<requestId>". */
  dedupeKey: string;
  urgent?: boolean;
};

/**
 * A message to a record's contact who is not a user (an SMS to the enterprise that called the
 * hotline), queued in the caller's transaction. Returns the delivery's id — the existing one when
 * `dedupeKey` was already queued (nothing is queued twice) — or null when the channel is off.
 *
 * Not held by quiet hours: these messages answer the enterprise's own action (its call, its
 * request being answered), so they go out at once whatever `urgent` says; it is only stored.
 */
export async function sendExternal(input: SendExternalInput, tx: Tx): Promise<string | null> {
  if (!getChannel(input.channel)) return null;
  const now = clockNow();
  const [created] = await tx.notificationDelivery.createManyAndReturn({
    data: [
      {
        channel: input.channel,
        recipientType: input.to.recipientType,
        recipientId: input.to.recipientId,
        kind: input.kind,
        template: input.template,
        params: input.params ?? {},
        link: input.link ?? null,
        urgent: input.urgent ?? false,
        dedupeKey: input.dedupeKey,
        status: DELIVERY_STATUS.PENDING,
        createdAt: now,
        updatedAt: now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) {
    const existing = await tx.notificationDelivery.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
    return existing?.id ?? null;
  }
  await enqueue(DELIVER_JOB, { deliveryIds: [created.id] }, undefined, tx);
  return created.id;
}
