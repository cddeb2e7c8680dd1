// The one deadline spelling (issue 13 item 4) at the awkward instants: midnight at the end of a
// day is "24:00" of that day, not "00:00" of the next; "当日" only on the Shanghai day the app
// clock says is today; the year only when the deadline is not in the current year — including
// across the New Year, where UTC and Shanghai disagree on the date for eight hours.
import { afterEach, describe, expect, it } from "vitest";
import { deadlineParts, formatDeadline, formatDueDate } from "@/lib/platform/format/deadline";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { demoYear, shanghaiInstant, ymd } from "@/tests/support/time";

// A year of the demo, not a literal: the spelling must not depend on the day the suite runs.
const Y = demoYear;

afterEach(() => unpinClock());

describe("formatDeadline", () => {
  it("spells midnight as 24:00 of the day that ends, not 00:00 of the next", () => {
    pinClock(shanghaiInstant(Y, 11, 30, 9, 0));
    const endOfDec2 = shanghaiInstant(Y, 12, 3, 0, 0);
    expect(deadlineParts(endOfDec2)).toEqual({ day: ymd(Y, 12, 2), time: "24:00" });
    expect(formatDeadline(endOfDec2, "zh-CN")).toBe("12月2日 24:00");
    expect(formatDeadline(endOfDec2, "en")).toBe("2 Dec 24:00");
    // One minute later is a time of the next day, as written.
    expect(formatDeadline(shanghaiInstant(Y, 12, 3, 0, 1), "zh-CN")).toBe("12月3日 00:01");
    expect(formatDeadline(shanghaiInstant(Y, 12, 2, 17, 30), "zh-CN")).toBe("12月2日 17:30");
  });

  it("says 当日 / today for a deadline that ends today, and only then", () => {
    const endOfToday = shanghaiInstant(Y, 12, 3, 0, 0);
    pinClock(shanghaiInstant(Y, 12, 2, 23, 59));
    expect(formatDeadline(endOfToday, "zh-CN")).toBe("当日 24:00");
    expect(formatDeadline(endOfToday, "en")).toBe("today 24:00");
    // At 00:00 Shanghai the day has turned: yesterday's deadline is a date again.
    pinClock(shanghaiInstant(Y, 12, 3, 0, 0));
    expect(formatDeadline(endOfToday, "zh-CN")).toBe("12月2日 24:00");
    // The Shanghai day, not the UTC one: 07:59 Shanghai on 3 Dec is still 2 Dec in UTC.
    pinClock(shanghaiInstant(Y, 12, 3, 7, 59));
    expect(formatDeadline(shanghaiInstant(Y, 12, 3, 17, 0), "zh-CN")).toBe("当日 17:00");
  });

  it("writes the year only outside the current year, across the Shanghai New Year", () => {
    const endOfYear = shanghaiInstant(Y + 1, 1, 1, 0, 0); // 24:00 on 31 Dec of Y
    const firstWorkingDayEnd = shanghaiInstant(Y + 1, 1, 5, 0, 0); // 24:00 on 4 Jan of Y+1
    pinClock(shanghaiInstant(Y, 12, 31, 10, 0));
    expect(formatDeadline(endOfYear, "zh-CN")).toBe("当日 24:00");
    expect(formatDeadline(firstWorkingDayEnd, "zh-CN")).toBe(`${Y + 1}年1月4日 24:00`);
    expect(formatDeadline(firstWorkingDayEnd, "en")).toBe(`4 Jan ${Y + 1} 24:00`);
    // 1 Jan 00:30 Shanghai is still 31 Dec in UTC: Shanghai decides which year is current.
    pinClock(shanghaiInstant(Y + 1, 1, 1, 0, 30));
    expect(formatDeadline(firstWorkingDayEnd, "zh-CN")).toBe("1月4日 24:00");
    expect(formatDeadline(endOfYear, "zh-CN")).toBe(`${Y}年12月31日 24:00`);
  });
});

describe("formatDueDate", () => {
  it("spells a due calendar date like a deadline's day", () => {
    pinClock(shanghaiInstant(Y, 12, 2, 8, 0));
    expect(formatDueDate(new Date(`${ymd(Y, 12, 2)}T00:00:00Z`), "zh-CN")).toBe("今天");
    expect(formatDueDate(ymd(Y, 12, 9), "zh-CN")).toBe("12月9日");
    expect(formatDueDate(ymd(Y, 12, 9), "en")).toBe("9 Dec");
    expect(formatDueDate(ymd(Y + 1, 1, 4), "zh-CN")).toBe(`${Y + 1}年1月4日`);
  });
});
