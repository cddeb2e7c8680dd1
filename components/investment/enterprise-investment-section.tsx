// The enterprise file's (一企一档) investment section: its leads (招商线索) and key projects
// (重点项目), each scoped as in their own lists. Renders nothing when there are none.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { EnterpriseSectionProps } from "@/components/registers/enterprise-file/types";
import { can } from "@/lib/platform/authz/can";
import { formatAmount } from "@/lib/platform/money";
import { enterpriseInvestment } from "@/lib/investment/queries";
import { Badge, Card } from "@/components/ui/card";
import { StageBadge } from "./stage-badge";

export async function InvestmentSection({ actor: user, enterprise }: EnterpriseSectionProps) {
  const enterpriseId = enterprise.id;
  if (!can(user, "investment.view") && !can(user, "keyProject.view")) return null;
  const { leads, projects } = await enterpriseInvestment(user, enterpriseId);
  if (leads.length === 0 && projects.length === 0) return null;
  const t = await getTranslations("investment");
  const tk = await getTranslations("keyProjects");
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  return (
    <Card title={`${t("title")} · ${tk("title")}`}>
      <ul className="-my-1 divide-y divide-slate-100 text-sm">
        {leads.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link className="text-brand-800 underline" href={`/investment/leads/${l.id}`}>{l.title}</Link>
            <span className="flex items-center gap-2">{formatAmount(l.signedAmountWan ?? l.plannedInvestmentWan, labels)} <StageBadge stage={l.stage} label={t(`stage.${l.stage}`)} /></span>
          </li>
        ))}
        {projects.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link className="text-brand-800 underline" href={`/key-projects/${p.id}`}>{p.name}</Link>
            <span className="flex items-center gap-2">{formatAmount(p.investmentWan, labels)} <Badge tone="blue">{tk(`stage.${p.stage}`)}</Badge></span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
