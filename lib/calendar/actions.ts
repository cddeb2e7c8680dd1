"use server";
// Maintaining the working calendar (admin). The calendar is national (State Council notice),
// not per unit: the permission is the whole check. Every change is audited with before/after.
import { action } from "@/lib/action";
import { assertCan } from "@/lib/authz/can";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { dateOnly } from "@/lib/programmes/period";
import { parseCalendarList } from "./holidays-cn";
import { bulkCalendarSchema, calendarDaySchema, deleteCalendarDaySchema, MAX_BULK_DAYS } from "./schemas";

const revalidate = ["/admin/calendar"];

export const saveCalendarDayAction = action(
  { name: "calendar.save", schema: calendarDaySchema, revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const date = dateOnly(input.date);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    await tx.calendarDay.upsert({
      where: { date },
      create: { date, kind: input.kind, name: input.name },
      update: { kind: input.kind, name: input.name },
    });
    await audit({
      action: "calendar.save",
      entityType: "CalendarDay",
      entityId: input.date,
      data: { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name: input.name } },
    });
    return { id: input.date };
  },
);

export const deleteCalendarDayAction = action(
  { name: "calendar.delete", schema: deleteCalendarDaySchema, revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const date = dateOnly(input.date);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    const { count } = await tx.calendarDay.deleteMany({ where: { date } });
    if (count === 0 || !before) throw new NotFoundError();
    await audit({ action: "calendar.delete", entityType: "CalendarDay", entityId: input.date, data: { before: { kind: before.kind, name: before.name } } });
    return { id: input.date };
  },
);

/** Loads a pasted list (adds new days, overwrites listed ones; never deletes unlisted days). */
export const bulkLoadCalendarAction = action(
  { name: "calendar.bulkLoad", schema: bulkCalendarSchema, revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const { entries, errors } = parseCalendarList(input.text);
    // The form previews bad lines with their numbers before sending; this is the server's guard.
    if (errors.length > 0) throw new RuleViolation("calendar.badLines", "text");
    if (entries.length === 0) throw new RuleViolation("required", "text");
    if (entries.length > MAX_BULK_DAYS) throw new RuleViolation("tooLong", "text");
    const existing = await tx.calendarDay.findMany({ where: { date: { in: entries.map((e) => dateOnly(e.date)) } }, select: { date: true } });
    for (const e of entries) {
      await tx.calendarDay.upsert({
        where: { date: dateOnly(e.date) },
        create: { date: dateOnly(e.date), kind: e.kind, name: e.name },
        update: { kind: e.kind, name: e.name },
      });
    }
    const result = { added: entries.length - existing.length, updated: existing.length };
    await audit({
      action: "calendar.bulkLoad",
      entityType: "CalendarDay",
      data: { ...result, from: entries[0]!.date, to: entries.at(-1)!.date },
    });
    return result;
  },
);
