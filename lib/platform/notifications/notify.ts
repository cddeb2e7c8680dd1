// Creating notifications. Always inside the transaction of the event that causes them: if the
// event rolls back, so do its notifications (and their queued deliveries).
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import type { Tx } from "@/lib/platform/db/client";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import { externalChannelNames } from "@/lib/platform/notifications/channels";

export const DELIVER_JOB = "notifications.deliver";

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
  const touched: string[] = [];

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
        touched.push(...rows.map((r) => r.id));
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
        urgent: n.urgent ?? false,
        createdAt: now,
        lastAt: now,
      },
      select: { id: true },
    });
    touched.push(created.id);
  }

  await queueDeliveries(tx, touched);
  return touched;
}

/**
 * One delivery row per (notification, external channel), plus one job that sends them. A folded
 * notification whose delivery was already sent is not sent again: the digest's point is to
 * not ping the user for every repeat.
 */
async function queueDeliveries(tx: Tx, notificationIds: string[]): Promise<void> {
  const channels = externalChannelNames();
  if (channels.length === 0 || notificationIds.length === 0) return;
  await tx.notificationDelivery.createMany({
    data: notificationIds.flatMap((notificationId) => channels.map((channel) => ({ notificationId, channel }))),
    skipDuplicates: true,
  });
  const pending = await tx.notificationDelivery.findMany({
    where: { notificationId: { in: notificationIds }, channel: { in: channels }, status: "PENDING" },
    select: { id: true },
  });
  if (pending.length > 0) await enqueue(DELIVER_JOB, { deliveryIds: pending.map((d) => d.id) }, undefined, tx);
}
