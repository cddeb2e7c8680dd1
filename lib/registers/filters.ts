// List filters from query parameters (untrusted: keep only what the filter understands).
// Shared by the list pages and the export route so an export is exactly the list's rows.
import { ENTERPRISE_SIZES } from "./schemas";
import { filterCursor, filterEnum, filterId, filterText, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";
import type { EnterpriseFilter, HouseholdFilter } from "./queries";

type Params = SearchParamsRecord | URLSearchParams;

// The filter forms' fields (app/(app)/registers/*/page.tsx), one schema per URL parameter.
const common = {
  q: filterText(40),
  addr: filterText(60),
  org: filterId,
  // Active records by default; "all" shows both.
  active: filterEnum(["all", "true", "false"] as const),
  after: filterCursor,
};
export const householdFilterShape = { ...common, tag: filterText(20) };
export const enterpriseFilterShape = { ...common, size: filterEnum(ENTERPRISE_SIZES) };

const activeOf = (v: "all" | "true" | "false" | undefined) => (v === "all" ? undefined : v !== "false");

export type ParsedRegisterFilter<F> = { filter: F; after?: string; ignored: string[] };

export function parseHouseholdFilterWithIgnored(params: Params): ParsedRegisterFilter<HouseholdFilter> {
  const { filter: f, ignored } = parseFilters(householdFilterShape, params);
  return { filter: { q: f.q, addr: f.addr, orgUnitId: f.org, tag: f.tag, active: activeOf(f.active) }, after: f.after, ignored };
}

export function parseEnterpriseFilterWithIgnored(params: Params): ParsedRegisterFilter<EnterpriseFilter> {
  const { filter: f, ignored } = parseFilters(enterpriseFilterShape, params);
  return { filter: { q: f.q, addr: f.addr, orgUnitId: f.org, size: f.size, active: activeOf(f.active) }, after: f.after, ignored };
}

export function parseHouseholdFilter(params: Params): HouseholdFilter {
  return parseHouseholdFilterWithIgnored(params).filter;
}

export function parseEnterpriseFilter(params: Params): EnterpriseFilter {
  return parseEnterpriseFilterWithIgnored(params).filter;
}

export function cursorOf(params: Params): string | undefined {
  return parseFilters({ after: filterCursor }, params).filter.after;
}

/** The filter as query parameters (the default "active only" is left out). */
export function filterParams(filter: HouseholdFilter | EnterpriseFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q) p.set("q", filter.q);
  if (filter.addr) p.set("addr", filter.addr);
  if (filter.orgUnitId) p.set("org", filter.orgUnitId);
  if ("tag" in filter && filter.tag) p.set("tag", filter.tag);
  if ("size" in filter && filter.size) p.set("size", filter.size);
  if (filter.active === undefined) p.set("active", "all");
  else if (!filter.active) p.set("active", "false");
  return p;
}
