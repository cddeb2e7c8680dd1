import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { campaignOfficerProgress, campaignProgress, campaignTargets, resolveProgressUnit, type ProgressNumbers, type Targets } from "@/lib/visits/campaigns/progress";
import { Card, EmptyState } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { ProgressStat } from "@/components/campaigns/progress-stat";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { getCampaignOrThrow } from "@/lib/visits/campaigns/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("progress.title") };
}

type Props = { params: Promise<{ programmeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const METRICS = ["households", "enterprises", "visits", "services", "problemsRaised", "problemsSolved", "medianDaysToSolve", "events"] as const;

export default async function CampaignProgressPage({ params, searchParams }: Props) {
  const user = await requirePermission("visit.view");
  const { programmeId } = await params;
  const sp = await searchParams;
  const unitParam = typeof sp.unit === "string" ? sp.unit.slice(0, 64) : undefined;
  const campaign = await loadOrNotFound(user, pageAuditName("/campaigns/[programmeId]"), () => getCampaignOrThrow(user, programmeId));
  const { unit, breadcrumb } = await loadOrNotFound(user, pageAuditName("/campaigns/[programmeId]"), () => resolveProgressUnit(user, campaign, unitParam));
  const [progress, officers] = await Promise.all([campaignProgress(campaign.id, unit), campaignOfficerProgress(campaign.id, unit)]);
  const targets = await campaignTargets(campaign.id, [unit.id, ...progress.children.map((c) => c.unitId)]);
  const t = await getTranslations("campaigns");
  const locale = await getLocale();
  const nf = new Intl.NumberFormat(locale);
  const num = (v: number | null) => (v === null ? "—" : nf.format(v));
  const own = targets.get(unit.id);
  const hrefFor = (id: string) => `/campaigns/${campaign.id}?unit=${encodeURIComponent(id)}`;
  const withTarget = (value: number, target: number | null) => (target === null ? num(value) : t("progress.ofTarget", { value: num(value), target: num(target) }));
  const cell = (row: ProgressNumbers, key: (typeof METRICS)[number], tg?: Targets) => {
    if (key === "households") return withTarget(row.households, tg?.households ?? null);
    if (key === "enterprises") return withTarget(row.enterprises, tg?.enterprises ?? null);
    if (key === "problemsSolved") return withTarget(row.problemsSolved, tg?.problemsSolved ?? null);
    if (key === "events") return withTarget(row.events, tg?.events ?? null);
    if (key === "medianDaysToSolve") return row.medianDaysToSolve === null ? "—" : t("progress.days", { days: row.medianDaysToSolve });
    return num(row[key]);
  };
  const rows = [
    ...progress.children.map((c) => ({ key: c.unitId, name: c.name, href: hrefFor(c.unitId) as string | null, numbers: c as ProgressNumbers, tg: targets.get(c.unitId) })),
    ...(progress.own ? [{ key: "own", name: t("progress.ownUnit", { name: unit.name }), href: null, numbers: progress.own, tg: undefined }] : []),
  ];

  return (
    <div className="space-y-4">
      <CampaignHeader user={user} campaign={campaign} current="progress" />

      <nav aria-label={t("progress.breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          {breadcrumb.map((b, i) => (
            <li key={b.id} className="flex items-center gap-1">
              {i > 0 ? <span aria-hidden="true">/</span> : null}
              {i < breadcrumb.length - 1 ? (
                <Link href={hrefFor(b.id)} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">{b.name}</Link>
              ) : (
                <span aria-current="page" className="inline-flex min-h-11 items-center font-medium text-slate-900">{b.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-label={t("progress.summary", { name: unit.name })} className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-6">
        <ProgressStat label={t("metrics.households")} value={num(progress.total.households)} target={own?.households ?? null} current={progress.total.households} targetLabel={own?.households != null ? t("progress.target", { target: num(own.households) }) : t("progress.noTarget")} />
        <ProgressStat label={t("metrics.problemsSolved")} value={t("progress.solvedOfRaised", { solved: num(progress.total.problemsSolved), raised: num(progress.total.problemsRaised) })} target={own?.problemsSolved ?? null} current={progress.total.problemsSolved} targetLabel={own?.problemsSolved != null ? t("progress.target", { target: num(own.problemsSolved) }) : t("progress.noTarget")} />
        <ProgressStat label={t("metrics.events")} value={num(progress.total.events)} target={own?.events ?? null} current={progress.total.events} targetLabel={own?.events != null ? t("progress.target", { target: num(own.events) }) : t("progress.noTarget")} />
        <ProgressStat label={t("metrics.visits")} value={num(progress.total.visits)} targetLabel={t("progress.enterprisesLine", { count: progress.total.enterprises })} />
        <ProgressStat label={t("metrics.services")} value={num(progress.total.services)} targetLabel={t("progress.servicesHint")} />
        <ProgressStat label={t("metrics.medianDaysToSolve")} value={progress.total.medianDaysToSolve === null ? "—" : t("progress.days", { days: progress.total.medianDaysToSolve })} targetLabel={t("progress.medianHint")} />
      </section>

      {/* A unit without sub-units (a village): its totals above are the whole story. */}
      {progress.children.length === 0 ? null : (
        <h2 className="pt-2 text-base font-semibold text-slate-800">{t("progress.byUnit")}</h2>
      )}
      {progress.children.length === 0 ? null : (
        <>
          <TableCard
            caption={t("progress.byUnit")}
            columns={[{ key: "unit", label: t("progress.unit") }, ...METRICS.map((m) => ({ key: m, label: t(`metrics.${m}`), className: "text-right" }))]}
          >
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {r.href ? <Link href={r.href} className="inline-flex min-h-9 items-center text-brand-700 hover:underline">{r.name}</Link> : <span className="text-slate-800">{r.name}</span>}
                  </th>
                  {METRICS.map((m) => (
                    <td key={m} className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-900">{cell(r.numbers, m, r.tg)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className="px-3 py-2 text-left">{t("progress.total")}</th>
                {METRICS.map((m) => (
                  <td key={m} className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{cell(progress.total, m, own)}</td>
                ))}
              </tr>
            </tfoot>
          </TableCard>
          <ul className="space-y-2 md:hidden" aria-label={t("progress.byUnit")}>
            {[...rows, { key: "total", name: t("progress.total"), href: null, numbers: progress.total, tg: own }].map((r) => (
              <li key={r.key} className={r.key === "total" ? "rounded-lg border-2 border-slate-300 bg-slate-50 p-3" : "rounded-lg border border-slate-200 bg-white p-3"}>
                <h3 className="font-medium">
                  {r.href ? <Link href={r.href} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">{r.name} <span aria-hidden="true" className="ml-1">›</span></Link> : r.name}
                </h3>
                <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  {METRICS.map((m) => (
                    <div key={m} className="flex justify-between gap-2">
                      <dt className="text-slate-500">{t(`metrics.${m}`)}</dt>
                      <dd className="tabular-nums text-slate-900">{cell(r.numbers, m, r.tg)}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}

      <Card title={t("progress.byOfficer")}>
        {officers.length === 0 ? (
          <EmptyState>{t("progress.noOfficers")}</EmptyState>
        ) : (
          <ScrollRegion label={t("progress.byOfficer")} className="-m-4">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">{t("progress.byOfficer")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("progress.officer")}</th>
                  {(["households", "enterprises", "visits", "services", "problemsRaised", "problemsSolved", "events"] as const).map((m) => (
                    <th key={m} scope="col" className="px-3 py-2 text-right font-medium">{t(`metrics.${m}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {officers.map((o) => (
                  <tr key={o.officerId}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="text-slate-900">{o.name}</span>
                      <span className="block text-xs text-slate-500">{o.orgUnitName}</span>
                    </th>
                    {(["households", "enterprises", "visits", "services", "problemsRaised", "problemsSolved", "events"] as const).map((m) => (
                      <td key={m} className="px-3 py-2 text-right tabular-nums">{num(o[m])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="mt-6 text-xs text-slate-500">{t("progress.officerNote")}</p>
      </Card>
    </div>
  );
}
