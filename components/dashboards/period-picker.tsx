// Period choice as plain links and a GET form: works without JavaScript and keeps the unit
// and programme in the URL, so every view can be bookmarked and shared.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PERIOD_KINDS, type DashboardPeriod } from "@/lib/dashboards/period";
import { cn } from "@/components/ui/cn";

export async function PeriodPicker({ period, base, keep }: { period: DashboardPeriod; base: string; keep: Record<string, string | undefined> }) {
  const t = await getTranslations("dashboards");
  const href = (kind: string) => {
    const q = new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1])));
    q.set("period", kind);
    return `${base}?${q}`;
  };
  return (
    <div className="flex flex-wrap items-end gap-2" role="group" aria-label={t("period")}>
      {PERIOD_KINDS.filter((k) => k !== "custom").map((k) => (
        <Link
          key={k}
          href={href(k)}
          aria-current={period.kind === k ? "true" : undefined}
          className={cn(
            "inline-flex min-h-10 items-center rounded-md border px-3 text-sm",
            period.kind === k ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-600",
          )}
        >
          {t(`periods.${k}`)}
        </Link>
      ))}
      <form method="get" action={base} className="flex flex-wrap items-end gap-2">
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <input type="hidden" name="period" value="custom" />
        <label className="text-xs text-slate-600">
          {t("from")}
          <input type="date" name="from" defaultValue={period.from} className="mt-0.5 block min-h-10 rounded-md border border-slate-300 px-2 text-sm" />
        </label>
        <label className="text-xs text-slate-600">
          {t("to")}
          <input type="date" name="to" defaultValue={period.to} className="mt-0.5 block min-h-10 rounded-md border border-slate-300 px-2 text-sm" />
        </label>
        <button type="submit" className={cn("min-h-10 rounded-md border px-3 text-sm", period.kind === "custom" ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700")}>
          {t("apply")}
        </button>
      </form>
    </div>
  );
}
