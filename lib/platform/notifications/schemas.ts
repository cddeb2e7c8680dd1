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
