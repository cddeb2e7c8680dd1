import { now } from "@/lib/platform/clock";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { listPoolMembers, poolCandidates } from "@/lib/mentorship/queries";
import { addPoolMemberAction, changeCapacityAction, changeMemberFlagsAction, changeMemberStatusAction } from "@/lib/mentorship/actions";
import { MEMBER_STATUSES } from "@/lib/mentorship/schemas";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { MentorshipHeader } from "@/components/mentorship/programme-header";
import { QuickForm } from "@/components/forms/quick-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("tabs.pools") };
}

const STATUS_TONES = { ACTIVE: "green", PAUSED: "amber", GRADUATED: "blue", REMOVED: "slate" } as const;

export default async function PoolsPage({ params }: { params: Promise<{ programmeId: string }> }) {
  const user = await requirePermission("mentorship.manage");
  const { programmeId } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]/pools"), () => getMentorshipProgramme(user, programmeId));
  const t = await getTranslations("mentorship");
  const today = shanghaiDate(now());
  const active = programme.status === "ACTIVE";
  const pools = await Promise.all((["MENTOR", "TRAINEE"] as const).map(async (pool) => ({
    pool,
    members: await listPoolMembers(user, programme.id, pool),
    candidates: active ? await poolCandidates(user, programme.id, pool) : [],
  })));
  const canManageMentors = can(user, "mentorship.manage", programme);

  return (
    <div className="space-y-4">
      <MentorshipHeader user={user} programme={programme} current="pools" />
      {pools.map(({ pool, members, candidates }) => (
        <Card key={pool} title={t(`pool.${pool}`, { count: members.filter((m) => m.status === "ACTIVE").length })}>
          {active && candidates.length > 0 && (pool === "TRAINEE" || canManageMentors) ? (
            <QuickForm action={addPoolMemberAction} idempotent collapsed={t(`addTo.${pool}`)} submitLabel={t("addMember")} className="mb-4" hidden={{ programmeId: programme.id, pool }}
              fields={[
                { name: "userId", label: t("person"), type: "select", required: true, options: [{ value: "", label: t("choosePerson") }, ...candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.orgUnit.name}）` }))] },
                { name: "lineOfWork", label: t("lineOfWork"), type: "text", maxLength: 40, hint: t("lineOfWorkHint") },
                ...(pool === "MENTOR" ? [{ name: "capacity", label: t("capacity"), type: "number" as const, min: 1, max: 50, hint: t("capacityHint", { count: programme.settings.defaultCapacity }) }] : []),
                { name: "joinedOn", label: t("joinedOn"), type: "date", required: true, defaultValue: today },
                { name: "reason", label: t("reason"), type: "text", required: true, maxLength: 200 },
              ]} />
          ) : null}
          {members.length === 0 ? (
            <EmptyState>{t("poolEmpty")}</EmptyState>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {members.map((m) => (
                <li key={m.id} className="rounded-md border border-slate-200 p-3" data-testid="pool-member">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{m.user.name}</span>
                    <Badge tone={STATUS_TONES[m.status]}>{t(`memberStatus.${m.status}`)}</Badge>
                    {m.priorityPromotion ? <Badge tone="red">{t("priorityPromotion")}</Badge> : null}
                    {m.reserveCadre ? <Badge tone="blue">{t("reserveCadre")}</Badge> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {m.user.orgUnit.name}{m.lineOfWork ? ` · ${m.lineOfWork}` : ""} · {t("joined", { date: formatCalendarDate(m.joinedOn) })}
                  </p>
                  {pool === "MENTOR" ? <p className="text-sm text-slate-700">{t("load", { active: m.activeTrainees, capacity: m.capacity ?? "∞" })}</p> : <p className="text-sm text-slate-700">{m.activeTrainees ? t("pairedNow") : t("notPaired")}</p>}
                  {m.reserveCadre && m.reserveNote ? <p className="text-sm text-slate-700">{t("reserveNote", { note: m.reserveNote })}</p> : null}
                  {active ? (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <QuickForm action={changeMemberStatusAction} collapsed={t("adjust")} submitLabel={t("saveAdjust")} tone="secondary" hidden={{ memberId: m.id, version: m.version }} className="w-full sm:w-auto"
                        fields={[
                          { name: "toStatus", label: t("newStatus"), type: "select", options: MEMBER_STATUSES.filter((s) => s !== m.status).map((s) => ({ value: s, label: t(`memberStatus.${s}`) })), defaultValue: MEMBER_STATUSES.find((s) => s !== m.status) },
                          { name: "effectiveOn", label: t("effectiveOn"), type: "date", required: true, defaultValue: today },
                          { name: "reason", label: t("reason"), type: "text", required: true, maxLength: 200 },
                        ]} />
                      {pool === "TRAINEE" ? (
                        <QuickForm action={changeMemberFlagsAction} collapsed={t("flags")} submitLabel={t("saveFlags")} tone="secondary" hidden={{ memberId: m.id, version: m.version }} className="w-full sm:w-auto"
                          fields={[
                            { name: "priorityPromotion", label: t("priorityPromotion"), type: "checkbox", defaultValue: m.priorityPromotion },
                            { name: "reserveCadre", label: t("reserveCadre"), type: "checkbox", defaultValue: m.reserveCadre },
                            { name: "reserveNote", label: t("reserveNoteLabel"), type: "text", maxLength: 200, defaultValue: m.reserveNote ?? "" },
                            { name: "reason", label: t("reason"), type: "text", required: true, maxLength: 200 },
                          ]} />
                      ) : (
                        <QuickForm action={changeCapacityAction} collapsed={t("changeCapacity")} submitLabel={t("save")} tone="secondary" hidden={{ memberId: m.id, version: m.version }} className="w-full sm:w-auto"
                          fields={[
                            { name: "capacity", label: t("capacity"), type: "number", min: 1, max: 50, required: true, defaultValue: String(m.capacity ?? "") },
                            { name: "reason", label: t("reason"), type: "text", required: true, maxLength: 200 },
                          ]} />
                      )}
                    </div>
                  ) : null}
                  {m.changes.length ? (
                    <details className="mt-2 text-sm">
                      <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{t("history", { count: m.changes.length })}</summary>
                      <ol className="space-y-1 border-l-2 border-slate-200 pl-3">
                        {m.changes.map((c) => (
                          <li key={c.id}>
                            <span className="tabular-nums text-slate-500">{formatCalendarDate(c.effectiveOn)}</span>{" "}
                            <span className="font-medium text-slate-800">
                              {c.kind === "STATUS" && c.fromStatus && c.toStatus ? t("change.STATUS", { from: t(`memberStatus.${c.fromStatus}`), to: t(`memberStatus.${c.toStatus}`) }) : t(`change.${c.kind}`)}
                            </span>
                            <span className="text-slate-700">：{c.reason}</span>
                            <span className="text-slate-500">（{c.decidedBy.name}）</span>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </div>
  );
}
