import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { listApplications } from "@/lib/talent/points/applications";
import { APPLICATION_STATUSES as STATUSES, parseApplicationStatusWithIgnored, statusQuery } from "@/lib/talent/points/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ApplicationList } from "@/components/talent/application-list";
import { ExportLink } from "@/components/dashboards/export-link";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("applications") };
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("talent.view");
  const t = await getTranslations("points");
  const { status: chosen, ignored } = parseApplicationStatusWithIgnored(await searchParams);
  const rows = await listApplications(user, chosen ? { status: [chosen] } : {});
  return (
    <div>
      <PageHeader title={t("applications")} description={t("applicationsIntro")} actions={
        <>
          {can(user, "points.apply") ? <LinkButton href="/talent/applications/new">{t("apply.title")}</LinkButton> : null}
          {can(user, "report.export") ? <ExportLink href={`/api/exports/point-applications?${statusQuery(chosen)}`} label={t("export")} /> : null}
        </>
      } />
      <IgnoredFilters ignored={ignored} labels={{ status: t("statusLabel") }} />
      <nav aria-label={t("statusLabel")} className="mb-3 flex flex-wrap gap-2">
        {[undefined, ...STATUSES].map((s) => (
          <Link key={s ?? "all"} href={s ? `/talent/applications?status=${s}` : "/talent/applications"} aria-current={s === chosen ? "page" : undefined}
            className={cn("inline-flex h-9 items-center rounded-full border px-3 text-sm", s === chosen ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700")}>
            {s ? t(`status.${s}`) : t("allStatuses")}
          </Link>
        ))}
      </nav>
      <ApplicationList rows={rows} empty={t("noApplications")} />
    </div>
  );
}
