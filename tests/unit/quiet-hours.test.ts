// Quiet hours (免打扰): when a non-urgent external notice may go out. Pure: the calendar is a
// hand-made exceptions map and every instant is a Shanghai wall-clock time written out, so the
// result never depends on the day the suite runs.
import { describe, expect, it } from "vitest";
import { quietUntil, workingHours, workingStartOnOrAfter } from "@/lib/platform/notifications/quiet-hours";
import type { CalendarExceptions } from "@/lib/platform/calendar/working-days";

/** A Shanghai wall-clock time "YYYY-MM-DD HH:MM[:SS]" as an instant. */
const sh = (text: string) => new Date(`${text.replace(" ", "T")}${text.length === 16 ? ":00" : ""}+08:00`);
const HOURS = { start: "08:30", end: "17:30" };
// 2026-03-13 is a Friday; 2026-03-16 a Monday. A made-up holiday on Tuesday 17th, a made-up
// 调休 working Saturday on the 21st.
const CAL: CalendarExceptions = new Map([
  ["2026-03-17", "HOLIDAY"],
  ["2026-03-21", "WORKDAY"],
]);
const at = (text: string) => quietUntil(sh(text), CAL, HOURS);

describe("quietUntil", () => {
  it("is null inside working hours of a working day", () => {
    expect(at("2026-03-13 10:00")).toBeNull();
    expect(at("2026-03-16 17:29:59")).toBeNull();
  });

  it("counts the start as inside and the end as outside", () => {
    expect(at("2026-03-16 08:30")).toBeNull();
    expect(at("2026-03-16 08:29:59")).toEqual(sh("2026-03-16 08:30"));
    expect(at("2026-03-16 17:30")).toEqual(sh("2026-03-18 08:30")); // 17th is the holiday
    expect(at("2026-03-13 17:30")).toEqual(sh("2026-03-16 08:30"));
  });

  it("holds an evening notice until the next working morning", () => {
    expect(at("2026-03-12 23:00")).toEqual(sh("2026-03-13 08:30"));
  });

  it("holds a Friday-night notice until Monday", () => {
    expect(at("2026-03-13 23:00")).toEqual(sh("2026-03-16 08:30"));
    expect(at("2026-03-14 12:00")).toEqual(sh("2026-03-16 08:30"));
    expect(at("2026-03-15 07:00")).toEqual(sh("2026-03-16 08:30"));
  });

  it("skips a weekday holiday", () => {
    expect(at("2026-03-17 10:00")).toEqual(sh("2026-03-18 08:30"));
    expect(at("2026-03-16 20:00")).toEqual(sh("2026-03-18 08:30"));
  });

  it("treats a 调休 Saturday as a working day", () => {
    expect(at("2026-03-21 10:00")).toBeNull();
    expect(at("2026-03-21 07:00")).toEqual(sh("2026-03-21 08:30"));
    expect(at("2026-03-20 18:00")).toEqual(sh("2026-03-21 08:30"));
    expect(at("2026-03-21 18:00")).toEqual(sh("2026-03-23 08:30"));
  });

  it("uses the Shanghai day, not the UTC one", () => {
    // 2026-03-13 16:30 UTC is Saturday 00:30 in Shanghai: quiet, until Monday.
    expect(quietUntil(new Date("2026-03-13T16:30:00Z"), CAL, HOURS)).toEqual(sh("2026-03-16 08:30"));
    // 2026-03-15 16:00 UTC is Monday 00:00 in Shanghai: quiet until 08:30 that Monday.
    expect(quietUntil(new Date("2026-03-15T16:00:00Z"), CAL, HOURS)).toEqual(sh("2026-03-16 08:30"));
    // 2026-03-16 01:00 UTC is Monday 09:00 in Shanghai: inside.
    expect(quietUntil(new Date("2026-03-16T01:00:00Z"), CAL, HOURS)).toBeNull();
  });

  it("follows configured hours", () => {
    const late = { start: "09:00", end: "18:00" };
    expect(quietUntil(sh("2026-03-16 08:45"), CAL, late)).toEqual(sh("2026-03-16 09:00"));
    expect(quietUntil(sh("2026-03-16 17:45"), CAL, late)).toBeNull();
  });
});

describe("workingHours", () => {
  it("defaults to 08:30–17:30", () => {
    expect(workingHours({})).toEqual({ start: "08:30", end: "17:30" });
  });
  it("reads NOTIFY_WORKDAY_START/END", () => {
    expect(workingHours({ NOTIFY_WORKDAY_START: "09:00", NOTIFY_WORKDAY_END: "18:00" })).toEqual({ start: "09:00", end: "18:00" });
  });
  it("falls back to the defaults on a bad or inverted range", () => {
    expect(workingHours({ NOTIFY_WORKDAY_START: "9am" })).toEqual({ start: "08:30", end: "17:30" });
    expect(workingHours({ NOTIFY_WORKDAY_START: "18:00", NOTIFY_WORKDAY_END: "09:00" })).toEqual({ start: "08:30", end: "17:30" });
  });
});

describe("workingStartOnOrAfter", () => {
  it("is the start of the day itself or of the next working day", () => {
    expect(workingStartOnOrAfter("2026-03-16", CAL, HOURS)).toEqual(sh("2026-03-16 08:30"));
    expect(workingStartOnOrAfter("2026-03-14", CAL, HOURS)).toEqual(sh("2026-03-16 08:30"));
    expect(workingStartOnOrAfter("2026-03-17", CAL, HOURS)).toEqual(sh("2026-03-18 08:30"));
  });
});
