// Exports read their list page by page in the list's own order, so a 200,000-row export streams
// instead of loading every record first. pagedRows walks offset pages (skip/take) until a
// short page; cursorRows walks a keyset or cursor (the list's nextCursor, or the last id).
import "server-only";
import type { Row } from "./xlsx";

/** Records read per query: large enough to be few queries, small enough to stream. */
export const EXPORT_PAGE = 500;

type ToRow<T> = (item: T) => Row;

/** Offset pages: fetchPage(skip, take) until a page comes back shorter than `size`. */
export function pagedRows<T>(fetchPage: (skip: number, take: number) => Promise<T[]>, toRow: ToRow<T>, size = EXPORT_PAGE): AsyncGenerator<Row> {
  return cursorRows<T, number>(async (skip = 0) => {
    const rows = await fetchPage(skip, size);
    return { rows, next: rows.length < size ? null : skip + size };
  }, toRow);
}

/** Cursor pages: fetchPage(cursor) until it names no next cursor (the first call gets undefined). */
export async function* cursorRows<T, C>(
  fetchPage: (cursor: C | undefined) => Promise<{ rows: T[]; next: C | null | undefined }>, toRow: ToRow<T>,
): AsyncGenerator<Row> {
  let cursor: C | undefined;
  do {
    const page = await fetchPage(cursor);
    for (const item of page.rows) yield toRow(item);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
}
