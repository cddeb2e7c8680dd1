// Dates shown to users are in Asia/Shanghai, whatever the server's own time zone.
import { TIME_ZONE } from "@/lib/platform/i18n/locales";

export function formatDateTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(value);
}

/** Calendar dates (@db.Date columns) are stored as midnight UTC: format them in UTC. */
export function formatCalendarDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
