// The working calendar: admin maintenance (save, remove, bulk load) is permission-checked and
// audited; loadCalendarExceptions feeds the deadline function; the demo seed loads, for the
// seed's year and the years either side, the State Council schedule lib/platform/calendar/holidays-cn.ts
// holds (confirmed) or else the provisional statutory holidays (unconfirmed).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { bulkLoadCalendarAction, deleteCalendarDayAction, saveCalendarDayAction } from "@/lib/platform/calendar/actions";
import { calendarWindow, loadCalendarExceptions, listCalendarYear } from "@/lib/platform/calendar/queries";
import { sameDayDeadline } from "@/lib/platform/calendar/working-days";
import { dateOnly } from "@/lib/programmes/period";
import { resetRequest, signOut } from "../support/next-stubs";
import { actAs } from "../support/fixtures";
import { CN_CALENDARS } from "@/lib/platform/calendar/holidays-cn";
import { provisionalHolidays } from "@/lib/platform/calendar/provisional";
import { addDaysYmd, demoYear, shanghaiInstant, shanghaiYear, ymd } from "../support/time";

/** What the seed loads for a year: the official notice when held, else the provisional days. */
const scheduleOf = (year: number) => CN_CALENDARS[year] ?? provisionalHolidays(year);
// The maintenance tests write days of a year two ahead: never one the seed loaded.
const T = shanghaiYear() + 2;
const d = (month: number, day: number) => ymd(T, month, day);

beforeEach(() => resetRequest());

describe("seeded calendar", () => {
  it("has the seed's year and the years either side: official schedules confirmed, the others provisional and unconfirmed", async () => {
    const years = [demoYear - 1, demoYear, demoYear + 1];
    const known = years.flatMap(scheduleOf);
    const ex = await loadCalendarExceptions(ymd(demoYear - 1, 1, 1), ymd(demoYear + 1, 12, 31));
    expect(Object.fromEntries(ex)).toEqual(Object.fromEntries(known.map((e) => [e.date, e.kind])));
    const confirmed = (await db.calendarYear.findMany({ select: { year: true }, orderBy: { year: "asc" } })).map((r) => r.year);
    expect(confirmed).toEqual(years.filter((y) => CN_CALENDARS[y]));
    // A 调休 weekend working day has a same-day deadline: the window used for deadlines reaches
    // across the holiday run around it.
    for (const w of known.filter((e) => e.kind === "WORKDAY")) {
      const [y, m, day] = w.date.split("-").map(Number) as [number, number, number];
      const { fromDay, toDay } = calendarWindow(addDaysYmd(w.date, -1));
      const due = sameDayDeadline(shanghaiInstant(y, m, day, 10), { cutoff: "17:00", dayEnd: "17:30" }, await loadCalendarExceptions(fromDay, toDay));
      expect(due.toISOString(), w.date).toBe(shanghaiInstant(y, m, day, 17, 30).toISOString());
    }
  });
});

