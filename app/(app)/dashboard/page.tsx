// 管理看板: the manager's subtree, unit by unit. ?unit= drills down (district → street →
// village) within the user's subtree, ?programme= picks the active programme, ?period=
// (week|month|quarter|year|custom with from/to) the period. Every chart has its table and
// an Excel export of exactly that table.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { INDICATOR_BY_KEY } from "@/lib/dashboards/indicators";
import { indicatorName, loadDashboard, panelTable, targetRowKey, targetsTable, trendTable, unitLabel, type Cell, type DashboardModel } from "@/lib/dashboards/view";
import { Card, EmptyState, PageHeader, Badge } from "@/components/ui/card";
import { ExportLink } from "@/components/dashboards/export-link";
import { Chart } from "@/components/charts/chart";
import { DataTable } from "@/components/dashboards/data-table";
import { PeriodPicker } from "@/components/dashboards/period-picker";
import { cn } from "@/components/ui/cn";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("dashboards");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 64) : undefined);

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission("dashboard.view");
  const sp = await searchParams;
  const params = { unit: str(sp.unit), programme: str(sp.programme), period: str(sp.period), from: str(sp.from), to: str(sp.to) };
  const model: DashboardModel = await loadOrNotFound(user, pageAuditName("/dashboard"), () => loadDashboard(user, params));
  const t = await getTranslations("dashboards");
  const tp = await getTranslations("programmeTypes");
  const locale = await getLocale();
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const canExport = can(user, "report.export");
  const { unit, period, selected } = model;

  const query = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { unit: unit.id, programme: selected?.id, period: period.kind, from: period.kind === "custom" ? period.from : undefined, to: period.kind === "custom" ? period.to : undefined, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return q.toString();
  };
  const drill = (id: string) => `/dashboard?${query({ unit: id })}`;
  const exportHref = (table: string) => `/api/exports/dashboard?${query({ table })}`;
  const fmt = (c: Cell) => (c === null ? "—" : typeof c === "number" ? nf.format(c) : c);

  const targets = targetsTable(model, t);
  const panel = panelTable(model, t);
  const trend = trendTable(model, t);
  const children = model.children;
  const rowsOf = (tbl: typeof panel) =>
    tbl.rows.map((r, i) => ({
      key: r.unit?.id ?? String(i),
      href: r.unit && r.unit.id !== unit.id && r.unit.hasChildren ? drill(r.unit.id) : r.unit && r.unit.id !== unit.id ? drill(r.unit.id) : null,
      cells: r.cells,
      emphasis: r.unit?.id === unit.id,
    }));

  // Headline indicators of the panel: the first four with values.
  const headline = model.panel ? model.panel.keys.slice(0, 4) : [];
  const mainKey = model.panel?.keys[0];
  const firstTarget = model.targets[0];

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description", { unit: unit.name, from: period.from, to: period.to })} />

      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          {model.breadcrumb.map((b, i) => (
            <li key={b.id} className="flex items-center gap-1">
              {i > 0 ? <span aria-hidden="true">/</span> : null}
              {i < model.breadcrumb.length - 1 ? (
                <Link href={drill(b.id)} className="inline-flex min-h-10 items-center text-brand-700 hover:underline">{b.name}</Link>
              ) : (
                <span aria-current="page" className="inline-flex min-h-10 items-center font-semibold text-slate-900">{b.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <PeriodPicker period={period} base="/dashboard" keep={{ unit: unit.id, programme: selected?.id }} />

      {model.programmes.length === 0 || !selected ? (
        <EmptyState>{t("noProgrammes")}</EmptyState>
      ) : (
        <>
          {/* The chips wrap rather than scroll: a row scrolled sideways hid programmes past
              the edge, and names wrap rather than being cut, so every programme is findable. */}
          <nav aria-label={t("selectProgramme")} className="flex flex-wrap gap-2">
            {model.programmes.map((p) => (
              <Link
                key={p.id}
                href={`/dashboard?${query({ programme: p.id })}`}
                aria-current={p.id === selected.id ? "page" : undefined}
                className={cn(
                  "flex min-h-11 min-w-0 max-w-full flex-col justify-center rounded-md border px-3 py-1 text-left sm:max-w-xs",
                  p.id === selected.id ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-brand-600",
                )}
              >
                {/* slate-600: slate-500 at 12 px reads 4.36:1 on the selected chip's brand-50. */}
                <span className="text-xs text-slate-600">{tp(p.type)}</span>
                <span className="break-words text-sm font-medium text-slate-900">{p.name}</span>
              </Link>
            ))}
          </nav>

          {headline.length ? (
            <section aria-label={selected.name} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              {headline.map((k) => {
                const v = model.panel!.values.get(k)?.get(unit.id) ?? null;
                const shown = v === null ? t("noData") : v;
                return (
                  <div key={k} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                    <p className="text-sm text-slate-600">{indicatorName(t, k)}</p>
                    <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
                      {fmt(shown)} {v === null ? null : <span className="text-sm font-normal text-slate-500">{unitLabel(t, k)}</span>}
                    </p>
                  </div>
                );
              })}
            </section>
          ) : null}

          <Card
            title={t("targetProgress")}
            actions={canExport && model.targets.length ? <ExportLink href={exportHref("targets")} label={t("export")} /> : null}
          >
            {model.targets.length === 0 ? (
              <EmptyState>{t("noTargets")}</EmptyState>
            ) : (
              <div className="space-y-4">
                <div className="flex flex-wrap gap-3">
                  {model.targets.map((r) => {
                    // The unit's total always shows, with its target or "未设目标" when it has none.
                    const c = r.cells.get(unit.id)!;
                    const pct = c.percent ?? 0;
                    return (
                      <div key={targetRowKey(r)} className="min-w-[14rem] flex-1 rounded-md border border-slate-200 p-3">
                        <div className="flex items-baseline justify-between gap-2">
                          <span className="text-sm text-slate-700">{r.name}</span>
                          <Badge>{r.period}</Badge>
                        </div>
                        <p className="mt-1 text-lg font-semibold tabular-nums">
                          {fmt(c.value)}{c.target === null ? null : <> / {fmt(c.target)}</>} <span className="text-sm font-normal text-slate-500">{r.unitLabel}</span>
                        </p>
                        {c.target === null ? (
                          <p className="mt-1 text-sm text-slate-600">{t("noTarget")}</p>
                        ) : (
                          <>
                            <div className="mt-2 h-2 rounded bg-slate-100" aria-hidden="true">
                              <div className={cn("h-2 rounded", pct >= 100 ? "bg-emerald-600" : pct >= 60 ? "bg-brand-600" : "bg-amber-500")} style={{ width: `${Math.min(100, pct)}%` }} />
                            </div>
                            <p className="mt-1 text-sm tabular-nums text-slate-600">{t("percent")} {c.percent === null ? t("noData") : `${nf.format(c.percent)}%`}</p>
                          </>
                        )}
                      </div>
                    );
                  })}
                </div>
                {firstTarget && children.length ? (
                  <Chart
                    label={t("chartOf", { indicator: firstTarget.name })}
                    categories={children.map((c) => c.name)}
                    // Value bars for every child; target bars only where targets are set.
                    series={[
                      { name: t("value"), data: children.map((c) => firstTarget.cells.get(c.id)?.value ?? null) },
                      ...(children.some((c) => firstTarget.cells.get(c.id)?.target != null)
                        ? [{ name: t("target"), data: children.map((c) => firstTarget.cells.get(c.id)?.target ?? null), muted: true }]
                        : []),
                    ]}
                  />
                ) : null}
                <DataTable caption={t("targetProgress")} headers={targets.headers} rows={rowsOf(targets)} format={fmt} />
                <p className="text-xs text-slate-500">{t("targetNote")}</p>
              </div>
            )}
          </Card>

          {model.panel ? (
            <Card
              title={`${t("indicatorsTitle")} · ${selected.name}`}
              actions={canExport ? <ExportLink href={exportHref("panel")} label={t("export")} /> : null}
            >
              <div className="space-y-4">
                {mainKey && children.length ? (
                  <Chart
                    label={t("chartUnits", { indicator: indicatorName(t, mainKey) })}
                    categories={children.map((c) => c.name)}
                    unit={unitLabel(t, mainKey)}
                    series={[{ name: indicatorName(t, mainKey), data: children.map((c) => model.panel!.values.get(mainKey)?.get(c.id) ?? null) }]}
                  />
                ) : null}
                <DataTable caption={t("indicatorsTitle")} headers={panel.headers} rows={rowsOf(panel)} format={fmt} />
              </div>
            </Card>
          ) : null}

          {model.panel && model.panel.trend.keys.length && model.panel.trend.buckets.length ? (
            <Card
              title={`${t("trend", { unit: unit.name })} · ${model.panel.trend.grain === "week" ? t("trendWeek") : t("trendMonth")}`}
              actions={canExport ? <ExportLink href={exportHref("trend")} label={t("export")} /> : null}
            >
              <div className="space-y-4">
                <Chart
                  label={t("trend", { unit: unit.name })}
                  categories={trend.rows.map((r) => String(r.cells[0]))}
                  series={model.panel.trend.keys
                    .filter((k) => INDICATOR_BY_KEY.get(k)!.additive)
                    .slice(0, 3)
                    .map((k) => ({ name: indicatorName(t, k), kind: "line" as const, data: model.panel!.trend.values.get(k)! }))}
                />
                <DataTable caption={t("trend", { unit: unit.name })} headers={trend.headers} rows={trend.rows.map((r, i) => ({ key: String(i), cells: r.cells }))} format={fmt} />
              </div>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
