import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { listItems } from "@/lib/service-stations/catalogue";
import { getStationOrThrow } from "@/lib/service-stations/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { BundleForm } from "@/components/service-stations/bundle-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.bundles");
  return { title: t("newBundle") };
}

export default async function NewBundlePage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requirePermission("serviceStation.configure");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/bundles/new"), () => getStationOrThrow(user, stationId));
  if (!can(user, "serviceStation.configure", station)) forbidden();
  const t = await getTranslations("serviceStation.bundles");
  const items = await listItems(user, station.id);
  return (
    <ClientMessages namespaces={["serviceStation.bundles", "serviceStation.catalogue", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("newBundle")} description={station.name} />
        <Card className="max-w-3xl"><BundleForm stationId={station.id} items={items} /></Card>
      </div>
    </ClientMessages>
  );
}
