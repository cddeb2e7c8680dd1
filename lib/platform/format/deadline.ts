// The one way a deadline is spelled (hotline clocks, the officer's home, problems' and
// milestones' due dates). A deadline at midnight is the end of the day before: officers read
// "12月3日 00:00" as "I have until tomorrow", so it is "12月2日 24:00". Today's deadlines say
// "当日", and the year appears only when it is not the current one — all in Shanghai time,
// against the app clock (lib/platform/clock), so a test can pin "today".
import { createTranslator } from "use-intl/core";
import { platformMessagesFor } from "@/lib/platform/i18n/messages";
import { TIME_ZONE, toLocale } from "@/lib/platform/i18n/locales";
import { now as clockNow, shanghaiYmd } from "@/lib/platform/clock";

const wallClock = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The Shanghai day a deadline belongs to and its time of day, with midnight as "24:00" of the day before. */
export function deadlineParts(due: Date): { day: string; time: string } {
  const parts = Object.fromEntries(wallClock.formatToParts(due).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  if (time !== "00:00") return { day, time };
  return { day: shanghaiYmd(new Date(due.getTime() - 60_000)), time: "24:00" };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "12月2日" / "2 Dec", with the year ("2027年1月4日" / "4 Jan 2027") only outside the current year. */
function dayLabel(day: string, locale: string, today: string): string {
  const withYear = day.slice(0, 4) !== today.slice(0, 4);
  const key = `${locale}|${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    // en-GB: "2 Dec", the order officers' English-speaking colleagues expect in China.
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone: "UTC", day: "numeric", month: locale === "en" ? "short" : "long", ...(withYear ? { year: "numeric" } : {}) });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

function translator(locale: string) {
  const l = toLocale(locale);
  return createTranslator({ locale: l, messages: platformMessagesFor(l) as never, namespace: "dates.deadline" as never }) as unknown as (key: string, values?: Record<string, string>) => string;
}

/** A due instant: "12月2日 24:00", "当日 24:00", "2027年1月4日 17:30" (en: "2 Dec 24:00", "today 24:00"). */
export function formatDeadline(due: Date, locale: string, now: Date = clockNow()): string {
  const { day, time } = deadlineParts(due);
  const today = shanghaiYmd(now);
  const t = translator(locale);
  return day === today ? t("today", { time }) : t("at", { day: dayLabel(day, locale, today), time });
}

/**
 * A due calendar date (a @db.Date column, stored as midnight UTC, or "YYYY-MM-DD"): the end of
 * that day, spelled like the deadlines' day — "12月2日", "今天", the year only when not current.
 */
export function formatDueDate(due: Date | string, locale: string, now: Date = clockNow()): string {
  const day = typeof due === "string" ? due : due.toISOString().slice(0, 10);
  const today = shanghaiYmd(now);
  return day === today ? translator(locale)("todayDate") : dayLabel(day, locale, today);
}
