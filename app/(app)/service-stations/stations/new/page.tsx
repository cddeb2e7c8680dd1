// An admin sets up a station: the SERVICE_STATION programme it serves (those the admin sees, not
// closed), its org unit within the admin's area, name, address and opening hours.
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { stationProgrammeOptions } from "@/lib/service-stations/catalogue";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { StationForm } from "@/components/service-stations/station-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.stations");
  return { title: t("new") };
}

export default async function NewStationPage() {
  const user = await requirePermission("serviceStation.configure");
  const t = await getTranslations("serviceStation.stations");
  const [programmes, units] = await Promise.all([stationProgrammeOptions(user), orgUnitOptions(user)]);
  return (
    <ClientMessages namespaces={["serviceStation.stations", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("new")} />
        {programmes.length === 0 ? (
          <EmptyState>{t("noProgramme")}</EmptyState>
        ) : (
          <Card className="max-w-3xl">
            <StationForm programmes={programmes.map((p) => ({ id: p.id, name: p.name }))} units={units} />
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
