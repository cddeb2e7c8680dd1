import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { PageHeader } from "@/components/ui/card";
import { ProgrammeForm } from "@/components/programmes/programme-form";
import { INDICATOR_CATALOGUE } from "@/lib/programmes/registry";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("programmes");
  return { title: t("new") };
}

export default async function NewProgrammePage() {
  const user = await requirePermission("programme.manage");
  const t = await getTranslations("programmes");
  const units = await orgUnitOptions(user);
  return (
    <ClientMessages namespaces={["indicators", "programmeTypes", "programmes", "validation.*"]}>
      <div className="max-w-4xl">
        <PageHeader title={t("new")} />
        <ProgrammeForm
          mode="create"
          catalogue={INDICATOR_CATALOGUE}
          units={units.map((u) => ({ id: u.id, name: u.name, level: u.level }))}
          defaultValues={{
            type: "",
            name: "",
            description: "",
            startDate: "",
            endDate: "",
            orgUnitId: units[0]?.id ?? "",
            participantIds: [],
            indicators: [],
          }}
        />
      </div>
    </ClientMessages>
  );
}
