// The provisional holiday generator (before the State Council notice): statutory dates from
// the Chinese calendar and 清明's solar term, weekday holidays only, every one marked 暂定.
// Checked against years whose notice is published.
import { describe, expect, it } from "vitest";
import { CN_CALENDAR_2026 } from "@/lib/platform/calendar/holidays-cn";
import { lunarDay, provisionalHolidays, provisionalListText, qingming, PROVISIONAL_MARK } from "@/lib/platform/calendar/provisional";
import { parseCalendarList } from "@/lib/platform/calendar/holidays-cn";
import { isWeekend } from "@/lib/platform/calendar/working-days";

describe("provisional holidays", () => {
  it("finds the lunar festivals and 清明 of published years", () => {
    expect([lunarDay(2025, 1, 1), lunarDay(2025, 5, 5), lunarDay(2025, 8, 15), qingming(2025)]).toEqual(["2025-01-29", "2025-05-31", "2025-10-06", "2025-04-04"]);
    expect([lunarDay(2026, 1, 1), lunarDay(2026, 5, 5), lunarDay(2026, 8, 15), qingming(2026)]).toEqual(["2026-02-17", "2026-06-19", "2026-09-25", "2026-04-05"]);
  });

  it("puts 春节 where the almanac does in the years ICU's Chinese calendar had a day off (2027, 2030), and 清明 2100 on its solar term", () => {
    // 2027: 正月初一 Saturday 6 February, 除夕 Friday the 5th; the holidays on weekdays are the 5th and the 8th.
    expect(lunarDay(2027, 1, 1)).toBe("2027-02-06");
    expect(provisionalHolidays(2027).filter((e) => e.name.startsWith("春节")).map((e) => e.date)).toEqual(["2027-02-05", "2027-02-08"]);
    expect(lunarDay(2030, 1, 1)).toBe("2030-02-03");
    expect(qingming(2100)).toBe("2100-04-05");
  });

  it("lists only weekday statutory holidays, each marked provisional, all inside the notice's holidays", () => {
    const list = provisionalHolidays(2026);
    expect(list.every((e) => e.kind === "HOLIDAY" && e.name.endsWith(PROVISIONAL_MARK) && !isWeekend(e.date))).toBe(true);
    const notice = new Set(CN_CALENDAR_2026.filter((e) => e.kind === "HOLIDAY").map((e) => e.date));
    expect(list.map((e) => e.date).filter((d) => !notice.has(d))).toEqual([]);
    expect(list.map((e) => e.date)).toEqual(expect.arrayContaining(["2026-01-01", "2026-02-16", "2026-02-17", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02"]));
  });

  it("produces a list the bulk load accepts", () => {
    for (const year of [2027, 2028, 2031]) {
      const parsed = parseCalendarList(provisionalListText(year));
      expect(parsed.errors, String(year)).toEqual([]);
      expect(parsed.entries.length, String(year)).toBe(provisionalHolidays(year).length);
      expect(parsed.entries.every((e) => e.date.startsWith(String(year)))).toBe(true);
    }
  });
});
