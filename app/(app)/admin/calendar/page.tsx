import { now } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { filterDay, filterFlag, filterYear, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { listCalendarYear } from "@/lib/platform/calendar/queries";
import { calendarYearReadiness } from "@/lib/platform/calendar/confirmation";
import { provisionalListText } from "@/lib/platform/calendar/provisional";
import { formatDateTime } from "@/lib/platform/format/dates";
import { isWeekend, shanghaiDay } from "@/lib/platform/calendar/working-days";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { TableCard } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { BulkCalendarForm, CalendarDayForm, ConfirmYearButton, RemoveDayButton } from "./calendar-forms";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("calendar");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("calendar.manage");
  const t = await getTranslations("calendar");
  const tCommon = await getTranslations("common");
  const sp = await searchParams;
  const today = shanghaiDay(now());
  const { filter, ignored } = parseFilters({ year: filterYear, date: filterDay, provisional: filterFlag }, sp);
  const year = filter.year ?? Number(today.slice(0, 4));
  const [rows, readiness] = await Promise.all([listCalendarYear(year), calendarYearReadiness(year)]);
  const tYear = await getTranslations("newYear.calendarYear");
  const locale = await getLocale();

  const provisional = !!filter.provisional && !readiness.loaded;
  const editParam = filter.date ?? "";
  const editing = rows.find((r) => r.date === editParam);
  const initial = editing
    ? { date: editing.date, kind: editing.kind, name: editing.name }
    : { date: editParam, kind: "HOLIDAY" as const, name: "" };

  const weekday = (d: string) => t(`weekdays.${new Date(`${d}T00:00:00Z`).getUTCDay()}` as never);
  const effect = (d: string, kind: "HOLIDAY" | "WORKDAY") => {
    const weekend = isWeekend(d);
    // A HOLIDAY on a weekend or a WORKDAY on a weekday changes nothing: say so, it is harmless.
    if (kind === "HOLIDAY" && weekend) return { text: t("noEffect", { what: t("weekendWord") }), tone: "slate" as const };
    if (kind === "WORKDAY" && !weekend) return { text: t("noEffect", { what: t("workdayWord") }), tone: "slate" as const };
    return { text: t(`kindHint.${kind}`), tone: kind === "HOLIDAY" ? ("amber" as const) : ("blue" as const) };
  };
  const ordinary = (d: string) => (isWeekend(d) ? t("weekendWord") : t("workdayWord"));
  const holidays = rows.filter((r) => r.kind === "HOLIDAY").length;
  const workdays = rows.length - holidays;
  const yearHref = (y: number) => `/admin/calendar?year=${y}`;
  const editHref = (d: string) => `/admin/calendar?year=${year}&date=${d}#day-form`;

  return (
    <ClientMessages namespaces={["calendar", "newYear.calendarYear", "validation.*"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} description={t("intro")} actions={<a href="#day-form" className={buttonClass("primary", "md")}>{t("add")}</a>} />
        <Alert tone="warning">{t("confirmNote")}</Alert>

        <IgnoredFilters ignored={ignored} labels={{ year: t("year"), date: t("date") }} />
        <nav aria-label={t("year")} className="flex flex-wrap items-center gap-2">
          <Link href={yearHref(year - 1)} className={buttonClass("secondary", "sm")} aria-label={t("prevYear")}>‹ {year - 1}</Link>
          <span className="px-2 text-lg font-semibold text-slate-900" aria-current="page">{year}</span>
          <Link href={yearHref(year + 1)} className={buttonClass("secondary", "sm")} aria-label={t("nextYear")}>{year + 1} ›</Link>
          <span className="ml-2 text-sm text-slate-600" data-testid="calendar-summary">{t("countSummary", { year, holidays, workdays })}</span>
        </nav>

        <Card title={tYear("title", { year })}>
          <div className="flex flex-wrap items-center justify-between gap-3" data-testid="calendar-year-status">
            <p className="text-sm text-slate-700">
              {readiness.confirmed
                ? tYear("confirmed", { year, name: readiness.confirmed.byName, time: formatDateTime(readiness.confirmed.at, locale) })
                : readiness.loaded ? tYear("notConfirmed", { year }) : tYear("notLoaded", { year })}
            </p>
            {readiness.confirmed || readiness.loaded ? <ConfirmYearButton year={year} confirmed={readiness.confirmed !== null} /> : null}
          </div>
          {!readiness.loaded ? (
            <div className="mt-3 border-t border-slate-100 pt-3 text-sm text-slate-600">
              <p className="font-medium text-slate-800">{tYear("provisionalTitle", { year })}</p>
              <p className="mt-1">{tYear("provisionalHint")}</p>
              <Link href={`/admin/calendar?year=${year}&provisional=1#bulk-form`} className={`${buttonClass("secondary", "sm")} mt-2`}>{tYear("provisionalFill")}</Link>
            </div>
          ) : null}
        </Card>

        {rows.length === 0 ? (
          <EmptyState>{t("empty", { year })}</EmptyState>
        ) : (
          <>
            <ul className="space-y-2 md:hidden" aria-label={t("title")}>
              {rows.map((r) => {
                const e = effect(r.date, r.kind);
                return (
                  <li key={r.date} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                    <div className="flex items-baseline justify-between gap-2">
                      <span className="font-mono font-medium text-slate-900">{r.date} <span className="font-sans text-sm text-slate-500">{weekday(r.date)}</span></span>
                      <Badge tone={r.kind === "HOLIDAY" ? "amber" : "blue"}>{t(`kind.${r.kind}`)}</Badge>
                    </div>
                    <div className="mt-1 text-slate-800">{r.name || "—"}</div>
                    <div className="mt-1 text-sm text-slate-500">{e.text}</div>
                    <div className="mt-2 flex gap-2">
                      <Link href={editHref(r.date)} className={buttonClass("secondary", "sm")}>{t("edit")}</Link>
                      <RemoveDayButton date={r.date} name={r.name} what={ordinary(r.date)} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <TableCard
              caption={t("title")}
              columns={[
                { key: "date", label: t("date") },
                { key: "weekday", label: t("weekday") },
                { key: "kind", label: t("kindLabel") },
                { key: "name", label: t("name") },
                { key: "effect", label: t("effect") },
                { key: "actions", label: tCommon("actions"), srOnly: true },
              ]}
            >
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => {
                  const e = effect(r.date, r.kind);
                  return (
                    <tr key={r.date} className={r.date === editing?.date ? "bg-brand-50" : "hover:bg-slate-50"}>
                      <td className="whitespace-nowrap px-3 py-2 font-mono">{r.date}</td>
                      <td className="whitespace-nowrap px-3 py-2">{weekday(r.date)}</td>
                      <td className="px-3 py-2"><Badge tone={r.kind === "HOLIDAY" ? "amber" : "blue"}>{t(`kind.${r.kind}`)}</Badge></td>
                      <td className="px-3 py-2">{r.name || "—"}</td>
                      <td className="px-3 py-2 text-sm text-slate-600">{e.text}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-right">
                        <Link href={editHref(r.date)} className={buttonClass("ghost", "sm")} aria-label={`${t("edit")} ${r.date}`}>{t("edit")}</Link>
                        <RemoveDayButton date={r.date} name={r.name} what={ordinary(r.date)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </TableCard>
          </>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          <div id="day-form">
            <Card title={t("add")}>
              <CalendarDayForm key={initial.date || "new"} initial={initial} />
            </Card>
          </div>
          <div id="bulk-form">
            <Card title={t("bulkTitle")}>
              <BulkCalendarForm key={provisional ? "provisional" : "blank"} initialText={provisional ? provisionalListText(year) : ""} />
            </Card>
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
