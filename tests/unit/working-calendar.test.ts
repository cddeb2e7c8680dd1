// The working calendar's deadline arithmetic (same-day 受理/交办/回应 clocks): cut-off times,
// weekends, public holidays, 调休 working weekends, month and year boundaries, and the
// Shanghai-vs-UTC midnight edges. Exceptions are the seeded 2026/2027 State Council lists.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CN_CALENDAR_2026, CN_CALENDAR_2027, parseCalendarList } from "@/lib/platform/calendar/holidays-cn";
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  sameDayDeadline,
  sameDayRuleIsValid,
  shanghaiDay,
  type CalendarExceptions,
  type SameDayRule,
} from "@/lib/platform/calendar/working-days";

const CN: CalendarExceptions = new Map([...CN_CALENDAR_2026, ...CN_CALENDAR_2027].map((e) => [e.date, e.kind]));
const NONE: CalendarExceptions = new Map();
const MIDNIGHT: SameDayRule = { cutoff: "17:00", dayEnd: "24:00" };
const OFFICE: SameDayRule = { cutoff: "16:30", dayEnd: "17:30" };

/** A Shanghai wall-clock time "YYYY-MM-DD HH:MM[:SS]" as an instant. */
const sh = (text: string) => new Date(`${text.replace(" ", "T")}${text.length === 16 ? ":00" : ""}+08:00`);

describe("isWorkingDay", () => {
  it.each([
    ["2026-03-10", true, "ordinary Tuesday"],
    ["2026-03-13", true, "ordinary Friday"],
    ["2026-03-14", false, "ordinary Saturday"],
    ["2026-03-15", false, "ordinary Sunday"],
    ["2026-01-01", false, "元旦 (Thursday)"],
    ["2026-01-04", true, "元旦 调休 Sunday"],
    ["2026-02-14", true, "春节 调休 Saturday"],
    ["2026-02-18", false, "春节 Wednesday"],
    ["2026-02-23", false, "春节 last day, Monday"],
    ["2026-02-24", true, "first working day after 春节"],
    ["2026-02-28", true, "春节 调休 Saturday (after)"],
    ["2026-06-19", false, "端午 on a Friday"],
    ["2026-09-20", true, "国庆 调休 Sunday"],
    ["2026-10-07", false, "国庆 Wednesday"],
    ["2026-10-10", true, "国庆 调休 Saturday"],
    ["2026-10-11", false, "Sunday after the 调休 Saturday"],
    ["2027-01-01", false, "元旦 2027 (Friday)"],
  ])("%s → %s (%s)", (day, expected) => {
    expect(isWorkingDay(day, CN)).toBe(expected);
  });

  it("without exceptions only weekdays count", () => {
    expect(isWorkingDay("2026-10-01", NONE)).toBe(true);
    expect(isWorkingDay("2026-10-10", NONE)).toBe(false);
  });
});