describe("calendar maintenance", () => {
  it("an admin adds, changes and removes a day, each audited", async () => {
    await actAs("admin");
    expect(await saveCalendarDayAction({ date: d(1, 3), kind: "HOLIDAY", name: "元旦" })).toMatchObject({ ok: true });
    expect(await saveCalendarDayAction({ date: d(1, 3), kind: "HOLIDAY", name: "元旦（补）" })).toMatchObject({ ok: true });
    expect((await listCalendarYear(T)).map((r) => [r.date, r.kind, r.name])).toEqual([[d(1, 3), "HOLIDAY", "元旦（补）"]]);
    const audits = await db.auditLog.findMany({ where: { action: "calendar.save", entityId: d(1, 3) }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => a.data)).toMatchObject([
      { before: null, after: { kind: "HOLIDAY", name: "元旦" } },
      { before: { name: "元旦" }, after: { name: "元旦（补）" } },
    ]);
    expect(await deleteCalendarDayAction({ date: d(1, 3) })).toMatchObject({ ok: true });
    expect(await db.calendarDay.findUnique({ where: { date: dateOnly(d(1, 3)) } })).toBeNull();
    expect((await deleteCalendarDayAction({ date: d(1, 3) })).ok).toBe(false); // already gone
  });

  it("bulk-loads a pasted list, overwriting listed days only; a bad line loads nothing", async () => {
    await actAs("admin");
    await db.calendarDay.create({ data: { date: dateOnly(d(2, 1)), kind: "HOLIDAY", name: "keep me" } });
    const bad = await bulkLoadCalendarAction({ text: `${d(1, 29)} 班 春节调休\n${T}-01-32 休 春节` });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.text?.[0]).toMatch(/无法识别/);
    expect(await db.calendarDay.count({ where: { date: dateOnly(d(1, 29)) } })).toBe(0);

    const ok = await bulkLoadCalendarAction({ text: `# ${T}\n${d(1, 29)} 班 春节调休\n${d(1, 26)} 休 春节\n${d(1, 27)},HOLIDAY,春节` });
    expect(ok).toMatchObject({ ok: true, data: { added: 3, updated: 0 } });
    const again = await bulkLoadCalendarAction({ text: `${d(1, 27)} 休 春节（改）` });
    expect(again).toMatchObject({ ok: true, data: { added: 0, updated: 1 } });
    expect((await listCalendarYear(T)).map((r) => `${r.date} ${r.kind} ${r.name}`)).toEqual([
      `${d(1, 26)} HOLIDAY 春节`,
      `${d(1, 27)} HOLIDAY 春节（改）`,
      `${d(1, 29)} WORKDAY 春节调休`,
      `${d(2, 1)} HOLIDAY keep me`,
    ]);
    expect(await db.auditLog.count({ where: { action: "calendar.bulkLoad" } })).toBe(2);
  });

  it("non-admins and anonymous callers are refused and change nothing", async () => {
    // A day that exists, for the refused removal.
    await db.calendarDay.create({ data: { date: dateOnly(d(10, 1)), kind: "HOLIDAY", name: "国庆节" } });
    for (const username of ["yh.manager", "py.officer"]) {
      await actAs(username);
      expect((await saveCalendarDayAction({ date: d(5, 1), kind: "HOLIDAY", name: "x" })).ok).toBe(false);
      expect((await bulkLoadCalendarAction({ text: `${d(5, 2)} 休 x` })).ok).toBe(false);
      expect((await deleteCalendarDayAction({ date: d(10, 1) })).ok).toBe(false);
    }
    signOut();
    expect((await saveCalendarDayAction({ date: d(5, 1), kind: "HOLIDAY", name: "x" })).ok).toBe(false);
    expect(await db.calendarDay.count({ where: { date: { in: [dateOnly(d(5, 1)), dateOnly(d(5, 2))] } } })).toBe(0);
    expect(await db.calendarDay.count({ where: { date: dateOnly(d(10, 1)) } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "calendar.save", outcome: "DENIED" } })).toBeGreaterThan(0);
  });

  it("rejects malformed input with field errors", async () => {
    await actAs("admin");
    const r = await saveCalendarDayAction({ date: `${T}-02-30`, kind: "HOLIDAY", name: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toContain("date");
    expect((await saveCalendarDayAction({ date: d(3, 1), kind: "SOMETIMES", name: "x" })).ok).toBe(false);
    expect((await saveCalendarDayAction({ date: d(3, 1), kind: "HOLIDAY", name: "x".repeat(41) })).ok).toBe(false);
    expect((await saveCalendarDayAction({ date: d(3, 1), kind: "HOLIDAY", name: "x", extra: 1 })).ok).toBe(false);
    expect(await db.calendarDay.count({ where: { date: dateOnly(d(3, 1)) } })).toBe(0);
  });
});
