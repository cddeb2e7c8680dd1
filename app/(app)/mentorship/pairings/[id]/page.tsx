import { now } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getPairingOrThrow, listActivities, pairingRole } from "@/lib/mentorship/queries";
import { changePlanAction, endPairingAction, evaluatePairingAction, logActivityAction, signOffMilestoneAction } from "@/lib/mentorship/actions";
import { ACTIVITY_KINDS, EDITABLE_MILESTONE_STATUSES, readSettings } from "@/lib/mentorship/schemas";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { QuickForm } from "@/components/forms/quick-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("pairingTitle") };
}

const STATUS_TONES = { PLANNED: "slate", IN_PROGRESS: "blue", DONE: "amber", SIGNED_OFF: "green" } as const;

export default async function PairingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("mentorship.view");
  const { id } = await params;
  const pairing = await loadOrNotFound(user, pageAuditName("/mentorship/pairings/[id]"), () => getPairingOrThrow(user, id));
  const t = await getTranslations("mentorship");
  const locale = await getLocale();
  const activities = await listActivities(pairing.id);
  const role = pairingRole(user, pairing);
  const active = pairing.status === "ACTIVE";
  const canEdit = active && role !== "VIEWER";
  const isManager = can(user, "mentorship.manage", pairing);
  const canLog = active && (role === "MENTOR" || role === "TRAINEE");
  const today = shanghaiDate(now());
  const plan = pairing.plan;
  const settings = readSettings(pairing.programme.settings);
  const statusOptions = EDITABLE_MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestoneStatus.${s}`) }));
  const areas = [...new Set(plan?.goals.map((g) => g.area) ?? [])];
  const kinds = ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));

  return (
    <div className="space-y-4">
      <Link href={`/mentorship/${pairing.programmeId}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {pairing.programme.name}
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={active ? "green" : "slate"}>{t(`pairingStatus.${pairing.status}`)}</Badge>
          {role !== "VIEWER" ? <Badge tone="blue">{t(`yourRole.${role}`)}</Badge> : null}
          <span className="text-sm text-slate-600">{pairing.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(pairing.startDate)} – {formatCalendarDate(pairing.endDate)}</span></span>
        </div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t("pairingName", { mentor: pairing.mentor.name, trainee: pairing.trainee.name })}</h1>
        <p className="text-sm text-slate-600">{t("mentorLine", { name: pairing.mentor.name, unit: pairing.mentor.orgUnit.name })} · {t("traineeLine", { name: pairing.trainee.name, unit: pairing.trainee.orgUnit.name })}</p>
        {pairing.endedReason ? <p className="text-sm text-slate-600">{t("endedReason", { reason: pairing.endedReason })}</p> : null}
      </div>

      {pairing.rating ? (
        <Card title={t("evaluation")}>
          <p className="text-lg text-amber-600" aria-label={t("ratingShort", { rating: pairing.rating })}>{"★".repeat(pairing.rating)}<span className="text-slate-300">{"★".repeat(5 - pairing.rating)}</span></p>
          <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{pairing.evaluation}</p>
          <p className="mt-1 text-xs text-slate-500">{pairing.evaluatedBy?.name} · {pairing.evaluatedAt ? formatDateTime(pairing.evaluatedAt, locale) : ""}</p>
        </Card>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <Card
          title={t("plan")}
          actions={plan ? <Link href={`/mentorship/pairings/${pairing.id}/history`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">{t("planHistory", { version: plan.version })}</Link> : null}
        >
          {!plan || plan.goals.length === 0 ? (
            <EmptyState>{t("planEmpty")}</EmptyState>
          ) : (
            <div className="space-y-5">
              {areas.map((area) => (
                <section key={area} aria-label={area}>
                  <h3 className="text-sm font-semibold text-brand-800">{area}</h3>
                  {plan.goals.filter((g) => g.area === area).map((goal) => (
                    <div key={goal.id} className="mt-2 rounded-md border border-slate-200">
                      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-3 py-2">
                        <h4 className="font-medium text-slate-900">{goal.title}</h4>
                        {canEdit && goal.milestones.every((m) => m.status !== "SIGNED_OFF") ? (
                          <QuickForm action={changePlanAction} hidden={{ op: "removeGoal", planId: plan.id, planVersion: plan.version, goalId: goal.id }} collapsed={t("removeGoal")} tone="danger" submitLabel={t("confirmRemove")}
                            fields={[{ name: "note", label: t("changeNote"), type: "text", maxLength: 200 }]} />
                        ) : null}
                      </div>
                      <ul className="divide-y divide-slate-100">
                        {goal.milestones.map((m) => {
                          const late = m.dueDate.toISOString().slice(0, 10) < today && (m.status === "PLANNED" || m.status === "IN_PROGRESS");
                          const due = formatCalendarDate(m.dueDate);
                          return (
                            <li key={m.id} className="space-y-2 px-3 py-3" data-testid="milestone">
                              <div className="flex flex-wrap items-center gap-2">
                                <Badge tone={STATUS_TONES[m.status]}>{t(`milestoneStatus.${m.status}`)}</Badge>
                                {late ? <Badge tone="red">{t("late")}</Badge> : null}
                                <span className="font-medium text-slate-900">{m.title}</span>
                              </div>
                              <p className="text-sm text-slate-600">
                                {t("dueOn", { date: formatDueDate(m.dueDate, locale) })}
                                {m.signedOffBy ? ` · ${t("signedOffBy", { name: m.signedOffBy.name })}` : ""}
                              </p>
                              {m.note ? <p className="whitespace-pre-wrap text-sm text-slate-700">{m.note}</p> : null}
                              <div className="flex flex-wrap gap-2">
                                {canEdit && m.status !== "SIGNED_OFF" ? (
                                  <QuickForm action={changePlanAction} label={t("editMilestoneOf", { title: m.title })} hidden={{ op: "updateMilestone", planId: plan.id, planVersion: plan.version, milestoneId: m.id }} collapsed={t("updateMilestone")} submitLabel={t("saveMilestone")} className="w-full sm:w-auto"
                                    fields={[
                                      { name: "status", label: t("status"), type: "select", options: statusOptions, defaultValue: m.status },
                                      { name: "milestoneNote", label: t("progressNote"), type: "textarea", defaultValue: m.note, maxLength: 500 },
                                      { name: "title", label: t("milestoneTitle"), type: "text", defaultValue: m.title, required: true, maxLength: 100 },
                                      { name: "dueDate", label: t("dueDate"), type: "date", defaultValue: due, required: true },
                                      { name: "note", label: t("changeNote"), type: "text", maxLength: 200, hint: t("changeNoteHint") },
                                    ]} />
                                ) : null}
                                {isManager && active && m.status === "DONE" ? (
                                  <QuickForm action={signOffMilestoneAction} label={t("signOffOf", { title: m.title })} hidden={{ planId: plan.id, planVersion: plan.version, milestoneId: m.id }} fields={[]} submitLabel={t("signOff")} />
                                ) : null}
                                {canEdit && m.status !== "SIGNED_OFF" ? (
                                  <QuickForm action={changePlanAction} hidden={{ op: "removeMilestone", planId: plan.id, planVersion: plan.version, milestoneId: m.id }} collapsed={t("removeMilestone")} tone="danger" submitLabel={t("confirmRemove")}
                                    fields={[{ name: "note", label: t("changeNote"), type: "text", maxLength: 200 }]} />
                                ) : null}
                              </div>
                            </li>
                          );
                        })}
                      </ul>
                      {canEdit ? (
                        <div className="border-t border-slate-100 px-3 py-2">
                          <QuickForm action={changePlanAction} hidden={{ op: "addMilestone", planId: plan.id, planVersion: plan.version, goalId: goal.id }} collapsed={t("addMilestone")} tone="secondary" submitLabel={t("addMilestone")}
                            fields={[
                              { name: "title", label: t("milestoneTitle"), type: "text", required: true, maxLength: 100 },
                              { name: "dueDate", label: t("dueDate"), type: "date", required: true },
                              { name: "note", label: t("changeNote"), type: "text", maxLength: 200 },
                            ]} />
                        </div>
                      ) : null}
                    </div>
                  ))}
                </section>
              ))}
            </div>
          )}
          {canEdit && plan ? (
            <div className="mt-4">
              <QuickForm action={changePlanAction} hidden={{ op: "addGoal", planId: plan.id, planVersion: plan.version }} collapsed={t("addGoal")} tone="secondary" submitLabel={t("addGoal")}
                fields={[
                  { name: "area", label: t("area"), type: "text", required: true, maxLength: 40, defaultValue: areas[0] ?? "", hint: areas.join("、") },
                  { name: "title", label: t("goalTitle"), type: "text", required: true, maxLength: 100 },
                  { name: "note", label: t("changeNote"), type: "text", maxLength: 200 },
                ]} />
            </div>
          ) : null}
        </Card>

        <div className="space-y-4">
          <Card title={t("log")}>
            {settings.expectations.length ? (
              <p className="mb-3 text-sm text-slate-600">{t("expectationsLine", { list: settings.expectations.map((e) => t("expectationShort", { kind: t(`kinds.${e.kind}`), period: t(`periods.${e.period}`), min: e.min })).join("；") })}</p>
            ) : null}
            {canLog ? (
              <QuickForm action={logActivityAction} idempotent collapsed={t("logActivity")} submitLabel={t("saveActivity")} successMessage={t("activitySaved")} hidden={{ pairingId: pairing.id }} className="mb-3"
                fields={[
                  { name: "kind", label: t("activityKind"), type: "select", options: kinds, defaultValue: "GUIDED_VISIT" },
                  { name: "occurredOn", label: t("occurredOn"), type: "date", defaultValue: today, required: true },
                  { name: "place", label: t("place"), type: "text", maxLength: 100 },
                  { name: "notes", label: t("notes"), type: "textarea", maxLength: 2000 },
                ]} />
            ) : null}
            {activities.length === 0 ? (
              <EmptyState>{t("noActivities")}</EmptyState>
            ) : (
              <ul className="-my-2 divide-y divide-slate-100" aria-label={t("log")}>
                {activities.map((a) => (
                  <li key={a.id} className="py-2 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="blue">{t(`kinds.${a.kind}`)}</Badge>
                      <span className="tabular-nums text-slate-700">{formatCalendarDate(a.occurredOn)}</span>
                      {a.place ? <span className="text-slate-600">{a.place}</span> : null}
                      {a.visitId ? <Link href={`/visits/${a.visitId}`} className="text-brand-700 hover:underline">{t("fromVisit")}</Link> : null}
                    </div>
                    {a.notes ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{a.notes}</p> : null}
                    <p className="text-xs text-slate-500">{t("recordedBy", { name: a.recordedBy.name })}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {role === "MANAGER" ? (
            <Card title={t("managerActions")}>
              <div className="space-y-3">
                <QuickForm action={evaluatePairingAction} hidden={{ pairingId: pairing.id, version: pairing.version }} collapsed={pairing.rating ? t("reEvaluate") : t("evaluate")} submitLabel={t("saveEvaluation")}
                  fields={[
                    { name: "rating", label: t("rating"), type: "select", options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t("ratingOption", { rating: n }) })), defaultValue: String(pairing.rating ?? 5) },
                    { name: "evaluation", label: t("evaluationComment"), type: "textarea", required: true, defaultValue: pairing.evaluation ?? "", maxLength: 1000 },
                  ]} />
                {active ? (
                  <QuickForm action={endPairingAction} hidden={{ pairingId: pairing.id, version: pairing.version }} collapsed={t("endPairing")} tone="danger" submitLabel={t("confirmEnd")}
                    fields={[{ name: "reason", label: t("endReason"), type: "text", required: true, maxLength: 200 }]} />
                ) : null}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
