// The talents list's query string, parsed once for the list page and its Excel export.
import { filterCursor, filterId, filterText, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type { SearchParamsRecord };
export type TalentListParams = { q?: string; enterpriseId?: string; after?: string };

/** The filter form's fields (app/(app)/talent/page.tsx), one schema per URL parameter. */
export const talentFilterShape = { q: filterText(40), enterprise: filterId, after: filterCursor };

/** The list's filter and the parameters it ignored (bad values), for the page's notice. */
export function parseTalentFilterWithIgnored(params: SearchParamsRecord): TalentListParams & { ignored: string[] } {
  const { filter: f, ignored } = parseFilters(talentFilterShape, params);
  return { q: f.q, enterpriseId: f.enterprise, after: f.after, ignored };
}

/** Only well-formed values reach the query. */
export function parseTalentFilter(params: SearchParamsRecord): TalentListParams {
  const { q, enterpriseId, after } = parseTalentFilterWithIgnored(params);
  return { q, enterpriseId, after };
}

/** The filter back as a query string (no leading "?"), without the cursor. */
export function talentFilterQuery(filter: { q?: string; enterpriseId?: string }): string {
  const q = new URLSearchParams();
  if (filter.q) q.set("q", filter.q);
  if (filter.enterpriseId) q.set("enterprise", filter.enterpriseId);
  return q.toString();
}
