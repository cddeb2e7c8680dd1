// Reads of the notification centre. A user only ever sees their own rows: every query is
// keyed by the signed-in user's id, so a forged notification id finds nothing.
import "server-only";
import { cache } from "react";
import { db, type Db, type Tx } from "@/lib/platform/db/client";

export type NotificationItem = {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  count: number;
  readAt: Date | null;
  createdAt: Date;
  lastAt: Date;
};

/**
 * Cached per request (React `cache`): the header's bell and the notification centre both show
 * it, and one render needs one COUNT. Only renders read it (no action does), so a request's
 * mark-as-read action always runs before the count is first taken and cached.
 */
export const unreadNotificationCount = cache(async (userId: string, client: Tx | Db = db): Promise<number> => {
  return client.notification.count({ where: { userId, readAt: null } });
});

export const NOTIFICATION_PAGE_SIZE = 30;

/** Cursor: "<lastAt ISO>_<id>" of the last row of the previous page. */
function parseCursor(after: string | undefined): { lastAt: Date; id: string } | null {
  if (!after) return null;
  const i = after.lastIndexOf("_");
  const lastAt = new Date(after.slice(0, i));
  const id = after.slice(i + 1);
  return i > 0 && id && !Number.isNaN(lastAt.getTime()) ? { lastAt, id } : null;
}

/** Newest activity first (a folded digest moves up when it grows), keyset-paged. */
export async function listNotifications(
  userId: string,
  options: { unreadOnly?: boolean; after?: string; take?: number } = {}, client: Tx | Db = db,
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  const take = options.take ?? NOTIFICATION_PAGE_SIZE;
  const cursor = parseCursor(options.after);
  const rows = await client.notification.findMany({
    where: {
      userId,
      ...(options.unreadOnly && { readAt: null }),
      ...(cursor && {
        OR: [{ lastAt: { lt: cursor.lastAt } }, { lastAt: cursor.lastAt, id: { lt: cursor.id } }],
      }),
    },
    orderBy: [{ lastAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      titleKey: r.titleKey,
      params: (r.params ?? {}) as Record<string, string | number>,
      link: r.link,
      entityType: r.entityType,
      entityId: r.entityId,
      count: r.count,
      readAt: r.readAt,
      createdAt: r.createdAt,
      lastAt: r.lastAt,
    })),
    nextCursor: rows.length > take && last ? `${last.lastAt.toISOString()}_${last.id}` : null,
  };
}
