// The working calendar's demo data, for the demo's year and the years either side: a year whose
// State Council notice lib/platform/calendar/holidays-cn.ts holds is loaded from it and marked confirmed
// by the demo's admin (as an admin would after checking it against the published notice); any
// other year gets the provisional statutory holidays (lib/platform/calendar/provisional.ts, marked 暂定,
// 调休 unknown) and stays unconfirmed — so the demo shows the new-year checklist and the
// "calendar not confirmed" notice exactly where a real deployment would.
// Seeded first, as the demo's working-day timestamps and the hotline's same-day deadlines
// depend on it. Idempotent (upsert by date).
import type { Db, Tx } from "@/lib/platform/db/client";
import { CN_CALENDARS } from "@/lib/platform/calendar/holidays-cn";
import { provisionalHolidays } from "@/lib/platform/calendar/provisional";
import type { DemoTime } from "./demo-time";

export async function seedDemoCalendar(db: Db | Tx, t: DemoTime, confirmedById: string): Promise<void> {
  for (const year of [t.Y - 1, t.Y, t.Y + 1]) {
    const official = CN_CALENDARS[year];
    for (const e of official ?? provisionalHolidays(year)) {
      const date = new Date(`${e.date}T00:00:00.000Z`);
      await db.calendarDay.upsert({ where: { date }, create: { date, kind: e.kind, name: e.name }, update: { kind: e.kind, name: e.name } });
    }
    if (official) {
      await db.calendarYear.upsert({ where: { year }, create: { year, confirmedAt: t.now, confirmedById }, update: {} });
    }
  }
}
