// The demo's dates, all derived from one anchor instant (`seedDemo(db, { now })`): the demo
// district is "alive" on whatever day it is seeded — programmes of this year running, last
// year's closed, six months of activity up to the anchor, deadlines both met and ahead.
// Spec dates are written as day offsets from the anchor's Shanghai date (D(-30) = 30 days
// ago), never as literal dates, so the same stories hold in any year.
import { shanghaiInstant, shanghaiYear, shanghaiYmd } from "@/lib/platform/clock";
import { isWorkingDay, type CalendarExceptions } from "@/lib/platform/calendar/working-days";

export type DemoTime = {
  now: Date;
  /** The anchor's Shanghai calendar year ("this year" of the demo). */
  Y: number;
  /** The anchor's Shanghai date, "YYYY-MM-DD". */
  today: string;
  /** The current quarter (1–4). */
  quarter: number;
  /** "YYYY-MM-DD" n days from today (Shanghai). */
  D(n: number): string;
  /** The instant at a Shanghai wall-clock time ("HH:MM") n days from today. */
  at(n: number, hhmm?: string): Date;
};

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant of a Shanghai wall-clock time on a Shanghai date. */
export function instantOn(day: string, hhmm = "10:00"): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = hhmm.split(":").map(Number);
  return shanghaiInstant(y!, m!, d!, hh!, mm!);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export function demoTime(now: Date): DemoTime {
  const today = shanghaiYmd(now);
  const Y = shanghaiYear(now);
  const D = (n: number) => addDays(today, n);
  return { now, Y, today, quarter: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1, D, at: (n, hhmm = "10:00") => instantOn(D(n), hhmm) };
}

/**
 * The working day on or before `day` (the calendar's exceptions, weekends otherwise): demo
 * activity happens on working days only.
 */
export function workingDayOnOrBefore(day: string, exceptions: CalendarExceptions): string {
  let d = day;
  while (!isWorkingDay(d, exceptions)) d = addDays(d, -1);
  return d;
}

/** Every working day in [from, to] (inclusive), oldest first. */
export function workingDaysBetween(from: string, to: string, exceptions: CalendarExceptions): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) out.push(d);
  return out;
}
