// The visit list's query string, parsed once for the list page and its Excel export.
import type { VisitListFilter } from "./queries";
import { VISIT_KINDS } from "./schemas";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Only well-formed values reach the query; anything else in the URL is ignored. */
export function parseVisitFilter(params: SearchParamsRecord): VisitListFilter {
  const kind = one(params.kind);
  const from = one(params.from);
  const to = one(params.to);
  const id = (v: string) => (v && v.length <= 64 ? v : undefined);
  return {
    programmeId: id(one(params.campaign)),
    officerId: id(one(params.officer)),
    kind: (VISIT_KINDS as readonly string[]).includes(kind) ? (kind as VisitListFilter["kind"]) : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    cursor: one(params.after).slice(0, 200) || undefined,
  };
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
