// The report's URL parameters (page and export share them).
import { now as clockNow } from "@/lib/platform/clock";
import { reportRange, type ReportFilter } from "./reports";

export function parseReportParams(search: URLSearchParams, now = clockNow()) {
  const get = (k: string) => (search.get(k) ?? "").trim().slice(0, 40);
  const groupBy = (["department", "month", "quarter"] as const).find((g) => g === get("group")) ?? "department";
  const range = reportRange({ period: get("period"), from: get("from"), to: get("to") }, now);
  const programmeId = get("programme");
  const filter: ReportFilter = { from: range.from, to: range.to, groupBy, programmeId: programmeId || undefined };
  return { filter, range, raw: { period: get("period"), from: get("from"), to: get("to"), group: groupBy, programme: programmeId } };
}
