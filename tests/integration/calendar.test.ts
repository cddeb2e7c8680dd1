// The working calendar: admin maintenance (save, remove, bulk load) is permission-checked and
// audited; loadCalendarExceptions feeds the deadline function; the demo seed has 2026.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { bulkLoadCalendarAction, deleteCalendarDayAction, saveCalendarDayAction } from "@/lib/calendar/actions";
import { calendarWindow, loadCalendarExceptions, listCalendarYear } from "@/lib/calendar/queries";
import { sameDayDeadline } from "@/lib/calendar/working-days";
import { dateOnly } from "@/lib/programmes/period";
import { resetRequest, signOut } from "../support/next-stubs";
import { actAs } from "../support/fixtures";

beforeEach(() => resetRequest());

describe("seeded calendar", () => {
  it("has the 2026 State Council schedule and 2027 元旦", async () => {
    const ex = await loadCalendarExceptions(db, "2026-01-01", "2027-01-31");
    expect(ex.get("2026-02-16")).toBe("HOLIDAY");
    expect(ex.get("2026-02-14")).toBe("WORKDAY");
    expect(ex.get("2026-10-10")).toBe("WORKDAY");
    expect(ex.get("2027-01-01")).toBe("HOLIDAY");
    expect(ex.get("2026-03-10")).toBeUndefined();
    // The window used for deadlines reaches across the whole 春节 run.
    const { fromDay, toDay } = calendarWindow("2026-02-13");
    const due = sameDayDeadline(new Date("2026-02-14T10:00:00+08:00"), { cutoff: "17:00", dayEnd: "17:30" }, await loadCalendarExceptions(db, fromDay, toDay));
    expect(due.toISOString()).toBe(new Date("2026-02-14T17:30:00+08:00").toISOString());
  });
});

describe("calendar maintenance", () => {
  it("an admin adds, changes and removes a day, each audited", async () => {
    await actAs("admin");
    expect(await saveCalendarDayAction({ date: "2028-01-03", kind: "HOLIDAY", name: "元旦" })).toMatchObject({ ok: true });
    expect(await saveCalendarDayAction({ date: "2028-01-03", kind: "HOLIDAY", name: "元旦（补）" })).toMatchObject({ ok: true });
    expect((await listCalendarYear(db, 2028)).map((r) => [r.date, r.kind, r.name])).toEqual([["2028-01-03", "HOLIDAY", "元旦（补）"]]);
    const audits = await db.auditLog.findMany({ where: { action: "calendar.save", entityId: "2028-01-03" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => a.data)).toMatchObject([
      { before: null, after: { kind: "HOLIDAY", name: "元旦" } },
      { before: { name: "元旦" }, after: { name: "元旦（补）" } },
    ]);
    expect(await deleteCalendarDayAction({ date: "2028-01-03" })).toMatchObject({ ok: true });
    expect(await db.calendarDay.findUnique({ where: { date: dateOnly("2028-01-03") } })).toBeNull();
    expect((await deleteCalendarDayAction({ date: "2028-01-03" })).ok).toBe(false); // already gone
  });

  it("bulk-loads a pasted list, overwriting listed days only; a bad line loads nothing", async () => {
    await actAs("admin");
    await db.calendarDay.create({ data: { date: dateOnly("2028-02-01"), kind: "HOLIDAY", name: "keep me" } });
    const bad = await bulkLoadCalendarAction({ text: "2028-01-29 班 春节调休\n2028-01-32 休 春节" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.text?.[0]).toMatch(/无法识别/);
    expect(await db.calendarDay.count({ where: { date: dateOnly("2028-01-29") } })).toBe(0);

    const ok = await bulkLoadCalendarAction({ text: "# 2028\n2028-01-29 班 春节调休\n2028-01-26 休 春节\n2028-01-27,HOLIDAY,春节" });
    expect(ok).toMatchObject({ ok: true, data: { added: 3, updated: 0 } });
    const again = await bulkLoadCalendarAction({ text: "2028-01-27 休 春节（改）" });
    expect(again).toMatchObject({ ok: true, data: { added: 0, updated: 1 } });
    expect((await listCalendarYear(db, 2028)).map((r) => `${r.date} ${r.kind} ${r.name}`)).toEqual([
      "2028-01-26 HOLIDAY 春节",
      "2028-01-27 HOLIDAY 春节（改）",
      "2028-01-29 WORKDAY 春节调休",
      "2028-02-01 HOLIDAY keep me",
    ]);
    expect(await db.auditLog.count({ where: { action: "calendar.bulkLoad" } })).toBe(2);
  });

  it("non-admins and anonymous callers are refused and change nothing", async () => {
    for (const username of ["yh.manager", "py.officer"]) {
      await actAs(username);
      expect((await saveCalendarDayAction({ date: "2028-05-01", kind: "HOLIDAY", name: "x" })).ok).toBe(false);
      expect((await bulkLoadCalendarAction({ text: "2028-05-02 休 x" })).ok).toBe(false);
      expect((await deleteCalendarDayAction({ date: "2026-10-01" })).ok).toBe(false);
    }
    signOut();
    expect((await saveCalendarDayAction({ date: "2028-05-01", kind: "HOLIDAY", name: "x" })).ok).toBe(false);
    expect(await db.calendarDay.count({ where: { date: { in: [dateOnly("2028-05-01"), dateOnly("2028-05-02")] } } })).toBe(0);
    expect(await db.calendarDay.count({ where: { date: dateOnly("2026-10-01") } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "calendar.save", outcome: "DENIED" } })).toBeGreaterThan(0);
  });

  it("rejects malformed input with field errors", async () => {
    await actAs("admin");
    const r = await saveCalendarDayAction({ date: "2028-02-30", kind: "HOLIDAY", name: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toContain("date");
    expect((await saveCalendarDayAction({ date: "2028-03-01", kind: "SOMETIMES", name: "x" })).ok).toBe(false);
    expect((await saveCalendarDayAction({ date: "2028-03-01", kind: "HOLIDAY", name: "x".repeat(41) })).ok).toBe(false);
    expect((await saveCalendarDayAction({ date: "2028-03-01", kind: "HOLIDAY", name: "x", extra: 1 })).ok).toBe(false);
    expect(await db.calendarDay.count({ where: { date: dateOnly("2028-03-01") } })).toBe(0);
  });
});