describe("nextWorkingDay and addWorkingDays", () => {
  it.each([
    ["2026-03-10", "2026-03-11"],
    ["2026-03-13", "2026-03-16"], // Friday → Monday
    ["2026-03-14", "2026-03-16"], // Saturday → Monday
    ["2026-02-13", "2026-02-14"], // Friday → 调休 Saturday
    ["2026-02-14", "2026-02-24"], // across the whole 春节 run
    ["2026-02-27", "2026-02-28"], // Friday → 调休 Saturday
    ["2026-04-03", "2026-04-07"], // 清明 Saturday–Monday
    ["2026-04-30", "2026-05-06"], // 劳动节 Friday–Tuesday
    ["2026-05-08", "2026-05-09"], // Friday → 调休 Saturday
    ["2026-06-18", "2026-06-22"], // holiday on a Friday
    ["2026-09-18", "2026-09-20"], // Friday → 调休 Sunday
    ["2026-09-30", "2026-10-08"], // 国庆
    ["2026-10-09", "2026-10-10"], // Friday → 调休 Saturday
    ["2026-01-31", "2026-02-02"], // month boundary over a weekend
    ["2025-12-31", "2026-01-04"], // year boundary: 元旦 then the 调休 Sunday
    ["2026-12-31", "2027-01-04"], // year boundary: 元旦 2027 on Friday, then the weekend
  ])("after %s comes %s", (day, expected) => {
    expect(nextWorkingDay(day, CN)).toBe(expected);
  });

  it.each([
    ["2026-03-10", 0, "2026-03-10"],
    ["2026-03-14", 0, "2026-03-16"], // n = 0 on a non-working day: the next working day
    ["2026-03-10", 1, "2026-03-11"],
    ["2026-03-10", 5, "2026-03-17"],
    ["2026-02-12", 3, "2026-02-24"], // Fri 13, Sat 14 (调休), then Tue 24
    ["2026-09-28", 5, "2026-10-10"], // 29, 30, 8, 9, 10 (调休 Saturday)
    ["2026-12-30", 2, "2027-01-04"],
  ])("%s + %i working days = %s", (day, n, expected) => {
    expect(addWorkingDays(day, n as number, CN)).toBe(expected);
  });

  it("rejects negative or fractional counts and malformed days", () => {
    expect(() => addWorkingDays("2026-03-10", -1, CN)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-10", 1.5, CN)).toThrow(RangeError);
    expect(() => nextWorkingDay("2026-02-30", CN)).toThrow(RangeError);
    expect(() => nextWorkingDay("20260310", CN)).toThrow(RangeError);
  });

  it("refuses to loop forever on a calendar without working days", () => {
    const allHoliday = new Map<string, "HOLIDAY">();
    for (let d = "2026-01-01"; d <= "2027-06-30"; d = addCalendarDays(d, 1)) allHoliday.set(d, "HOLIDAY");
    expect(() => nextWorkingDay("2026-01-01", allHoliday)).toThrow(/no working day/);
  });
});

describe("sameDayDeadline, cut-off 17:00, day ends at midnight", () => {
  it.each([
    // arrival (Shanghai)         due (Shanghai)        why
    ["2026-03-10 09:00", "2026-03-11 00:00", "working morning → end of today"],
    ["2026-03-10 00:00", "2026-03-11 00:00", "first instant of a working day"],
    ["2026-03-10 16:59:59", "2026-03-11 00:00", "one second before the cut-off"],
    ["2026-03-10 17:00", "2026-03-12 00:00", "exactly at the cut-off → next working day"],
    ["2026-03-10 17:00:01", "2026-03-12 00:00", "just after the cut-off"],
    ["2026-03-10 23:59:59", "2026-03-12 00:00", "late evening"],
    ["2026-03-13 16:00", "2026-03-14 00:00", "Friday afternoon → Friday"],
    ["2026-03-13 18:00", "2026-03-17 00:00", "Friday evening → Monday"],
    ["2026-03-14 10:00", "2026-03-17 00:00", "Saturday → Monday"],
    ["2026-03-15 09:00", "2026-03-17 00:00", "Sunday morning → Monday"],
    ["2026-02-13 18:00", "2026-02-15 00:00", "Friday evening → 调休 Saturday"],
    ["2026-02-14 10:00", "2026-02-15 00:00", "调休 Saturday morning → same day"],
    ["2026-02-14 17:30", "2026-02-25 00:00", "调休 Saturday evening → after the 春节 run"],
    ["2026-02-16 09:00", "2026-02-25 00:00", "inside 春节 → first working day after"],
    ["2026-02-23 16:00", "2026-02-25 00:00", "last 春节 day, before cut-off, still a holiday"],
    ["2026-02-27 18:00", "2026-03-01 00:00", "Friday evening → 调休 Saturday 02-28"],
    ["2026-06-18 18:00", "2026-06-23 00:00", "Thursday evening, 端午 Friday → Monday"],
    ["2026-06-19 10:00", "2026-06-23 00:00", "on the Friday holiday → Monday"],
    ["2026-03-31 17:30", "2026-04-02 00:00", "month boundary"],
    ["2026-04-03 17:00", "2026-04-08 00:00", "Friday at cut-off, 清明 Saturday–Monday → Tuesday"],
    ["2026-04-30 17:05", "2026-05-07 00:00", "劳动节 run → Wednesday 05-06"],
    ["2026-05-09 09:00", "2026-05-10 00:00", "劳动节 调休 Saturday"],
    ["2026-09-20 16:00", "2026-09-21 00:00", "国庆 调休 Sunday"],
    ["2026-09-30 17:00", "2026-10-09 00:00", "国庆 → Thursday 10-08"],
    ["2026-10-10 09:00", "2026-10-11 00:00", "国庆 调休 Saturday"],
    ["2025-12-31 18:00", "2026-01-05 00:00", "New Year's Eve 2025 → 调休 Sunday 01-04"],
    ["2026-12-31 10:00", "2027-01-01 00:00", "New Year's Eve morning → end of that day"],
    ["2026-12-31 18:00", "2027-01-05 00:00", "New Year's Eve evening → Monday 2027-01-04"],
  ])("%s → %s (%s)", (arrival, due) => {
    expect(sameDayDeadline(sh(arrival), MIDNIGHT, CN).toISOString()).toBe(sh(due).toISOString());
  });
});

describe("sameDayDeadline, cut-off 16:30, office closes 17:30", () => {
  it.each([
    ["2026-03-10 08:30", "2026-03-10 17:30"],
    ["2026-03-10 16:29", "2026-03-10 17:30"],
    ["2026-03-10 16:30", "2026-03-11 17:30"],
    ["2026-03-10 17:45", "2026-03-11 17:30"],
    ["2026-03-13 20:00", "2026-03-16 17:30"],
    ["2026-09-30 09:00", "2026-09-30 17:30"],
    ["2026-10-01 09:00", "2026-10-08 17:30"],
  ])("%s → %s", (arrival, due) => {
    expect(sameDayDeadline(sh(arrival), OFFICE, CN).toISOString()).toBe(sh(due).toISOString());
  });
});

describe("Shanghai midnight, not UTC midnight, decides the day", () => {
  it.each([
    // UTC instant                 Shanghai wall clock       due (Shanghai)
    ["2026-03-10T16:30:00.000Z", "Wed 03-11 00:30", "2026-03-12 00:00"],
    ["2026-03-10T08:59:59.999Z", "Tue 03-10 16:59:59.999", "2026-03-11 00:00"],
    ["2026-03-10T09:00:00.000Z", "Tue 03-10 17:00", "2026-03-12 00:00"],
    ["2026-03-13T15:59:59.999Z", "Fri 23:59:59.999", "2026-03-17 00:00"],
    ["2026-03-13T16:00:00.000Z", "Sat 00:00", "2026-03-17 00:00"],
    ["2026-03-15T16:00:00.000Z", "Mon 03-16 00:00 (still Sunday in UTC)", "2026-03-17 00:00"],
    ["2026-12-31T16:00:00.000Z", "Fri 2027-01-01 00:00 (still 2026 in UTC)", "2027-01-05 00:00"],
    ["2026-12-31T15:59:59.000Z", "Thu 2026-12-31 23:59:59", "2027-01-05 00:00"],
  ])("%s (%s) → %s", (utc, _wallClock, due) => {
    expect(sameDayDeadline(new Date(utc), MIDNIGHT, CN).toISOString()).toBe(sh(due).toISOString());
  });

  it("shanghaiDay", () => {
    expect(shanghaiDay(new Date("2026-03-10T15:59:59Z"))).toBe("2026-03-10");
    expect(shanghaiDay(new Date("2026-03-10T16:00:00Z"))).toBe("2026-03-11");
  });
});

describe("rule validation", () => {
  it.each([
    [{ cutoff: "17:00", dayEnd: "24:00" }, true],
    [{ cutoff: "16:30", dayEnd: "17:30" }, true],
    [{ cutoff: "17:30", dayEnd: "17:30" }, true],
    [{ cutoff: "18:00", dayEnd: "17:30" }, false],
    [{ cutoff: "00:00", dayEnd: "24:00" }, false],
    [{ cutoff: "25:00", dayEnd: "24:00" }, false],
    [{ cutoff: "17:60", dayEnd: "24:00" }, false],
    [{ cutoff: "5pm", dayEnd: "24:00" }, false],
    [{ cutoff: "17:00", dayEnd: "24:01" }, false],
  ])("%o → %s", (rule, ok) => {
    expect(sameDayRuleIsValid(rule)).toBe(ok);
  });

  it("a malformed rule throws instead of producing a wrong deadline", () => {
    expect(() => sameDayDeadline(new Date(), { cutoff: "5pm", dayEnd: "24:00" }, CN)).toThrow(RangeError);
  });
});

describe("properties", () => {
  const instant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true });
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
  const rule = fc
    .tuple(clock, clock)
    .map(([a, b]) => (a < b ? { cutoff: a, dayEnd: b } : { cutoff: a, dayEnd: "24:00" }))
    .filter(sameDayRuleIsValid);
  // Random exception sets around the arrival, including long holiday runs and 调休 weekends.
  const exceptions = fc
    .array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.constantFrom("HOLIDAY" as const, "WORKDAY" as const)), { maxLength: 20 })
    .map((entries) => entries);

  it("the deadline is after the arrival, on a working day, and no working day is skipped", () => {
    fc.assert(
      fc.property(instant, rule, exceptions, fc.boolean(), (at, r, offsets, useCn) => {
        const base = shanghaiDay(at);
        const ex: CalendarExceptions = useCn ? CN : new Map(offsets.map(([o, k]) => [addCalendarDays(base, o), k]));
        const due = sameDayDeadline(at, r, ex);
        expect(due.getTime()).toBeGreaterThan(at.getTime());
        // The due day is the Shanghai day whose dayEnd the deadline is ("24:00" is the next midnight).
        const dueDay = shanghaiDay(new Date(due.getTime() - 1));
        expect(isWorkingDay(dueDay, ex)).toBe(true);
        // Earliest possible: nothing between the arrival day and the due day is a working day.
        for (let d = addCalendarDays(base, 1); d < dueDay; d = addCalendarDays(d, 1)) {
          expect(isWorkingDay(d, ex)).toBe(false);
        }
        // Same day exactly when the arrival day is working and the arrival is before the cut-off.
        const sameDay = dueDay === base;
        const beforeCutoff = sh(`${base} ${r.cutoff}`).getTime() > at.getTime();
        expect(sameDay).toBe(isWorkingDay(base, ex) && beforeCutoff);
      }),
      { numRuns: 500 },
    );
  });

  it("a later arrival never gets an earlier deadline (monotone)", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 7 * 24 * 3600 * 1000 }), (at, delta) => {
        const later = new Date(at.getTime() + delta);
        expect(sameDayDeadline(later, MIDNIGHT, CN).getTime()).toBeGreaterThanOrEqual(sameDayDeadline(at, MIDNIGHT, CN).getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe("holiday lists and the bulk-load parser", () => {
  it("the seeded lists hold only weekday holidays and weekend working days", () => {
    for (const e of [...CN_CALENDAR_2026, ...CN_CALENDAR_2027]) {
      const weekday = new Date(`${e.date}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      expect(e.kind === "HOLIDAY" ? !weekend : weekend, e.date).toBe(true);
    }
  });

  it("parses the pasted formats and reports bad lines with their number and reason", () => {
    const { entries, errors } = parseCalendarList(
      ["# 2027 国务院通知", "2027-02-06 班 春节调休", "2027/2/8\t休\t春节", "2027-02-09,HOLIDAY,春节", "", "2027-02-30 休 x", "2027-02-10 maybe", "2027-02-08 假 春节（改）", "2027-02-09 班 x"].join("\n"),
    );
    expect(entries).toEqual([
      { date: "2027-02-06", kind: "WORKDAY", name: "春节调休" },
      { date: "2027-02-08", kind: "HOLIDAY", name: "春节" },
      { date: "2027-02-09", kind: "HOLIDAY", name: "春节" },
    ]);
    // A repeated date is refused, not "last line wins": a hand-copied notice with the same
    // date twice has a typo for another day.
    expect(errors.map((e) => [e.line, e.reason, e.firstLine])).toEqual([
      [6, "impossibleDate", undefined],
      [7, "unreadable", undefined],
      [8, "duplicate", 3],
      [9, "conflict", 4],
    ]);
  });
});
