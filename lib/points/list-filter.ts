// The applications and redemptions lists' query strings (a status tab), parsed once for the
// list pages and their Excel exports.
import type { ApplicationStatus, RedemptionStatus } from "@/lib/generated/prisma/enums";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export const APPLICATION_STATUSES: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "APPROVED", "REJECTED"];
export type { RedemptionStatus };

export const REDEMPTION_STATUSES: RedemptionStatus[] = ["REQUESTED", "APPROVED", "FULFILLED", "REJECTED", "CANCELLED"];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** The chosen status tab, or undefined for "all" (anything unknown is ignored). */
export function parseApplicationStatus(params: SearchParamsRecord): ApplicationStatus | undefined {
  const s = one(params.status);
  return APPLICATION_STATUSES.find((x) => x === s);
}

export function parseRedemptionStatus(params: SearchParamsRecord): RedemptionStatus | undefined {
  const s = one(params.status);
  return REDEMPTION_STATUSES.find((x) => x === s);
}

export function statusQuery(status: string | undefined): string {
  return status ? new URLSearchParams({ status }).toString() : "";
}
