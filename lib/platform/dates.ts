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
