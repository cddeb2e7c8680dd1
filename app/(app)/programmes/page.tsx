import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { listProgrammes } from "@/lib/programmes/queries";
import { filterEnum, filterText, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { PROGRAMME_STATUSES, PROGRAMME_TYPES } from "@/lib/programmes/catalogue";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { ProgrammeStatusBadge, ProgrammeTypeBadge } from "@/components/programmes/badges";

export async function generateMetadata() {
  const t = await getTranslations("programmes");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filter form's fields, one schema per URL parameter (lib/platform/url-filters.ts). */
const filterShape = { type: filterEnum(PROGRAMME_TYPES), status: filterEnum(PROGRAMME_STATUSES), q: filterText(100) };

export default async function ProgrammesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("programme.view");
  const t = await getTranslations("programmes");
  const tc = await getTranslations("common");
  const tTypes = await getTranslations("programmeTypes");
  const tStatuses = await getTranslations("programmeStatuses");
  const { filter, ignored } = parseFilters(filterShape, await searchParams);
  const programmes = await listProgrammes(user, filter);
  const filtered = !!(filter.type || filter.status || filter.q);

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        actions={can(user, "programme.manage") ? <LinkButton href="/programmes/new">{t("new")}</LinkButton> : null}
      />

      <IgnoredFilters ignored={ignored} labels={{ q: t("searchLabel"), type: t("filterType"), status: t("filterStatus") }} />

      <Card>
        <form method="get" action="/programmes" role="search" aria-label={tc("filter")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
          <div className="space-y-1 sm:col-span-2 lg:col-span-1">
            <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">{t("searchLabel")}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t("searchPlaceholder")} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-type" className="block text-sm font-medium text-slate-700">{t("filterType")}</label>
            <select id="filter-type" name="type" defaultValue={filter.type ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {PROGRAMME_TYPES.map((type) => (
                <option key={type} value={type}>{tTypes(type)}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-status" className="block text-sm font-medium text-slate-700">{t("filterStatus")}</label>
            <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {PROGRAMME_STATUSES.map((status) => (
                <option key={status} value={status}>{tStatuses(status)}</option>
              ))}
            </select>
          </div>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
            <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
            {filtered ? <LinkButton href="/programmes" variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
          </div>
        </form>
      </Card>

      <p className="text-sm text-slate-600" role="status">{t("count", { count: programmes.length })}</p>

      {programmes.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {programmes.map((p) => (
            <li key={p.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-within:border-brand-600">
              <div className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between md:gap-6">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <ProgrammeTypeBadge label={tTypes(p.type)} />
                    <ProgrammeStatusBadge status={p.status} label={tStatuses(p.status)} />
                  </div>
                  <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                    {/* The link covers the whole card: one big tap target on a phone. */}
                    <Link href={`/programmes/${p.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </h2>
                </div>
                <dl className="grid shrink-0 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-600 md:grid-cols-1 md:text-right">
                  <dt className="text-slate-500 md:sr-only">{t("owner")}</dt>
                  <dd>{p.orgUnit.name}</dd>
                  <dt className="text-slate-500 md:sr-only">{t("period")}</dt>
                  <dd className="tabular-nums">{t("dateRange", { start: formatCalendarDate(p.startDate), end: formatCalendarDate(p.endDate) })}</dd>
                  <dt className="text-slate-500 md:sr-only">{t("indicators")}</dt>
                  <dd>{t("indicatorCount", { count: p._count.indicators })}</dd>
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
