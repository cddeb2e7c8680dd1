// Which years' working calendar an admin has confirmed (CalendarYear rows). Deadlines are
// computed whether or not a year is confirmed — an unloaded year simply has no holidays — so
// the confirmation does not change any clock; it tells readers whether to trust them.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { shanghaiYear } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/platform/dates";
import { PROVISIONAL_MARK } from "./provisional";

export type CalendarYearReadiness = {
  year: number;
  /** Rows of the year: weekday holidays and weekend working days. */
  holidays: number;
  workdays: number;
  /**
   * The notice looks loaded: at least one holiday other than 1 January. 元旦 alone is fixed by
   * law and is seeded ahead of the notice; every other holiday comes from the notice.
   */
  loaded: boolean;
  /** Rows still carrying the provisional generator's mark: the notice has not replaced them. */
  provisional: number;
  confirmed: { at: Date; byName: string } | null;
};

export async function calendarYearReadiness(year: number, client: Db | Tx = db): Promise<CalendarYearReadiness> {
  const [rows, confirmation] = await Promise.all([
    client.calendarDay.groupBy({
      by: ["kind"],
      where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
      _count: { _all: true },
    }),
    client.calendarYear.findUnique({ where: { year }, include: { confirmedBy: { select: { name: true } } } }),
  ]);
  const holidays = rows.find((r) => r.kind === "HOLIDAY")?._count._all ?? 0;
  const workdays = rows.find((r) => r.kind === "WORKDAY")?._count._all ?? 0;
  const inYear = { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) };
  const [beyondNewYear, provisional] = holidays
    ? await Promise.all([
        client.calendarDay.count({ where: { kind: "HOLIDAY", date: { ...inYear, gt: dateOnly(`${year}-01-01`) } } }),
        client.calendarDay.count({ where: { date: inYear, name: { contains: PROVISIONAL_MARK } } }),
      ])
    : [0, 0];
  return {
    year,
    holidays,
    workdays,
    loaded: beyondNewYear > 0,
    provisional,
    confirmed: confirmation ? { at: confirmation.confirmedAt, byName: confirmation.confirmedBy.name } : null,
  };
}

/** Is the working calendar of `year` confirmed? */
export async function isCalendarYearConfirmed(year: number, client: Db | Tx = db): Promise<boolean> {
  return (await client.calendarYear.count({ where: { year } })) > 0;
}

/**
 * The Shanghai calendar years of these instants whose calendar is not confirmed, ascending.
 * A request received on 31 December with a deadline on 2 January touches both years.
 */
export async function unconfirmedYears(instants: readonly (Date | null | undefined)[], client: Db | Tx = db): Promise<number[]> {
  const years = [...new Set(instants.filter((d): d is Date => d instanceof Date).map((d) => shanghaiYear(d)))];
  if (years.length === 0) return [];
  const confirmed = await client.calendarYear.findMany({ where: { year: { in: years } }, select: { year: true } });
  const done = new Set(confirmed.map((c) => c.year));
  return years.filter((y) => !done.has(y)).sort((a, b) => a - b);
}

/**
 * The unconfirmed years a hotline request's clocks run in (from its arrival to its latest
 * deadline): the request page says next to the deadlines that they were computed as if those
 * years had no holidays.
 */
export async function unconfirmedClockYears(
  r: { receivedAt: Date; acceptDueAt: Date; assignDueAt: Date; respondDueAt: Date }, client: Db | Tx = db,
): Promise<number[]> {
  return unconfirmedYears([r.receivedAt, r.acceptDueAt, r.assignDueAt, r.respondDueAt], client);
}
