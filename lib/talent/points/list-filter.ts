// The talent programme's lists' query strings (applications' and redemptions' status tab, the
// evaluation's year/unit/tier), parsed once for the list pages and their Excel exports.
import type { ApplicationStatus, RedemptionStatus } from "@/lib/generated/prisma/enums";
import { filterEnum, filterId, filterYear, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type { SearchParamsRecord };

export const APPLICATION_STATUSES: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "APPROVED", "REJECTED"];
export type { RedemptionStatus };

export const REDEMPTION_STATUSES: RedemptionStatus[] = ["REQUESTED", "APPROVED", "FULFILLED", "REJECTED", "CANCELLED"];

/** The status tab of each list, one schema for the URL parameter (lib/platform/url-filters.ts). */
export const applicationFilterShape = { status: filterEnum(APPLICATION_STATUSES) };
export const redemptionFilterShape = { status: filterEnum(REDEMPTION_STATUSES) };

/** The chosen status tab (undefined for "all") and whether the URL's value was ignored. */
export function parseApplicationStatusWithIgnored(params: SearchParamsRecord): { status?: ApplicationStatus; ignored: string[] } {
  const { filter, ignored } = parseFilters(applicationFilterShape, params);
  return { status: filter.status, ignored };
}

export function parseRedemptionStatusWithIgnored(params: SearchParamsRecord): { status?: RedemptionStatus; ignored: string[] } {
  const { filter, ignored } = parseFilters(redemptionFilterShape, params);
  return { status: filter.status, ignored };
}

/** The chosen status tab, or undefined for "all" (anything unknown is ignored). */
export function parseApplicationStatus(params: SearchParamsRecord): ApplicationStatus | undefined {
  return parseApplicationStatusWithIgnored(params).status;
}

export function parseRedemptionStatus(params: SearchParamsRecord): RedemptionStatus | undefined {
  return parseRedemptionStatusWithIgnored(params).status;
}

export function statusQuery(status: string | undefined): string {
  return status ? new URLSearchParams({ status }).toString() : "";
}

/** The evaluation page's filter form (app/(app)/talent/evaluation/page.tsx). */
export const evaluationFilterShape = { year: filterYear, org: filterId, tier: filterEnum(["none", "1", "2", "3", "4"] as const) };

/** The evaluation filter (the year defaults to `currentYear`) and the parameters ignored. */
export function parseEvaluationFilterWithIgnored(params: SearchParamsRecord, currentYear: number) {
  const { filter: f, ignored } = parseFilters(evaluationFilterShape, params);
  const tier = f.tier === undefined ? undefined : f.tier === "none" ? ("none" as const) : Number(f.tier);
  return { filter: { year: f.year ?? currentYear, orgUnitId: f.org, tier }, ignored };
}
