import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { allowedTransitions, canAssign, mayConfirmAsManager } from "@/lib/problems/authority";
import { decodeConfirmationNote } from "@/lib/problems/mutations";
import { assigneeOptions, escalationTargets, getProblemOrThrow, problemTimeline } from "@/lib/problems/queries";
import { UNRESOLVED_STATUSES } from "@/lib/problems/transitions";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Card, Badge } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ProblemStatusBadge } from "@/components/problems/status-badge";
import { ProblemActions } from "@/components/problems/problem-actions";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("problems");
  return { title: t("detailTitle") };
}

export default async function ProblemDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("problem.view");
  const { id } = await params;
  const problem = await loadOrNotFound(user, pageAuditName("/problems/[id]"), () => getProblemOrThrow(user, id));
  const t = await getTranslations("problems");
  const tv = await getTranslations("visits");
  const locale = await getLocale();
  const moves = allowedTransitions(user, problem);
  const [timeline, departments, assignees] = await Promise.all([
    problemTimeline(problem.id),
    moves.some((m) => m.needs === "escalation") ? escalationTargets(problem.orgUnit.path) : Promise.resolve([]),
    canAssign(user, problem) ? assigneeOptions(user) : Promise.resolve(null),
  ]);
  const overdue = !!problem.dueDate && formatCalendarDate(problem.dueDate) < todayInShanghai() && (UNRESOLVED_STATUSES as readonly string[]).includes(problem.status);
  const visit = problem.visit;

  return (
    <ClientMessages namespaces={["problems", "field.resolve.forms"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href="/problems" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("backToList")}
        </Link>

        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <ProblemStatusBadge status={problem.status} label={t(`status.${problem.status}`)} />
            {overdue ? <Badge tone="red">{t("overdueBadge")}</Badge> : null}
            {problem.category ? <Badge>{problem.category}</Badge> : null}
            <span className="text-sm text-slate-500">{problem.orgUnit.name}</span>
          </div>
          <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">{problem.title}</h1>
          {problem.viaDepartment && problem.escalatedTo ? <Alert tone="info">{t("viaDepartment", { unit: problem.escalatedTo.name, org: problem.orgUnit.name })}</Alert> : null}
        </div>

        <Card title={t("actions")}>
          <ProblemActions
            problemId={problem.id}
            userId={user.id}
            title={problem.title}
            version={problem.version}
            moves={moves.map((m) => ({ to: m.to, needs: m.needs }))}
            departments={departments.map((d) => ({ id: d.id, name: d.name }))}
            mayConfirmAsManager={mayConfirmAsManager(user)}
            assign={assignees ? { options: assignees.map((a) => ({ id: a.id, name: a.name, orgName: a.orgUnit.name })), current: problem.assigneeId ?? "" } : null}
          />
        </Card>

        <Card title={t("details")}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            {problem.description ? (
              <>
                <dt className="text-slate-500">{t("description")}</dt>
                <dd className="-mt-2 whitespace-pre-wrap break-words text-slate-900 sm:mt-0">{problem.description}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t("campaign")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{problem.programme?.name ?? "—"}</dd>
            <dt className="text-slate-500">{t("dueDate")}</dt>
            <dd className="-mt-2 tabular-nums text-slate-900 sm:mt-0">{problem.dueDate ? formatDueDate(problem.dueDate, locale) : t("noDueDate")}</dd>
            <dt className="text-slate-500">{t("assignee")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{problem.assignee?.name ?? t("unassigned")}</dd>
            {problem.escalatedTo ? (
              <>
                <dt className="text-slate-500">{t("department")}</dt>
                <dd className="-mt-2 text-slate-900 sm:mt-0">
                  {problem.escalatedTo.name}
                  {problem.escalationReason ? <span className="block text-slate-600">{problem.escalationReason}</span> : null}
                </dd>
              </>
            ) : null}
            {problem.resolution ? (
              <>
                <dt className="text-slate-500">{t("resolution")}</dt>
                <dd className="-mt-2 whitespace-pre-wrap break-words text-slate-900 sm:mt-0">{problem.resolution}</dd>
              </>
            ) : null}
            {visit ? (
              <>
                <dt className="text-slate-500">{t("fromVisit")}</dt>
                <dd className="-mt-2 sm:mt-0">
                  {problem.viaDepartment ? (
                    <span className="text-slate-900">{visit.household?.headName ?? visit.enterprise?.name} · {visit.officer.name}</span>
                  ) : (
                    <Link href={`/visits/${visit.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
                      {visit.household?.headName ?? visit.enterprise?.name} · {tv(`kinds.${visit.kind}`)} · {formatDateTime(visit.visitedAt, locale)} · {visit.officer.name}
                    </Link>
                  )}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card title={t("timeline")}>
          <ol className="relative space-y-4 border-l-2 border-slate-200 pl-4">
            {timeline.map((e) => {
              const { source, note } = e.toStatus === "CONFIRMED" ? decodeConfirmationNote(e.note) : { source: null, note: e.note };
              return (
                <li key={e.id} className="relative">
                  <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-700" />
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <ProblemStatusBadge status={e.toStatus} label={t(`status.${e.toStatus}`)} />
                    <span className="font-medium text-slate-900">{e.actorName}</span>
                    <time dateTime={e.at.toISOString()} className="tabular-nums text-slate-500">{formatDateTime(e.at, locale)}</time>
                  </p>
                  {source ? <p className="mt-1 text-sm text-slate-700">{t(`confirmation.${source}`)}</p> : null}
                  {note ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{note}</p> : null}
                </li>
              );
            })}
          </ol>
        </Card>
      </div>
    </ClientMessages>
  );
}
