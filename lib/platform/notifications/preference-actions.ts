"use server";
// A user's own switch for one kind of notice on one external channel (/account/notifications).
// The row is keyed by the signed-in user's id: there is no one else's row to reach. In-app
// notices are not switchable (the notification centre always shows them).
import { now as clockNow } from "@/lib/platform/clock";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { userChannels } from "@/lib/platform/notifications/admin";
import { setNotificationPreferenceContract } from "./schemas";

export const setNotificationPreferenceAction = action(
  setNotificationPreferenceContract, { revalidate: ["/account/notifications"] },
  async (input, { user, tx, audit }) => {
    assertCan(user, "notification.preferences");
    if (!userChannels().some((c) => c.name === input.channel)) throw new NotFoundError();
    const key = { userId_kind_channel: { userId: user.id, kind: input.kind, channel: input.channel } };
    const before = await tx.notificationPreference.findUnique({ where: key, select: { enabled: true } });
    await tx.notificationPreference.upsert({
      where: key,
      create: { userId: user.id, kind: input.kind, channel: input.channel, enabled: input.enabled, updatedAt: clockNow() },
      update: { enabled: input.enabled, updatedAt: clockNow() },
    });
    await audit({
      action: "notification.setPreference",
      entityType: "NotificationPreference",
      entityId: user.id,
      data: { kind: input.kind, channel: input.channel, before: before?.enabled ?? null, after: input.enabled },
    });
    return { enabled: input.enabled };
  },
);
