// Dates for tests, derived from the instant the demo data was seeded for (global-setup), never
// written as literal years: the suite must pass on any day, and under libfaketime at another
// date. Use `demoNow` for anything that relates to seeded data; use `now()` (lib/platform/clock)
// or pinClock for what a test creates itself.
import { inject } from "vitest";
import { shanghaiInstant, shanghaiYear, shanghaiYmd } from "@/lib/platform/clock";

/** The instant the seeded demo district was generated for. */
export const demoNow = new Date(inject("demoNow"));
/** The Shanghai calendar year of the seeded demo ("this year" in the demo data). */
export const demoYear = shanghaiYear(demoNow);
/** The Shanghai date of the seed, "YYYY-MM-DD". */
export const demoToday = shanghaiYmd(demoNow);

/** "YYYY-MM-DD" n days from a Shanghai date. */
export function addDaysYmd(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" for a year, month (1–12) and day. */
export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export { shanghaiInstant, shanghaiYear, shanghaiYmd };
