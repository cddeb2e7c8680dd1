"use server";
// Maintaining the working calendar (admin). The calendar is national (State Council notice),
// not per unit: the permission is the whole check. Every change is audited with before/after.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { now } from "@/lib/platform/clock";
import { dateOnly, formatDateOnly } from "@/lib/platform/dates";
import { parseCalendarList, type ListErrorReason } from "./holidays-cn";
import { MAX_BULK_DAYS, saveCalendarDayContract, deleteCalendarDayContract, bulkLoadCalendarContract, confirmCalendarYearContract, unconfirmCalendarYearContract } from "./schemas";
import { calendarYearReadiness } from "./confirmation";
import { advisoryXactLock, LOCK_NAMESPACE } from "@/lib/platform/db/advisory-lock";
import type { Tx } from "@/lib/platform/db/client";

// The home page and every admin page show the new-year checklist, which reads confirmations.
const revalidate = ["/admin/calendar", "/admin", "/"];

/** One field message per kind of bad line (the form's preview names the line numbers). */
const LIST_ERROR_KEYS: Record<ListErrorReason, string> = {
  unreadable: "@calendar.badLines",
  impossibleDate: "@calendar.impossibleDate",
  duplicate: "@calendar.duplicateDate",
  conflict: "@calendar.holidayAndWorkday",
};

/**
 * Locks the calendar years of these dates (ascending), so a confirmation never reads a year's
 * days while an edit of them is under way, and returns the years.
 */
async function lockYears(tx: Tx, dates: readonly string[]): Promise<number[]> {
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  for (const year of years) await advisoryXactLock(LOCK_NAMESPACE.calendarYear, year, tx);
  return years;
}

/**
 * A confirmation vouches for the days as they were when the admin checked them: editing a day
 * of a confirmed year withdraws the year's confirmation in the same transaction (the admin is
 * told to confirm again). Returns the years withdrawn, for the audit row and the form.
 */
async function withdrawConfirmations(tx: Tx, years: readonly number[]): Promise<number[]> {
  if (years.length === 0) return [];
  const confirmed = await tx.calendarYear.findMany({ where: { year: { in: [...years] } }, select: { year: true } });
  if (confirmed.length === 0) return [];
  const withdrawn = confirmed.map((c) => c.year).sort((a, b) => a - b);
  await tx.calendarYear.deleteMany({ where: { year: { in: withdrawn } } });
  return withdrawn;
}

export const saveCalendarDayAction = action(
  saveCalendarDayContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const date = dateOnly(input.date);
    const years = await lockYears(tx, [input.date]);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    const changed = !before || before.kind !== input.kind || before.name !== input.name;
    await tx.calendarDay.upsert({
      where: { date },
      create: { date, kind: input.kind, name: input.name },
      update: { kind: input.kind, name: input.name },
    });
    // Saving a day unchanged leaves the confirmation standing: nothing it vouched for moved.
    const unconfirmedYears = changed ? await withdrawConfirmations(tx, years) : [];
    await audit({
      action: "calendar.save",
      entityType: "CalendarDay",
      entityId: input.date,
      data: { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name: input.name }, ...(unconfirmedYears.length ? { unconfirmedYears } : {}) },
    });
    return { id: input.date, unconfirmedYears };
  },
);

export const deleteCalendarDayAction = action(
  deleteCalendarDayContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const date = dateOnly(input.date);
    const years = await lockYears(tx, [input.date]);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    const { count } = await tx.calendarDay.deleteMany({ where: { date } });
    if (count === 0 || !before) throw new NotFoundError();
    const unconfirmedYears = await withdrawConfirmations(tx, years);
    await audit({
      action: "calendar.delete",
      entityType: "CalendarDay",
      entityId: input.date,
      data: { before: { kind: before.kind, name: before.name }, ...(unconfirmedYears.length ? { unconfirmedYears } : {}) },
    });
    return { id: input.date, unconfirmedYears };
  },
);

