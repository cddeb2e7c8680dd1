// A manager report's stored figures as a page (app/(app)/reports/[reportId]): the three numbers
// that matter first, then per programme the dashboard's headline tiles, the indicators against
// their targets and the units behind, then overdue problems and breached clocks. Stacks to one
// column on a phone; numbers are formatted as the dashboard formats them.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { indicatorName, unitLabel } from "@/lib/dashboards/view";
import { leadingTarget, type ReportFigures, type ReportPeriod } from "@/lib/dashboards/reports";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

function Tile({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{children}</p>
    </div>
  );
}

export async function ReportFiguresView({ figures, period }: { figures: ReportFigures; period: ReportPeriod }) {
  const t = await getTranslations("reports");
  const td = await getTranslations("dashboards");
  const tdLoose = td as unknown as (key: string, values?: Record<string, string | number>) => string;
  const locale = await getLocale();
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const num = (v: number | null) => (v === null ? t("noData") : nf.format(v));
  const lead = leadingTarget(figures);

  return (
    <div className="space-y-4">
      <section aria-label={t("summary", { period })} className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {lead ? (
          <Tile label={`${lead.name}（${lead.period}）`} testId="report-lead">
            {num(lead.value)} / {num(lead.target)} <span className="text-sm font-normal text-slate-500">{lead.unitLabel}</span>
            {lead.percent === null ? null : <span className="block text-sm font-normal text-slate-600">{t("percentOf", { percent: nf.format(lead.percent) })}</span>}
          </Tile>
        ) : null}
        <Tile label={t("overdueProblems")} testId="report-overdue">{nf.format(figures.overdueProblems)}</Tile>
        <Tile label={t("breachedClocks")} testId="report-breaches">{figures.hotline ? nf.format(figures.breachedClocks) : "—"}</Tile>
      </section>

      {figures.programmes.length === 0 ? <EmptyState>{t("noProgrammes")}</EmptyState> : null}

      {figures.programmes.map((p) => (
        <Card key={p.id} title={p.name}>
          <div className="space-y-4">
            {p.headline.length ? (
              <section aria-label={t("headlineTitle")}>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("headlineTitle")}</h3>
                <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                  {p.headline.map((h) => (
                    <div key={h.key} className="rounded-md border border-slate-200 p-3">
                      <dt className="text-sm text-slate-600">{indicatorName(tdLoose, h.key)}</dt>
                      <dd className="mt-1 text-lg font-semibold tabular-nums">
                        {num(h.value)} {h.value === null ? null : <span className="text-sm font-normal text-slate-500">{unitLabel(tdLoose, h.key)}</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}

            <section aria-label={t("targetsTitle")}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("targetsTitle")}</h3>
              {p.targets.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noTargets")}</p>
              ) : (
                <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                  {p.targets.map((r) => (
                    <li key={`${r.indicatorId}|${r.period}`} className="rounded-md border border-slate-200 p-3">
                      <p className="text-sm text-slate-700">{r.name}（{r.period}）</p>
                      <p className="mt-1 text-lg font-semibold tabular-nums">
                        {num(r.value)}{r.target === null ? null : <> / {nf.format(r.target)}</>} <span className="text-sm font-normal text-slate-500">{r.unitLabel}</span>
                      </p>
                      {r.target === null ? (
                        <p className="text-sm text-slate-600">{t("noTarget")}</p>
                      ) : r.percent === null ? null : (
                        <>
                          <div className="mt-2 h-2 rounded bg-slate-100" aria-hidden="true">
                            <div className={cn("h-2 rounded", r.percent >= 100 ? "bg-emerald-600" : r.percent >= 60 ? "bg-brand-600" : "bg-amber-500")} style={{ width: `${Math.min(100, r.percent)}%` }} />
                          </div>
                          <p className="mt-1 text-sm tabular-nums text-slate-600">{t("percentOf", { percent: nf.format(r.percent) })}</p>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {p.targets.some((r) => r.target !== null) ? (
              <section aria-label={t("behindTitle")}>
                <h3 className="text-sm font-semibold text-slate-700">{t("behindTitle")}</h3>
                <p className="mb-2 text-xs text-slate-500">{t("behindNote")}</p>
                {p.behind.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("noBehind")}</p>
                ) : (
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                    {p.behind.map((b) => (
                      <li key={`${b.unitId}|${b.indicatorId}|${b.period}`} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2 text-sm">
                        <span className="font-medium text-slate-900">{b.unitName}</span>
                        <span className="text-slate-600">{b.name}（{b.period}）</span>
                        <span className="tabular-nums sm:ml-auto">{num(b.value)} / {nf.format(b.target)} {b.unitLabel} · {t("percentOf", { percent: nf.format(b.percent) })}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
          </div>
        </Card>
      ))}

      <Card title={t("issuesTitle")}>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div className="rounded-md border border-slate-200 p-3">
            <dt className="text-sm text-slate-600">{t("overdueProblems")}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{nf.format(figures.overdueProblems)}</dd>
            <dd className="mt-1 text-xs text-slate-500">{t("overdueNote")}</dd>
            <dd className="mt-1 text-sm"><Link href="/problems?overdue=1" className="text-brand-700 hover:underline">{t("overdueLink")}</Link></dd>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <dt className="text-sm text-slate-600">{t("breachedClocks")}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{figures.hotline ? nf.format(figures.breachedClocks) : "—"}</dd>
            <dd className="mt-1 text-xs text-slate-500">{figures.hotline ? t("breachesNote") : t("noHotline")}</dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
