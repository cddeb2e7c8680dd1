// 管理报告: the signed-in manager's own weekly and monthly reports (lib/dashboards/reports.ts),
// newest period first. Made by the report jobs; nothing here writes.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatDateTime } from "@/lib/platform/format/dates";
import { listManagerReports } from "@/lib/dashboards/reports";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage() {
  const user = await requirePermission("managerReport.view");
  const t = await getTranslations("reports");
  const locale = await getLocale();
  const reports = await listManagerReports(user);

  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      {reports.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("listCaption")} className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="report-list">
          {reports.map((r) => (
            <li key={r.id}>
              <Link href={`/reports/${r.id}`} className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50">
                <Badge tone={r.period === "WEEK" ? "slate" : "blue"}>{t("kind", { period: r.period })}</Badge>
                <span className="font-medium tabular-nums text-slate-900">{t("range", { from: r.periodStart, to: r.periodEnd })}</span>
                <span className="text-sm text-slate-600">{r.unitName}</span>
                <span className="w-full text-xs text-slate-500 sm:ml-auto sm:w-auto">{t("createdAt", { time: formatDateTime(r.createdAt, locale) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
