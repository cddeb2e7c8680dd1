// The hotline request list's query string, parsed once for the list page and its Excel export.
import { REQUEST_TABS, type RequestListFilter } from "./queries";
import { REQUEST_STATUSES } from "./transitions";
import { filterCursor, filterDay, filterEnum, filterText, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type { SearchParamsRecord };
export type RequestPageFilter = RequestListFilter & { fromDay?: string; toDay?: string };

/** The filter form's fields (app/(app)/hotline/page.tsx), one schema per URL parameter. */
export const requestFilterShape = {
  tab: filterEnum(REQUEST_TABS),
  status: filterEnum(REQUEST_STATUSES),
  category: filterText(20),
  from: filterDay,
  to: filterDay,
  after: filterCursor,
};

/** The list's filter and the parameters it ignored (bad values), for the page's notice. */
export function parseRequestFilterWithIgnored(params: SearchParamsRecord): { filter: RequestPageFilter; ignored: string[] } {
  const { filter: f, ignored } = parseFilters(requestFilterShape, params);
  return {
    filter: {
      tab: f.tab ?? "queue",
      status: f.status,
      category: f.category,
      fromDay: f.from,
      toDay: f.to,
      // Received on or after the first day's Shanghai midnight, before the midnight after the last.
      from: f.from ? new Date(`${f.from}T00:00:00+08:00`) : undefined,
      to: f.to ? new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
      cursor: f.after,
    },
    ignored,
  };
}

export function parseRequestFilter(params: SearchParamsRecord): RequestPageFilter {
  return parseRequestFilterWithIgnored(params).filter;
}

/** The filter (and its cursor) back as a query string, without the leading "?". */
export function requestFilterQuery(v: RequestPageFilter): string {
  const q = new URLSearchParams();
  if (v.tab && v.tab !== "queue") q.set("tab", v.tab);
  if (v.status) q.set("status", v.status);
  if (v.category) q.set("category", v.category);
  if (v.fromDay) q.set("from", v.fromDay);
  if (v.toDay) q.set("to", v.toDay);
  if (v.cursor) q.set("after", v.cursor);
  return q.toString();
}
