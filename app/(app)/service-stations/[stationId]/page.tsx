// A station's cases (办件), newest first: status, channel, staff and registration dates as
// filters in the URL (a bad value is named and ignored), keyset pages, and "新建办件" for those
// who handle cases. On a phone each case is one card.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { formatDateTime } from "@/lib/platform/format/dates";
import { caseStaffOptions, getStationOrThrow, listCases } from "@/lib/service-stations/queries";
import { caseFilterQuery, parseCaseFilterWithIgnored, type CasePageFilter, type SearchParamsRecord } from "@/lib/service-stations/list-filter";
import { CASE_CHANNELS, CASE_STATUSES } from "@/lib/service-stations/schemas";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { StationTabs } from "@/components/service-stations/station-tabs";
import { CaseStatusBadge } from "@/components/service-stations/case-actions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ stationId: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.cases");
  return { title: t("title") };
}

export default async function StationCasesPage({ params, searchParams }: Props) {
  const user = await requirePermission("serviceStation.view");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]"), () => getStationOrThrow(user, stationId));
  const t = await getTranslations("serviceStation.cases");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const { filter, ignored } = parseCaseFilterWithIgnored(await searchParams);
  const [page, staff] = await Promise.all([listCases(user, station.id, filter), caseStaffOptions(user, station)]);
  const base = `/service-stations/${station.id}`;
  const href = (f: CasePageFilter) => {
    const q = caseFilterQuery(f);
    return q ? `${base}?${q}` : base;
  };
  const filtered = !!(filter.status || filter.channel || filter.staffId || filter.fromDay || filter.toDay);
  const mayCreate = station.active && station.programme.status === "ACTIVE" && can(user, "serviceStation.case", station);
  const label = "block text-sm font-medium text-slate-700";

  return (
    <ClientMessages namespaces={["serviceStation.cases"]}>
      <div className="space-y-4">
        <Link href="/service-stations" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("allStations")}
        </Link>
        <PageHeader
          title={station.name}
          description={[station.orgUnit.name, station.address, station.hours].filter(Boolean).join(" · ")}
          actions={mayCreate ? <LinkButton href={`${base}/cases/new`}>{t("newCase")}</LinkButton> : null}
        />
        <StationTabs stationId={station.id} current="cases" />
        <IgnoredFilters ignored={ignored} labels={{ status: tc("status"), channel: t("channel"), staff: t("staff"), from: t("from"), to: t("to"), after: tc("next") }} />

        {/* Folded unless a filter is set: on a phone the cases come first, one tap from the filters. */}
        <details open={filtered} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium text-slate-800">{filtered ? t("filtersActive") : t("filters")}</summary>
          <form method="get" action={base} role="search" aria-label={t("filters")} className="grid gap-3 border-t border-slate-100 p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
            <div className="space-y-1">
              <label htmlFor="f-status" className={label}>{tc("status")}</label>
              <select id="f-status" name="status" defaultValue={filter.status ?? ""} className={`${controlClass} h-11`}>
                <option value="">{tc("all")}</option>
                {CASE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="f-channel" className={label}>{t("channel")}</label>
              <select id="f-channel" name="channel" defaultValue={filter.channel ?? ""} className={`${controlClass} h-11`}>
                <option value="">{tc("all")}</option>
                {CASE_CHANNELS.map((c) => <option key={c} value={c}>{t(`channels.${c}`)}</option>)}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="f-staff" className={label}>{t("staff")}</label>
              <select id="f-staff" name="staff" defaultValue={filter.staffId ?? ""} className={`${controlClass} h-11`}>
                <option value="">{tc("all")}</option>
                {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="f-from" className={label}>{t("from")}</label>
              <input id="f-from" type="date" name="from" defaultValue={filter.fromDay ?? ""} className={`${controlClass} h-11`} />
            </div>
            <div className="space-y-1">
              <label htmlFor="f-to" className={label}>{t("to")}</label>
              <input id="f-to" type="date" name="to" defaultValue={filter.toDay ?? ""} className={`${controlClass} h-11`} />
            </div>
            <div className="flex gap-2">
              <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
              {filtered ? <LinkButton href={base} variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
            </div>
          </form>
        </details>

        {page.rows.length === 0 ? (
          <EmptyState>{filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={t("title")}>
            {page.rows.map((c) => (
              <li key={c.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:border-brand-600 hover:border-brand-600">
                <div className="flex flex-wrap items-center gap-2">
                  <CaseStatusBadge status={c.status} label={t(`status.${c.status}`)} />
                  {c.outcome ? <Badge tone={c.outcome === "COMPLETED" ? "green" : "amber"}>{t(`outcomes.${c.outcome}`)}</Badge> : null}
                  <Badge>{t(`channels.${c.channel}`)}</Badge>
                  <span className="text-xs tabular-nums text-slate-500">{c.number}</span>
                </div>
                <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                  <Link href={`/service-stations/cases/${c.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">
                    {c.enterprise.name}
                  </Link>
                </h2>
                <p className="mt-0.5 text-sm text-slate-700">
                  {c.bundle ? t("bundleLine", { name: c.bundle.name, n: c._count.items }) : t("itemsLine", { n: c._count.items })}
                  {c.savedMinutes !== null ? ` · ${t("savedLine", { minutes: c.savedMinutes })}` : ""}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  {c.staff.name} · {c.status === "SCHEDULED" && c.scheduledAt ? t("scheduledLine", { time: formatDateTime(c.scheduledAt, locale).slice(0, -3) }) : formatDateTime(c.startedAt ?? c.createdAt, locale).slice(0, -3)}
                </p>
              </li>
            ))}
          </ul>
        )}

        <KeysetPager
          label={t("pagination")}
          firstHref={filter.cursor ? href({ ...filter, cursor: undefined }) : undefined}
          nextHref={page.nextCursor ? href({ ...filter, cursor: page.nextCursor }) : undefined}
        />
      </div>
    </ClientMessages>
  );
}
