// Quiet hours (免打扰): a notice that is not urgent reaches an officer's phone (DingTalk, SMS) only
// during working hours of a working day — the same 工作日历 the deadlines use, so a 调休 Saturday
// is a working day and a public holiday is not. Outside them the delivery is HELD until the next
// working period starts, and what piled up goes out then as one digest (jobs.ts flushHeld).
// The in-app notification is never held: only the external push waits.
//
// Working hours are Shanghai wall-clock [start, end): a notice at exactly the start goes at once,
// one at exactly the end waits for the next working day (the office has closed at 17:30:00).
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import { calendarWindow, loadCalendarExceptions } from "@/lib/platform/calendar/queries";
import {
  isWorkingDay,
  nextWorkingDay,
  parseClock,
  shanghaiDay,
  shanghaiInstant,
  type CalendarExceptions,
} from "@/lib/platform/calendar/working-days";

export type WorkingHours = { start: string; end: string };

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: "08:30", end: "17:30" };

let warnedInvalid = false;

/**
 * The working hours from settings (NOTIFY_WORKDAY_START / NOTIFY_WORKDAY_END, "HH:MM" Shanghai).
 * An unparsable or inverted pair falls back to the defaults (08:30–17:30) with one warning: a
 * typo in a notification setting must not make every action that notifies fail.
 */
export function workingHours(env: Readonly<Record<string, string | undefined>> = process.env): WorkingHours {
  const start = env.NOTIFY_WORKDAY_START?.trim() || DEFAULT_WORKING_HOURS.start;
  const end = env.NOTIFY_WORKDAY_END?.trim() || DEFAULT_WORKING_HOURS.end;
  try {
    if (parseClock(start) < parseClock(end)) return { start, end };
  } catch {
    // falls through to the defaults
  }
  if (!warnedInvalid) {
    warnedInvalid = true;
    console.warn("NOTIFY_WORKDAY_START/NOTIFY_WORKDAY_END are not a valid HH:MM range; using 08:30–17:30");
  }
  return { ...DEFAULT_WORKING_HOURS };
}

/**
 * When a non-urgent external notice created at `at` may go out: null when `at` is inside the
 * working hours of a working day (send now); otherwise the start of the next working period —
 * today's start when it is a working day and `at` is before it, else the start of the next
 * working day. `exceptions` must cover `at`'s day and the days after it (calendarWindow does).
 */
export function quietUntil(at: Date, exceptions: CalendarExceptions, hours: WorkingHours = workingHours()): Date | null {
  const day = shanghaiDay(at);
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  if (isWorkingDay(day, exceptions)) {
    const dayStart = shanghaiInstant(day, start);
    if (at.getTime() < dayStart.getTime()) return dayStart;
    if (at.getTime() < shanghaiInstant(day, end).getTime()) return null;
  }
  return shanghaiInstant(nextWorkingDay(day, exceptions), start);
}

/** `quietUntil` with the calendar exceptions loaded around `at` (one query). */
export async function loadQuietUntil(at: Date, client: Client = db): Promise<Date | null> {
  const { fromDay, toDay } = calendarWindow(shanghaiDay(at));
  return quietUntil(at, await loadCalendarExceptions(fromDay, toDay, client));
}

/** The start of working hours on the first working day on or after `day` ("YYYY-MM-DD"). */
export function workingStartOnOrAfter(day: string, exceptions: CalendarExceptions, hours: WorkingHours = workingHours()): Date {
  const first = isWorkingDay(day, exceptions) ? day : nextWorkingDay(day, exceptions);
  return shanghaiInstant(first, parseClock(hours.start));
}
