// The visit list's query string, parsed once for the list page and its Excel export.
import type { VisitListFilter } from "./queries";
import { VISIT_KINDS } from "./schemas";
import { filterCursor, filterDay, filterEnum, filterId, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type { SearchParamsRecord };

/** The filter form's fields (app/(app)/visits/page.tsx), one schema per URL parameter. */
export const visitFilterShape = {
  campaign: filterId,
  officer: filterId,
  kind: filterEnum(VISIT_KINDS),
  from: filterDay,
  to: filterDay,
  after: filterCursor,
};

/** The list's filter and the parameters it ignored (bad values), for the page's notice. */
export function parseVisitFilterWithIgnored(params: SearchParamsRecord): { filter: VisitListFilter; ignored: string[] } {
  const { filter: f, ignored } = parseFilters(visitFilterShape, params);
  return {
    filter: { programmeId: f.campaign, officerId: f.officer, kind: f.kind, from: f.from, to: f.to, cursor: f.after },
    ignored,
  };
}

/** Only well-formed values reach the query; anything else in the URL is ignored. */
export function parseVisitFilter(params: SearchParamsRecord): VisitListFilter {
  return parseVisitFilterWithIgnored(params).filter;
}

/** The filter (and cursor) back as a query string, without the leading "?". */
export function visitFilterQuery(filter: VisitListFilter, cursor?: string): string {
  const q = new URLSearchParams();
  if (filter.programmeId) q.set("campaign", filter.programmeId);
  if (filter.officerId) q.set("officer", filter.officerId);
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  if (cursor) q.set("after", cursor);
  return q.toString();
}
