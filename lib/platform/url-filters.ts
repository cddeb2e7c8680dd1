// A list page's filters from its URL. The URL is typed by anyone (a bookmark, an edited link, a
// crawler), so each filter goes through the same zod schema as the list's filter form, one
// field at a time: a bad value is dropped and named, the other filters still apply, and the
// page says what it ignored instead of failing (a "2026-13-45" once reached Prisma and
// showed 出错了). Used by every list page and the exports that share its filters.
import { z } from "zod";
import { isCalendarDay } from "./dates";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** One zod schema per URL parameter, keyed by the parameter's name. */
export type FilterShape = Record<string, z.ZodType>;

export type ParsedFilters<S extends FilterShape> = {
  filter: { [K in keyof S]?: z.output<S[K]> };
  /** The parameters whose value did not parse, in the shape's order. */
  ignored: (keyof S & string)[];
};

function firstValue(params: SearchParamsRecord | URLSearchParams, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

/** Parses each parameter of `shape` on its own; an empty or absent one is no filter, not an error. */
export function parseFilters<S extends FilterShape>(shape: S, params: SearchParamsRecord | URLSearchParams): ParsedFilters<S> {
  const filter: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const raw = firstValue(params, name);
    if (!raw) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filter[name] = parsed.data;
    else ignored.push(name);
  }
  return { filter: filter as ParsedFilters<S>["filter"], ignored: ignored as ParsedFilters<S>["ignored"] };
}

// ── Field schemas the lists share ─────────────────────────────────────────────────────────

/** The years a filter may name. A real but absurd day ("0001-01-01") used to reach PostgreSQL as
 *  Shanghai midnight — year 0 in UTC, out of its range — and the list answered 出错了. */
export const FILTER_YEAR_MIN = 2000;
export const FILTER_YEAR_MAX = 2100;
const yearInRange = (v: string) => {
  const y = Number(v.slice(0, 4));
  return y >= FILTER_YEAR_MIN && y <= FILTER_YEAR_MAX;
};

/** A real calendar day, "YYYY-MM-DD", in the years above ("2026-02-30", "2026-13-45" and
 *  "0001-01-01" are not). */
export const filterDay = z.string().refine((v) => isCalendarDay(v) && yearInRange(v));

/** A reporting period: a year, a month ("2026-03") or a quarter ("2026-Q1"), in the years above. */
export const filterPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/).refine(yearInRange);

/** A record id chosen in a filter's select. */
export const filterId = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Free text typed into a filter's search box. */
export const filterText = (max: number) => z.string().max(max);

/** One of a fixed list of values (a status, a kind). */
export const filterEnum = <T extends string>(values: readonly T[]): z.ZodType<T> =>
  z.string().refine((v) => (values as readonly string[]).includes(v)) as unknown as z.ZodType<T>;

/** A checkbox-style flag in the URL: "1" on. */
export const filterFlag = z.literal("1").transform(() => true);

/** A keyset cursor: opaque, bounded. */
export const filterCursor = z.string().max(200);

/** A whole year in the range the app plans for. */
export const filterYear = z.coerce.number().int().min(FILTER_YEAR_MIN).max(FILTER_YEAR_MAX);

/**
 * For a parameter that picks one of the user's records (a programme): a value the picker did
 * not take (unknown, or not the user's) fell back to the default, so the page names it.
 */
export function ignoredChoice(name: string, requested: string | string[] | undefined, chosenId: string | undefined): string[] {
  const value = (Array.isArray(requested) ? requested[0] : requested)?.trim();
  return value && value !== chosenId ? [name] : [];
}
