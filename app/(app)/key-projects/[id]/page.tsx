import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { formatAmount } from "@/lib/platform/money";
import { milestoneTiming } from "@/lib/key-projects/lateness";
import { mayUpdateProject } from "@/lib/key-projects/mutations";
import { getKeyProjectOrThrow, keyProjectBlockers, keyProjectTimeline, listPledges } from "@/lib/key-projects/queries";
import { MILESTONE_KINDS } from "@/lib/key-projects/schemas";
import { nextStage } from "@/lib/key-projects/stages";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { BlockerForm, MilestoneEditor, StageAdvance } from "@/components/key-projects/project-actions";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

const TIMING_TONE = { DONE: "green", DONE_LATE: "amber", PENDING: "slate", LATE: "red" } as const;

export default async function KeyProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission("keyProject.view");
  const t = await getTranslations("keyProjects");
  const ti = await getTranslations("investment");
  const tp = await getTranslations("problems");
  const locale = await getLocale();
  const project = await loadOrNotFound(user, pageAuditName("/key-projects/[id]"), async () => getKeyProjectOrThrow(user, (await params).id));
  const [blockers, timeline, pledges] = await Promise.all([
    keyProjectBlockers(project.id), keyProjectTimeline(project.id), listPledges(user, { keyProjectId: project.id }),
  ]);
  const labels = { wan: ti("amountLabels.wan"), yi: ti("amountLabels.yi") };
  const today = todayInShanghai();
  const mayUpdate = mayUpdateProject(user, project) && project.programme.status !== "CLOSED";
  const step = nextStage(project.stage);
  const mayAdvance = !!step && can(user, "keyProject.manage", { orgPath: project.orgPath }) && project.programme.status !== "CLOSED";
  const ms = new Map(project.milestones.map((m) => [m.kind, m]));
  const stepReady = step ? !!ms.get(step.needs)?.actualOn : false;
  return (
    <ClientMessages namespaces={["keyProjects"]}>
      <div className="max-w-4xl space-y-4">
        <PageHeader title={project.name} description={`${project.programme.name} · ${project.orgUnit.name}`}
          actions={<LinkButton variant="secondary" href={`/key-projects?programme=${project.programmeId}`}>{t("back")}</LinkButton>} />
        {(await searchParams).created ? <Alert tone="success">{t("created")}</Alert> : null}
        <Card title={<span className="flex items-center gap-2">{t("detail")} <Badge tone={project.stage === "PLANNED" ? "slate" : project.stage === "UNDER_CONSTRUCTION" ? "amber" : "green"}><span data-testid="project-stage">{t(`stage.${project.stage}`)}</span></Badge></span>}>
          <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">{t("investment")}</dt><dd className="font-semibold">{formatAmount(project.investmentWan, labels)}</dd>
            <dt className="text-slate-500">{t("owner")}</dt><dd>{project.ownerEnterprise ? <Link className="text-brand-800 underline" href={`/registers/enterprises/${project.ownerEnterprise.id}`}>{project.ownerEnterprise.name}</Link> : "—"}</dd>
            <dt className="text-slate-500">{t("location")}</dt><dd>{project.location || "—"}</dd>
            <dt className="text-slate-500">{t("liaison")}</dt><dd>{project.liaison ? `${project.liaison.name}（${project.liaison.orgUnit.name}）` : t("noLiaison")}</dd>
          </dl>
          {mayAdvance && step ? <div className="mt-4 border-t border-slate-100 pt-3"><StageAdvance projectId={project.id} version={project.version} to={step.to} ready={stepReady} needsLabel={t(`milestone.${step.needs}`)} /></div>
            : !step ? <p className="mt-3 text-sm text-emerald-700">{t("finalStage")}</p> : null}
        </Card>
        <Card title={t("milestones")}>
          <ol className="divide-y divide-slate-100">
            {MILESTONE_KINDS.map((kind) => {
              const m = ms.get(kind);
              const timing = m ? milestoneTiming(m) : null;
              return (
                <li key={kind} className="grid gap-2 py-3 sm:grid-cols-[10rem_1fr]" data-testid={`milestone-${kind}`}>
                  <div>
                    <p className="font-medium text-slate-900">{t(`milestone.${kind}`)}</p>
                    {m ? <p className="text-xs text-slate-600">{t("planned")} {formatCalendarDate(m.plannedOn)} · {t("actual")} {m.actualOn ? formatCalendarDate(m.actualOn) : t("notReached")}</p> : <p className="text-xs text-slate-500">—</p>}
                    {timing ? <Badge tone={TIMING_TONE[timing]}>{t(`timing.${timing}`)}</Badge> : null}
                  </div>
                  {mayUpdate ? (
                    <MilestoneEditor projectId={project.id} version={project.version} kind={kind} today={today}
                      plannedOn={m ? formatCalendarDate(m.plannedOn) : ""} actualOn={m?.actualOn ? formatCalendarDate(m.actualOn) : ""} />
                  ) : null}
                </li>
              );
            })}
          </ol>
        </Card>
        <Card title={`${t("blockers")}（${blockers.length}）`}>
          {blockers.length === 0 ? <p className="text-sm text-slate-500">{t("noBlockers")}</p> : (
            <ul className="mb-4 divide-y divide-slate-100">
              {blockers.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span><span className="font-medium text-slate-900">{b.title}</span>{b.dueDate ? <span className="ml-2 text-xs text-slate-500">{t("dueDate")} {formatDueDate(b.dueDate, locale)}</span> : null}</span>
                  <span className="flex items-center gap-2"><Badge tone={b.status === "CONFIRMED" || b.status === "RESOLVED" ? "green" : "amber"}>{tp(`status.${b.status}`)}</Badge>
                    <Link className="text-sm text-brand-800 underline" href={`/problems/${b.id}`}>{t("viewProblem")}</Link></span>
                </li>
              ))}
            </ul>
          )}
          {mayUpdate ? <BlockerForm projectId={project.id} /> : null}
        </Card>
        <Card title={t("pledges")} actions={<LinkButton size="sm" variant="ghost" href={`/key-projects/pledges?programme=${project.programmeId}`}>{t("pledges")}</LinkButton>}>
          {pledges.length === 0 ? <p className="text-sm text-slate-500">{t("emptyPledges")}</p> : (
            <ul className="space-y-1 text-sm">
              {pledges.map((p) => <li key={p.id}>{p.problem} · {p.orgUnit.name}{p.pledger ? ` ${p.pledger.name}` : ""} · {formatDueDate(p.dueOn, locale)} <Badge tone={p.effectiveStatus === "DONE" ? "green" : p.effectiveStatus === "MISSED" ? "red" : "slate"}>{t(`pledgeStatus.${p.effectiveStatus}`)}</Badge></li>)}
            </ul>
          )}
        </Card>
        <Card title={t("timeline")}>
          <ol className="space-y-1.5 text-sm">
            {timeline.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{e.kind === "STAGE" && e.toStage ? `${t("event.STAGE")} → ${t(`stage.${e.toStage}`)}` : t(`event.${e.kind}` as never)}</span>
                <span className="text-slate-500"> · {e.actorName} · {formatDateTime(e.at, locale)}</span>
                {e.note && e.kind === "BLOCKER" ? <span className="text-slate-600"> · {e.note}</span> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </ClientMessages>
  );
}
