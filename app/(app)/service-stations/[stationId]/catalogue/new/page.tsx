import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { catalogueSummary } from "@/lib/service-stations/catalogue";
import { getStationOrThrow } from "@/lib/service-stations/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { ItemForm } from "@/components/service-stations/item-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.catalogue");
  return { title: t("newItem") };
}

export default async function NewItemPage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requirePermission("serviceStation.configure");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/catalogue/new"), () => getStationOrThrow(user, stationId));
  if (!can(user, "serviceStation.configure", station)) forbidden();
  const t = await getTranslations("serviceStation.catalogue");
  const summary = await catalogueSummary(user, station.id);
  return (
    <ClientMessages namespaces={["serviceStation.catalogue", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("newItem")} description={station.name} />
        <Card className="max-w-3xl"><ItemForm stationId={station.id} categories={summary.categories} departments={summary.departments} /></Card>
      </div>
    </ClientMessages>
  );
}
