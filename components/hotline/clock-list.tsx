// The three same-day clocks (受理/交办/回应): due time, time left or overdue by, met on time or
// late. Used on the request page, the public status page and the enterprise file.
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { formatDeadline } from "@/lib/platform/format/deadline";
import { durationParts, type Clock } from "@/lib/hotline/clocks";
import { cn } from "@/components/ui/cn";

const tone: Record<Clock["state"], string> = {
  pending: "border-sky-200 bg-sky-50 text-sky-900",
  overdue: "border-red-300 bg-red-50 text-red-900",
  met: "border-emerald-200 bg-emerald-50 text-emerald-900",
  metLate: "border-amber-300 bg-amber-50 text-amber-900",
  stopped: "border-slate-200 bg-slate-50 text-slate-600",
};

export async function formatDuration(ms: number): Promise<string> {
  const t = await getTranslations("hotline");
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return t("duration.days", { d: days, h: hours });
  if (hours > 0) return t("duration.hours", { h: hours, m: String(minutes).padStart(2, "0") });
  return t("duration.minutes", { m: minutes });
}

export async function ClockList({ clocks, compact = false }: { clocks: Clock[]; compact?: boolean }) {
  const t = await getTranslations("hotline");
  const locale = await getLocale();
  const time = (d: Date) => formatDateTime(d, locale).slice(0, -3);
  const lines = await Promise.all(
    clocks.map(async (c) => {
      const duration = await formatDuration(c.deltaMs);
      const status =
        c.state === "pending" ? t("clock.pending", { duration })
        : c.state === "overdue" ? t("clock.overdue", { duration })
        : c.state === "met" ? t("clock.met", { time: time(c.metAt!) })
        : c.state === "metLate" ? t("clock.metLate", { time: time(c.metAt!), duration })
        : t("clock.stopped");
      return { c, status };
    }),
  );
  return (
    // Compact (lists, the enterprise file): three small boxes side by side even on a phone.
    <ul className={cn("grid gap-2", compact ? "grid-cols-3 gap-1.5" : "sm:grid-cols-3")} aria-label={t("clock.title")}>
      {lines.map(({ c, status }) => (
        <li key={c.stage} data-clock={c.stage} data-state={c.state} className={cn("rounded-md border", compact ? "px-2 py-1.5" : "px-3 py-2", tone[c.state])}>
          <p className={cn("font-semibold", compact ? "text-xs" : "text-sm")}>{t(`stage.${c.stage}`)}</p>
          {/* keep-all: a phone wraps "剩余 3小时 20分" between its groups, never inside "3小时". */}
          <p className={cn("break-keep font-medium", compact ? "text-xs" : "text-sm")}>{status}</p>
          {compact ? null : <p className="break-keep text-xs tabular-nums opacity-80" data-testid="clock-due">{t("clock.due", { time: formatDeadline(c.dueAt, locale) })}</p>}
        </li>
      ))}
    </ul>
  );
}
