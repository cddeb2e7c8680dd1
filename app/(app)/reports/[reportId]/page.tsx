// One manager report (the owner's only: another's id is the 404 page, audited as a refusal):
// its stored figures and the Excel file made with it.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { getManagerReportOrThrow } from "@/lib/dashboards/reports";
import { PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/dashboards/export-link";
import { ReportFiguresView } from "@/components/reports/report-figures";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

type Props = { params: Promise<{ reportId: string }> };

export default async function ReportPage({ params }: Props) {
  const user = await requirePermission("managerReport.view");
  const { reportId } = await params;
  const report = await loadOrNotFound(user, pageAuditName("/reports/[reportId]"), () => getManagerReportOrThrow(user, reportId.slice(0, 64)));
  const t = await getTranslations("reports");
  const { figures } = report;

  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/reports" className="inline-flex min-h-10 items-center text-brand-700 hover:underline">← {t("back")}</Link>
      </p>
      <PageHeader
        title={t("reportTitle", { period: report.period, unit: figures.unit.name })}
        description={t("reportDescription", { from: report.periodStart, to: report.periodEnd })}
        actions={report.storageKey ? <ExportLink href={`/api/reports/${report.id}`} label={t("download")} /> : null}
      />
      <ReportFiguresView figures={figures} period={report.period} />
    </div>
  );
}
