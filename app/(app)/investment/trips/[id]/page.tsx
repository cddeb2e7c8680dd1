import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { getTripOrThrow, mayRecordFor } from "@/lib/investment/queries";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export default async function TripPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const trip = await loadOrNotFound(user, pageAuditName("/investment/trips/[id]"), async () => getTripOrThrow(user, (await params).id));
  const mayRecord = mayRecordFor(user, trip.taskForce);
  const dates = `${formatCalendarDate(trip.startDate)}${trip.endDate > trip.startDate ? ` — ${formatCalendarDate(trip.endDate)}` : ""}`;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={`${t("trip")} · ${trip.destinationCity}`} description={`${trip.taskForce.name} · ${dates}`}
        actions={<LinkButton href={`/investment/trips?programme=${trip.programmeId}`} variant="secondary">{t("back")}</LinkButton>} />
      {(await searchParams).created ? <Alert tone="success">{t("tripCreated")}</Alert> : null}
      <Card title={t("participants")}>
        <p className="text-sm text-slate-700">{trip.participants.map((p) => `${p.user.name}（${p.user.orgUnit.name}）`).join("、") || t("none")}</p>
        {trip.notes ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-600">{trip.notes}</p> : null}
      </Card>
      <Card title={`${t("meetings")}（${trip.meetings.length}）`}>
        <ul className="-my-2 divide-y divide-slate-100">
          {trip.meetings.map((m) => (
            <li key={m.id} className="space-y-1 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={m.enterprise ? "blue" : "amber"}>{t(`meetingKind.${m.enterprise ? "ENTERPRISE" : "PROSPECT"}`)}</Badge>
                {m.enterprise ? <Link className="font-medium text-brand-800 underline" href={`/registers/enterprises/${m.enterprise.id}`}>{m.enterprise.name}</Link>
                  : m.prospect ? <Link className="font-medium text-brand-800 underline" href={`/investment/prospects/${m.prospect.id}`}>{m.prospect.name}</Link> : null}
                {m.prospect?.city ? <span className="text-sm text-slate-500">{m.prospect.city}</span> : null}
              </div>
              {m.notes ? <p className="text-sm text-slate-600">{m.notes}</p> : null}
              <div className="flex flex-wrap items-center gap-2">
                {m.leads.map((l) => <Link key={l.id} href={`/investment/leads/${l.id}`} className="text-sm text-brand-800 underline">{t("leadOfMeeting", { title: l.title })} · {t(`stage.${l.stage}`)}</Link>)}
                {mayRecord && m.leads.length === 0 ? <LinkButton size="sm" variant="secondary" href={`/investment/leads/new?meeting=${m.id}&programme=${trip.programmeId}`}>{t("createLeadFromMeeting")}</LinkButton> : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
