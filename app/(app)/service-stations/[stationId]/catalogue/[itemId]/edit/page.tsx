import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { catalogueSummary, getItemOrThrow } from "@/lib/service-stations/catalogue";
import { Card, PageHeader } from "@/components/ui/card";
import { ItemForm } from "@/components/service-stations/item-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.catalogue");
  return { title: t("editItem") };
}

export default async function EditItemPage({ params }: { params: Promise<{ stationId: string; itemId: string }> }) {
  const user = await requirePermission("serviceStation.configure");
  const { stationId, itemId } = await params;
  const item = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/catalogue/[itemId]/edit"), () => getItemOrThrow(user, itemId));
  if (item.stationId !== stationId) notFound();
  if (!can(user, "serviceStation.configure", item)) forbidden();
  const t = await getTranslations("serviceStation.catalogue");
  const summary = await catalogueSummary(user, item.stationId);
  return (
    <ClientMessages namespaces={["serviceStation.catalogue", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("editItem")} description={`${item.station.name} · ${item.name}`} />
        <Card className="max-w-3xl">
          <ItemForm stationId={item.stationId} categories={summary.categories} departments={summary.departments} edit={{
            id: item.id, version: item.version, code: item.code, kind: item.kind, name: item.name, category: item.category, department: item.department,
            documentsNeeded: item.documentsNeeded, standardMinutes: item.standardMinutes, usualMinutes: item.usualMinutes, sortOrder: item.sortOrder, active: item.active,
          }} />
        </Card>
      </div>
    </ClientMessages>
  );
}
