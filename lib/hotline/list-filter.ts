// The hotline request list's query string, parsed once for the list page and its Excel export.
import { REQUEST_TABS, type RequestListFilter, type RequestTab } from "./queries";
import { REQUEST_STATUSES } from "./transitions";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;
export type RequestPageFilter = RequestListFilter & { fromDay?: string; toDay?: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseRequestFilter(params: SearchParamsRecord): RequestPageFilter {
  const tab = one(params.tab) as RequestTab;
  const status = one(params.status);
  const from = one(params.from);
  const to = one(params.to);
  return {
    tab: REQUEST_TABS.includes(tab) ? tab : "queue",
    status: (REQUEST_STATUSES as readonly string[]).includes(status) ? (status as RequestListFilter["status"]) : undefined,
    category: one(params.category).slice(0, 20) || undefined,
    fromDay: DAY.test(from) ? from : undefined,
    toDay: DAY.test(to) ? to : undefined,
    from: DAY.test(from) ? new Date(`${from}T00:00:00+08:00`) : undefined,
    to: DAY.test(to) ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
    cursor: one(params.after).slice(0, 200) || undefined,
  };
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
