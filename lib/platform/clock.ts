// The one clock the server reads. Every rule that depends on "now" (same-day deadlines,
// overdue visits, quotas and tiers per year, programme periods, pledges, milestones, rate
// limits) takes its instant from here or from a parameter that defaults to here, so a test can
// pin the time exactly instead of depending on the day it runs.
//
// In production nothing is ever pinned: `now()` is the system clock. Pinning exists for tests
// in one process (Vitest); it is never read from a request, a header or the database, so it
// holds no state that would differ between app instances. To run the whole system (app and
// PostgreSQL) at another date, use libfaketime (see README › Tests).
import { TIME_ZONE } from "@/lib/platform/i18n/locales";

let pinned: Date | null = null;

/** The current instant. */
export function now(): Date {
  return pinned ? new Date(pinned.getTime()) : new Date();
}

/** Milliseconds since the epoch, as `Date.now()` would give them, through the same clock. */
export function nowMs(): number {
  return pinned ? pinned.getTime() : Date.now();
}

/** Tests only: make `now()` return this instant until `unpinClock()`. Refused in production. */
export function pinClock(at: Date): void {
  if (process.env.NODE_ENV === "production") throw new Error("pinClock is for tests: a production server reads the system clock");
  if (Number.isNaN(at.getTime())) throw new Error("pinClock: invalid date");
  pinned = new Date(at.getTime());
}

/** Tests only: back to the system clock. */
export function unpinClock(): void {
  pinned = null;
}

const ymdFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Shanghai calendar date of an instant, "YYYY-MM-DD" (Shanghai is UTC+8 all year). */
export function shanghaiYmd(instant: Date = now()): string {
  return ymdFormat.format(instant);
}

/** The Shanghai calendar year of an instant: 31 Dec 16:00 UTC is already next year here. */
export function shanghaiYear(instant: Date = now()): number {
  return Number(shanghaiYmd(instant).slice(0, 4));
}

/** The instant of a Shanghai wall-clock time (month 1–12). */
export function shanghaiInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second));
}
