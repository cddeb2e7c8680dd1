// Reads of the working calendar. The calendar is not org-scoped: it is one national calendar
// (State Council holiday notice) shared by every unit, readable by every signed-in user.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/platform/dates";
import { addCalendarDays, exceptionsFromRows, type CalendarExceptions } from "@/lib/platform/calendar/working-days";

/**
 * Exceptions between `fromDay` and `toDay` inclusive ("YYYY-MM-DD"). Load a generous window
 * (e.g. `windowFrom(day)`): holiday runs are long, and a deadline computed near the end of the
 * window would otherwise treat an unloaded holiday as a working day.
 */
export async function loadCalendarExceptions(fromDay: string, toDay: string, tx: Tx | Db = db): Promise<CalendarExceptions> {
  const rows = await tx.calendarDay.findMany({
    where: { date: { gte: dateOnly(fromDay), lte: dateOnly(toDay) } },
    select: { date: true, kind: true },
  });
  return exceptionsFromRows(rows);
}

/** The default window for deadline computations: a week back, 60 days ahead. */
export function calendarWindow(day: string): { fromDay: string; toDay: string } {
  return { fromDay: addCalendarDays(day, -7), toDay: addCalendarDays(day, 60) };
}

export type CalendarDayRow = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string; updatedAt: Date };

/** All exceptions of one calendar year, in date order (admin page). */
export async function listCalendarYear(year: number, tx: Tx | Db = db): Promise<CalendarDayRow[]> {
  const rows = await tx.calendarDay.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), kind: r.kind, name: r.name, updatedAt: r.updatedAt }));
}
