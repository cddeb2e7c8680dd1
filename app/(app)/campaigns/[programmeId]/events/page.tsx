import { now } from "@/lib/platform/clock";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getCampaignOrThrow, eventUnitOptions } from "@/lib/visits/campaigns/queries";
import { listCampaignEvents } from "@/lib/events/queries";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Card, EmptyState, Badge } from "@/components/ui/card";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { EventForm } from "@/components/campaigns/event-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("events.title") };
}

/** `?outbox=<id>`: an event the server refused after it was recorded offline, opened to fix (issue 16). */
export default async function CampaignEventsPage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<{ outbox?: string | string[] }> }) {
  const user = await requirePermission("event.view");
  const { programmeId } = await params;
  const { outbox } = await searchParams;
  const campaign = await loadOrNotFound(user, pageAuditName("/campaigns/[programmeId]/events"), () => getCampaignOrThrow(user, programmeId));
  const [{ rows, total }, units] = await Promise.all([
    listCampaignEvents(user, campaign.id),
    can(user, "event.create") && campaign.status === "ACTIVE" ? eventUnitOptions(user, campaign.id) : Promise.resolve([]),
  ]);
  const t = await getTranslations("campaigns");
  const nf = new Intl.NumberFormat(await getLocale());
  const today = shanghaiDate(now());
  const defaultDate = today < campaign.startDay ? campaign.startDay : today > campaign.endDay ? campaign.endDay : today;

  return (
    <ClientMessages namespaces={["campaigns", "validation.*", "field.resolve.forms"]}>
      <div className="space-y-4">
        <CampaignHeader user={user} campaign={campaign} current="events" />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
          <Card title={t("events.list", { count: total })}>
            {rows.length === 0 ? (
              <EmptyState>{t("events.empty")}</EmptyState>
            ) : (
              <ul className="-my-2 divide-y divide-slate-100">
                {rows.map((e) => (
                  <li key={e.id} className="py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="blue">{t(`eventTypes.${e.type}`)}</Badge>
                      <span className="font-medium text-slate-900">{e.title}</span>
                    </div>
                    <p className="mt-1 text-sm text-slate-600">
                      <span className="tabular-nums">{formatCalendarDate(e.heldOn)}</span> · {e.orgUnit.name} · {t("events.organiser", { name: e.organiser.name })} · {t("events.participantsCount", { count: nf.format(e.participants) })}
                    </p>
                    {e.notes ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{e.notes}</p> : null}
                  </li>
                ))}
              </ul>
            )}
            {total > rows.length ? <p className="mt-3 text-xs text-slate-500">{t("events.truncated", { shown: rows.length, total })}</p> : null}
          </Card>
          {can(user, "event.create") ? (
            <Card title={t("events.new")}>
              {campaign.status !== "ACTIVE" ? (
                <p className="text-sm text-slate-600">{t("events.notActive")}</p>
              ) : units.length === 0 ? (
                <p className="text-sm text-slate-600">{t("events.noUnits")}</p>
              ) : (
                <EventForm
                  programmeId={campaign.id} units={units} defaultDate={defaultDate} minDate={campaign.startDay} maxDate={campaign.endDay}
                  userId={user.id} outboxItemId={typeof outbox === "string" ? outbox : undefined}
                />
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </ClientMessages>
  );
}
