// The problem list's query string, parsed once for the list page and its Excel export.
import type { ProblemListFilter } from "./queries";
import { PROBLEM_STATUSES } from "./transitions";
import { filterCursor, filterEnum, filterFlag, filterId, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type { SearchParamsRecord };

/** The filter form's fields (app/(app)/problems/page.tsx), one schema per URL parameter. */
export const problemFilterShape = {
  tab: filterEnum(["all", "department"] as const),
  status: filterEnum(PROBLEM_STATUSES),
  campaign: filterId,
  mine: filterFlag,
  overdue: filterFlag,
  after: filterCursor,
};

/** The list's filter and the parameters it ignored (bad values), for the page's notice. */
export function parseProblemFilterWithIgnored(params: SearchParamsRecord): { filter: ProblemListFilter; ignored: string[] } {
  const { filter: f, ignored } = parseFilters(problemFilterShape, params);
  return {
    filter: { tab: f.tab ?? "all", status: f.status, programmeId: f.campaign, mine: !!f.mine, overdue: !!f.overdue, cursor: f.after },
    ignored,
  };
}

export function parseProblemFilter(params: SearchParamsRecord): ProblemListFilter {
  return parseProblemFilterWithIgnored(params).filter;
}

/** The filter (and its cursor) back as a query string, without the leading "?". */
export function problemFilterQuery(f: ProblemListFilter): string {
  const q = new URLSearchParams();
  if (f.tab === "department") q.set("tab", "department");
  if (f.status) q.set("status", f.status);
  if (f.programmeId) q.set("campaign", f.programmeId);
  if (f.mine) q.set("mine", "1");
  if (f.overdue) q.set("overdue", "1");
  if (f.cursor) q.set("after", f.cursor);
  return q.toString();
}
