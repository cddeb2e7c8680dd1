// Sends queued deliveries to external channels (SMS, 浙政钉) once one is registered
// (lib/platform/notifications/channels.ts). Idempotent per delivery: only PENDING rows are sent and a
// sent row is marked SENT, so a retried job skips what already went out. (An external send
// that succeeded just before the process died can be repeated once: at-least-once.)
import { now } from "@/lib/platform/clock";
import "server-only";
import { db } from "@/lib/platform/db/client";
import { defineJob } from "@/lib/platform/jobs/registry";
import { getChannel } from "@/lib/platform/notifications/channels";
import { DELIVER_JOB } from "@/lib/platform/notifications/notify";

export type DeliverJobData = { deliveryIds: string[] };

/** Gives up on a delivery after this many failed attempts (it stays FAILED, visible in the DB). */
export const MAX_DELIVERY_ATTEMPTS = 5;

export async function deliverPending(data: DeliverJobData): Promise<{ sent: number; failed: number }> {
  const deliveries = await db.notificationDelivery.findMany({
    where: { id: { in: data.deliveryIds ?? [] }, status: "PENDING" },
  });
  let sent = 0;
  let failed = 0;
  for (const d of deliveries) {
    const channel = getChannel(d.channel);
    const notification = await db.notification.findUnique({ where: { id: d.notificationId } });
    if (!channel || !notification) {
      // Channel no longer registered or the user (and so the notification) was deleted.
      await db.notificationDelivery.updateMany({ where: { id: d.id, status: "PENDING" }, data: { status: "SKIPPED" } });
      continue;
    }
    try {
      await channel.send({
        deliveryId: d.id,
        channel: d.channel,
        notificationId: notification.id,
        userId: notification.userId,
        kind: notification.kind,
        titleKey: notification.titleKey,
        params: (notification.params ?? {}) as Record<string, string | number>,
        link: notification.link,
        count: notification.count,
        attempt: d.attempts + 1,
      });
      await db.notificationDelivery.updateMany({
        where: { id: d.id, status: "PENDING" },
        data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, lastError: null },
      });
      sent += 1;
    } catch (error) {
      const attempts = d.attempts + 1;
      await db.notificationDelivery.updateMany({
        where: { id: d.id, status: "PENDING" },
        data: {
          attempts,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          status: attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "PENDING",
        },
      });
      if (attempts < MAX_DELIVERY_ATTEMPTS) failed += 1;
    }
  }
  // Throwing makes pg-boss retry the job (with back-off); sent rows are skipped next time.
  if (failed > 0) throw new Error(`${failed} notification deliveries failed; will retry`);
  return { sent, failed };
}

defineJob<DeliverJobData>(DELIVER_JOB, async (data) => {
  await deliverPending(data);
}, { retryLimit: MAX_DELIVERY_ATTEMPTS, retryDelay: 30, retryBackoff: true });
