// List filters from query parameters (untrusted: keep only what the filter understands).
// Shared by the list pages and the export route so an export is exactly the list's rows.
import { ENTERPRISE_SIZES, type EnterpriseSizeValue } from "./schemas";
import type { EnterpriseFilter, HouseholdFilter } from "./queries";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: Params, name: string, max = 64): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, max);
}

function activeOf(params: Params): boolean | undefined {
  // Active records by default; "all" shows both.
  const v = first(params, "active");
  return v === "all" ? undefined : v === "false" ? false : true;
}

export function parseHouseholdFilter(params: Params): HouseholdFilter {
  return {
    q: first(params, "q", 40) || undefined,
    addr: first(params, "addr", 60) || undefined,
    orgUnitId: first(params, "org") || undefined,
    tag: first(params, "tag", 20) || undefined,
    active: activeOf(params),
  };
}

export function parseEnterpriseFilter(params: Params): EnterpriseFilter {
  const size = first(params, "size");
  return {
    q: first(params, "q", 40) || undefined,
    addr: first(params, "addr", 60) || undefined,
    orgUnitId: first(params, "org") || undefined,
    size: (ENTERPRISE_SIZES as readonly string[]).includes(size) ? (size as EnterpriseSizeValue) : undefined,
    active: activeOf(params),
  };
}

export function cursorOf(params: Params): string | undefined {
  return first(params, "after") || undefined;
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
