import { z } from "zod";

export const markNotificationReadSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const markAllNotificationsReadSchema = z.strictObject({});

/** Only in-app paths may be followed from a notification ("/hotline/abc"), never another site. */
export function safeNotificationLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return link;
}
