import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { formatAmount } from "@/lib/platform/money";
import { getLeadOrThrow, leadTimeline, mayRecordFor } from "@/lib/investment/queries";
import { leadStagesFrom } from "@/lib/investment/stages";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { LeadActions } from "@/components/investment/lead-actions";
import { StageBadge } from "@/components/investment/stage-badge";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function LeadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const lead = await loadOrNotFound(user, pageAuditName("/investment/leads/[id]"), async () => getLeadOrThrow(user, (await params).id));
  const timeline = await leadTimeline(lead.id);
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  const mine = mayRecordFor(user, lead.taskForce);
  const moves = mine && lead.programme.status !== "CLOSED" ? leadStagesFrom(lead.stage) : [];
  const loc = await getLocale();
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1.5 text-sm sm:grid-cols-[9rem_1fr]"><dt className="text-slate-500">{label}</dt><dd className="min-w-0 text-slate-900">{value}</dd></div>
  );
  return (
    <ClientMessages namespaces={["investment"]}>
      <div className="max-w-3xl space-y-4">
        <PageHeader title={lead.title} description={`${lead.taskForce.name} · ${lead.programme.name}`}
          actions={<LinkButton href={`/investment/leads?programme=${lead.programme.id}`} variant="secondary">{t("back")}</LinkButton>} />
        {(await searchParams).created ? <Alert tone="success">{t("saved")}</Alert> : null}
        <Card title={<span className="flex items-center gap-2">{t("lead")} <StageBadge stage={lead.stage} label={t(`stage.${lead.stage}`)} /></span>}>
          <dl className="divide-y divide-slate-100">
            {row(t("enterprise"), lead.enterprise ? <Link className="text-brand-800 underline" href={`/registers/enterprises/${lead.enterprise.id}`}>{lead.enterprise.name}</Link>
              : lead.prospect ? <Link className="text-brand-800 underline" href={`/investment/prospects/${lead.prospect.id}`}>{lead.prospect.name}（{t("prospect")}）</Link> : "—")}
            {row(t("sector"), lead.sector || "—")}
            {row(t("plannedAmount"), formatAmount(lead.plannedInvestmentWan, labels))}
            {lead.signedOn ? row(t("signedOn"), formatCalendarDate(lead.signedOn)) : null}
            {lead.signedAmountWan ? row(t("signedAmount"), <strong>{formatAmount(lead.signedAmountWan, labels)}</strong>) : null}
            {lead.contractNo ? row(t("contractNo"), lead.contractNo) : null}
            {lead.landedOn ? row(t("landedOn"), formatCalendarDate(lead.landedOn)) : null}
            {lead.lostReason ? row(t("lostReason"), lead.lostReason) : null}
            {lead.tripMeeting ? row(t("source"), <Link className="text-brand-800 underline" href={`/investment/trips/${lead.tripMeeting.trip.id}`}>{t("fromTrip", { city: lead.tripMeeting.trip.destinationCity, date: formatCalendarDate(lead.tripMeeting.trip.startDate) })}</Link>) : null}
            {row(t("owner"), lead.owner.name)}
          </dl>
        </Card>
        <Card title={t("actions")}>
          {mine ? <LeadActions leadId={lead.id} version={lead.version} moves={moves} today={todayInShanghai()} /> : <p className="text-sm text-slate-600">{t("readOnlyShared")}</p>}
        </Card>
        <Card title={t("timeline")}>
          <ol className="space-y-2">
            {timeline.map((e) => (
              <li key={e.id} className="text-sm">
                <span className="font-medium text-slate-900">{t(`stage.${e.toStage}`)}</span>
                <span className="text-slate-500"> · {e.actorName} · {formatDateTime(e.at, loc)}</span>
                {e.note ? <p className="whitespace-pre-wrap text-slate-600">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </ClientMessages>
  );
}
