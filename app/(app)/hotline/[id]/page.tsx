import { now as clockNow } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { formatDeadline } from "@/lib/platform/format/deadline";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { allowedMoves, mayChase, mayDecideExtension, mayRequestExtension } from "@/lib/hotline/authority";
import { clocksOf, isBreached } from "@/lib/hotline/clocks";
import { unconfirmedClockYears } from "@/lib/platform/calendar/confirmation";
import { departmentOptions, getRequestOrThrow, requestTimeline, serviceOfficerOptions } from "@/lib/hotline/queries";
import { parseHotlineSettings } from "@/lib/hotline/settings";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { ClockList } from "@/components/hotline/clock-list";
import { RequestActions } from "@/components/hotline/request-actions";
import { RequestStatusBadge } from "@/components/hotline/status-badge";
import { RequestTimeline } from "@/components/hotline/request-timeline";
import { EnterpriseLink } from "@/components/hotline/enterprise-link";
import { matchEnterprise } from "@/lib/hotline/enterprise-match";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Unmask } from "@/components/ui/unmask";
import { unmaskCallerPhoneAction } from "@/lib/hotline/actions";

export async function generateMetadata() {
  const t = await getTranslations("hotline");
  return { title: t("detailTitle") };
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("request.view");
  const { id } = await params;
  const r = await loadOrNotFound(user, pageAuditName("/hotline/[id]"), () => getRequestOrThrow(user, id));
  const t = await getTranslations("hotline");
  const locale = await getLocale();
  const now = clockNow();
  const settings = parseHotlineSettings(r.programme.settings);
  const moves = [...new Set(allowedMoves(user, r).map((m) => m.kind))];
  const assigning = moves.includes("assign") || moves.includes("reassign");
  const departments = assigning ? await departmentOptions(r.orgUnit.path) : [];
  const [officers, timeline, unconfirmedYears] = await Promise.all([
    assigning ? serviceOfficerOptions(user, departments) : Promise.resolve([]),
    requestTimeline(r.id),
    unconfirmedClockYears(r),
  ]);
  const tNewYear = await getTranslations("newYear");
  // Masked to everyone, as the registers' phones: a holder of "personalData.unmask" asks for the
  // full number (audited), so it is never sent with the page.
  const unmask = can(user, "personalData.unmask", r) ? unmaskCallerPhoneAction : undefined;
  const time = (d: Date) => formatDateTime(d, locale).slice(0, -3);
  const decider = mayDecideExtension(user, r);
  const pendingExtensions = decider
    ? r.extensions.filter((e) => e.status === "PENDING" && e.requestedById !== user.id).map((e) => ({ id: e.id, line: t("extensionLine", { name: e.requestedBy.name, time: formatDeadline(e.proposedDueAt, locale, now), reason: e.reason }) }))
    : [];
  const minExtension = toShanghaiLocal(new Date(Math.max(r.respondDueAt.getTime(), now.getTime()) + 24 * 3600_000));
  const enterpriseName = r.enterprise?.name ?? r.enterpriseName;
  // Not in the register as typed: the operator sees the register's likely match and links it.
  const linking = !r.enterprise && r.status !== "MERGED" && can(user, "request.intake", r);
  const match = linking && r.enterpriseName ? await matchEnterprise({ name: r.enterpriseName, scopePath: r.orgUnit.path }) : { kind: "none" as const };
  const suggestions = (match.kind === "linked" ? [match.enterprise] : match.kind === "suggested" ? match.candidates : []).map((e) => ({ id: e.id, label: e.name, detail: e.creditCode }));

  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="-mt-2 break-words text-slate-900 sm:mt-0">{value}</dd>
    </>
  );

  return (
    <ClientMessages namespaces={["hotline", "field.workSet.search"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href="/hotline" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("backToList")}
        </Link>

        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <RequestStatusBadge status={r.status} label={t(`status.${r.status}`)} />
            {isBreached(r, now) ? <Badge tone="red">{t("breachedBadge")}</Badge> : null}
            {r.urgency === "URGENT" ? <Badge tone="red">{t("urgentBadge")}</Badge> : null}
            <Badge>{r.category}</Badge>
            {r.reopenCount ? <Badge tone="amber">{t("reopenedTimes", { count: r.reopenCount })}</Badge> : null}
            <span className="text-sm tabular-nums text-slate-500" data-testid="request-number">{r.number}</span>
          </div>
          <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">
            {r.enterprise && !r.viaDepartment ? <Link href={`/registers/enterprises/${r.enterprise.id}`} className="hover:underline">{enterpriseName}</Link> : enterpriseName}
          </h1>
          <p className="whitespace-pre-wrap break-words text-slate-800">{r.description}</p>
          {r.viaDepartment && r.leadDepartment ? <Alert tone="info">{t("viaDepartment", { unit: r.leadDepartment.name, org: r.orgUnit.name })}</Alert> : null}
          {r.mergedInto ? <Alert tone="info"><Link href={`/hotline/${r.mergedInto.id}`} className="underline">{t("mergedInto", { number: r.mergedInto.number })}</Link></Alert> : null}
        </div>

        <Card title={t("clock.title")}>
          <ClockList clocks={clocksOf(r, now)} />
          <p className="mt-2 text-xs text-slate-500">{t("clock.legend", { cutoff: settings.cutoff })}</p>
          {unconfirmedYears.length > 0 ? (
            <p className="mt-2 text-xs text-amber-800" data-testid="calendar-unconfirmed">
              {tNewYear("hotlineCalendarUnconfirmed", { years: unconfirmedYears.join("、") })}
            </p>
          ) : null}
        </Card>

        <Card title={t("actions")}>
          <RequestActions
            requestId={r.id}
            version={r.version}
            moves={moves}
            canChase={mayChase(user, r)}
            canRequestExtension={mayRequestExtension(user, r) && !r.extensions.some((e) => e.status === "PENDING")}
            departments={departments.map((d) => ({ id: d.id, name: d.name }))}
            officers={officers.map((o) => ({ id: o.id, name: o.name, orgName: o.orgUnit.name }))}
            current={{ leadDepartmentId: r.leadDepartmentId ?? "", assigneeId: r.assigneeId ?? "", coHandlerIds: r.coHandlers.map((c) => c.orgUnit.id) }}
            pendingExtensions={pendingExtensions}
            minExtension={minExtension}
          />
        </Card>

        <Card title={t("details")}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            {row(t("caller"), <>{r.callerName} <Unmask id={r.id} masked={maskPhone(r.callerPhone)} unmask={unmask} /></>)}
            {row(t("receivedAt"), <span className="tabular-nums">{time(r.receivedAt)} · {t(`channel.${r.channel}`)}{r.receivedBy ? ` · ${r.receivedBy.name}` : ""}</span>)}
            {row(t("programme"), r.programme.name)}
            {row(t("leadDepartment"), r.leadDepartment?.name ?? t("unassigned"))}
            {row(t("assignee"), r.assignee ? `${r.assignee.name}（${r.assignee.orgUnit.name}）` : "—")}
            {r.coHandlers.length ? row(t("coHandlers"), r.coHandlers.map((c) => c.orgUnit.name).join("、")) : null}
            {r.enterprise ? row(t("creditCode"), <span className="font-mono">{r.enterprise.creditCode}</span>)
              : linking ? row(t("enterprise"), <EnterpriseLink requestId={r.id} version={r.version} enterpriseName={r.enterpriseName} suggestions={suggestions} />)
              : row(t("enterprise"), `${r.enterpriseName} ${t("enterpriseNotRegistered")}`)}
            {r.visit && !r.viaDepartment ? row(t("fromVisit"), <Link href={`/visits/${r.visit.id}`} className="text-brand-700 hover:underline">{time(r.visit.visitedAt)}</Link>) : null}
            {r.response ? row(t("response"), <span className="whitespace-pre-wrap">{r.response}</span>) : null}
            {r.resolution ? row(t("resolution"), <span className="whitespace-pre-wrap">{r.resolution}</span>) : null}
            {r.satisfaction ? row(t("satisfaction"), t("satisfactionValue", { value: r.satisfaction })) : null}
            {r.feedbackComment ? row(t("feedbackComment"), r.feedbackComment) : null}
          </dl>
        </Card>

        {r.mergedFrom.length ? (
          <Card title={t("mergedFrom")}>
            <ul className="space-y-2 text-sm">
              {r.mergedFrom.map((m) => (
                <li key={m.id}>
                  <Link href={`/hotline/${m.id}`} className="text-brand-700 hover:underline">{t("mergedFromLine", { number: m.number, caller: m.callerName, phone: maskPhone(m.callerPhone), time: time(m.receivedAt) })}</Link>
                  <p className="line-clamp-2 text-slate-600">{m.description}</p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {r.extensions.length ? (
          <Card title={t("extensions")}>
            <ul className="space-y-2 text-sm">
              {r.extensions.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center gap-2">
                  <Badge tone={e.status === "APPROVED" ? "green" : e.status === "REJECTED" ? "red" : "amber"}>{t(`extensionStatus.${e.status}`)}</Badge>
                  <span>{t("extensionLine", { name: e.requestedBy.name, time: formatDeadline(e.proposedDueAt, locale, now), reason: e.reason })}</span>
                  {e.decidedBy ? <span className="text-slate-500">— {e.decidedBy.name}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card title={t("timeline")}>
          <RequestTimeline events={timeline} showActors />
        </Card>
      </div>
    </ClientMessages>
  );
}
