import { z } from "zod";
import { isCalendarDay } from "@/lib/platform/dates";
import { defineAction } from "@/lib/platform/contract";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "@required").refine(isCalendarDay, "@required");

export const calendarDaySchema = z.strictObject({
  date: day,
  kind: z.enum(["HOLIDAY", "WORKDAY"]),
  name: z.string().trim().max(40),
});
export type CalendarDayInput = z.infer<typeof calendarDaySchema>;

export const deleteCalendarDaySchema = z.strictObject({ date: day });

/** Pasted list, one day a line (see parseCalendarList). ~400 lines is more than two years. */
export const bulkCalendarSchema = z.strictObject({
  text: z.string().trim().min(1, "@required").max(20_000),
});

export const MAX_BULK_DAYS = 400;

/** A calendar year the app can hold (programme periods use the same range). */
export const calendarYearSchema = z.strictObject({ year: z.coerce.number({ error: "@required" }).int("@required").min(2000, "@required").max(2100, "@required") });

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const saveCalendarDayContract = defineAction({ name: "calendar.save", schema: calendarDaySchema });
export const deleteCalendarDayContract = defineAction({ name: "calendar.delete", schema: deleteCalendarDaySchema });
export const bulkLoadCalendarContract = defineAction({ name: "calendar.bulkLoad", schema: bulkCalendarSchema });
export const confirmCalendarYearContract = defineAction({ name: "calendar.confirmYear", schema: calendarYearSchema });
export const unconfirmCalendarYearContract = defineAction({ name: "calendar.unconfirmYear", schema: calendarYearSchema });
