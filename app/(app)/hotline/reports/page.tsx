import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { hotlineProgrammeOptions } from "@/lib/hotline/queries";
import { parseReportParamsWithIgnored } from "@/lib/hotline/report-params";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { hotlineReport, type ReportRow, type StageStats } from "@/lib/hotline/reports";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

export async function generateMetadata() {
  const t = await getTranslations("hotline");
  return { title: t("report.title") };
}

export default async function HotlineReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("hotline.report");
  const t = await getTranslations("hotline");
  const { filter, range, raw, ignored } = parseReportParamsWithIgnored(await searchParams);
  const [report, programmes] = await Promise.all([hotlineReport(user, filter), hotlineProgrammeOptions(user)]);
  const stages = ["ACCEPT", "ASSIGN", "RESPOND"] as const;
  const stat = (r: ReportRow, s: (typeof stages)[number]): StageStats => (s === "ACCEPT" ? r.accept : s === "ASSIGN" ? r.assign : r.respond);
  const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
  const mins = (v: number | null) => (v === null ? "—" : t("report.minutes", { value: Math.round(v) }));
  const label = (r: ReportRow) => (filter.groupBy === "department" ? (r.label ?? t("report.noDepartment")) : r.key);
  const exportQuery = new URLSearchParams(Object.entries(raw).filter(([, v]) => v) as [string, string][]).toString();
  const lbl = "block text-sm font-medium text-slate-700";

  const rowCells = (r: ReportRow) => (
    <>
      <td className="px-3 py-2 text-right tabular-nums">{r.total}</td>
      {stages.map((s) => {
        const st = stat(r, s);
        return (
          <td key={s} className="px-3 py-2 text-right tabular-nums">
            <span className="block font-medium">{pct(st.rate)}</span>
            <span className="block text-xs text-slate-500">{t("report.rateDetail", { onTime: st.onTime, decided: st.decided })} · {mins(st.avgMinutes)} · p90 {mins(st.p90Minutes)}</span>
          </td>
        );
      })}
      <td className="px-3 py-2 text-right tabular-nums">
        <span className="block font-medium">{r.satisfaction.average === null ? "—" : r.satisfaction.average.toFixed(2)}</span>
        <span className="block text-xs text-slate-500">{r.satisfaction.distribution.join(" / ")}</span>
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{r.closed}</td>
      <td className="px-3 py-2 text-right tabular-nums">{pct(r.reopenRate)}</td>
    </>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("report.title")}
        description={t("report.intro")}
        actions={can(user, "report.export") ? <a href={`/hotline/reports/export?${exportQuery}`} className="inline-flex h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50">{t("report.export")}</a> : null}
      />
      <IgnoredFilters
        ignored={ignored}
        labels={{ period: t("report.period"), from: t("report.from"), to: t("report.to"), group: t("report.groupBy"), programme: t("report.programme") }}
      />
      <Card>
        <form method="get" action="/hotline/reports" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
          <div className="space-y-1">
            <label htmlFor="r-period" className={lbl}>{t("report.period")}</label>
            <input id="r-period" name="period" defaultValue={raw.period} placeholder="2026-Q4" className={`${controlClass} h-11`} aria-describedby="r-period-hint" />
          </div>
          <div className="space-y-1">
            <label htmlFor="r-from" className={lbl}>{t("report.from")}</label>
            <input id="r-from" type="date" name="from" defaultValue={raw.from} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="r-to" className={lbl}>{t("report.to")}</label>
            <input id="r-to" type="date" name="to" defaultValue={raw.to} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="r-group" className={lbl}>{t("report.groupBy")}</label>
            <select id="r-group" name="group" defaultValue={raw.group} className={`${controlClass} h-11`}>
              {(["department", "month", "quarter"] as const).map((g) => <option key={g} value={g}>{t(`report.groupByOptions.${g}`)}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="r-programme" className={lbl}>{t("report.programme")}</label>
            <select id="r-programme" name="programme" defaultValue={raw.programme} className={`${controlClass} h-11`}>
              <option value="">{t("report.allProgrammes")}</option>
              {programmes.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <Button type="submit">{t("report.show")}</Button>
        </form>
        <p id="r-period-hint" className="mt-2 text-xs text-slate-500">{t("report.periodHint")} · {t("report.range", { range: range.label })}</p>
      </Card>

      {report.overall.total === 0 ? <EmptyState>{t("report.empty")}</EmptyState> : (
        <Card>
          <div className="-m-4 overflow-x-auto" role="region" aria-label={t("report.title")} tabIndex={0}>
            {/* Focusable and named: a keyboard user scrolls the wide table (axe scrollable-region-focusable). */}
            <table className="w-full min-w-[56rem] text-left text-sm">
              <caption className="sr-only">{t("report.title")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("report.group")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("report.total")}</th>
                  {stages.map((s) => <th key={s} scope="col" className="px-3 py-2 text-right font-medium">{t("report.rate", { stage: t(`stage.${s}`) })}</th>)}
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("report.satisfactionAvg")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("report.closed")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("report.reopenRate")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">{label(r)}</th>
                    {rowCells(r)}
                  </tr>
                ))}
                <tr className="bg-slate-50 font-semibold">
                  <th scope="row" className="px-3 py-2">{t("report.overall")}</th>
                  {rowCells(report.overall)}
                </tr>
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
