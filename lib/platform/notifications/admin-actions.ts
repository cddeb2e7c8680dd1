"use server";
// Retrying failed external deliveries (/admin/notifications). A retry puts the row back to
// PENDING with a fresh attempt count and queues the deliver job in the same transaction: if
// the audit or the enqueue fails, the row stays FAILED. Conditional on status FAILED, so a
// second click (or a second admin) re-queues nothing twice. Scoped like the page
// (admin.ts deliveryScope): a delivery outside the admin's area is "not found".
import { now as clockNow } from "@/lib/platform/clock";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import { DELIVER_JOB } from "@/lib/platform/notifications/notify";
import { deliveryScope, RETRY_ALL_LIMIT } from "@/lib/platform/notifications/admin";
import { retryAllFailedDeliveriesContract, retryDeliveryContract } from "./schemas";

const revalidate = ["/admin/notifications"];
const retried = () => ({ status: "PENDING", attempts: 0, lastError: null, notBefore: null, claimedAt: null, updatedAt: clockNow() });

export const retryDeliveryAction = action(
  retryDeliveryContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "notification.configure");
    const scope = await deliveryScope(user, tx);
    const delivery = await tx.notificationDelivery.findFirst({
      where: { AND: [scope, { id: input.id }] },
      select: { id: true, status: true, channel: true, kind: true, attempts: true },
    });
    if (!delivery) throw new NotFoundError();
    const { count } = await tx.notificationDelivery.updateMany({ where: { id: delivery.id, status: "FAILED" }, data: retried() });
    if (count > 0) await enqueue(DELIVER_JOB, { deliveryIds: [delivery.id] }, undefined, tx);
    await audit({
      action: "notification.retryDelivery",
      entityType: "NotificationDelivery",
      entityId: delivery.id,
      data: { channel: delivery.channel, kind: delivery.kind, attempts: delivery.attempts, requeued: count },
    });
    return { requeued: count };
  },
);

export const retryAllFailedDeliveriesAction = action(
  retryAllFailedDeliveriesContract, { revalidate },
  async (_input, { user, tx, audit }) => {
    assertCan(user, "notification.configure");
    const scope = await deliveryScope(user, tx);
    const failed = await tx.notificationDelivery.findMany({
      where: { AND: [scope, { status: "FAILED" }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RETRY_ALL_LIMIT,
      select: { id: true },
    });
    const ids = failed.map((d) => d.id);
    const { count } = ids.length
      ? await tx.notificationDelivery.updateMany({ where: { id: { in: ids }, status: "FAILED" }, data: retried() })
      : { count: 0 };
    if (count > 0) await enqueue(DELIVER_JOB, { deliveryIds: ids }, undefined, tx);
    await audit({ action: "notification.retryAllFailed", entityType: "NotificationDelivery", data: { requeued: count } });
    return { requeued: count };
  },
);
