import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { hotlineProgrammeOptions } from "@/lib/hotline/queries";
import { getVisitOrThrow } from "@/lib/visits/queries";
import { getEnterpriseOrThrow } from "@/lib/registers/queries";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { IntakeForm } from "@/components/hotline/intake-form";
import { loadOrNull, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("hotline");
  return { title: t("newTitle") };
}

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("request.intake");
  const t = await getTranslations("hotline");
  // outbox: a call recorded offline that the server refused, opened to fix (issue 16).
  const { visit: visitId, enterprise: enterpriseId, outbox } = await searchParams;
  const programmes = await hotlineProgrammeOptions(user);
  // "提交诉求" from a visit: the visit and its enterprise come prefilled (and are checked again on submit).
  let visit: { id: string; enterprise: { id: string; name: string; creditCode: string } | null } | null = null;
  if (visitId && visitId.length <= 64) {
    const v = await loadOrNull(user, pageAuditName("/hotline/new"), () => getVisitOrThrow(user, visitId));
    if (v) visit = { id: v.id, enterprise: v.enterprise ? { id: v.enterprise.id, name: v.enterprise.name, creditCode: v.enterprise.creditCode } : null };
  }

  // "登记诉求" from the enterprise file: the enterprise comes prefilled.
  if (!visit && enterpriseId && enterpriseId.length <= 64) {
    const e = await loadOrNull(user, pageAuditName("/hotline/new"), () => getEnterpriseOrThrow(user, enterpriseId));
    if (e) visit = { id: "", enterprise: { id: e.id, name: e.name, creditCode: e.creditCode } };
  }

  return (
    <ClientMessages namespaces={["hotline", "validation.*", "field.resolve.forms", "field.workSet.search", "validation.hotline", "validation.registers"]}>
      <div className="mx-auto max-w-2xl">
        <PageHeader title={t("newTitle")} description={visit?.id ? t("fromVisitIntro") : t("newIntro")} />
        {programmes.length === 0 ? (
          <Alert tone="warning">{t("programmeNone")}</Alert>
        ) : (
          <Card>
            <IntakeForm
              programmes={programmes.map((p) => ({ id: p.id, name: p.name, categories: p.settings.categories }))}
              visit={visit}
              userId={user.id}
              outboxItemId={outbox}
            />
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
