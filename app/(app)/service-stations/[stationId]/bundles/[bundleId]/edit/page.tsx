import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { getBundleOrThrow, listItems } from "@/lib/service-stations/catalogue";
import { Card, PageHeader } from "@/components/ui/card";
import { BundleForm } from "@/components/service-stations/bundle-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.bundles");
  return { title: t("editBundle") };
}

export default async function EditBundlePage({ params }: { params: Promise<{ stationId: string; bundleId: string }> }) {
  const user = await requirePermission("serviceStation.configure");
  const { stationId, bundleId } = await params;
  const bundle = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/bundles/[bundleId]/edit"), () => getBundleOrThrow(user, bundleId));
  if (bundle.station.id !== stationId) notFound();
  if (!can(user, "serviceStation.configure", bundle)) forbidden();
  const t = await getTranslations("serviceStation.bundles");
  // The active items, and any of the bundle's own that has since been switched off (shown ticked).
  const active = await listItems(user, stationId);
  const items = [...active, ...bundle.items.filter((i) => !active.some((a) => a.id === i.id))];
  return (
    <ClientMessages namespaces={["serviceStation.bundles", "serviceStation.catalogue", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <PageHeader title={t("editBundle")} description={`${bundle.station.name} · ${bundle.name}`} />
        <Card className="max-w-3xl">
          <BundleForm stationId={stationId} items={items} edit={{
            id: bundle.id, version: bundle.version, code: bundle.code, name: bundle.name, description: bundle.description, itemIds: bundle.items.map((i) => i.id), active: bundle.active,
          }} />
        </Card>
      </div>
    </ClientMessages>
  );
}
