// The working calendar's demo data: the State Council holiday schedules lib/calendar/
// holidays-cn.ts knows for the demo's year and the years either side (data, not the seed: a
// year the file does not know yet is simply not loaded, and weekends rule). Seeded first, as
// the demo's working-day timestamps and the hotline's same-day deadlines depend on it.
// Idempotent (upsert by date).
import type { Db, Tx } from "@/lib/db/client";
import * as holidays from "@/lib/calendar/holidays-cn";
import type { DemoTime } from "./demo-time";

type Entry = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string };

/** The calendar entries holidays-cn.ts has for a year (its `CN_CALENDAR_<year>` export), if any. */
function calendarOf(year: number): readonly Entry[] {
  const table = (holidays as unknown as Record<string, readonly Entry[] | undefined>)[`CN_CALENDAR_${year}`];
  return Array.isArray(table) ? table : [];
}

export async function seedDemoCalendar(db: Db | Tx, t: DemoTime): Promise<void> {
  for (const e of [t.Y - 1, t.Y, t.Y + 1].flatMap(calendarOf)) {
    const date = new Date(`${e.date}T00:00:00.000Z`);
    await db.calendarDay.upsert({ where: { date }, create: { date, kind: e.kind, name: e.name }, update: { kind: e.kind, name: e.name } });
  }
}
