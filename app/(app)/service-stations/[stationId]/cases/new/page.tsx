// 新建办件 at a station: for those who handle its cases, while the station and its programme are
// active. The form offers the station's active items and bundles, and for a shop registered on
// the spot the units of the user's area an enterprise may belong to.
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { assertCan, can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { caseFormOptions, getStationOrThrow } from "@/lib/service-stations/queries";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { CaseForm } from "@/components/service-stations/case-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.cases");
  return { title: t("newCase") };
}

export default async function NewCasePage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requirePermission("serviceStation.case");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/cases/new"), () => getStationOrThrow(user, stationId));
  try {
    assertCan(user, "serviceStation.case", station);
  } catch {
    notFound();
  }
  const t = await getTranslations("serviceStation.cases");
  const [{ items, bundles }, units] = await Promise.all([caseFormOptions(station.id), orgUnitOptions(user)]);
  const closed = !station.active || station.programme.status !== "ACTIVE";
  // Enterprises sit in any unit but a department (the register's rule, checked again on save).
  const enterpriseUnits = units.filter((u) => u.kind !== "DEPARTMENT");
  const defaultUnitId = enterpriseUnits.some((u) => u.id === station.orgUnitId) ? station.orgUnitId : (enterpriseUnits[0]?.id ?? "");
  return (
    <ClientMessages namespaces={["registers", "serviceStation.cases", "validation.*", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <Link href={`/service-stations/${station.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {station.name}
        </Link>
        <PageHeader title={t("newCase")} description={station.name} />
        {closed ? (
          <Alert tone="warning">{t("stationClosed")}</Alert>
        ) : (
          <Card className="max-w-3xl">
            <CaseForm stationId={station.id} items={items} bundles={bundles} units={enterpriseUnits} defaultUnitId={defaultUnitId}
              mayRegister={can(user, "serviceStation.registerEnterprise", station)} />
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
