// Due times of the three same-day clocks, fixed at intake from the programme's rule and the
// admin-maintained working calendar (lib/calendar).
import type { Db, Tx } from "@/lib/db/client";
import { sameDayDeadline, shanghaiDay } from "@/lib/calendar/working-days";
import { calendarWindow, loadCalendarExceptions } from "@/lib/calendar/queries";
import type { HotlineSettings } from "./settings";

export async function sameDayDueAt(client: Db | Tx, receivedAt: Date, settings: Pick<HotlineSettings, "cutoff" | "dayEnd">): Promise<Date> {
  // 春节 can close the office for 9 days: the window reaches two months ahead.
  const { fromDay, toDay } = calendarWindow(shanghaiDay(receivedAt));
  const exceptions = await loadCalendarExceptions(client, fromDay, toDay);
  return sameDayDeadline(receivedAt, { cutoff: settings.cutoff, dayEnd: settings.dayEnd }, exceptions);
}

/** 当天受理、当天交办、当天回应: all three clocks run to the end of the same working day. */
export async function clocksAtIntake(client: Db | Tx, receivedAt: Date, settings: HotlineSettings) {
  const due = await sameDayDueAt(client, receivedAt, settings);
  return { acceptDueAt: due, assignDueAt: due, respondDueAt: due };
}
