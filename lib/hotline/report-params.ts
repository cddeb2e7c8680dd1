// The report's URL parameters (page and export share them).
import { now as clockNow } from "@/lib/platform/clock";
import { filterDay, filterEnum, filterPeriod, filterId, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";
import { reportRange, type ReportFilter } from "./reports";

export function parseReportParams(search: URLSearchParams, now = clockNow()) {
  const get = (k: string) => (search.get(k) ?? "").trim().slice(0, 40);
  const groupBy = (["department", "month", "quarter"] as const).find((g) => g === get("group")) ?? "department";
  const range = reportRange({ period: get("period"), from: get("from"), to: get("to") }, now);
  const programmeId = get("programme");
  const filter: ReportFilter = { from: range.from, to: range.to, groupBy, programmeId: programmeId || undefined };
  return { filter, range, raw: { period: get("period"), from: get("from"), to: get("to"), group: groupBy, programme: programmeId } };
}

/** The report form's fields (app/(app)/hotline/reports/page.tsx), one schema per URL parameter. */
export const reportFilterShape = {
  period: filterPeriod,
  from: filterDay,
  to: filterDay,
  group: filterEnum(["department", "month", "quarter"] as const),
  programme: filterId,
};

/** The report's parameters as parseReportParams reads them, and those it ignored (the page says so). */
export function parseReportParamsWithIgnored(params: SearchParamsRecord | URLSearchParams, now = clockNow()) {
  const { filter, ignored } = parseFilters(reportFilterShape, params);
  const search = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  return { ...parseReportParams(search, now), ignored };
}
