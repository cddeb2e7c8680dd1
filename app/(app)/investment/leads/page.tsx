import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatAmount, sumWan } from "@/lib/platform/money";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listLeads, recordableTaskForces } from "@/lib/investment/queries";
import { LEAD_STAGES } from "@/lib/investment/schemas";
import { filterEnum, filterId, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { InvestmentNav, ProgrammeSwitch } from "@/components/investment/sub-nav";
import { StageBadge } from "@/components/investment/stage-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("leads") };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ programme?: string; stage?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const { filter, ignored } = parseFilters({ programme: filterId, stage: filterEnum(LEAD_STAGES) }, await searchParams);
  const { all, chosen } = await pickProgramme(investmentKind, user, filter.programme);
  if (!chosen) return <><PageHeader title={t("leads")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  // A programme the user cannot see (or that does not exist) falls back to the current one.
  if (filter.programme && filter.programme !== chosen.id) ignored.push("programme");
  const stage = filter.stage;
  const [leads, recordable] = await Promise.all([listLeads(user, { programmeId: chosen.id, stage }), recordableTaskForces(user, chosen.id)]);
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  const amountOf = (l: (typeof leads)[number]) => l.signedAmountWan ?? l.plannedInvestmentWan;
  const href = (s?: string) => `/investment/leads?programme=${chosen.id}${s ? `&stage=${s}` : ""}`;
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("leads")} description={t("leadsIntro")}
        actions={can(user, "investment.record") && recordable.length ? <LinkButton href={`/investment/leads/new?programme=${chosen.id}`}>{t("newLead")}</LinkButton> : null} />
      <IgnoredFilters ignored={ignored} labels={{ programme: t("programme"), stage: t("export.stage") }} />
      <ProgrammeSwitch all={all} current={chosen.id} base="/investment/leads" label={t("programme")} />
      <InvestmentNav current="leads" programmeId={chosen.id} />
      <nav aria-label={t("allStages")} className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...LEAD_STAGES].map((s) => (
          <Link key={s ?? "all"} href={href(s)} aria-current={s === stage ? "page" : undefined}
            className={cn("inline-flex h-9 items-center rounded-full border px-3", s === stage ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700")}>
            {s ? t(`stage.${s}`) : t("allStages")}
          </Link>
        ))}
      </nav>
      {leads.length === 0 ? <EmptyState>{t("emptyLeads")}</EmptyState> : (
        <Card title={`${leads.length} · ${formatAmount(sumWan(leads.map(amountOf)), labels)}`}>
          <ul className="-my-2 divide-y divide-slate-100">
            {leads.map((l) => (
              <li key={l.id}>
                <Link href={`/investment/leads/${l.id}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 hover:bg-slate-50">
                  <span className="min-w-0">
                    <span className="block font-medium text-slate-900">{l.title}</span>
                    <span className="block text-sm text-slate-600">{l.enterprise?.name ?? l.prospect?.name ?? "—"} · {l.taskForce.name}</span>
                  </span>
                  <span className="flex items-center gap-2 text-sm">
                    <span className="font-medium text-slate-800">{formatAmount(amountOf(l), labels)}</span>
                    <StageBadge stage={l.stage} label={t(`stage.${l.stage}`)} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
