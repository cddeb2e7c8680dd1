// 赛马排名: sibling units ranked on the scheme's weighted indicators, each scored on its own
// figures (docs/decisions/0013-ranking-method.md), with each unit's score breakdown; the
// period is selectable and the table exports to Excel.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking, listRankingSchemes, type RankingResult } from "@/lib/rankings/queries";
import { rankingBasis, rankingTable } from "@/lib/rankings/view";
import type { RankingPart } from "@/lib/rankings/method";
import { Card, EmptyState, PageHeader, Badge } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Chart } from "@/components/charts/chart";
import { DataTable } from "@/components/dashboards/data-table";
import { ExportLink } from "@/components/dashboards/export-link";
import { PeriodPicker } from "@/components/dashboards/period-picker";
import { cn } from "@/components/ui/cn";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("rankings");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 64) : undefined);

export default async function RankingsPage({ searchParams }: Props) {
  const user = await requirePermission("ranking.view");
  const sp = await searchParams;
  const period = parseDashboardPeriod({ period: str(sp.period) ?? "year", from: str(sp.from), to: str(sp.to) });
  const schemes = await listRankingSchemes(user);
  const selectedId = str(sp.scheme) ?? schemes[0]?.id;
  const result: RankingResult | null = selectedId
    ? await loadOrNotFound(user, pageAuditName("/rankings"), () => computeRanking(user, selectedId, period))
    : null;
  const t = await getTranslations("rankings");
  const td = await getTranslations("dashboards");
  const locale = await getLocale();
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const q = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { scheme: selectedId, period: period.kind, from: period.kind === "custom" ? period.from : undefined, to: period.kind === "custom" ? period.to : undefined, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    return p.toString();
  };
  const table = result ? rankingTable(result, t as never, td as never) : null;
  // Units without any data have no total: they stay in the table (as 无数据) but not in the chart.
  const ranked = result ? result.ranked.filter((r) => r.score !== null) : [];
  const basisOf = (p: RankingPart) => rankingBasis(p, result!.weights.find((w) => w.key === p.key)!, t as never, td as never);
  const configure = can(user, "ranking.configure");

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={configure ? (
          <>
            {result ? <LinkButton href={`/rankings/configure?id=${result.scheme.id}`} variant="secondary">{t("edit")}</LinkButton> : null}
            <LinkButton href="/rankings/configure">{t("newScheme")}</LinkButton>
          </>
        ) : null}
      />
      {schemes.length === 0 || !result || !table ? (
        <EmptyState>{t("noSchemes")}</EmptyState>
      ) : (
        <>
          <nav aria-label={t("scheme")} className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
            {schemes.map((s) => (
              <Link
                key={s.id}
                href={`/rankings?${q({ scheme: s.id })}`}
                aria-current={s.id === result.scheme.id ? "page" : undefined}
                className={cn("flex min-h-11 shrink-0 flex-col justify-center rounded-md border px-3 py-1", s.id === result.scheme.id ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-brand-600")}
              >
                <span className="text-xs text-slate-600">{s.parentOrgUnit.name}</span>
                <span className="text-sm font-medium text-slate-900">{s.name}</span>
              </Link>
            ))}
          </nav>
          <PeriodPicker period={period} base="/rankings" keep={{ scheme: result.scheme.id }} />
          <div className="flex flex-wrap gap-2 text-sm">
            {result.weights.map((w) => (
              <Badge key={w.key}>{td(`indicators.${w.key}`)} × {nf.format(w.weight)} · {t(`directions.${w.direction}`)} · {rankingBasis({ basis: "threshold", against: w.threshold }, w, t as never, td as never)}</Badge>
            ))}
          </div>
          <Card title={`${result.scheme.name} · ${period.from} ～ ${period.to}`} actions={can(user, "report.export") ? <ExportLink href={`/api/exports/rankings?${q({})}`} label={td("export")} /> : null}>
            <div className="space-y-4">
              {ranked.length > 0 ? <Chart
                label={t("chart")}
                horizontal
                height={Math.max(180, ranked.length * 34 + 40)}
                categories={ranked.map((r) => `${r.rank}. ${r.name}`)}
                series={[{ name: t("score"), data: ranked.map((r) => r.score!) }]}
              /> : null}
              <ol className="space-y-2 md:hidden" aria-label={t("breakdown")}>
                {result.ranked.map((u) => (
                  <li key={u.id} className="rounded-lg border border-slate-200 p-3">
                    <p className="flex items-baseline justify-between gap-2">
                      <Link href={`/dashboard?unit=${u.id}`} className="inline-flex min-h-10 items-center font-medium text-brand-700">{u.rank === null ? "" : `${u.rank}. `}{u.name}</Link>
                      <span className="text-lg font-semibold tabular-nums">{u.score === null ? t("unranked") : nf.format(u.score)}</span>
                    </p>
                    {u.score !== null && u.weightWithData < u.totalWeight ? (
                      <p className="text-xs text-slate-600">{t("partialWeight", { with: nf.format(u.weightWithData), total: nf.format(u.totalWeight) })}</p>
                    ) : null}
                    <dl className="mt-1 space-y-1 text-sm">
                      {u.parts.map((p) => (
                        <div key={p.key} className="flex justify-between gap-2">
                          <dt className="text-slate-600">{td(`indicators.${p.key}`)}</dt>
                          <dd className="text-right tabular-nums">
                            {p.score === null ? t("noData") : `${nf.format(p.value!)}（${basisOf(p)}）→ ${nf.format(p.score)}`}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ol>
              <div className="hidden md:block">
                <DataTable
                  caption={t("breakdown")}
                  headers={[table.headers[1]!, table.headers[0]!, ...table.headers.slice(2)]}
                  rows={table.rows.map((r) => ({ key: r.id, href: `/dashboard?unit=${r.id}`, cells: [r.cells[1]!, r.cells[0]!, ...r.cells.slice(2)] }))}
                  format={(c) => (c === null ? t("noData") : typeof c === "number" ? nf.format(c) : c)}
                />
              </div>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
