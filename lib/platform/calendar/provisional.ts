// A provisional holiday list for a year whose State Council notice is not out yet: the
// statutory holidays (全国年节及纪念日放假办法, as revised in 2024: 元旦 1 day, 春节 4 days —
// 除夕 to 正月初三, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on their dates, without the
// bridging days and 调休 the notice adds each year. The lunar dates come from Intl's Chinese
// calendar; 清明 from the usual solar-term approximation (exact for 2000–2099 to within the
// day the notice confirms; ICU's lunar months can also be a day off when a new moon falls just
// before midnight in Beijing — 2027's 春节 comes out as 7 February, the almanacs say the 6th).
// Every name ends in 暂定 so the year cannot be confirmed until the
// notice's list replaces them. Pure: used by the calendar page and tested without a database.
import type { CalendarEntry } from "./holidays-cn";
import { addCalendarDays, isWeekend } from "./working-days";

export const PROVISIONAL_MARK = "（暂定）";

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const chinese = new Intl.DateTimeFormat("zh-u-ca-chinese", { timeZone: "UTC", month: "long", day: "numeric" });

/** The Chinese-calendar month name (正月 … 腊月, 闰… for a leap month) and day of a Gregorian day. */
function lunar(ymd: string): { month: string; day: number } {
  const parts = chinese.formatToParts(new Date(`${ymd}T00:00:00Z`));
  return { month: parts.find((p) => p.type === "month")?.value ?? "", day: Number(parts.find((p) => p.type === "day")?.value) };
}

/** The Gregorian day in `year` of a (non-leap) Chinese month and day, e.g. ("八月", 15). */
export function lunarDay(year: number, month: string, dayOfMonth: number): string | null {
  for (let d = day(year, 1, 1); d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    const l = lunar(d);
    if (l.month === month && l.day === dayOfMonth) return d;
  }
  return null;
}

/** 清明 (Pure Brightness): 4, 5 or 6 April, from the 21st-century solar-term formula. */
export function qingming(year: number): string {
  const y = year % 100;
  return day(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}

/** The statutory holidays of `year` that fall on weekdays (weekend ones need no row), in date order. */
export function provisionalHolidays(year: number): CalendarEntry[] {
  const days: [string, string][] = [[day(year, 1, 1), "元旦"]];
  const newYear = lunarDay(year, "正月", 1);
  if (newYear) for (let i = -1; i <= 2; i++) days.push([addCalendarDays(newYear, i), "春节"]);
  days.push([qingming(year), "清明节"]);
  days.push([day(year, 5, 1), "劳动节"], [day(year, 5, 2), "劳动节"]);
  const duanwu = lunarDay(year, "五月", 5);
  if (duanwu) days.push([duanwu, "端午节"]);
  const midAutumn = lunarDay(year, "八月", 15);
  if (midAutumn) days.push([midAutumn, "中秋节"]);
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
