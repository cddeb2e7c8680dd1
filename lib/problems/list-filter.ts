// The problem list's query string, parsed once for the list page and its Excel export.
import type { ProblemListFilter } from "./queries";
import { PROBLEM_STATUSES } from "./transitions";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function parseProblemFilter(params: SearchParamsRecord): ProblemListFilter {
  const status = one(params.status);
  const campaign = one(params.campaign);
  return {
    tab: one(params.tab) === "department" ? "department" : "all",
    status: (PROBLEM_STATUSES as readonly string[]).includes(status) ? (status as ProblemListFilter["status"]) : undefined,
    programmeId: campaign && campaign.length <= 64 ? campaign : undefined,
    mine: one(params.mine) === "1",
    overdue: one(params.overdue) === "1",
    cursor: one(params.after).slice(0, 200) || undefined,
  };
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
