// Due times of the three same-day clocks, fixed at intake from the programme's rule and the
// admin-maintained working calendar (lib/platform/calendar).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { sameDayDeadline, shanghaiDay } from "@/lib/platform/calendar/working-days";
import { calendarWindow, loadCalendarExceptions } from "@/lib/platform/calendar/queries";
import type { HotlineSettings } from "./settings";

export async function sameDayDueAt(receivedAt: Date, settings: Pick<HotlineSettings, "cutoff" | "dayEnd">, client: Db | Tx = db): Promise<Date> {
  // 春节 can close the office for 9 days: the window reaches two months ahead.
  const { fromDay, toDay } = calendarWindow(shanghaiDay(receivedAt));
  const exceptions = await loadCalendarExceptions(fromDay, toDay, client);
  return sameDayDeadline(receivedAt, { cutoff: settings.cutoff, dayEnd: settings.dayEnd }, exceptions);
}

/** 当天受理、当天交办、当天回应: all three clocks run to the end of the same working day. */
export async function clocksAtIntake(receivedAt: Date, settings: HotlineSettings, client: Db | Tx = db) {
  const due = await sameDayDueAt(receivedAt, settings, client);
  return { acceptDueAt: due, assignDueAt: due, respondDueAt: due };
}
