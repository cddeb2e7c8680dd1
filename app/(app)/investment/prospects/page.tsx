import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ignoredChoice } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listProspects } from "@/lib/investment/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { InvestmentNav, ProgrammeSwitch } from "@/components/investment/sub-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("prospects") };
}

export default async function ProspectsPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const requested = (await searchParams).programme;
  const { all, chosen } = await pickProgramme(investmentKind, user, requested);
  if (!chosen) return <><PageHeader title={t("prospects")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  const prospects = await listProspects(user, chosen.id);
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("prospects")} description={t("prospectsIntro")} />
      <IgnoredFilters ignored={ignoredChoice("programme", requested, chosen.id)} labels={{ programme: t("programme") }} />
      <ProgrammeSwitch all={all} current={chosen.id} base="/investment/prospects" label={t("programme")} />
      <InvestmentNav current="prospects" programmeId={chosen.id} />
      {prospects.length === 0 ? <EmptyState>{t("emptyProspects")}</EmptyState> : (
        <Card>
          <ul className="-my-2 divide-y divide-slate-100">
            {prospects.map((p) => (
              <li key={p.id}>
                <Link href={`/investment/prospects/${p.id}`} className="flex flex-wrap items-center justify-between gap-2 py-3 hover:bg-slate-50">
                  <span><span className="block font-medium text-slate-900">{p.name}</span><span className="text-sm text-slate-600">{[p.city, p.sector].filter(Boolean).join(" · ")}</span></span>
                  {p.convertedEnterprise ? <Badge tone="green">{t("convertedBadge")}</Badge> : null}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
