import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { IMPORT_COLUMNS } from "@/lib/registers/import";
import { latestImportId } from "@/lib/registers/import-service";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ImportWizard } from "./import-wizard";

const TEXT = {
  households: { title: "importHouseholds", back: "backToHouseholds" },
  enterprises: { title: "importEnterprises", back: "backToEnterprises" },
} as const;

export async function importPageTitle(kind: keyof typeof TEXT) {
  const t = await getTranslations("registers");
  return { title: t(TEXT[kind].title) };
}

/**
 * The import page of one register: the columns it expects, then the upload wizard — or the
 * user's import still running (or finished today), which the wizard resumes polling: the
 * import runs on the server, whether or not the tab that confirmed it is still open.
 */
export async function RegisterImportPage({ kind }: { kind: keyof typeof TEXT }) {
  const user = await requirePermission("register.import");
  const resumeId = await latestImportId(user, kind);
  const t = await getTranslations("registers");
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t(TEXT[kind].title)}
        description={t("importIntro")}
        actions={<LinkButton href={`/registers/${kind}`} variant="ghost">{t(TEXT[kind].back)}</LinkButton>}
      />
      <p className="mb-1 text-sm text-slate-700">{t("importColumns", { headers: IMPORT_COLUMNS[kind].map((c) => c.header).join("、") })}</p>
      <p className="mb-4 text-sm text-slate-600">{t("importPhoneNote")}</p>
      <ImportWizard kind={kind} resumeId={resumeId} />
    </div>
  );
}
