// The dashboard period: this week / month / quarter / year, or a custom range, as Shanghai
// calendar dates "YYYY-MM-DD" (inclusive). Pure, so it is unit-tested without a database. The
// day arithmetic and the trend's buckets are the platform's (lib/platform/periods.ts).
import { now as clockNow } from "@/lib/platform/clock";
import { z } from "zod";
import { addDays, shanghaiDate } from "@/lib/platform/periods";

export const PERIOD_KINDS = ["week", "month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type DashboardPeriod = { kind: PeriodKind; from: string; to: string };

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const utc = (s: string) => new Date(`${s}T00:00:00.000Z`);
const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(utc(s).getTime()) && ymd(utc(s)) === s);

/** The period of this kind containing `today` (Shanghai date). Weeks start on Monday. */
export function periodOf(kind: Exclude<PeriodKind, "custom">, today: string): DashboardPeriod {
  const d = utc(today);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (kind) {
    case "week": {
      const back = (d.getUTCDay() + 6) % 7;
      const from = addDays(today, -back);
      return { kind, from, to: addDays(from, 6) };
    }
    case "month":
      return { kind, from: ymd(new Date(Date.UTC(y, m, 1))), to: ymd(new Date(Date.UTC(y, m + 1, 0))) };
    case "quarter": {
      const q = Math.floor(m / 3) * 3;
      return { kind, from: ymd(new Date(Date.UTC(y, q, 1))), to: ymd(new Date(Date.UTC(y, q + 3, 0))) };
    }
    case "year":
      return { kind, from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** Reads ?period=&from=&to= (anything invalid falls back to this month; a custom range is at most 3 years). */
export function parseDashboardPeriod(params: { period?: string; from?: string; to?: string }, now = clockNow()): DashboardPeriod {
  const today = shanghaiDate(now);
  const kind = (PERIOD_KINDS as readonly string[]).includes(params.period ?? "") ? (params.period as PeriodKind) : "month";
  if (kind !== "custom") return periodOf(kind, today);
  const from = dateString.safeParse(params.from);
  const to = dateString.safeParse(params.to);
  if (!from.success || !to.success || from.data > to.data || utc(to.data).getTime() - utc(from.data).getTime() > 3 * 366 * DAY) {
    return periodOf("month", today);
  }
  return { kind, from: from.data, to: to.data };
}

/** Week buckets for spans up to ~4 months, month buckets beyond. */
export function trendGrain(period: Pick<DashboardPeriod, "from" | "to">): "week" | "month" {
  return utc(period.to).getTime() - utc(period.from).getTime() <= 120 * DAY ? "week" : "month";
}

/** First day of the month after `day`'s month. */
const nextMonthStart = (day: string) => {
  const d = utc(day);
  return ymd(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
};

/**
 * How a range of days reads the rollups (docs/decisions/0021-month-rollups.md): the whole
 * calendar months inside it from the month rollups (`months`: first days of the first and the
 * last whole month, or null when none), the days before and after them from the day rollups.
 * `from` null: since the beginning (every month up to the last whole one).
 */
export function splitByMonths(from: string | null, to: string): { months: [string | null, string] | null; days: [string | null, string][] } {
  const first = from === null || from.endsWith("-01") ? from : nextMonthStart(from);
  const afterLast = nextMonthStart(to) === addDays(to, 1) ? addDays(to, 1) : `${to.slice(0, 7)}-01`;
  // The first day of the last whole month: the month before `afterLast`.
  const lastWhole = `${addDays(afterLast, -1).slice(0, 7)}-01`;
  if (first !== null && first > lastWhole) return { months: null, days: [[from, to]] };
  const days: [string | null, string][] = [];
  if (from !== null && first !== null && from < first) days.push([from, addDays(first, -1)]);
  if (afterLast <= to) days.push([afterLast, to]);
  return { months: [first, lastWhole], days };
}
