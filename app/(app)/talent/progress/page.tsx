import { getTranslations } from "next-intl/server";
import { filterEnum, filterYear, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { pointsByPeriodAndUnit, quotaUse, talentsSolved, tierDistribution, type Granularity } from "@/lib/talent/points/progress";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("points.progress");
  return { title: t("title") };
}

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("talent.view");
  const t = await getTranslations("points.progress");
  const tp = await getTranslations("points");
  const programme = await getTalentProgrammeOrThrow(user);
  const { filter, ignored } = parseFilters({ year: filterYear, by: filterEnum(["month", "quarter", "year"] as const) }, await searchParams);
  const year = filter.year ?? shanghaiYear();
  const granularity: Granularity = filter.by ?? "month";
  const [byPeriod, quotas, solved, tiers] = await Promise.all([
    pointsByPeriodAndUnit(user.orgPath, year, granularity),
    quotaUse(programme.id, user.orgPath, String(year)),
    talentsSolved(user.orgPath, year),
    tierDistribution(programme, user.orgPath, year),
  ]);
  const periods = [...new Set(byPeriod.map((r) => r.period))];
  const units = [...new Map(byPeriod.map((r) => [r.unitId, r.unitName])).entries()];
  const totals = byPeriod.reduce((acc, r) => ({ granted: acc.granted + r.granted, redeemed: acc.redeemed + r.redeemed }), { granted: 0, redeemed: 0 });
  const target = 60;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro", { year, unit: user.orgName })} />
      <IgnoredFilters ignored={ignored} labels={{ year: t("year"), by: t("by") }} />
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">{t("year")} <input name="year" type="number" defaultValue={year} min={2000} max={2100} className="ml-1 h-11 w-28 rounded-md border border-slate-300 px-2" /></label>
        <label className="text-sm">{t("by")} <select name="by" defaultValue={granularity} className="ml-1 h-11 rounded-md border border-slate-300 px-2">
          {(["month", "quarter", "year"] as const).map((g) => <option key={g} value={g}>{t(`granularity.${g}`)}</option>)}
        </select></label>
        <button className="h-11 rounded-md bg-brand-700 px-4 text-white">{t("show")}</button>
      </form>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Card><p className="text-sm text-slate-600">{t("solved")}</p><p className="text-3xl font-semibold text-brand-800" data-testid="talents-solved">{solved.total}</p><p className="text-xs text-slate-500">{t("solvedDetail", { housing: solved.housing, schooling: solved.schooling, target })}</p></Card>
        <Card><p className="text-sm text-slate-600">{t("granted")}</p><p className="text-3xl font-semibold tabular-nums">{totals.granted}</p></Card>
        <Card><p className="text-sm text-slate-600">{t("redeemed")}</p><p className="text-3xl font-semibold tabular-nums">{totals.redeemed}</p></Card>
        <Card><p className="text-sm text-slate-600">{t("enterprises")}</p><p className="text-3xl font-semibold tabular-nums">{tiers.total}</p>
          <p className="text-xs text-slate-500">{tiers.byTier.map((x) => `${tp("tiers.name", { tier: x.tier })} ${x.count}`).join(" · ")} · {tp("tiers.none")} {tiers.none}</p></Card>
      </div>

      <Card title={t("byPeriodTitle")}>
        {byPeriod.length === 0 ? <EmptyState>{t("noEntries")}</EmptyState> : (
          <div className="-m-4 overflow-x-auto" role="region" aria-label={t("byPeriodTitle")} tabIndex={0}>
            {/* Focusable and named: a keyboard user scrolls the wide table (axe scrollable-region-focusable). */}
            <table className="w-full text-sm">
              <caption className="sr-only">{t("byPeriodTitle")}</caption>
              <thead className="bg-slate-50 text-slate-600"><tr><th scope="col" className="px-3 py-2 text-left">{t("unit")}</th>{periods.map((p) => <th key={p} scope="col" className="px-3 py-2 text-right">{p}</th>)}</tr></thead>
              <tbody className="divide-y divide-slate-100">
                {units.map(([unitId, name]) => (
                  <tr key={unitId}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">{name}</th>
                    {periods.map((p) => {
                      const cell = byPeriod.find((r) => r.unitId === unitId && r.period === p);
                      return <td key={p} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{cell ? <><span className="text-emerald-700">+{cell.granted}</span> / <span className="text-red-700">−{cell.redeemed}</span></> : "—"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="px-3 py-2 text-xs text-slate-500">{t("cellLegend")}</p>
          </div>
        )}
      </Card>

      <Card title={t("quotaTitle", { year })}>
        {quotas.length === 0 ? <EmptyState>{t("noQuotas")}</EmptyState> : (
          <ul className="space-y-3">
            {quotas.map((q) => (
              <li key={`${q.resourceId}-${q.kind}`}>
                <div className="flex justify-between text-sm"><span>{q.name} · {t(`quotaKinds.${q.kind}`)}</span><span className="tabular-nums">{t("used", { used: q.used, total: q.total })}</span></div>
                <div className="mt-1 h-2 rounded bg-slate-100" role="img" aria-label={t("used", { used: q.used, total: q.total })}>
                  <div className="h-2 rounded bg-brand-600" style={{ width: `${q.total ? Math.min(100, (q.used / q.total) * 100) : 0}%` }} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
