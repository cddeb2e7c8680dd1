// The working calendar's demo data: the 2026 State Council holiday schedule and 2027's 元旦
// (lib/calendar/holidays-cn.ts). Called first by seedDemoHotline, whose same-day deadlines
// depend on it. Idempotent (upsert by date).
import type { Db, Tx } from "@/lib/db/client";
import { CN_CALENDAR_2026, CN_CALENDAR_2027 } from "@/lib/calendar/holidays-cn";

export async function seedDemoCalendar(db: Db | Tx): Promise<void> {
  for (const e of [...CN_CALENDAR_2026, ...CN_CALENDAR_2027]) {
    const date = new Date(`${e.date}T00:00:00.000Z`);
    await db.calendarDay.upsert({ where: { date }, create: { date, kind: e.kind, name: e.name }, update: { kind: e.kind, name: e.name } });
  }
}
