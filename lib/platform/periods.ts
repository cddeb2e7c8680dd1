// Calendar periods in Asia/Shanghai (weeks Monday–Sunday, calendar months) and the due status
// of "at least N per period" rules. Platform, because every module that counts something per
// week or month uses them (visit campaigns' frequency rules, mentorship expectations, the
// dashboards' and rankings' periods and trends, the service stations' progress): they used to live in lib/campaigns/frequency.ts (now lib/visits/campaigns), which
// re-exports them. Pure: no clock, no database.
import type { FrequencyPeriod } from "@/lib/generated/prisma/enums";

/** Asia/Shanghai has been UTC+8 all year round (no daylight saving) since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type FrequencyStatus = "MET" | "DUE_SOON" | "OVERDUE" | "PENDING";

/** One calendar period: [start, end) as instants, and its first/last calendar day in Shanghai. */
export type Period = {
  kind: FrequencyPeriod;
  start: Date;
  end: Date;
  /** First day, "YYYY-MM-DD" (Shanghai calendar). */
  firstDay: string;
  /** Last day, inclusive, "YYYY-MM-DD" (Shanghai calendar). */
  lastDay: string;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The Shanghai calendar day of an instant, as a UTC-midnight Date (for day arithmetic). */
function shanghaiDay(instant: Date): Date {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

function dayString(day: Date): string {
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** The Shanghai calendar date of an instant, "YYYY-MM-DD". */
export function shanghaiDate(instant: Date): string {
  return dayString(shanghaiDay(instant));
}

/** The instant a Shanghai calendar day (UTC-midnight Date) begins. */
function startOfShanghaiDay(day: Date): Date {
  return new Date(day.getTime() - SHANGHAI_OFFSET_MS);
}

function makePeriod(kind: FrequencyPeriod, firstDay: Date, nextFirstDay: Date): Period {
  return {
    kind,
    start: startOfShanghaiDay(firstDay),
    end: startOfShanghaiDay(nextFirstDay),
    firstDay: dayString(firstDay),
    lastDay: dayString(new Date(nextFirstDay.getTime() - DAY_MS)),
  };
}

/** The week (Monday–Sunday) or month, in Shanghai, that contains the instant. */
export function periodContaining(kind: FrequencyPeriod, instant: Date): Period {
  const day = shanghaiDay(instant);
  if (kind === "WEEK") {
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    const monday = new Date(day.getTime() - sinceMonday * DAY_MS);
    return makePeriod(kind, monday, new Date(monday.getTime() + 7 * DAY_MS));
  }
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));
  return makePeriod(kind, first, next);
}

// ── Calendar days as "YYYY-MM-DD" strings (a day stands for itself: no zone involved) ─────────

const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The calendar day `n` days after `day` (before it for a negative `n`). */
export function addDays(day: string, n: number): string {
  return dayString(new Date(utcDay(day).getTime() + n * DAY_MS));
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

/** The first day of every week (from Monday) or calendar month overlapping [from, to], in order. */
export function trendBuckets(range: { from: string; to: string }, grain: "week" | "month"): string[] {
  const out: string[] = [];
  const first = utcDay(range.from);
  let cur = grain === "week" ? addDays(range.from, -((first.getUTCDay() + 6) % 7)) : `${range.from.slice(0, 7)}-01`;
  while (cur <= range.to) {
    out.push(cur);
    const d = utcDay(cur);
    cur = grain === "week" ? addDays(cur, 7) : dayString(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
  }
  return out;
}

/** The period just before the given one. */
export function previousPeriod(period: Period): Period {
  return periodContaining(period.kind, new Date(period.start.getTime() - 1));
}

/** Calendar days left in the period counting today (the last day itself has 1 left). */
export function daysLeft(period: Period, now: Date): number {
  const today = shanghaiDay(now).getTime();
  const last = Date.parse(`${period.lastDay}T00:00:00.000Z`);
  return Math.max(0, Math.round((last - today) / DAY_MS) + 1);
}

export function inPeriod(period: Period, instant: Date): boolean {
  const t = instant.getTime();
  return t >= period.start.getTime() && t < period.end.getTime();
}

/** A period lies wholly within the campaign's calendar dates ("YYYY-MM-DD", inclusive). */
export function periodWithin(period: Period, campaign: { startDate: string; endDate: string }): boolean {
  return campaign.startDate <= period.firstDay && period.lastDay <= campaign.endDate;
}

export type StatusInput = {
  required: number;
  dueSoonDays: number;
  currentCount: number;
  daysLeft: number;
  /** Count in the previous period, or null when that period is not part of the campaign. */
  previousCount: number | null;
};

/**
 * - MET: the current period already has the required visits;
 * - OVERDUE: the previous period ended unmet and the current one is not met yet;
 * - DUE_SOON: not met, and at most `dueSoonDays` days (counting today) left;
 * - PENDING: not met, but there is time.
 */
export function frequencyStatus(input: StatusInput): FrequencyStatus {
  if (input.currentCount >= input.required) return "MET";
  if (input.previousCount !== null && input.previousCount < input.required) return "OVERDUE";
  if (input.daysLeft <= input.dueSoonDays) return "DUE_SOON";
  return "PENDING";
}
