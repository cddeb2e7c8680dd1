import { Link } from "@/components/ui/link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { listProblems, type ProblemListFilter } from "@/lib/problems/queries";
import { PROBLEM_STATUSES, UNRESOLVED_STATUSES } from "@/lib/problems/transitions";
import { parseProblemFilterWithIgnored, problemFilterQuery, type SearchParamsRecord } from "@/lib/problems/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { can } from "@/lib/platform/authz/can";
import { ExportLink } from "@/components/dashboards/export-link";
import { visitCampaignOptions } from "@/lib/visits/queries";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Card, EmptyState, PageHeader, Badge } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { ProblemStatusBadge } from "@/components/problems/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("problems");
  return { title: t("title") };
}

function href(filter: ProblemListFilter, changes: Partial<ProblemListFilter> = {}) {
  const s = problemFilterQuery({ ...filter, ...changes });
  return s ? `/problems?${s}` : "/problems";
}

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const user = await requirePermission("problem.view");
  const t = await getTranslations("problems");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const { filter, ignored } = parseProblemFilterWithIgnored(await searchParams);
  const [page, campaigns] = await Promise.all([listProblems(user, filter), visitCampaignOptions(user)]);
  const today = todayInShanghai();
  const filtered = !!(filter.status || filter.programmeId || filter.mine || filter.overdue);
  const label = "block text-sm font-medium text-slate-700";
  const tabs = [
    { key: "all" as const, text: t("tabAll") },
    { key: "department" as const, text: t("tabDepartment") },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={filter.tab === "department" ? t("departmentIntro", { org: user.orgName }) : t("intro")}
        actions={can(user, "report.export") ? <ExportLink href={`/api/exports/problems?${problemFilterQuery({ ...filter, cursor: undefined })}`} label={t("export")} /> : null}
      />

      <nav aria-label={t("tabs")} className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const current = (filter.tab ?? "all") === tab.key;
          return (
            <Link
              key={tab.key}
              href={href({ tab: tab.key })}
              aria-current={current ? "page" : undefined}
              className={cn("-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium", current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {tab.text}
            </Link>
          );
        })}
      </nav>

      <IgnoredFilters ignored={ignored} labels={{ tab: t("tabs"), status: tc("status"), campaign: t("campaign"), mine: t("mine"), overdue: t("overdue") }} />

      <Card>
        <form method="get" action="/problems" role="search" aria-label={tc("filter")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto] lg:items-end">
          {filter.tab === "department" ? <input type="hidden" name="tab" value="department" /> : null}
          <div className="space-y-1">
            <label htmlFor="f-status" className={label}>{tc("status")}</label>
            <select id="f-status" name="status" defaultValue={filter.status ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {PROBLEM_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-campaign" className={label}>{t("campaign")}</label>
            <select id="f-campaign" name="campaign" defaultValue={filter.programmeId ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <fieldset className="flex flex-wrap gap-x-4">
            <legend className="sr-only">{t("quickFilters")}</legend>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} className="size-5 accent-brand-700" />
              {t("mine")}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} className="size-5 accent-brand-700" />
              {t("overdue")}
            </label>
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
            {filtered ? <LinkButton href={href({ tab: filter.tab })} variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
          </div>
        </form>
      </Card>

      {page.rows.length === 0 ? (
        <EmptyState>{filter.tab === "department" ? t("emptyDepartment") : filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {page.rows.map((p) => {
            const overdue = !!p.dueDate && formatCalendarDate(p.dueDate) < today && (UNRESOLVED_STATUSES as readonly string[]).includes(p.status);
            return (
              <li key={p.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-within:border-brand-600">
                <div className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between md:gap-6">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <ProblemStatusBadge status={p.status} label={t(`status.${p.status}`)} />
                      {overdue ? <Badge tone="red">{t("overdueBadge")}</Badge> : null}
                      {p.category ? <Badge>{p.category}</Badge> : null}
                      <span className="text-xs text-slate-500">{p.orgUnit.name}</span>
                    </div>
                    <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                      <Link href={`/problems/${p.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">{p.title}</Link>
                    </h2>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {p.programme?.name ?? ""}
                      {p.escalatedTo ? ` · ${t("escalatedTo", { unit: p.escalatedTo.name })}` : ""}
                    </p>
                  </div>
                  <div className="shrink-0 text-sm text-slate-600 md:text-right">
                    <p className="tabular-nums">{p.dueDate ? t("due", { date: formatDueDate(p.dueDate, locale) }) : t("noDueDate")}</p>
                    <p>{p.assignee ? t("assignedTo", { name: p.assignee.name }) : t("unassigned")}</p>
                  </div>
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
