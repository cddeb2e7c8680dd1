// Home: what is due today for the signed-in user, first thing on a phone — visits due under
// the campaigns' rules, hotline requests with a clock running, problems assigned to them,
// mentoring milestones due. Managers and admins also get their dashboard one tap away.
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/platform/auth/session";
import { listProgrammes } from "@/lib/programmes/queries";
import { officerDue } from "@/lib/dashboards/officer-home";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { formatDeadline, formatDueDate } from "@/lib/platform/format/deadline";
import { Card, EmptyState, Badge } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { can } from "@/lib/platform/authz/can";
import { NewYearChecklistBanner } from "@/components/new-year/checklist-banner";

function DueList({ title, count, children, empty, more }: { title: string; count: number; children: ReactNode; empty: string; more?: ReactNode }) {
  return (
    <Card title={<span className="flex items-center gap-2">{title} <Badge tone={count ? "amber" : "slate"}>{count}</Badge></span>}>
      {count === 0 ? <p className="text-sm text-slate-500">{empty}</p> : <ul className="-my-2 divide-y divide-slate-100">{children}</ul>}
      {more}
    </Card>
  );
}

function MoreLink({ href, count, shown, label }: { href: string; count: number; shown: number; label: string }) {
  return count > shown ? <Link href={href} className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">{label}</Link> : null;
}

