// How far ahead a problem raised on a visit may be due, without zod: the visit form shows the
// range as it renders (settings.ts, which re-exports this, holds the schemas).
export const PROBLEM_DUE_DAYS_DEFAULT = 365;
/** The largest horizon a campaign may set; also the bound the schema checks before the campaign is known. */
export const PROBLEM_DUE_DAYS_MAX = 3650;

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The due dates allowed for a problem raised on a visit of `visitDay` (both ends included). */
export function problemDueRange(visitDay: string, horizonDays: number): { from: string; to: string } {
  return { from: visitDay, to: addDays(visitDay, horizonDays) };
}
