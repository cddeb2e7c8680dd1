import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { ProgrammeForm, type UnitOption } from "@/components/programmes/programme-form";
import { getProgrammeOrThrow } from "@/lib/programmes/queries";
import { INDICATOR_CATALOGUE } from "@/lib/programmes/registry";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("programmes");
  return { title: t("edit") };
}

export default async function EditProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("programme.manage");
  const { id } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/programmes/[id]/edit"), () => getProgrammeOrThrow(user, id));
  if (!can(user, "programme.manage", programme)) forbidden();
  const t = await getTranslations("programmes");
  const tErrors = await getTranslations("errors");
  const tc = await getTranslations("common");

  if (programme.status === "CLOSED") {
    return (
      <div className="max-w-4xl space-y-4">
        <PageHeader title={t("edit")} description={programme.name} />
        <Alert tone="warning">{tErrors("programmeClosed")}</Alert>
        <LinkButton href={`/programmes/${programme.id}`} variant="secondary">{tc("back")}</LinkButton>
      </div>
    );
  }

  const options = await orgUnitOptions(user);
  const units: UnitOption[] = options.map((u) => ({ id: u.id, name: u.name, level: u.level }));
  // Units the programme already names but the picker does not offer (deactivated since):
  // shown, so the form does not silently drop them, but not offered for new choices.
  const offered = new Set(units.map((u) => u.id));
  const referenced = [
    programme.orgUnit,
    ...programme.participants.map((p) => p.orgUnit),
    ...programme.indicators.flatMap((i) => i.targets.map((tg) => tg.orgUnit)),
  ];
  for (const unit of referenced) {
    if (!offered.has(unit.id)) {
      offered.add(unit.id);
      units.push({ id: unit.id, name: unit.name, level: 0, unavailable: true });
    }
  }

  return (
    <ClientMessages namespaces={["indicators", "programmeTypes", "programmes", "validation.*"]}>
      <div className="max-w-4xl">
        <PageHeader title={t("edit")} description={programme.name} />
        <ProgrammeForm
          mode="edit"
          catalogue={INDICATOR_CATALOGUE}
          programmeType={programme.type}
          units={units}
          defaultValues={{
            id: programme.id,
            version: programme.version,
            name: programme.name,
            description: programme.description,
            startDate: formatCalendarDate(programme.startDate),
            endDate: formatCalendarDate(programme.endDate),
            orgUnitId: programme.orgUnitId,
            participantIds: programme.participants.map((p) => p.orgUnitId),
            indicators: programme.indicators.map((i) => ({
              code: i.code,
              name: i.name,
              unit: i.unit,
              targets: i.targets.map((tg) => ({ orgUnitId: tg.orgUnitId, period: tg.period, value: Number(tg.value.toString()) })),
            })),
          }}
        />
      </div>
    </ClientMessages>
  );
}
