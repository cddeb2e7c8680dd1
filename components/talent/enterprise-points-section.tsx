// 一企一档: the enterprise's talent points — balance, points earned this year, tier (四档),
// evaluation score, its tier quota places and recent ledger entries. Renders nothing when
// the enterprise is outside the talent-points scheme or the user may not see talent data.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { EnterpriseSectionProps } from "@/components/registers/enterprise-file/types";
import { can } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow, programmeReaches } from "@/lib/talent/points/programme";
import { evaluationScore } from "@/lib/talent/points/rules";
import { enterprisePointsSummary } from "@/lib/talent/points/tiers";
import { Card } from "@/components/ui/card";
import { TierBadge } from "./badges";

/** `enterprise` comes from the page's scoped load (getEnterpriseOrThrow). */
export async function EnterprisePointsSection({ actor: user, enterprise }: EnterpriseSectionProps) {
  if (!can(user, "talent.view")) return null;
  let programme;
  try {
    programme = await getTalentProgrammeOrThrow(user);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
  if (!programmeReaches(programme, enterprise.orgPath)) return null;
  const t = await getTranslations("points.enterprise");
  const year = shanghaiYear();
  const { standing, quotas, talents, entries } = await enterprisePointsSummary(programme.id, enterprise.id, year);
  const score = evaluationScore(programme.config.evaluation, standing.earned, standing.tier);
  return (
    <Card title={t("title")} actions={<Link className="text-sm text-brand-700 underline" href={`/talent?enterprise=${enterprise.id}`}>{t("talents", { count: talents })}</Link>}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="enterprise-points">
        <div><dt className="text-sm text-slate-500">{t("earned", { year })}</dt><dd className="text-2xl font-semibold tabular-nums">{standing.earned}</dd></div>
        <div><dt className="text-sm text-slate-500">{t("tier")}</dt><dd className="mt-1"><TierBadge tier={standing.tier} name={standing.tierName} /></dd></div>
        <div><dt className="text-sm text-slate-500">{t("score")}</dt><dd className="text-2xl font-semibold tabular-nums">{score}</dd></div>
        <div><dt className="text-sm text-slate-500">{t("balance")}</dt><dd className="text-2xl font-semibold tabular-nums">{standing.balance}</dd></div>
      </dl>
      {quotas.length ? (
        <p className="mt-3 text-sm text-slate-700">{t("quotas")}：{quotas.map((q) => t("quotaItem", { name: q.resource.name, used: q.used, total: q.total })).join("；")}</p>
      ) : <p className="mt-3 text-sm text-slate-500">{t("noQuotas")}</p>}
      {entries.length ? (
        <ul className="mt-3 space-y-1 text-sm">
          {entries.map((e) => <li key={String(e.seq)} className="flex justify-between gap-2"><span className="min-w-0 truncate text-slate-600">{e.reason}</span><span className="tabular-nums">{e.points > 0 ? `+${e.points}` : e.points}</span></li>)}
        </ul>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        {can(user, "points.apply") ? <Link className="text-brand-700 underline" href={`/talent/applications/new?enterpriseId=${enterprise.id}`}>{t("apply")}</Link> : null}
        <Link className="text-brand-700 underline" href={`/talent/evaluation?year=${year}`}>{t("evaluation")}</Link>
      </div>
    </Card>
  );
}
