import { now as clockNow } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { formatDeadline } from "@/lib/platform/format/deadline";
import { clocksOf, isBreached } from "@/lib/hotline/clocks";
import { hotlineCategories, listRequests, pendingExtensions, REQUEST_TABS } from "@/lib/hotline/queries";
import { parseRequestFilterWithIgnored, requestFilterQuery, type RequestPageFilter, type SearchParamsRecord } from "@/lib/hotline/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { unconfirmedYears } from "@/lib/platform/calendar/confirmation";
import { ExportLink } from "@/components/dashboards/export-link";
import { REQUEST_STATUSES } from "@/lib/hotline/transitions";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { RequestStatusBadge } from "@/components/hotline/status-badge";
import { ClockList } from "@/components/hotline/clock-list";

export async function generateMetadata() {
  const t = await getTranslations("hotline");
  return { title: t("title") };
}

function href(f: RequestPageFilter, changes: Partial<RequestPageFilter> = {}) {
  const s = requestFilterQuery({ ...f, ...changes });
  return s ? `/hotline?${s}` : "/hotline";
}

export default async function HotlinePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const user = await requirePermission("request.view");
  const t = await getTranslations("hotline");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const { filter, ignored } = parseRequestFilterWithIgnored(await searchParams);
  const now = clockNow();
  const manager = can(user, "request.decideExtension");
  const [page, categories, extensions, unconfirmed] = await Promise.all([
    listRequests(user, filter, now),
    hotlineCategories(user),
    manager ? pendingExtensions(user, 10) : Promise.resolve([]),
    // The deadlines on this list run on this year's working calendar: while it is unconfirmed
    // they may be a holiday off, and whoever reads them should know (the request page says so
    // per request; the admin banner asks for the confirmation).
    unconfirmedYears([now]),
  ]);
  const tNewYear = await getTranslations("newYear");
  const filtered = !!(filter.status || filter.category || filter.fromDay || filter.toDay);
  const label = "block text-sm font-medium text-slate-700";

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            {can(user, "request.intake") ? <LinkButton href="/hotline/new">{t("newRequest")}</LinkButton> : null}
            {can(user, "hotline.report") ? <LinkButton href="/hotline/reports" variant="secondary">{t("reports")}</LinkButton> : null}
            {can(user, "report.export") ? <ExportLink href={`/api/exports/requests?${requestFilterQuery({ ...filter, cursor: undefined })}`} label={t("export")} /> : null}
          </>
        }
      />

      {extensions.length ? (
        <Card title={t("pendingExtensions")}>
          <ul className="divide-y divide-slate-100">
            {extensions.map((e) => (
              <li key={e.id} className="py-2 text-sm">
                <Link href={`/hotline/${e.request.id}`} className="font-medium text-brand-700 hover:underline">{e.request.number}</Link>
                <span className="ml-2 text-slate-700">{e.request.enterprise?.name ?? e.request.enterpriseName} · {e.request.category}</span>
                <p className="text-slate-600">{t("extensionLine", { name: e.requestedBy.name, time: formatDeadline(e.proposedDueAt, locale, now), reason: e.reason })}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <nav aria-label={t("tabs")} className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 px-1">
        {REQUEST_TABS.map((tab) => {
          const current = filter.tab === tab;
          return (
            <Link
              key={tab}
              href={href({ tab })}
              aria-current={current ? "page" : undefined}
              className={cn("-mb-px inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-medium", current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900", tab === "breached" && !current ? "text-red-700" : "")}
            >
              {t(`tab.${tab}`)}
            </Link>
          );
        })}
      </nav>
      <p className="text-sm text-slate-600">{t(`tabIntro.${filter.tab ?? "queue"}`)}</p>
      {unconfirmed.length > 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="calendar-unconfirmed">
          {tNewYear("hotlineCalendarUnconfirmed", { years: unconfirmed.join("、") })}
        </p>
      ) : null}
      <IgnoredFilters ignored={ignored} labels={{ tab: t("tabs"), status: tc("status"), category: t("category"), from: t("receivedFrom"), to: t("receivedTo") }} />

      <Card>
        <form method="get" action="/hotline" role="search" aria-label={t("filters")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
          {filter.tab && filter.tab !== "queue" ? <input type="hidden" name="tab" value={filter.tab} /> : null}
          <div className="space-y-1">
            <label htmlFor="f-status" className={label}>{tc("status")}</label>
            <select id="f-status" name="status" defaultValue={filter.status ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-category" className={label}>{t("category")}</label>
            <select id="f-category" name="category" defaultValue={filter.category ?? ""} className={`${controlClass} h-11`}>
              <option value="">{t("allCategories")}</option>
              {categories.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-from" className={label}>{t("receivedFrom")}</label>
            <input id="f-from" type="date" name="from" defaultValue={filter.fromDay ?? ""} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-to" className={label}>{t("receivedTo")}</label>
            <input id="f-to" type="date" name="to" defaultValue={filter.toDay ?? ""} className={`${controlClass} h-11`} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
            {filtered ? <LinkButton href={href({ tab: filter.tab })} variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
          </div>
        </form>
      </Card>

      {page.rows.length === 0 ? (
        <EmptyState>{filtered ? t("emptyFiltered") : filter.tab === "queue" ? t("emptyQueue") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {page.rows.map((r) => {
            const breached = isBreached(r, now);
            return (
              <li key={r.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:border-brand-600 hover:border-brand-600">
                <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between lg:gap-6">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <RequestStatusBadge status={r.status} label={t(`status.${r.status}`)} />
                      {breached ? <Badge tone="red">{t("breachedBadge")}</Badge> : null}
                      {r.urgency === "URGENT" ? <Badge tone="red">{t("urgentBadge")}</Badge> : null}
                      <Badge>{r.category}</Badge>
                      <span className="text-xs tabular-nums text-slate-500">{r.number}</span>
                    </div>
                    <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                      <Link href={`/hotline/${r.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">
                        {r.enterprise?.name ?? r.enterpriseName}
                      </Link>
                    </h2>
                    <p className="mt-0.5 line-clamp-2 text-sm text-slate-700">{r.title || r.description}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {t(`channel.${r.channel}`)} · {formatDateTime(r.receivedAt, locale).slice(0, -3)}
                      {r.leadDepartment || r.assignee ? ` · ${[r.leadDepartment?.name, r.assignee?.name].filter(Boolean).join(" / ")}` : ""}
                    </p>
                  </div>
                  {r.status !== "CLOSED" && r.status !== "MERGED" ? (
                    <div className="shrink-0 lg:w-96">
                      <ClockList clocks={clocksOf(r, now)} compact />
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <KeysetPager
        label={t("pagination")}
        firstHref={filter.cursor ? href(filter, { cursor: undefined }) : undefined}
        nextHref={page.nextCursor ? href(filter, { cursor: page.nextCursor }) : undefined}
      />
    </div>
  );
}
