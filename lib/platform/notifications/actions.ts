"use server";
// Marking one's own notifications read. The rows are the user's own: the WHERE carries the
// signed-in user's id, so another user's id finds nothing (NotFound) and changes nothing.
// Audit rows are kept lean (which notification / how many) but present, as for every write.
import { now as clockNow } from "@/lib/platform/clock";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { markNotificationReadContract, markAllNotificationsReadContract } from "./schemas";

const revalidate = ["/notifications"];

export const markNotificationReadAction = action(
  markNotificationReadContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "notification.view");
    const now = clockNow();
    const { count } = await tx.notification.updateMany({ where: { id: input.id, userId: user.id, readAt: null }, data: { readAt: now } });
    if (count === 0) {
      // Already read (a second tab, a double tap) is fine; not mine or not there is not.
      const own = await tx.notification.findFirst({ where: { id: input.id, userId: user.id }, select: { id: true } });
      if (!own) throw new NotFoundError();
    }
    await audit({ action: "notification.markRead", entityType: "Notification", entityId: input.id, data: { changed: count } });
    return { id: input.id };
  },
);

export const markAllNotificationsReadAction = action(
  markAllNotificationsReadContract, { revalidate },
  async (_input, { user, tx, audit }) => {
    assertCan(user, "notification.view");
    const { count } = await tx.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: clockNow() } });
    await audit({ action: "notification.markAllRead", entityType: "Notification", data: { count } });
    return { count };
  },
);
