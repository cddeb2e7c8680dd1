import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { evaluationRows } from "@/lib/talent/points/evaluation";
import { parseEvaluationFilterWithIgnored } from "@/lib/talent/points/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { indentedName } from "@/components/admin/org-options";
import { filterControl, FilterField } from "@/components/registers/list-bits";
import { TierBadge } from "@/components/talent/badges";

export async function generateMetadata() {
  const t = await getTranslations("points.evaluation");
  return { title: t("title") };
}

export default async function EvaluationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("talent.view");
  const t = await getTranslations("points.evaluation");
  const tp = await getTranslations("points");
  const tCommon = await getTranslations("common");
  const programme = await getTalentProgrammeOrThrow(user);
  const { filter, ignored } = parseEvaluationFilterWithIgnored(await searchParams, shanghaiYear());
  const [rows, units] = await Promise.all([evaluationRows(user, programme, filter), orgUnitOptions(user)]);
  const s = programme.config.evaluation;
  const query = new URLSearchParams({ year: String(filter.year), ...(filter.orgUnitId ? { org: filter.orgUnitId } : {}), ...(filter.tier !== undefined ? { tier: String(filter.tier) } : {}) });

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={s.mode === "TIER" ? t("introTier", { max: s.max, scores: s.tierScores.join(" / ") }) : t("introProportional", { max: s.max, points: s.pointsForMax })}
        actions={can(user, "report.export") ? <a className={buttonClass("secondary", "md")} href={`/api/talent/evaluation/export?${query}`} download>{t("export")}</a> : null}
      />
      <IgnoredFilters ignored={ignored} labels={{ year: t("year"), org: t("unit"), tier: t("tier") }} />
      <form method="get" action="/talent/evaluation" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[1fr_2fr_1fr_auto]">
        <FilterField id="f-year" label={t("year")}>
          <input id="f-year" name="year" type="number" min={2000} max={2100} defaultValue={filter.year} className={filterControl} />
        </FilterField>
        <FilterField id="f-org" label={t("unit")} className="col-span-2 lg:col-span-1">
          <select id="f-org" name="org" defaultValue={filter.orgUnitId ?? ""} className={filterControl}>
            <option value="">{tCommon("all")}</option>
            {units.map((o) => <option key={o.id} value={o.id}>{indentedName(o)}</option>)}
          </select>
        </FilterField>
        <FilterField id="f-tier" label={t("tier")}>
          <select id="f-tier" name="tier" defaultValue={filter.tier === undefined ? "" : String(filter.tier)} className={filterControl}>
            <option value="">{t("allTiers")}</option>
            {[1, 2, 3, 4].map((n) => <option key={n} value={n}>{tp("tiers.name", { tier: n })}</option>)}
            <option value="none">{tp("tiers.none")}</option>
          </select>
        </FilterField>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <button type="submit" className={buttonClass("primary", "md")}>{tCommon("filter")}</button>
          <Link href="/talent/evaluation" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link>
        </div>
      </form>
      {rows.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : (
        <>
          <ol className="space-y-2 md:hidden">
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex items-center justify-between gap-2"><span className="font-medium">{r.rank}. <Link className="text-brand-700 underline" href={`/registers/enterprises/${r.id}`}>{r.name}</Link></span><TierBadge tier={r.tier} name={r.tierName} /></div>
                <div className="mt-1 text-sm text-slate-600">{t("cardLine", { earned: r.earned, score: r.score, balance: r.balance })}</div>
              </li>
            ))}
          </ol>
          <TableCard caption={t("title")} columns={[
            { key: "rank", label: t("rank") }, { key: "name", label: t("enterprise") }, { key: "unit", label: t("unit") }, { key: "earned", label: t("earned"), className: "text-right" },
            { key: "tier", label: t("tier") }, { key: "score", label: t("score"), className: "text-right" }, { key: "bal", label: t("balance"), className: "text-right" },
          ]}>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2 tabular-nums">{r.rank}</td>
                  <td className="px-3 py-2"><Link className="text-brand-700 hover:underline" href={`/registers/enterprises/${r.id}`}>{r.name}</Link></td>
                  <td className="px-3 py-2">{r.orgUnit.name}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.earned}</td>
                  <td className="px-3 py-2"><TierBadge tier={r.tier} name={r.tierName} /></td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{r.score}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.balance}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        </>
      )}
    </div>
  );
}
