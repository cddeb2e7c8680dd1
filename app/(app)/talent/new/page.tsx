import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { enterpriseOptions } from "@/lib/talent/queries";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { PageHeader } from "@/components/ui/card";
import { TalentForm } from "@/components/talent/talent-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("talent");
  return { title: t("newTalent") };
}

export default async function NewTalentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("talent.manage");
  const t = await getTranslations("talent");
  const programme = await getTalentProgrammeOrThrow(user);
  const enterprises = await enterpriseOptions(user, programme.reach);
  const { enterprise } = await searchParams;
  return (
    <ClientMessages namespaces={["talent", "validation.*", "validation.points"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader title={t("newTalent")} description={t("newTalentIntro")} />
        <TalentForm enterprises={enterprises.map((e) => ({ id: e.id, name: e.name }))} enterpriseId={enterprises.some((e) => e.id === enterprise) ? enterprise : undefined} />
      </div>
    </ClientMessages>
  );
}
