// A provisional holiday list for a year whose State Council notice is not out yet: the
// statutory holidays (全国年节及纪念日放假办法, as revised in 2024: 元旦 1 day, 春节 4 days —
// 除夕 to 正月初三, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on their dates, without the
// bridging days and 调休 the notice adds each year. The lunar dates and 清明's solar term come
// from lunar-typescript (6tail's lunar, the almanac library Chinese calendar apps use; decision
// 0025): ICU's Chinese calendar, used before, puts 正月初一 a day late in 2027 (7 February; the
// almanacs and the notice's 春节 say the 6th) and a day early in 2030, and the solar-term
// formula for 清明 misses 2100 — each a wrong deadline on the hotline's clocks.
// Every name ends in 暂定 so the year cannot be confirmed until the notice's list replaces
// them. Pure: used by the calendar page and tested without a database.
import { Lunar, Solar } from "lunar-typescript";
import type { CalendarEntry } from "./holidays-cn";
import { addCalendarDays, isWeekend } from "./working-days";

export const PROVISIONAL_MARK = "（暂定）";

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The Gregorian day of a (non-leap) Chinese month and day in the lunar year that starts in `year`, e.g. (2027, 8, 15) → 中秋. */
export function lunarDay(year: number, month: number, dayOfMonth: number): string {
  return Lunar.fromYmd(year, month, dayOfMonth).getSolar().toYmd();
}

/** 清明 (Pure Brightness, the solar term): 4, 5 or 6 April. */
export function qingming(year: number): string {
  // The solar terms of the lunar year that starts in `year` (正月 is always after 清明 of the year before).
  return (Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"] as Solar).toYmd();
}

/** The statutory holidays of `year` that fall on weekdays (weekend ones need no row), in date order. */
export function provisionalHolidays(year: number): CalendarEntry[] {
  const days: [string, string][] = [[day(year, 1, 1), "元旦"]];
  const newYear = lunarDay(year, 1, 1);
  for (let i = -1; i <= 2; i++) days.push([addCalendarDays(newYear, i), "春节"]);
  days.push([qingming(year), "清明节"]);
  days.push([day(year, 5, 1), "劳动节"], [day(year, 5, 2), "劳动节"]);
  days.push([lunarDay(year, 5, 5), "端午节"], [lunarDay(year, 8, 15), "中秋节"]);
  for (let d = 1; d <= 3; d++) days.push([day(year, 10, d), "国庆节"]);
  const seen = new Set<string>();
  return days
    .filter(([d]) => d.startsWith(String(year)) && !isWeekend(d) && !seen.has(d) && seen.add(d))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, kind: "HOLIDAY" as const, name: `${name}${PROVISIONAL_MARK}` }));
}

/** The list as the bulk-load form takes it, one day a line. */
export function provisionalListText(year: number): string {
  return [`# ${year} 暂定（国务院通知发布前），调休待通知`, ...provisionalHolidays(year).map((e) => `${e.date} 休 ${e.name}`)].join("\n");
}