function DueLink({ href, title, meta, tone }: { href: string; title: string; meta: ReactNode; tone?: "red" | "amber" | null }) {
  return (
    <li>
      <Link href={href} className="flex min-h-12 items-center justify-between gap-3 py-2 hover:bg-slate-50">
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{title}</span>
          <span className={tone === "red" ? "text-sm text-red-700" : tone === "amber" ? "text-sm text-amber-700" : "text-sm text-slate-600"}>{meta}</span>
        </span>
        <span aria-hidden="true" className="text-slate-400">›</span>
      </Link>
    </li>
  );
}

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations();
  const th = await getTranslations("officerHome");
  const tStage = await getTranslations("hotline.stage");
  const locale = await getLocale();
  const [programmes, due] = await Promise.all([listProgrammes(user, { status: "ACTIVE" }), officerDue(user)]);
  const total = due.visits.length + due.counts.requests + due.counts.problems + due.milestones.length;
  const isManager = can(user, "dashboard.view");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{t("home.greeting", { name: user.name })}</h1>
          <p className="text-sm text-slate-600">{t("home.roleAt", { role: t(`roles.${user.role}`), org: user.orgName })}</p>
        </div>
        <div className="flex w-full flex-wrap gap-2 sm:w-auto">
          {/* The officer's most frequent task, one tap from home on a phone. */}
          {can(user, "visit.create") ? <LinkButton href="/visits/new" className="flex-1 sm:flex-none">{t("nav.recordVisit")}</LinkButton> : null}
          {isManager ? <LinkButton href="/dashboard" variant={can(user, "visit.create") ? "secondary" : "primary"} className="flex-1 sm:flex-none">{th("managerSummary")}</LinkButton> : null}
        </div>
      </div>

      <NewYearChecklistBanner user={user} />

      <h2 className="text-lg font-semibold text-slate-800">{th("dueToday")} <span className="text-sm font-normal text-slate-500">{formatCalendarDate(new Date(`${due.today}T00:00:00Z`))}</span></h2>
      {total === 0 ? <EmptyState>{th("nothingDue")}</EmptyState> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {due.visits.length || !isManager ? (
          <DueList title={th("visitsDue")} count={due.visits.length} empty={th("none")}>
            {due.visits.map((v) => (
              <DueLink
                key={`${v.programmeId}-${v.ruleId}-${v.subjectId}`}
                href={v.subjectType === "ENTERPRISE" ? "/visits/new" : `/campaigns/${v.programmeId}/due`}
                title={v.subjectType === "ENTERPRISE" ? v.subjectName : t(`campaigns.ruleKinds.${v.kind}`)}
                tone={v.status === "OVERDUE" ? "red" : v.status === "DUE_SOON" ? "amber" : null}
                meta={`${v.status === "OVERDUE" ? `${th("lastPeriodMissed")} · ` : ""}${th("thisPeriod", { count: v.count, required: v.required })} · ${th("dueOn", { date: formatDueDate(v.current.lastDay, locale, due.now) })} · ${v.programmeName}`}
              />
            ))}
          </DueList>
        ) : null}
        {due.counts.requests || !isManager ? (
          <DueList
            title={th("requests")}
            count={due.counts.requests}
            empty={th("none")}
            more={<MoreLink href="/hotline" count={due.counts.requests} shown={due.requests.length} label={th("more", { count: due.counts.requests - due.requests.length })} />}
          >
            {due.requests.map((r) => {
              const clock = r.nextClock;
              const late = clock?.state === "overdue";
              const stage = clock ? tStage(clock.stage) : "";
              return (
                <DueLink
                  key={r.id}
                  href={`/hotline/${r.id}`}
                  title={`${r.number} ${r.title || r.enterprise?.name || r.enterpriseName || r.category}`}
                  tone={late ? "red" : clock ? "amber" : null}
                  meta={
                    !clock ? t(`hotline.status.${r.status}`)
                    : late ? th("stageOverdue", { stage })
                    : <span className="break-keep">{th.rich("dueAt", { stage, time: formatDeadline(clock.dueAt, locale, due.now), deadline: (chunks) => <span data-testid="home-deadline">{chunks}</span> })}</span>
                  }
                />
              );
            })}
          </DueList>
        ) : null}
        {due.counts.problems || !isManager ? (
          <DueList
            title={th("problems")}
            count={due.counts.problems}
            empty={th("none")}
            more={<MoreLink href="/problems?mine=1" count={due.counts.problems} shown={due.problems.length} label={th("more", { count: due.counts.problems - due.problems.length })} />}
          >
            {due.problems.map((p) => {
              const late = p.dueDate && p.dueDate.toISOString().slice(0, 10) < due.today;
              return (
                <DueLink
                  key={p.id}
                  href={`/problems/${p.id}`}
                  title={p.title}
                  tone={late ? "red" : null}
                  meta={`${t(`problems.status.${p.status}`)} · ${p.orgUnit.name}${p.dueDate ? ` · ${th("dueOn", { date: formatDueDate(p.dueDate, locale, due.now) })}` : ""}`}
                />
              );
            })}
          </DueList>
        ) : null}
        {due.milestones.length || !isManager ? (
          <DueList title={th("milestones")} count={due.milestones.length} empty={th("none")}>
            {due.milestones.map((m) => {
              const pairing = m.goal.plan.pairing;
              const late = m.dueDate.toISOString().slice(0, 10) < due.today;
              return (
                <DueLink
                  key={m.id}
                  href={`/mentorship/pairings/${pairing.id}`}
                  title={m.title}
                  tone={late ? "red" : "amber"}
                  meta={`${late ? `${th("overdue")} · ` : ""}${th("dueOn", { date: formatDueDate(m.dueDate, locale, due.now) })} · ${pairing.mentorId === user.id ? `${th("asMentor")} ${pairing.trainee.name}` : `${th("asTrainee")} · ${pairing.mentor.name}`}`}
                />
              );
            })}
          </DueList>
        ) : null}
      </div>

      <Card title={t("home.activeProgrammes")}>
        {programmes.length === 0 ? (
          <EmptyState>{t("home.noProgrammes")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {programmes.map((p) => (
              <li key={p.id}>
                <Link href={isManager ? `/dashboard?programme=${p.id}` : `/programmes/${p.id}`} className="block rounded-md border border-slate-200 p-3 hover:border-brand-600 hover:bg-brand-50">
                  <div className="flex items-center gap-2">
                    <Badge tone="blue">{t(`programmeTypes.${p.type}`)}</Badge>
                    <span className="text-xs text-slate-500">{p.orgUnit.name}</span>
                  </div>
                  <p className="mt-1 font-medium text-slate-900">{p.name}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {t("home.period", { start: formatCalendarDate(p.startDate), end: formatCalendarDate(p.endDate) })} · {t("home.targetsSummary", { count: p._count.indicators })}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
