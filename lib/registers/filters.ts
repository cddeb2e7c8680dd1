// List filters from query parameters (untrusted: keep only what the filter understands).
// Shared by the list pages and the export route so an export is exactly the list's rows.
import { ENTERPRISE_SIZES } from "./schemas";
import { filterCursor, filterEnum, filterId, filterText, parseFilters, type ParsedFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";
import type { EnterpriseFilter, HouseholdFilter, RegisterFilter } from "./queries";

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

/** Reads a register list's URL: the shared filters (as RegisterFilter) plus the kind's own one. */
function parseRegisterFilter<S extends typeof common, F>(shape: S, params: Params, own: (f: ParsedFilters<S>["filter"]) => Omit<F, keyof RegisterFilter>): ParsedRegisterFilter<F> {
  const { filter: f, ignored } = parseFilters(shape, params);
  const filter = { q: f.q, addr: f.addr, orgUnitId: f.org, ...own(f), active: activeOf(f.active) } as F;
  return { filter, after: f.after, ignored };
}

export function parseHouseholdFilterWithIgnored(params: Params): ParsedRegisterFilter<HouseholdFilter> {
  return parseRegisterFilter<typeof householdFilterShape, HouseholdFilter>(householdFilterShape, params, (f) => ({ tag: f.tag }));
}

export function parseEnterpriseFilterWithIgnored(params: Params): ParsedRegisterFilter<EnterpriseFilter> {
  return parseRegisterFilter<typeof enterpriseFilterShape, EnterpriseFilter>(enterpriseFilterShape, params, (f) => ({ size: f.size }));
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
export function filterParams(filter: RegisterFilter & { tag?: string; size?: string }): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q) p.set("q", filter.q);
  if (filter.addr) p.set("addr", filter.addr);
  if (filter.orgUnitId) p.set("org", filter.orgUnitId);
  if (filter.tag) p.set("tag", filter.tag);
  if (filter.size) p.set("size", filter.size);
  if (filter.active === undefined) p.set("active", "all");
  else if (!filter.active) p.set("active", "false");
  return p;
}
