import { Link } from "@/components/ui/link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { listVisits, officerOptions, visitCampaignOptions, type VisitListFilter } from "@/lib/visits/queries";
import { VISIT_KINDS } from "@/lib/visits/schemas";
import { parseVisitFilterWithIgnored, visitFilterQuery, type SearchParamsRecord } from "@/lib/visits/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { ExportLink } from "@/components/dashboards/export-link";
import { Card, EmptyState, PageHeader, Badge } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("title") };
}

type Params = SearchParamsRecord;

function query(filter: VisitListFilter, cursor?: string) {
  const s = visitFilterQuery(filter, cursor);
  return s ? `/visits?${s}` : "/visits";
}

export default async function VisitsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("visit.view");
  const t = await getTranslations("visits");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const { filter, ignored } = parseVisitFilterWithIgnored(await searchParams);
  const manager = user.role !== "OFFICER";
  const [page, campaigns, officers] = await Promise.all([
    listVisits(user, filter),
    visitCampaignOptions(user),
    manager ? officerOptions(user) : Promise.resolve([]),
  ]);
  const filtered = !!(filter.programmeId || filter.officerId || filter.kind || filter.from || filter.to);
  const label = "block text-sm font-medium text-slate-700";

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={manager ? t("scopeManager", { org: user.orgName }) : t("scopeOfficer")}
        actions={
          <>
            {can(user, "report.export") ? <ExportLink href={`/api/exports/visits?${visitFilterQuery(filter)}`} label={t("export")} /> : null}
            {can(user, "visit.create") ? <LinkButton href="/visits/new">{t("new")}</LinkButton> : null}
          </>
        }
      />

      <IgnoredFilters ignored={ignored} labels={{ campaign: t("campaign"), officer: t("officer"), kind: t("kind"), from: t("from"), to: t("to") }} />

      <Card>
        <form method="get" action="/visits" role="search" aria-label={tc("filter")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end">
          <div className="space-y-1">
            <label htmlFor="f-campaign" className={label}>{t("campaign")}</label>
            <select id="f-campaign" name="campaign" defaultValue={filter.programmeId ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-kind" className={label}>{t("kind")}</label>
            <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {VISIT_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
          </div>
          {manager ? (
            <div className="space-y-1">
              <label htmlFor="f-officer" className={label}>{t("officer")}</label>
              <select id="f-officer" name="officer" defaultValue={filter.officerId ?? ""} className={`${controlClass} h-11`}>
                <option value="">{tc("all")}</option>
                {officers.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
          ) : null}
          <div className="space-y-1">
            <label htmlFor="f-from" className={label}>{t("from")}</label>
            <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-to" className={label}>{t("to")}</label>
            <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className={`${controlClass} h-11`} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
            {filtered ? <LinkButton href="/visits" variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
          </div>
        </form>
      </Card>

      {page.rows.length === 0 ? (
        <EmptyState>{filtered || filter.cursor ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {page.rows.map((v) => (
            <li key={v.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-within:border-brand-600">
              <div className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between md:gap-6">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="blue">{t(`kinds.${v.kind}`)}</Badge>
                    {v.mentor ? <Badge tone="green">{t("guided")}</Badge> : null}
                    <span className="text-xs text-slate-500">{v.orgUnit.name}</span>
                  </div>
                  <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                    <Link href={`/visits/${v.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">
                      {v.household?.headName ?? v.enterprise?.name ?? "—"}
                    </Link>
                  </h2>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {v.officer.name}
                    {v.mentor ? ` · ${t("withMentor", { name: v.mentor.name })}` : ""}
                    {v.programme ? ` · ${v.programme.name}` : ""}
                  </p>
                </div>
                <div className="shrink-0 text-sm text-slate-600 md:text-right">
                  <p className="tabular-nums">{formatDateTime(v.visitedAt, locale)}</p>
                  <p>{t("listCounts", { problems: v._count.problems, services: v._count.services, photos: v._count.photos })}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}

      <KeysetPager
        label={t("pagination")}
        firstHref={filter.cursor ? query({ ...filter, cursor: undefined }) : undefined}
        nextHref={page.nextCursor ? query(filter, page.nextCursor) : undefined}
      />
    </div>
  );
}
