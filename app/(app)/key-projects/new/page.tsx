import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { investmentProgrammes } from "@/lib/investment/queries";
import { pickProgramme } from "@/lib/programmes";
import { keyProjectKind } from "@/lib/key-projects/programme";
import { keyProjectPeopleOptions } from "@/lib/key-projects/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { KeyProjectForm } from "@/components/key-projects/project-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("keyProjects"))("newProject") };
}

export default async function NewKeyProjectPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("keyProject.manage");
  const t = await getTranslations("keyProjects");
  const { chosen } = await pickProgramme(keyProjectKind, user, (await searchParams).programme);
  if (!chosen) redirect("/key-projects");
  const [units, people, investment] = await Promise.all([orgUnitOptions(user), keyProjectPeopleOptions(user), investmentProgrammes(user)]);
  return (
    <ClientMessages namespaces={["investment", "keyProjects", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl">
        <PageHeader title={t("newProject")} description={chosen.name} />
        <Card>
          <KeyProjectForm programmeId={chosen.id} lookupProgrammeId={investment[0]?.id ?? null} units={units.filter((u) => u.kind !== "DEPARTMENT")}
            people={people.map((p) => ({ id: p.id, name: p.name, orgName: p.orgUnit.name }))} />
        </Card>
      </div>
    </ClientMessages>
  );
}