/** Loads a pasted list (adds new days, overwrites listed ones; never deletes unlisted days). */
export const bulkLoadCalendarAction = action(
  bulkLoadCalendarContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const { entries, errors } = parseCalendarList(input.text);
    // The form previews bad lines with their numbers before sending; this is the server's guard:
    // one bad line refuses the whole list, so a year is never half loaded.
    if (errors.length > 0) {
      const keys = [...new Set(errors.map((e) => LIST_ERROR_KEYS[e.reason]))];
      throw new DomainError("checkFields", {}, { text: keys });
    }
    if (entries.length === 0) throw new RuleViolation("required", "text");
    if (entries.length > MAX_BULK_DAYS) throw new RuleViolation("tooLong", "text");
    await lockYears(tx, entries.map((e) => e.date));
    const existing = await tx.calendarDay.findMany({ where: { date: { in: entries.map((e) => dateOnly(e.date)) } }, select: { date: true, kind: true, name: true } });
    const was = new Map(existing.map((d) => [formatDateOnly(d.date), d]));
    // Only years whose days actually change lose their confirmation: reloading the notice as
    // it stands changes nothing it vouched for.
    const changedYears = [...new Set(entries.filter((e) => was.get(e.date)?.kind !== e.kind || was.get(e.date)?.name !== e.name).map((e) => Number(e.date.slice(0, 4))))];
    for (const e of entries) {
      await tx.calendarDay.upsert({
        where: { date: dateOnly(e.date) },
        create: { date: dateOnly(e.date), kind: e.kind, name: e.name },
        update: { kind: e.kind, name: e.name },
      });
    }
    const unconfirmedYears = await withdrawConfirmations(tx, changedYears);
    const result = { added: entries.length - existing.length, updated: existing.length };
    await audit({
      action: "calendar.bulkLoad",
      entityType: "CalendarDay",
      data: { ...result, from: entries[0]!.date, to: entries.at(-1)!.date, ...(unconfirmedYears.length ? { unconfirmedYears } : {}) },
    });
    return { ...result, unconfirmedYears };
  },
);

/**
 * Confirms a year's working calendar after the admin has checked its holidays and 调休 against
 * the State Council notice. Refused while the year holds no holiday beyond 元旦 (the notice has
 * not been loaded) or is already confirmed.
 */
export const confirmCalendarYearAction = action(
  confirmCalendarYearContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    // Readiness is read, then the confirmation written: the year's lock keeps an edit of its
    // days (or a second confirmation) from slipping in between.
    await advisoryXactLock(LOCK_NAMESPACE.calendarYear, input.year, tx);
    const alreadyConfirmed = () => new DomainError("calendarYearConfirmed", { year: input.year }, { year: ["@calendar.yearConfirmed"] });
    const existing = await tx.calendarYear.findUnique({ where: { year: input.year } });
    if (existing) throw alreadyConfirmed();
    const ready = await calendarYearReadiness(input.year, tx);
    if (!ready.loaded) throw new RuleViolation("calendar.yearNotLoaded", "year");
    // A provisional list is a guess at the notice; confirming it would silence the warning.
    if (ready.provisional > 0) throw new RuleViolation("calendar.yearProvisional", "year");
    // The lock already serialises confirmations; ON CONFLICT still answers "already confirmed"
    // rather than a bare duplicate should a writer ever skip the lock.
    const inserted = await tx.$executeRaw`
      INSERT INTO "calendar_year" ("year", "confirmedAt", "confirmedById") VALUES (${input.year}, ${now()}, ${user.id})
      ON CONFLICT ("year") DO NOTHING`;
    if (inserted === 0) throw alreadyConfirmed();
    await audit({ action: "calendar.confirmYear", entityType: "CalendarYear", entityId: String(input.year), data: { after: { holidays: ready.holidays, workdays: ready.workdays } } });
    return { id: String(input.year) };
  },
);

/** Takes a confirmation back (an amended notice): deadlines in that year are flagged again until re-confirmed. */
export const unconfirmCalendarYearAction = action(
  unconfirmCalendarYearContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "calendar.manage");
    const before = await tx.calendarYear.findUnique({ where: { year: input.year } });
    const { count } = await tx.calendarYear.deleteMany({ where: { year: input.year } });
    if (count === 0 || !before) throw new NotFoundError();
    await audit({ action: "calendar.unconfirmYear", entityType: "CalendarYear", entityId: String(input.year), data: { before: { confirmedAt: before.confirmedAt, confirmedById: before.confirmedById } } });
    return { id: String(input.year) };
  },
);
