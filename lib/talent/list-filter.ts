// The talents list's query string, parsed once for the list page and its Excel export.
export type SearchParamsRecord = Record<string, string | string[] | undefined>;
export type TalentListParams = { q?: string; enterpriseId?: string; after?: string };

const one = (v: string | string[] | undefined) => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" && s.trim() ? s.trim().slice(0, 64) : undefined;
};

/** Only trimmed, bounded values reach the query. */
export function parseTalentFilter(params: SearchParamsRecord): TalentListParams {
  return { q: one(params.q), enterpriseId: one(params.enterprise), after: one(params.after) };
}

/** The filter back as a query string (no leading "?"), without the cursor. */
export function talentFilterQuery(filter: { q?: string; enterpriseId?: string }): string {
  const q = new URLSearchParams();
  if (filter.q) q.set("q", filter.q);
  if (filter.enterpriseId) q.set("enterprise", filter.enterpriseId);
  return q.toString();
}
