import { z } from "zod";
import { defineAction } from "@/lib/platform/contract";

export const markNotificationReadSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const markAllNotificationsReadSchema = z.strictObject({});

/** Only in-app paths may be followed from a notification ("/hotline/abc"), never another site. */
export function safeNotificationLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return link;
}

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const markNotificationReadContract = defineAction({ name: "notification.markRead", schema: markNotificationReadSchema });
export const markAllNotificationsReadContract = defineAction({ name: "notification.markAllRead", schema: markAllNotificationsReadSchema });

// ── Issue 18: the admin page of deliveries and each user's channel switches ────────────────

/** A notice kind as raised by a module: "hotline.breach", "visits.overdue". */
export const notificationKindSchema = z.string().min(3).max(64).regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+$/);
/** An external channel's stored name ("dingtalk", "sms"); never the in-app one. */
export const notificationChannelSchema = z.string().min(2).max(32).regex(/^[a-z][a-zA-Z0-9]*$/);

export const retryDeliverySchema = z.strictObject({ id: z.string().min(1).max(64) });
export const retryAllFailedDeliveriesSchema = z.strictObject({});
export const setNotificationPreferenceSchema = z.strictObject({
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  enabled: z.boolean(),
});

export const retryDeliveryContract = defineAction({ name: "notification.retryDelivery", schema: retryDeliverySchema });
export const retryAllFailedDeliveriesContract = defineAction({ name: "notification.retryAllFailed", schema: retryAllFailedDeliveriesSchema });
export const setNotificationPreferenceContract = defineAction({ name: "notification.setPreference", schema: setNotificationPreferenceSchema });
