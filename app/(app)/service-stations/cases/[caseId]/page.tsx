// One case (办件): the enterprise (phone masked), the items with their departments and times,
// the staff, the timeline, what can be done next (start / finish / hand over / cancel), the
// round-tables with each department's seat, and the documents. What is offered comes from
// caseAllows: a case whose programme is not ACTIVE is not moved on, and the page says why.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { formatDateTime } from "@/lib/platform/format/dates";
import { caseAllows } from "@/lib/service-stations/case-rules";
import { caseDepartments, caseStaffOptions, getCaseOrThrow } from "@/lib/service-stations/queries";
import { Badge, Card } from "@/components/ui/card";
import { CaseActions, CaseStatusBadge } from "@/components/service-stations/case-actions";
import { OpenRoundTableForm, RoundTablePanel } from "@/components/service-stations/round-table";
import { CaseDocuments } from "@/components/service-stations/case-documents";
import { StationTabs } from "@/components/service-stations/station-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.cases");
  return { title: t("caseTitle") };
}

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requirePermission("serviceStation.view");
  const { caseId } = await params;
  const c = await loadOrNotFound(user, pageAuditName("/service-stations/cases/[caseId]"), () => getCaseOrThrow(user, caseId));
  const t = await getTranslations("serviceStation.cases");
  const tr = await getTranslations("serviceStation.roundTable");
  const td = await getTranslations("serviceStation.documents");
  const locale = await getLocale();
  const handles = can(user, "serviceStation.case", c);
  const staff = handles ? await caseStaffOptions(user, { orgPath: c.orgPath }) : [];
  const allows = caseAllows(c);
  const disagreed = c.roundTables.some((r) => r.status === "CONCLUDED" && r.opinions.some((o) => o.verdict === "DISAGREE"));
  const when = (d: Date | null) => (d ? formatDateTime(d, locale).slice(0, -3) : "—");
  const usual = c.items.reduce((s, i) => s + i.usualMinutes, 0);
  const standard = c.items.reduce((s, i) => s + i.standardMinutes, 0);
  const timeline: [string, Date | null][] = [
    [t("timeline.created", { name: c.createdBy.name }), c.createdAt],
    ...(c.scheduledAt ? [[t("timeline.scheduled"), c.scheduledAt] as [string, Date]] : []),
    ...(c.startedAt ? [[t("timeline.started"), c.startedAt] as [string, Date]] : []),
    ...c.roundTables.flatMap((r) => [
      [tr("timelineOpened", { topic: r.topic }), r.openedAt] as [string, Date],
      ...(r.concludedAt ? [[tr("timelineConcluded", { topic: r.topic }), r.concludedAt] as [string, Date]] : []),
    ]),
    ...(c.finishedAt ? [[t(c.status === "CANCELLED" ? "timeline.cancelled" : "timeline.finished"), c.finishedAt] as [string, Date]] : []),
  ];
  timeline.sort((a, b) => (a[1]?.getTime() ?? 0) - (b[1]?.getTime() ?? 0));

  return (
    <ClientMessages namespaces={["serviceStation.cases", "serviceStation.documents", "serviceStation.roundTable", "validation.*", "validation.serviceStation.fileTooLarge", "validation.registers", "validation.serviceStation"]}>
      <div className="space-y-4">
        <Link href={`/service-stations/${c.station.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {c.station.name}
        </Link>
        <StationTabs stationId={c.station.id} current="cases" />
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <CaseStatusBadge status={c.status} label={t(`status.${c.status}`)} />
            {c.outcome ? <Badge tone={c.outcome === "COMPLETED" ? "green" : "amber"}>{t(`outcomes.${c.outcome}`)}</Badge> : null}
            <Badge>{t(`channels.${c.channel}`)}</Badge>
            <span className="text-sm tabular-nums text-slate-600">{c.number}</span>
          </div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{c.enterprise.name}</h1>
          <p className="text-sm text-slate-600">{t("staffLine", { name: c.staff.name })}{c.visitorName ? ` · ${t("visitorLine", { name: c.visitorName })}` : ""}</p>
        </div>

        {c.status === "FINISHED" ? (
          <dl className="grid grid-cols-3 gap-2 text-center">
            {([["usualMinutes", c.usualMinutes], ["actualMinutes", c.actualMinutes], ["savedMinutes", c.savedMinutes]] as const).map(([k, v]) => (
              <div key={k} className="rounded-md border border-slate-200 bg-white px-2 py-2">
                <dt className="text-xs text-slate-600">{t(`figures.${k}`)}</dt>
                <dd className={`text-lg font-semibold tabular-nums sm:text-xl ${k === "savedMinutes" && (v ?? 0) > 0 ? "text-emerald-700" : "text-slate-900"}`}>{t("minutes", { n: v ?? 0 })}</dd>
              </div>
            ))}
          </dl>
        ) : null}

        {allows.programmeNotActive ? <p className="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900">{t("programmeNotActive", { programme: c.programme.name })}</p> : null}

        {handles && (c.status === "SCHEDULED" || c.status === "IN_PROGRESS" || c.status === "ROUND_TABLE") ? (
          <Card title={t("nextSteps")}>
            {c.status === "ROUND_TABLE" && !allows.programmeNotActive ? <p className="mb-3 text-sm text-amber-800">{tr("caseWaits")}</p> : null}
            {disagreed && allows.finish ? <p className="mb-3 text-sm text-red-800">{tr("disagreedNote")}</p> : null}
            <CaseActions caseId={c.id} version={c.version} allows={allows} staffId={c.staffId} disagreed={disagreed}
              staffOptions={staff.map((s) => ({ id: s.id, name: s.name, unit: s.orgUnit.name }))} />
          </Card>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-2">
          <Card title={t("enterprise")}>
            <dl className="space-y-1 text-sm">
              <div><dt className="inline text-slate-500">{t("fieldLabel", { label: t("creditCode") })}</dt><dd className="inline tabular-nums">{c.enterprise.creditCode}</dd></div>
              {c.enterprise.address ? <div><dt className="inline text-slate-500">{t("fieldLabel", { label: t("address") })}</dt><dd className="inline">{c.enterprise.address}</dd></div> : null}
              {c.enterprise.contactName || c.enterprise.contactPhone ? (
                <div><dt className="inline text-slate-500">{t("fieldLabel", { label: t("contact") })}</dt><dd className="inline">{[c.enterprise.contactName, c.enterprise.contactPhone].filter(Boolean).join(" ")}</dd></div>
              ) : null}
            </dl>
            {c.request ? <p className="mt-3 whitespace-pre-wrap text-sm text-slate-800">{c.request}</p> : null}
            {c.outcomeNote ? <p className="mt-3 whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-sm text-slate-800">{t("noteLine", { label: c.status === "CANCELLED" ? t("cancelReason") : t("outcomeNote"), note: c.outcomeNote })}</p> : null}
          </Card>

          <Card title={c.bundle ? t("itemsOfBundle", { name: c.bundle.name }) : t("items")}>
            <ul className="divide-y divide-slate-100">
              {c.items.map((i) => (
                <li key={i.itemId} className="py-2 text-sm">
                  <span className="text-slate-900">{i.item.name}</span>
                  <span className="block text-xs text-slate-500">{[i.item.code, i.item.department, t("itemMinutes", { standard: i.standardMinutes, usual: i.usualMinutes })].filter(Boolean).join(" · ")}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-slate-600">{t("itemsTotal", { standard, usual })}</p>
          </Card>
        </div>

        <Card title={tr("title")}>
          <div className="space-y-4">
            {c.roundTables.length === 0 ? <p className="text-sm text-slate-500">{tr("none")}</p> : null}
            {c.roundTables.map((r) => (
              <RoundTablePanel key={r.id} table={r} mayAnswer={allows.answer && can(user, "serviceStation.roundTable", c)} />
            ))}
            {handles && allows.openRoundTable ? <OpenRoundTableForm caseId={c.id} version={c.version} departments={caseDepartments(c)} /> : null}
          </div>
        </Card>

        <Card title={td("title")}>
          <CaseDocuments caseId={c.id} documents={c.documents} mayUpload={handles && c.status !== "CANCELLED"} />
        </Card>

        <Card title={t("timeline.title")}>
          <ol className="space-y-1 text-sm">
            {timeline.map(([label, at], i) => (
              <li key={i} className="flex flex-wrap gap-x-3"><span className="tabular-nums text-slate-500">{when(at)}</span><span className="text-slate-800">{label}</span></li>
            ))}
          </ol>
        </Card>
      </div>
    </ClientMessages>
  );
}
