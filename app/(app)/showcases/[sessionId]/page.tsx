import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getSessionOrThrow, myScores, othersScores, peopleInScope, recusalOf, talentListedUsers } from "@/lib/showcases/queries";
import { addEntryAction, addJudgeAction, addToTalentListAction, closeSessionAction, declareConflictAction, removeJudgeAction, updateNarrativeAction } from "@/lib/showcases/actions";
import { TALENT_LISTS } from "@/lib/showcases/schemas";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { QuickForm } from "@/components/forms/quick-form";
import { NarrativeUpload } from "@/components/showcases/narrative-upload";
import { ExportLink } from "@/components/dashboards/export-link";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("sessionTitle") };
}

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const user = await requirePermission("showcase.view");
  const { sessionId } = await params;
  const session = await loadOrNotFound(user, pageAuditName("/showcases/[sessionId]"), () => getSessionOrThrow(user, sessionId));
  const t = await getTranslations("showcase");
  const open = session.status === "OPEN";
  const manager = can(user, "showcase.manage", session);
  const talent = can(user, "talentList.manage", session);
  const [mine, all, people, listed] = await Promise.all([
    session.isJudge ? myScores(user, session.id) : Promise.resolve([]),
    othersScores(user, session.id),
    manager && open ? peopleInScope(user) : Promise.resolve([]),
    talent && !open ? talentListedUsers(session.entries.map((e) => e.officerId)) : Promise.resolve([]),
  ]);
  const scoredByMe = new Set(mine.map((s) => s.entryId));
  const criteriaCount = session.criteria.length;
  const weightSum = session.criteria.reduce((s, c) => s + Number(c.weight), 0);
  const judgeIds = new Set(session.judges.map((j) => j.userId));
  const entrantIds = new Set(session.entries.map((e) => e.officerId));

  return (
    <ClientMessages namespaces={["showcase"]}>
      <div className="space-y-4">
        <Link href="/showcases" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {session.programme.name}
        </Link>
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={open ? "green" : "slate"}>{t(`sessionStatus.${session.status}`)}</Badge>
            {session.isJudge ? <Badge tone="blue">{t("youJudge")}</Badge> : null}
            {can(user, "report.export") ? <ExportLink href={`/api/exports/showcase?session=${session.id}`} label={t("export")} /> : null}
            <span className="text-sm text-slate-600"><span className="tabular-nums">{formatCalendarDate(session.heldOn)}</span>{session.place ? ` · ${session.place}` : ""}</span>
          </div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t("sessionName", { quarter: session.quarter })}</h1>
          <p className="text-sm text-slate-600">{t("trimRule", { n: session.trimMinJudges })}</p>
        </div>

        {!open ? (
          <Card title={t("leaderboard")}>
            <ol className="-my-2 divide-y divide-slate-100" aria-label={t("leaderboard")}>
              {session.entries.map((e) => {
                const onLists = listed.filter((l) => l.userId === e.officerId).map((l) => l.list);
                return (
                  <li key={e.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="leaderboard-row">
                    <span className="w-10 text-center text-lg font-semibold tabular-nums text-brand-800">{e.rank ?? "—"}</span>
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium text-slate-900">{e.officer.name} <span className="text-sm font-normal text-slate-600">{e.officer.orgUnit.name}</span></span>
                      <span className="block text-sm text-slate-700">{e.topic}</span>
                      {onLists.map((l) => <Badge key={l} tone="green">{t(`lists.${l}`)}</Badge>)}
                    </span>
                    <span className="text-lg font-semibold tabular-nums">{e.finalScore === null ? t("noScore") : Number(e.finalScore).toFixed(2)}</span>
                    {talent && e.rank !== null ? (
                      <QuickForm action={addToTalentListAction} hidden={{ entryId: e.id }} collapsed={t("addToList")} tone="secondary" submitLabel={t("addToList")} className="w-full sm:w-auto"
                        fields={[
                          { name: "list", label: t("listKind"), type: "select", options: TALENT_LISTS.map((l) => ({ value: l, label: t(`lists.${l}`) })), defaultValue: "PROFESSIONAL" },
                          { name: "note", label: t("note"), type: "text", maxLength: 200, defaultValue: t("listNoteDefault", { quarter: session.quarter, rank: e.rank }) },
                        ]} />
                    ) : null}
                  </li>
                );
              })}
            </ol>
            {all.length ? (
              <details className="mt-3 text-sm">
                <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{t("allScores", { count: all.length })}</summary>
                <div className="overflow-x-auto" role="region" aria-label={t("allScores", { count: all.length })} tabIndex={0}>
                  <table className="w-full text-left">
                    <thead className="text-slate-600"><tr><th className="px-2 py-1">{t("entrant")}</th><th className="px-2 py-1">{t("judge")}</th>{session.criteria.map((c) => <th key={c.id} className="px-2 py-1">{c.name}</th>)}</tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {session.entries.flatMap((e) => [...new Set(all.filter((s) => s.entryId === e.id).map((s) => s.judgeId))].map((judgeId) => (
                        <tr key={`${e.id}-${judgeId}`}>
                          <td className="px-2 py-1">{e.officer.name}</td>
                          <td className="px-2 py-1">{all.find((s) => s.judgeId === judgeId)?.judgeName}</td>
                          {session.criteria.map((c) => <td key={c.id} className="px-2 py-1 tabular-nums">{all.find((s) => s.entryId === e.id && s.judgeId === judgeId && s.criterionId === c.id)?.score ?? "—"}</td>)}
                        </tr>
                      )))}
                    </tbody>
                  </table>
                </div>
              </details>
            ) : null}
          </Card>
        ) : session.isJudge ? (
          <Card title={t("yourSheets")}>
            <p className="text-sm text-slate-700">{t("sheetsDone", { done: scoredByMe.size, total: session.entries.filter((e) => !recusalOf(session, user.id, e)).length })}</p>
            <p className="mt-1 text-xs text-slate-500">{t("secrecy")}</p>
          </Card>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
          <Card title={t("entries", { count: session.entries.length })}>
            {session.entries.length === 0 ? <EmptyState>{t("noEntries")}</EmptyState> : (
              <ul className="-my-2 divide-y divide-slate-100">
                {session.entries.map((e) => {
                  const recusal = session.isJudge ? recusalOf(session, user.id, e) : null;
                  const mayEdit = open && (e.officerId === user.id || manager);
                  return (
                    <li key={e.id} className="space-y-2 py-3" data-testid="entry">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-slate-900">{e.officer.name}</span>
                        <span className="text-sm text-slate-600">{e.officer.orgUnit.name}</span>
                        {session.isJudge && open ? (recusal ? <Badge tone="amber">{t(`recusal.${recusal}`)}</Badge> : scoredByMe.has(e.id) ? <Badge tone="green">{t("scored")}</Badge> : <Badge tone="slate">{t("notScored")}</Badge>) : null}
                      </div>
                      <p className="text-sm text-slate-800">{e.topic}</p>
                      {e.narrative ? (
                        <details className="text-sm">
                          <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{t("writtenNarrative")}</summary>
                          <p className="whitespace-pre-wrap text-slate-700">{e.narrative}</p>
                        </details>
                      ) : null}
                      {e.narrativeFileKey ? <a href={`/showcases/entries/${e.id}/narrative`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">{t("downloadNarrative", { name: e.narrativeFileName ?? "" })}</a> : null}
                      <div className="flex flex-wrap gap-2">
                        {session.isJudge && open && !recusal ? <LinkButton href={`/showcases/${session.id}/score/${e.id}`} size="sm">{scoredByMe.has(e.id) ? t("editScores") : t("score")}</LinkButton> : null}
                        {mayEdit ? (
                          <QuickForm action={updateNarrativeAction} hidden={{ entryId: e.id }} collapsed={t("editNarrative")} tone="secondary" submitLabel={t("save")} className="w-full sm:w-auto"
                            fields={[
                              { name: "topic", label: t("topic"), type: "text", required: true, maxLength: 100, defaultValue: e.topic },
                              { name: "narrative", label: t("writtenNarrative"), type: "textarea", maxLength: 20000, defaultValue: e.narrative },
                            ]} />
                        ) : null}
                      </div>
                      {mayEdit ? <NarrativeUpload entryId={e.id} /> : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>

          <div className="space-y-4">
            <Card title={t("criteria")}>
              <ul className="space-y-1 text-sm">
                {session.criteria.map((c) => (
                  <li key={c.id} className="flex flex-wrap justify-between gap-2">
                    <span><Badge tone="blue">{t(`dimension.${c.dimension}`)}</Badge> {c.name}</span>
                    <span className="tabular-nums text-slate-600">{t("weightShare", { share: ((Number(c.weight) / (weightSum || 1)) * 100).toFixed(0), max: c.maxScore })}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-slate-500">{t("criteriaCount", { count: criteriaCount })}</p>
            </Card>
            <Card title={t("judges", { count: session.judges.length })}>
              <ul className="space-y-1 text-sm">
                {session.judges.map((j) => (
                  <li key={j.userId} className="flex flex-wrap items-center justify-between gap-2">
                    <span>{j.user.name} <span className="text-slate-500">{j.user.orgUnit.name}</span></span>
                    {manager && open ? <QuickForm action={removeJudgeAction} hidden={{ sessionId: session.id, userId: j.userId }} collapsed={t("removeJudge")} tone="danger" submitLabel={t("confirmRemoveJudge")} fields={[]} /> : null}
                  </li>
                ))}
              </ul>
              {session.conflicts.length ? (
                <div className="mt-3 text-sm">
                  <h3 className="font-medium text-slate-800">{t("conflicts")}</h3>
                  <ul className="mt-1 space-y-1 text-slate-700">
                    {session.conflicts.map((c) => <li key={c.id}>{t("conflictLine", { judge: c.judge.name, entrant: session.entries.find((e) => e.id === c.entryId)?.officer.name ?? "", reason: c.reason })}</li>)}
                  </ul>
                </div>
              ) : null}
              {open && session.isJudge ? (
                <QuickForm action={declareConflictAction} hidden={{ judgeId: "" }} collapsed={t("declareConflict")} tone="secondary" submitLabel={t("declareConflict")} className="mt-3"
                  fields={[
                    { name: "entryId", label: t("entrant"), type: "select", required: true, options: [{ value: "", label: t("chooseEntrant") }, ...session.entries.filter((e) => !recusalOf(session, user.id, e)).map((e) => ({ value: e.id, label: e.officer.name }))] },
                    { name: "reason", label: t("conflictReason"), type: "text", required: true, maxLength: 200 },
                  ]} />
              ) : null}
              {manager && open ? (
                <QuickForm action={addJudgeAction} hidden={{ sessionId: session.id }} collapsed={t("addJudge")} tone="secondary" submitLabel={t("addJudge")} className="mt-3"
                  fields={[{ name: "userId", label: t("person"), type: "select", required: true, options: [{ value: "", label: t("choosePerson") }, ...people.filter((p) => !judgeIds.has(p.id)).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnit.name}）` }))] }]} />
              ) : null}
            </Card>
            {manager && open ? (
              <Card title={t("manage")}>
                <div className="space-y-3">
                  <QuickForm action={addEntryAction} idempotent hidden={{ sessionId: session.id }} collapsed={t("addEntry")} tone="secondary" submitLabel={t("addEntry")}
                    fields={[
                      { name: "officerId", label: t("entrant"), type: "select", required: true, options: [{ value: "", label: t("choosePerson") }, ...people.filter((p) => !entrantIds.has(p.id)).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnit.name}）` }))] },
                      { name: "topic", label: t("topic"), type: "text", required: true, maxLength: 100 },
                      { name: "narrative", label: t("writtenNarrative"), type: "textarea", maxLength: 20000 },
                    ]} />
                  <QuickForm action={closeSessionAction} hidden={{ sessionId: session.id, version: session.version }} collapsed={t("closeSession")} tone="danger" submitLabel={t("confirmClose")} fields={[]}>
                    <p className="text-sm text-slate-700">{t("closeWarning")}</p>
                  </QuickForm>
                </div>
              </Card>
            ) : null}
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
