// Visit times are entered as a wall-clock time in Asia/Shanghai (UTC+8 all year, no
// daylight saving) from <input type="datetime-local">, and stored as UTC instants.
import { now as clockNow } from "@/lib/platform/clock";
import { TIME_ZONE } from "@/lib/platform/i18n/locales";

export const DATETIME_LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** "2026-11-23T09:30" (Shanghai wall clock) → the UTC instant; null when not a real time. */
export function parseShanghaiLocal(value: string): Date | null {
  if (!DATETIME_LOCAL_PATTERN.test(value)) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const date = new Date(`${withSeconds}+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject overflowing parts ("2026-02-31T10:00" would roll into March).
  return toShanghaiLocal(date).slice(0, 16) === withSeconds.slice(0, 16) ? date : null;
}

/** The instant as "YYYY-MM-DDTHH:mm" on the Shanghai wall clock (for datetime-local inputs). */
export function toShanghaiLocal(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** Today's calendar date in Shanghai, "YYYY-MM-DD". */
export function todayInShanghai(now: Date = clockNow()): string {
  return toShanghaiLocal(now).slice(0, 10);
}

/** Start of a Shanghai calendar day as a UTC instant. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** A visit may be dated a little ahead of the server clock (phones drift), not more. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
