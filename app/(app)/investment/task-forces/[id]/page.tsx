import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { amountFormValues } from "@/lib/platform/money";
import { getTaskForceOrThrow, investmentPeopleOptions } from "@/lib/investment/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { TaskForceForm } from "@/components/investment/task-force-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function TaskForcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const tf = await loadOrNotFound(user, pageAuditName("/investment/task-forces/[id]"), async () => getTaskForceOrThrow(user, (await params).id));
  const mayEdit = can(user, "investment.manage", { orgPath: tf.orgPath });
  const links = (
    <div className="flex flex-wrap gap-2">
      <LinkButton variant="secondary" href={`/investment/leads?programme=${tf.programmeId}`}>{t("leads")}</LinkButton>
      <LinkButton variant="secondary" href={`/investment/trips?programme=${tf.programmeId}`}>{t("trips")}</LinkButton>
    </div>
  );
  if (!mayEdit) {
    return (
      <div className="max-w-3xl space-y-4">
        <PageHeader title={tf.name} description={`${t(`kind.${tf.kind}`)} · ${tf.orgUnit.name}`} actions={links} />
        <Card>
          <p className="text-sm">{t("leader")}：{tf.leader.name}；{t("members")}：{tf.members.map((m) => m.user.name).join("、") || t("none")}</p>
          <p className="text-sm">{t("sectors")}：{tf.sectors.join("、") || t("none")}</p>
        </Card>
      </div>
    );
  }
  const [units, people] = await Promise.all([orgUnitOptions(user), investmentPeopleOptions(user, tf.programme.orgUnit.path)]);
  const amount = amountFormValues(tf.targetInvestmentWan);
  return (
    <ClientMessages namespaces={["investment", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl space-y-4">
        <PageHeader title={tf.name} description={`${t(`kind.${tf.kind}`)} · ${tf.orgUnit.name}`} actions={links} />
        <Card title={t("editTaskForce")}>
          <TaskForceForm programmeId={tf.programmeId} units={units} people={people.map((p) => ({ id: p.id, name: p.name, orgName: p.orgUnit.name }))}
            existing={{
              id: tf.id, version: tf.version, active: tf.active,
              values: {
                name: tf.name, kind: tf.kind, orgUnitId: tf.orgUnitId, leaderId: tf.leaderId, memberIds: tf.members.map((m) => m.userId), sectors: tf.sectors.join("、"),
                targetTrips: String(tf.targetTrips), targetEnterprises: String(tf.targetEnterprises), targetProjects: String(tf.targetProjects),
                targetInvestment: amount.amount === "0" ? "" : amount.amount, targetInvestmentUnit: amount.unit,
              },
            }} />
        </Card>
      </div>
    </ClientMessages>
  );
}
