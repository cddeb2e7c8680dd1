// Calendar dates (no time zone) as PostgreSQL @db.Date columns hold them: midnight UTC of the
// day. Every module stores such days (programme periods, visits, holidays on the working-day
// calendar), so the conversion lives in the platform; lib/programmes/period re-exports it for
// the modules that import it from there.

/** A calendar date for a @db.Date column: midnight UTC of that day. */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** A @db.Date column's value as "YYYY-MM-DD". */
export function formatDateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" that names a real calendar day: Date.parse alone accepts "2027-02-29" and
 *  "2026-04-31" and rolls them into March and May, so a row would hold a day nobody typed. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
