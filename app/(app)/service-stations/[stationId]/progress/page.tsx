// 办件进度: a station's figures over a period (this year unless the URL says otherwise):
// the headline, cases per month, the items used most, the round-tables waiting and the staff.
// Every number comes from stationProgress() through the same tables the Excel export writes.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { PROGRESS_DEFAULT_PERIOD, stationProgress, TOP_ITEMS } from "@/lib/service-stations/progress";
import { countingNote, progressTables, waitingLabel, type ProgressCell, type ProgressTable } from "@/lib/service-stations/progress-view";
import { formatDateTime } from "@/lib/platform/format/dates";
import { headerText } from "@/lib/platform/exports/xlsx";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Chart } from "@/components/charts/chart";
import { DataTable, type DataRow } from "@/components/dashboards/data-table";
import { ExportLink } from "@/components/dashboards/export-link";
import { PeriodPicker } from "@/components/dashboards/period-picker";
import { ProgressFigures } from "@/components/service-stations/progress-figures";

export async function generateMetadata() {
  return { title: (await getTranslations("serviceStation.progress"))("title") };
}

type Search = { period?: string | string[]; from?: string | string[]; to?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 64);

export default async function StationProgressPage({ params, searchParams }: { params: Promise<{ stationId: string }>; searchParams: Promise<Search> }) {
  const user = await requirePermission("serviceStation.view");
  const { stationId } = await params;
  const sp = await searchParams;
  const period = parseDashboardPeriod({ period: one(sp.period) ?? PROGRESS_DEFAULT_PERIOD, from: one(sp.from), to: one(sp.to) });
  const progress = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/progress"), () =>
    stationProgress(user, stationId, { from: period.from, to: period.to }),
  );
  const station = progress.station!;
  const t = await getTranslations("serviceStation.progress");
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const locale = await getLocale();
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // A decimal column shows its digits on every row (34.0 beside 29.4, as the workbook writes it).
  const fixed = new Map<number, Intl.NumberFormat>();
  const decimals = (digits: number) => fixed.get(digits) ?? fixed.set(digits, new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })).get(digits)!;
  const fmtOf = (x: ProgressTable) => (c: ProgressCell, col: number) => {
    if (c === null) return "—";
    if (typeof c !== "number") return c;
    const column = x.columns[col];
    return column?.type === "decimal" ? decimals(column.digits ?? 1).format(c) : nf.format(c);
  };
  const tables = new Map(progressTables(progress, tr, locale).map((x) => [x.key, x]));
  const table = (key: ProgressTable["key"]) => tables.get(key)!;
  // The headers as the workbook writes them ("节省时间（分钟）").
  const headers = (x: ProgressTable) => x.columns.map(headerText);
  const rowsOf = (x: ProgressTable, href?: (i: number) => string): DataRow[] => x.rows.map((cells, i) => ({ key: String(i), cells, href: href?.(i) }));
  const base = `/service-stations/${station.id}/progress`;
  const query = new URLSearchParams({ station: station.id, period: period.kind, ...(period.kind === "custom" ? { from: period.from, to: period.to } : {}) });
  const { totals } = progress;

  const trend = table("trend");
  const items = table("items");
  const topItems = { ...items, rows: items.rows.slice(0, TOP_ITEMS) };
  const roundTables = table("roundTables");
  const staff = table("staff");

  return (
    <div className="space-y-4">
      <PageHeader
        title={`${station.name} · ${t("title")}`}
        description={t("description", { station: station.orgUnitName, from: period.from, to: period.to })}
        actions={
          <>
            {can(user, "report.export") ? <ExportLink href={`/api/exports/service-stations/progress?${query}`} label={t("export")} /> : null}
            <Link href={`/service-stations/${station.id}`} className="inline-flex min-h-10 items-center text-sm text-brand-700 hover:underline">{t("back")}</Link>
          </>
        }
      />
      <PeriodPicker period={period} base={base} keep={{}} />

      <section aria-labelledby="station-progress-headline" className="space-y-2">
        <h2 id="station-progress-headline" className="text-base font-semibold text-slate-800" data-testid="station-progress-headline">
          {t("headline", {
            finished: nf.format(totals.finished), enterprises: nf.format(totals.enterprises),
            average: totals.averageMinutes === null ? t("noAverage") : nf.format(totals.averageMinutes), hours: nf.format(totals.hoursSaved),
          })}
        </h2>
        <ProgressFigures totals={totals} t={tr} nf={nf} />
        <p className="text-sm text-slate-600">
          {t("openedLine", { opened: progress.opened, statuses: Object.entries(progress.byStatus).map(([s, n]) => `${tr(`status.${s}`)} ${n}`).join(" · ") })}
        </p>
        <p className="text-xs text-slate-600">{countingNote(progress, tr)}</p>
      </section>

      <Card title={trend.title}>
        {trend.rows.length ? (
          <div className="space-y-4">
            <Chart label={t("trendChart")} categories={progress.trend.map((b) => b.bucket.slice(0, 7))} series={[{ name: t("figures.finished"), data: progress.trend.map((b) => b.finished) }]} />
            <DataTable caption={trend.title} headers={headers(trend)} rows={rowsOf(trend)} format={fmtOf(trend)} />
          </div>
        ) : <EmptyState>{t("empty")}</EmptyState>}
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        {/* min-w-0: a grid item would otherwise grow to its table's width on a phone. */}
        <Card title={t("tables.topItems")} className="min-w-0">
          {topItems.rows.length ? (
            <div className="space-y-4">
              <Chart
                horizontal
                height={Math.max(160, 32 * topItems.rows.length)}
                label={t("itemsChart", { n: TOP_ITEMS })}
                categories={progress.topItems.map((i) => i.name)}
                series={[{ name: t("cols.cases"), data: progress.topItems.map((i) => i.cases) }]}
              />
              <DataTable caption={t("tables.topItems")} headers={headers(topItems)} rows={rowsOf(topItems)} format={fmtOf(topItems)} />
            </div>
          ) : <EmptyState>{t("empty")}</EmptyState>}
        </Card>

        <Card title={t("titleWithCount", { title: roundTables.title, count: progress.roundTables.length })} className="min-w-0">
          {progress.roundTables.length ? (
            <ul className="-my-2 divide-y divide-slate-100 text-sm">
              {progress.roundTables.map((r) => (
                <li key={r.id} className="space-y-1 py-2">
                  <p className="flex flex-wrap items-center justify-between gap-2">
                    <Link href={`/service-stations/cases/${r.caseId}`} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-2 hover:underline">
                      {r.caseNumber} · {r.enterpriseName}
                    </Link>
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">{waitingLabel(r.waitingHours, tr)}</span>
                  </p>
                  {r.topic ? <p className="text-slate-800">{r.topic}</p> : null}
                  <p className="text-xs text-slate-600">
                    {t("openedAt", { time: formatDateTime(r.openedAt, locale) })}
                    {" · "}{t("answeredOf", { answered: r.answered, departments: r.departments })}
                    {r.waitingOn.length ? <> · {t("waitingOn", { departments: r.waitingOn.join("、") })}</> : null}
                  </p>
                </li>
              ))}
            </ul>
          ) : <EmptyState>{t("noRoundTables")}</EmptyState>}
        </Card>
      </div>

      <Card title={staff.title}>
        {staff.rows.length ? <DataTable caption={staff.title} headers={headers(staff)} rows={rowsOf(staff)} format={fmtOf(staff)} /> : <EmptyState>{t("noStaff")}</EmptyState>}
      </Card>
    </div>
  );
}
