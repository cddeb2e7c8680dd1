// The working calendar (工作日历): Monday–Friday are working days, except public holidays
// (法定节假日, HOLIDAY rows) on weekdays; Saturdays and Sundays are not, except make-up working
// days (调休上班, WORKDAY rows). The exceptions come from the admin-maintained CalendarDay table
// (lib/platform/calendar/queries.ts loads them); everything in this file is pure so it can be tested
// without a database.
//
// Days are Shanghai calendar dates written "YYYY-MM-DD". Asia/Shanghai has been UTC+8 all year
// round (no daylight saving) since 1991, so a fixed offset is exact for every date this app sees.

export type CalendarDayKindValue = "HOLIDAY" | "WORKDAY";

/** Exceptions keyed by Shanghai calendar date "YYYY-MM-DD". */
export type CalendarExceptions = ReadonlyMap<string, CalendarDayKindValue>;

/**
 * A same-day rule (当日受理/交办/回应): something arriving on a working day before `cutoff` is due
 * at `dayEnd` of that day; otherwise at `dayEnd` of the next working day.
 */
export type SameDayRule = {
  /** "HH:MM", Shanghai wall-clock time, e.g. "17:00". */
  cutoff: string;
  /** "HH:MM" end of the working day, Shanghai wall-clock; "24:00" = midnight at the end of the day. */
  dayEnd: string;
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** Parses "YYYY-MM-DD" into a UTC-midnight Date (for day arithmetic only). Throws on bad input. */
function parseDay(day: string): Date {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (formatDay(d) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return d;
}

function formatDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Minutes after midnight of "HH:MM" (00:00–24:00). Throws on bad input. */
export function parseClock(value: string): number {
  const m = TIME_PATTERN.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`not a time of day: ${value}`);
  return minutes;
}

/** The Shanghai calendar date of an instant, "YYYY-MM-DD". */
export function shanghaiDay(at: Date): string {
  return formatDay(new Date(at.getTime() + SHANGHAI_OFFSET_MS));
}

/** Minutes since Shanghai midnight of an instant (0–1439, fractions for seconds). */
function shanghaiMinutes(at: Date): number {
  const ms = (at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS;
  return (ms < 0 ? ms + DAY_MS : ms) / 60_000;
}

/** The instant of Shanghai wall-clock `minutes` after midnight on `day` ("24:00" = next midnight). */
export function shanghaiInstant(day: string, minutes: number): Date {
  return new Date(parseDay(day).getTime() + minutes * 60_000 - SHANGHAI_OFFSET_MS);
}

/** `day` plus `n` calendar days. */
export function addCalendarDays(day: string, n: number): string {
  return formatDay(new Date(parseDay(day).getTime() + n * DAY_MS));
}

export function isWeekend(day: string): boolean {
  const weekday = parseDay(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(day);
  if (exception === "HOLIDAY") return false;
  if (exception === "WORKDAY") return true;
  return !isWeekend(day);
}

// The longest run of non-working days in a Chinese year is 9 (春节 2026); a year without any
// working day means the exceptions are broken, not that we should loop forever.
const MAX_SCAN_DAYS = 366;

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: string, exceptions: CalendarExceptions): string {
  let candidate = day;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    candidate = addCalendarDays(candidate, 1);
    if (isWorkingDay(candidate, exceptions)) return candidate;
  }
  throw new RangeError(`no working day within a year after ${day}: check the calendar exceptions`);
}

/**
 * `n` working days after `day` (n ≥ 0). n = 0 returns `day` itself when it is a working day,
 * else the next working day. n = 1 is the next working day after `day`.
 */
export function addWorkingDays(day: string, n: number, exceptions: CalendarExceptions): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  if (n === 0) return isWorkingDay(day, exceptions) ? day : nextWorkingDay(day, exceptions);
  let current = day;
  for (let i = 0; i < n; i++) current = nextWorkingDay(current, exceptions);
  return current;
}

/**
 * When something arriving at `at` is due under a same-day rule.
 *
 * - Arriving on a working day strictly before the cut-off → `dayEnd` of that day.
 * - Arriving exactly AT the cut-off or later, or on a non-working day → `dayEnd` of the next
 *   working day. The boundary belongs to the next day: "a request arriving after 17:00" in the
 *   office's rule means the desk has closed at 17:00:00, so 17:00:00.000 is already "after".
 * - Arriving before the cut-off but after `dayEnd` cannot happen when cutoff ≤ dayEnd; if an
 *   admin sets them the other way round the cut-off still decides and the deadline may be in
 *   the past — callers validate cutoff ≤ dayEnd (see `sameDayRuleIsValid`).
 *
 * All times are Asia/Shanghai wall-clock; the result is an absolute instant.
 */
export function sameDayDeadline(at: Date, rule: SameDayRule, exceptions: CalendarExceptions): Date {
  const cutoff = parseClock(rule.cutoff);
  const dayEnd = parseClock(rule.dayEnd);
  const day = shanghaiDay(at);
  const dueDay =
    isWorkingDay(day, exceptions) && shanghaiMinutes(at) < cutoff ? day : nextWorkingDay(day, exceptions);
  return shanghaiInstant(dueDay, dayEnd);
}

/** A rule is usable when both times parse and the cut-off is not after the end of the day. */
export function sameDayRuleIsValid(rule: SameDayRule): boolean {
  try {
    const cutoff = parseClock(rule.cutoff);
    const dayEnd = parseClock(rule.dayEnd);
    return cutoff > 0 && cutoff <= dayEnd;
  } catch {
    return false;
  }
}

/** Builds the exceptions map from rows (Date at UTC midnight, as Prisma returns @db.Date). */
export function exceptionsFromRows(rows: Iterable<{ date: Date; kind: CalendarDayKindValue }>): CalendarExceptions {
  const map = new Map<string, CalendarDayKindValue>();
  for (const row of rows) map.set(formatDay(row.date), row.kind);
  return map;
}
