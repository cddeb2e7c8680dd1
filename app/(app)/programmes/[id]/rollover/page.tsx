// Roll a programme over into its next period (结转): the form comes prefilled with the next
// period of the same length; what is and is not copied is said before the admin confirms.
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { formatDateOnly } from "@/lib/programmes/period";
import { NOT_COPIED } from "@/lib/programmes/rollover";
import { rolloverDefaults } from "@/lib/programmes/rollover-schema";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { RolloverForm } from "@/components/programmes/rollover-form";
import { getProgrammeOrThrow } from "@/lib/programmes/queries";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("newYear.rollover");
  return { title: t("title") };
}

export default async function RolloverPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("programme.manage");
  const { id } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/programmes/[id]/rollover"), () => getProgrammeOrThrow(user, id));
  if (!can(user, "programme.manage", programme)) forbidden();
  const t = await getTranslations("newYear.rollover");
  const tErrors = await getTranslations("errors");
  const tc = await getTranslations("common");
  const source = t("source", {
    name: programme.name,
    start: formatCalendarDate(programme.startDate),
    end: formatCalendarDate(programme.endDate),
  });
  if (programme.status === "DRAFT") {
    return (
      <div className="max-w-3xl space-y-4">
        <PageHeader title={t("title")} description={source} />
        <Alert tone="warning">{tErrors("rolloverDraft")}</Alert>
        <LinkButton href={`/programmes/${programme.id}`} variant="secondary">{tc("back")}</LinkButton>
      </div>
    );
  }
  const initial = rolloverDefaults({
    id: programme.id,
    version: programme.version,
    name: programme.name,
    startDate: formatDateOnly(programme.startDate),
    endDate: formatDateOnly(programme.endDate),
    periods: programme.indicators.flatMap((i) => i.targets.map((x) => x.period)),
  });
  return (
    <ClientMessages namespaces={["newYear.rollover", "validation.*", "validation.rollover"]}>
      <div className="max-w-3xl space-y-4">
        <PageHeader title={t("title")} description={source} />
        <Alert tone="info">
          <p>{t("copies")}</p>
          <p className="mt-1">{t("notCopied", { what: NOT_COPIED[programme.type].map((k) => t(`records.${k}`)).join("、") })}</p>
          <p className="mt-1 font-medium">{t("closesOld")}</p>
        </Alert>
        <Card title={t("title")}>
          <RolloverForm initial={initial} />
        </Card>
      </div>
    </ClientMessages>
  );
}
