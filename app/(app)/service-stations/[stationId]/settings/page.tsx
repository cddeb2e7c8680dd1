import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { getStationOrThrow } from "@/lib/service-stations/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { StationForm } from "@/components/service-stations/station-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.stations");
  return { title: t("settings") };
}

export default async function StationSettingsPage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requirePermission("serviceStation.configure");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/settings"), () => getStationOrThrow(user, stationId));
  if (!can(user, "serviceStation.configure", station)) forbidden();
  const t = await getTranslations("serviceStation.stations");
  return (
    <ClientMessages namespaces={["serviceStation.stations", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("settings")} description={t("settingsDescription", { programme: station.programme.name, unit: station.orgUnit.name })} />
        <Card className="max-w-3xl">
          <StationForm programmes={[]} units={[]} edit={{ id: station.id, version: station.version, name: station.name, address: station.address, hours: station.hours, active: station.active }} />
        </Card>
      </div>
    </ClientMessages>
  );
}
