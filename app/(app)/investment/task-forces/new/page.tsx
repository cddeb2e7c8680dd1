import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { investmentPeopleOptions } from "@/lib/investment/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { TaskForceForm } from "@/components/investment/task-force-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function NewTaskForcePage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("investment.manage");
  const t = await getTranslations("investment");
  const { chosen } = await pickProgramme(investmentKind, user, (await searchParams).programme);
  if (!chosen) redirect("/investment/task-forces");
  const [units, people] = await Promise.all([orgUnitOptions(user), investmentPeopleOptions(user, chosen.orgUnit.path)]);
  return (
    <ClientMessages namespaces={["investment", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl">
        <PageHeader title={t("newTaskForce")} description={chosen.name} />
        <Card><TaskForceForm programmeId={chosen.id} units={units} people={people.map((p) => ({ id: p.id, name: p.name, orgName: p.orgUnit.name }))} /></Card>
      </div>
    </ClientMessages>
  );
}
