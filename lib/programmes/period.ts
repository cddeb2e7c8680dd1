// Target periods are written as a year "2026", a quarter "2026-Q4" or a month "2026-11".
// Dates are calendar dates (no time zone): the first and last day of the period.

export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export type PeriodRange = { start: string; end: string };

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

export function parsePeriod(label: string): PeriodRange | null {
  const m = PERIOD_PATTERN.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  let firstMonth = 1;
  let lastMonth = 12;
  if (m[2]) {
    firstMonth = (Number(m[2]) - 1) * 3 + 1;
    lastMonth = firstMonth + 2;
  } else if (m[3]) {
    firstMonth = lastMonth = Number(m[3]);
  }
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** Two closed date ranges (YYYY-MM-DD strings compare correctly as text) overlap. */
export function rangesOverlap(a: PeriodRange, b: PeriodRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

// The day ↔ @db.Date conversions belong to the platform (lib/platform/dates.ts); re-exported
// here for the many modules that import them with the period helpers.
export { dateOnly, formatDateOnly } from "@/lib/platform/dates";

/**
 * The same period `years` later: "2026" → "2027", "2026-Q4" → "2027-Q4", "2026-11" → "2027-11"
 * (a rollover re-keys targets this way). Null when the label does not parse or leaves 2000–2100.
 */
export function shiftPeriod(label: string, years: number): string | null {
  const m = PERIOD_PATTERN.exec(label);
  if (!m || !parsePeriod(label)) return null;
  const shifted = `${Number(m[1]) + years}${label.slice(4)}`;
  return parsePeriod(shifted) ? shifted : null;
}
