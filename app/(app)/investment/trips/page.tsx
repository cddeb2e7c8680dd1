import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ignoredChoice } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listTrips, recordableTaskForces } from "@/lib/investment/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { InvestmentNav, ProgrammeSwitch } from "@/components/investment/sub-nav";
import { ExportLink } from "@/components/dashboards/export-link";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("trips") };
}

export default async function TripsPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const requested = (await searchParams).programme;
  const { all, chosen } = await pickProgramme(investmentKind, user, requested);
  if (!chosen) return <><PageHeader title={t("trips")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  const [trips, recordable] = await Promise.all([listTrips(user, { programmeId: chosen.id }), recordableTaskForces(user, chosen.id)]);
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("trips")} description={t("tripsIntro")}
        actions={<div className="flex flex-wrap gap-2">
          {can(user, "report.export") ? <ExportLink href={`/api/exports/trips?programme=${chosen.id}`} label={t("exportButton")} /> : null}
          {can(user, "investment.record") && recordable.length ? <LinkButton href={`/investment/trips/new?programme=${chosen.id}`}>{t("newTrip")}</LinkButton> : null}
        </div>} />
      <IgnoredFilters ignored={ignoredChoice("programme", requested, chosen.id)} labels={{ programme: t("programme") }} />
      <ProgrammeSwitch all={all} current={chosen.id} base="/investment/trips" label={t("programme")} />
      <InvestmentNav current="trips" programmeId={chosen.id} />
      {trips.length === 0 ? <EmptyState>{t("emptyTrips")}</EmptyState> : (
        <Card>
          <ul className="-my-2 divide-y divide-slate-100">
            {trips.map((trip) => (
              <li key={trip.id}>
                <Link href={`/investment/trips/${trip.id}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 hover:bg-slate-50">
                  <span className="font-medium text-slate-900">{trip.destinationCity} · {trip.taskForce.name}</span>
                  <span className="text-sm text-slate-600">
                    {formatCalendarDate(trip.startDate)}{trip.endDate > trip.startDate ? ` — ${formatCalendarDate(trip.endDate)}` : ""} · {t("meetingCount", { n: trip._count.meetings })} · {t("people", { n: trip._count.participants })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
