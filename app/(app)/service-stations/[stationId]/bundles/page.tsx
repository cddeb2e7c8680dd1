// A station's "一类事" bundles: each with its items in order, the departments it needs (its items'
// distinct departments) and the sum of its items' standard and usual times.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { listBundles } from "@/lib/service-stations/catalogue";
import { getStationOrThrow } from "@/lib/service-stations/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { StationTabs } from "@/components/service-stations/station-tabs";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.bundles");
  return { title: t("title") };
}

export default async function BundlesPage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requirePermission("serviceStation.view");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/bundles"), () => getStationOrThrow(user, stationId));
  const t = await getTranslations("serviceStation.bundles");
  const tc = await getTranslations("serviceStation.catalogue");
  const configure = can(user, "serviceStation.configure", station);
  const bundles = await listBundles(user, station.id, { activeOnly: !configure });
  const base = `/service-stations/${station.id}/bundles`;
  return (
    <div className="space-y-4">
      <Link href="/service-stations" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {tc("allStations")}
      </Link>
      <PageHeader
        title={station.name}
        description={`${t("title")} · ${t("count", { count: bundles.length })}`}
        actions={configure ? <LinkButton href={`${base}/new`}>{t("newBundle")}</LinkButton> : null}
      />
      <StationTabs stationId={station.id} current="bundles" />
      {bundles.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {bundles.map((b) => (
            <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h2 className="break-words text-base font-semibold text-slate-900">
                    {b.name} {b.active ? null : <Badge tone="amber">{t("inactive")}</Badge>}
                  </h2>
                  <p className="text-xs text-slate-500">{b.code}</p>
                </div>
                {configure ? <Link href={`${base}/${b.id}/edit`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline" aria-label={t("editNamed", { name: b.name })}>{t("edit")}</Link> : null}
              </div>
              {b.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{b.description}</p> : null}
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">{t("departments")}</dt>
                <dd className="flex flex-wrap gap-1">{b.departments.length ? b.departments.map((d) => <Badge key={d} tone="blue">{d}</Badge>) : "—"}</dd>
                <dt className="text-slate-500">{t("time")}</dt>
                <dd className="tabular-nums">{t("times", { standard: b.standardMinutes, usual: b.usualMinutes, saved: b.usualMinutes - b.standardMinutes })}</dd>
              </dl>
              <ol className="mt-2 space-y-1 border-t border-slate-100 pt-2 text-sm">
                {b.items.map((i, n) => (
                  <li key={i.id} className="flex gap-2">
                    <span className="w-5 shrink-0 text-right text-slate-500 tabular-nums">{n + 1}.</span>
                    <span className="min-w-0">
                      <span className={i.active ? "text-slate-900" : "text-slate-500 line-through"}>{i.name}</span>
                      <span className="block text-xs text-slate-500">{tc(`kindShort.${i.kind}`)}{i.department ? ` · ${i.department}` : ""} · {tc("minutesPair", { standard: i.standardMinutes, usual: i.usualMinutes })}</span>
                    </span>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
