// Milestone lateness, on the Asia/Shanghai calendar. Planned and actual dates are calendar
// dates (@db.Date, stored as UTC midnight); "today" is the Shanghai calendar day of `now`,
// which from 00:00 to 08:00 Shanghai time is one day ahead of the UTC date. Pure.
import { now as clockNow } from "@/lib/platform/clock";
import { todayInShanghai } from "@/lib/platform/shanghai";

export type MilestoneTiming = "DONE" | "DONE_LATE" | "PENDING" | "LATE";

const day = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * DONE / DONE_LATE (actual after planned) for a reached milestone; PENDING / LATE (planned
 * day already over in Shanghai, no actual date) for one not reached yet.
 */
export function milestoneTiming(m: { plannedOn: Date | string; actualOn: Date | string | null }, now: Date = clockNow()): MilestoneTiming {
  const planned = day(m.plannedOn);
  if (m.actualOn) return day(m.actualOn) > planned ? "DONE_LATE" : "DONE";
  return planned < todayInShanghai(now) ? "LATE" : "PENDING";
}

/** Late means: not reached and its planned day is past in Shanghai, or reached after the planned day. */
export function isMilestoneLate(m: { plannedOn: Date | string; actualOn: Date | string | null }, now: Date = clockNow()): boolean {
  const t = milestoneTiming(m, now);
  return t === "LATE" || t === "DONE_LATE";
}

/** Days overdue of an unreached milestone (0 when not late). */
export function daysOverdue(m: { plannedOn: Date | string; actualOn: Date | string | null }, now: Date = clockNow()): number {
  if (m.actualOn) return 0;
  const diff = (Date.parse(`${todayInShanghai(now)}T00:00:00Z`) - Date.parse(`${day(m.plannedOn)}T00:00:00Z`)) / 86_400_000;
  return diff > 0 ? diff : 0;
}

/** A pledge (军令状) still open after its due day (Shanghai) is shown as missed. */
export function pledgeEffectiveStatus(p: { status: "OPEN" | "DONE" | "MISSED"; dueOn: Date | string }, now: Date = clockNow()): "OPEN" | "DONE" | "MISSED" {
  if (p.status !== "OPEN") return p.status;
  return day(p.dueOn) < todayInShanghai(now) ? "MISSED" : "OPEN";
}
