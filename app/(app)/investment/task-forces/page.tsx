import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ignoredChoice } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatAmount } from "@/lib/platform/money";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listTaskForces } from "@/lib/investment/queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { InvestmentNav, ProgrammeSwitch } from "@/components/investment/sub-nav";
import { ExportLink } from "@/components/dashboards/export-link";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("taskForces") };
}

export default async function TaskForcesPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const requested = (await searchParams).programme;
  const { all, chosen } = await pickProgramme(investmentKind, user, requested);
  if (!chosen) return <><PageHeader title={t("taskForces")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  const taskForces = await listTaskForces(user, chosen.id);
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("taskForces")} description={t("taskForcesIntro")}
        actions={<div className="flex flex-wrap gap-2">
          {can(user, "report.export") ? <ExportLink href={`/api/exports/task-forces?programme=${chosen.id}`} label={t("exportButton")} /> : null}
          {can(user, "investment.manage") ? <LinkButton href={`/investment/task-forces/new?programme=${chosen.id}`}>{t("newTaskForce")}</LinkButton> : null}
        </div>} />
      <IgnoredFilters ignored={ignoredChoice("programme", requested, chosen.id)} labels={{ programme: t("programme") }} />
      <ProgrammeSwitch all={all} current={chosen.id} base="/investment/task-forces" label={t("programme")} />
      <InvestmentNav current="taskForces" programmeId={chosen.id} />
      {taskForces.length === 0 ? <EmptyState>{t("noLeads")}</EmptyState> : (
        <ul className="grid gap-3 md:grid-cols-2">
          {taskForces.map((tf) => (
            <li key={tf.id}>
              <Card title={<Link href={`/investment/task-forces/${tf.id}`} className="text-brand-800 underline">{tf.name}</Link>} actions={<Badge tone={tf.active ? "blue" : "slate"}>{t(`kind.${tf.kind}`)}</Badge>}>
                <dl className="grid grid-cols-[5rem_1fr] gap-x-2 gap-y-1 text-sm">
                  <dt className="text-slate-500">{t("unit")}</dt><dd>{tf.orgUnit.name}</dd>
                  <dt className="text-slate-500">{t("leader")}</dt><dd>{tf.leader.name}（{tf.leader.orgUnit.name}）</dd>
                  <dt className="text-slate-500">{t("members")}</dt><dd>{tf.members.map((m) => m.user.name).join("、") || t("none")}</dd>
                  <dt className="text-slate-500">{t("sectors")}</dt><dd>{tf.sectors.join("、") || t("none")}</dd>
                  <dt className="text-slate-500">{t("targets")}</dt>
                  <dd>{[t("figures.tripsUnit", { n: tf.targetTrips }), `${t("figures.enterprises")} ${tf.targetEnterprises}`, `${t("figures.signed")} ${tf.targetProjects}`, formatAmount(tf.targetInvestmentWan, labels)].join(" · ")}</dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
