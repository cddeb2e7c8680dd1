import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { IMPORT_COLUMNS } from "@/lib/registers/import";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ImportWizard } from "@/components/registers/import-wizard";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("importHouseholds") };
}

export default async function ImportPage() {
  await requirePermission("register.import");
  const t = await getTranslations("registers");
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("importHouseholds")}
        description={t("importIntro")}
        actions={<LinkButton href="/registers/households" variant="ghost">{t("backToHouseholds")}</LinkButton>}
      />
      <p className="mb-1 text-sm text-slate-700">{t("importColumns", { headers: IMPORT_COLUMNS.households.map((c) => c.header).join("、") })}</p>
      <p className="mb-4 text-sm text-slate-600">{t("importPhoneNote")}</p>
      <ImportWizard kind="households" />
    </div>
  );
}
