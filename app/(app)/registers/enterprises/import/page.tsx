import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { IMPORT_COLUMNS } from "@/lib/registers/import";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ImportWizard } from "@/components/registers/import-wizard";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("importEnterprises") };
}

export default async function ImportPage() {
  await requirePermission("register.import");
  const t = await getTranslations("registers");
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("importEnterprises")}
        description={t("importIntro")}
        actions={<LinkButton href="/registers/enterprises" variant="ghost">{t("backToEnterprises")}</LinkButton>}
      />
      <p className="mb-1 text-sm text-slate-700">{t("importColumns", { headers: IMPORT_COLUMNS.enterprises.map((c) => c.header).join("、") })}</p>
      <p className="mb-4 text-sm text-slate-600">{t("importPhoneNote")}</p>
      <ImportWizard kind="enterprises" />
    </div>
  );
}
