// China's public holidays and make-up working days (调休), from the State Council General
// Office's annual notice (国务院办公厅关于部分节假日安排的通知). The 2026 list follows the notice
// for 2026 as we have it (no copy in /work/shared): an ADMIN MUST CONFIRM it on the calendar page
// (管理 → 工作日历) against the published notice, and load each new year when it is announced
// (usually in November or December of the year before).
//
// Only exceptions to "Monday–Friday work" are stored: weekday holidays (HOLIDAY) and weekend
// working days (WORKDAY). A holiday falling on a Saturday or Sunday needs no row.
// The bulk-load text format (one day a line) is parsed by parseCalendarList below.
import type { CalendarDayKindValue } from "@/lib/platform/calendar/working-days";

export type CalendarEntry = { date: string; kind: CalendarDayKindValue; name: string };

export const CN_CALENDAR_2026: readonly CalendarEntry[] = [
  // 元旦 1月1日–3日放假，1月4日（周日）上班
  { date: "2026-01-01", kind: "HOLIDAY", name: "元旦" },
  { date: "2026-01-02", kind: "HOLIDAY", name: "元旦" },
  { date: "2026-01-04", kind: "WORKDAY", name: "元旦调休" },
  // 春节 2月15日–23日放假，2月14日（周六）、2月28日（周六）上班
  { date: "2026-02-14", kind: "WORKDAY", name: "春节调休" },
  { date: "2026-02-16", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-17", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-18", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-19", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-20", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-23", kind: "HOLIDAY", name: "春节" },
  { date: "2026-02-28", kind: "WORKDAY", name: "春节调休" },
  // 清明节 4月4日–6日放假
  { date: "2026-04-06", kind: "HOLIDAY", name: "清明节" },
  // 劳动节 5月1日–5日放假，5月9日（周六）上班
  { date: "2026-05-01", kind: "HOLIDAY", name: "劳动节" },
  { date: "2026-05-04", kind: "HOLIDAY", name: "劳动节" },
  { date: "2026-05-05", kind: "HOLIDAY", name: "劳动节" },
  { date: "2026-05-09", kind: "WORKDAY", name: "劳动节调休" },
  // 端午节 6月19日–21日放假
  { date: "2026-06-19", kind: "HOLIDAY", name: "端午节" },
  // 中秋节 9月25日–27日放假
  { date: "2026-09-25", kind: "HOLIDAY", name: "中秋节" },
  // 国庆节 10月1日–7日放假，9月20日（周日）、10月10日（周六）上班
  { date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休" },
  { date: "2026-10-01", kind: "HOLIDAY", name: "国庆节" },
  { date: "2026-10-02", kind: "HOLIDAY", name: "国庆节" },
  { date: "2026-10-05", kind: "HOLIDAY", name: "国庆节" },
  { date: "2026-10-06", kind: "HOLIDAY", name: "国庆节" },
  { date: "2026-10-07", kind: "HOLIDAY", name: "国庆节" },
  { date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休" },
];

/**
 * 2027: only 元旦 (fixed by law on January 1st, a Friday). The rest of the year — 春节 and its
 * 调休 days — is announced by the State Council late in 2026; the admin loads it then.
 */
export const CN_CALENDAR_2027: readonly CalendarEntry[] = [{ date: "2027-01-01", kind: "HOLIDAY", name: "元旦" }];

/**
 * The complete State Council notices this file holds, by year. A year listed here can be
 * loaded as its official schedule; any other year has at most the fixed-date 元旦 row above
 * and must be loaded from its notice (or provisionally, lib/platform/calendar/provisional.ts).
 */
export const CN_CALENDARS: Readonly<Record<number, readonly CalendarEntry[]>> = { 2026: CN_CALENDAR_2026 };

const KIND_WORDS: Record<string, CalendarDayKindValue> = {
  holiday: "HOLIDAY",
  休: "HOLIDAY",
  假: "HOLIDAY",
  放假: "HOLIDAY",
  workday: "WORKDAY",
  班: "WORKDAY",
  上班: "WORKDAY",
};

/**
 * Why a line was refused: it cannot be read at all; its date does not exist (2月30日); its
 * date is on an earlier line already with the same kind (duplicate) or with the other kind
 * (conflict: one day cannot be both a holiday and a make-up working day).
 */
export type ListErrorReason = "unreadable" | "impossibleDate" | "duplicate" | "conflict";

export type ParsedList = {
  entries: CalendarEntry[];
  errors: { line: number; text: string; reason: ListErrorReason; firstLine?: number }[];
};

/**
 * Parses a pasted list, one day a line: `2026-10-01 休 国庆节` or `2026-10-10,WORKDAY,国庆节调休`
 * (date, kind, optional name; separated by spaces, tabs, commas or 、). Kind words: HOLIDAY/休/假/放假,
 * WORKDAY/班/上班. Blank lines and lines starting with # are ignored. Dates may use / or . too.
 * A date listed twice is an error, not "the last line wins": in a notice copied by hand a
 * repeated date is a typo for another day, and silently keeping one would load a wrong year.
 */
export function parseCalendarList(text: string): ParsedList {
  const byDate = new Map<string, { entry: CalendarEntry; line: number }>();
  const errors: ParsedList["errors"] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const [dateText = "", kindText = "", ...nameParts] = line.split(/[\s,，、\t]+/).filter(Boolean);
    const date = normaliseDate(dateText);
    const kind = KIND_WORDS[kindText.toLowerCase()];
    const name = nameParts.join(" ").slice(0, 40);
    const lineNo = index + 1;
    const shown = line.slice(0, 80);
    if (date === "impossible" && kind) {
      errors.push({ line: lineNo, text: shown, reason: "impossibleDate" });
      return;
    }
    if (!date || date === "impossible" || !kind) {
      errors.push({ line: lineNo, text: shown, reason: "unreadable" });
      return;
    }
    const first = byDate.get(date);
    if (first) {
      errors.push({ line: lineNo, text: shown, reason: first.entry.kind === kind ? "duplicate" : "conflict", firstLine: first.line });
      return;
    }
    byDate.set(date, { entry: { date, kind, name }, line: lineNo });
  });
  return { entries: [...byDate.values()].map((v) => v.entry).sort((a, b) => a.date.localeCompare(b.date)), errors };
}

/** "YYYY-MM-DD"; "impossible" for a well-formed date that does not exist (2027-02-30); null otherwise. */
function normaliseDate(text: string): string | "impossible" | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date ? "impossible" : date;
}
