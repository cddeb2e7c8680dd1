// A station's case list query string (app/(app)/service-stations/[stationId]/page.tsx), one
// schema per URL parameter: a bad value is dropped and named, the others still apply.
import { filterCursor, filterDay, filterEnum, filterId, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";
import { shanghaiDayStart } from "@/lib/platform/shanghai";
import { CASE_CHANNELS, CASE_STATUSES } from "./schemas";
import type { CaseListFilter } from "./queries";

export type { SearchParamsRecord };
export type CasePageFilter = CaseListFilter & { fromDay?: string; toDay?: string };

export const caseFilterShape = {
  status: filterEnum(CASE_STATUSES),
  channel: filterEnum(CASE_CHANNELS),
  staff: filterId,
  from: filterDay,
  to: filterDay,
  after: filterCursor,
};

const DAY_MS = 86_400_000;

export function parseCaseFilterWithIgnored(params: SearchParamsRecord): { filter: CasePageFilter; ignored: string[] } {
  const { filter: f, ignored } = parseFilters(caseFilterShape, params);
  return {
    filter: {
      status: f.status, channel: f.channel, staffId: f.staff, fromDay: f.from, toDay: f.to,
      // Registered on or after the first day's Shanghai midnight, before the midnight after the last.
      from: f.from ? shanghaiDayStart(f.from) : undefined,
      to: f.to ? new Date(shanghaiDayStart(f.to).getTime() + DAY_MS) : undefined,
      cursor: f.after,
    },
    ignored,
  };
}

/** The filter (and its cursor) back as a query string, without the leading "?". */
export function caseFilterQuery(v: CasePageFilter): string {
  const q = new URLSearchParams();
  if (v.status) q.set("status", v.status);
  if (v.channel) q.set("channel", v.channel);
  if (v.staffId) q.set("staff", v.staffId);
  if (v.fromDay) q.set("from", v.fromDay);
  if (v.toDay) q.set("to", v.toDay);
  if (v.cursor) q.set("after", v.cursor);
  return q.toString();
}
