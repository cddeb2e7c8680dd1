// 增值服务驿站: the stations the user sees, each with the cases registered today (any status:
// an appointment for later counts too — 办件 elsewhere means finished ones), the cases still open and
// the round-tables waiting for answers, one tap from its case list. Even a single station is
// listed (not redirected to), so the page always says where the figures come from.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { stationOverview } from "@/lib/service-stations/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("serviceStation");
  return { title: t("title") };
}

export default async function ServiceStationsPage() {
  const user = await requirePermission("serviceStation.view");
  const t = await getTranslations("serviceStation.landing");
  const tTitle = await getTranslations("serviceStation");
  const stations = await stationOverview(user);
  return (
    <div className="space-y-4">
      <PageHeader
        title={tTitle("title")}
        description={t("intro")}
        actions={can(user, "serviceStation.configure") ? <LinkButton href="/service-stations/stations/new" variant="secondary">{t("newStation")}</LinkButton> : null}
      />
      {stations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {stations.map((s) => {
            const mayCreate = s.active && s.programme.status === "ACTIVE" && can(user, "serviceStation.case", { orgPath: s.orgUnit.path });
            return (
              <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-base font-semibold text-slate-900">
                    <Link href={`/service-stations/${s.id}`} className="hover:text-brand-700 hover:underline">{s.name}</Link>
                  </h2>
                  {!s.active ? <Badge>{t("inactive")}</Badge> : null}
                  {s.programme.status !== "ACTIVE" ? <Badge tone="amber">{t("programmeNotActive")}</Badge> : null}
                </div>
                <p className="mt-0.5 text-sm text-slate-600">{[s.orgUnit.name, s.address, s.hours].filter(Boolean).join(" · ")}</p>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                  {([["todayCases", s.todayCases], ["openCases", s.openCases], ["waitingRoundTables", s.waitingRoundTables]] as const).map(([k, n]) => (
                    <div key={k} className="rounded-md bg-slate-50 px-2 py-2">
                      <dt className="text-xs text-slate-600">{t(`figures.${k}`)}</dt>
                      <dd className={`text-xl font-semibold tabular-nums ${k === "waitingRoundTables" && n > 0 ? "text-amber-700" : "text-slate-900"}`}>{n}</dd>
                    </div>
                  ))}
                </dl>
                <div className="mt-3 flex flex-wrap gap-2">
                  <LinkButton href={`/service-stations/${s.id}`}>{t("openCases")}</LinkButton>
                  {s.waitingRoundTables > 0 ? <LinkButton href={`/service-stations/${s.id}?status=ROUND_TABLE`} variant="secondary">{t("openRoundTables")}</LinkButton> : null}
                  {mayCreate ? <LinkButton href={`/service-stations/${s.id}/cases/new`} variant="secondary">{t("newCase")}</LinkButton> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
