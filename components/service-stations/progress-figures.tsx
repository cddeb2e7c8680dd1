// The four headline figures of a station's progress (办件 · 服务企业 · 平均节省 · 累计节省), as
// tiles that sit two by two on a phone and in one row on a desktop.
import type { ProgressTotals } from "@/lib/service-stations/progress";

type T = (key: string, values?: Record<string, string | number>) => string;

export function ProgressFigures({ totals, t, nf }: { totals: ProgressTotals; t: T; nf: Intl.NumberFormat }) {
  const tiles = [
    { key: "finished", label: t("figures.finished"), value: nf.format(totals.finished), unit: t("units.cases") },
    { key: "enterprises", label: t("figures.enterprises"), value: nf.format(totals.enterprises), unit: t("units.enterprises") },
    { key: "average", label: t("figures.averageMinutes"), value: totals.averageMinutes === null ? t("noAverage") : nf.format(totals.averageMinutes), unit: t("units.minutes") },
    { key: "hours", label: t("figures.minutesSaved"), value: nf.format(totals.hoursSaved), unit: t("units.hours"), note: `${nf.format(totals.minutesSaved)} ${t("units.minutes")}` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {tiles.map((tile) => (
        <div key={tile.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={`station-progress-${tile.key}`}>
          <dt className="text-sm text-slate-600">{tile.label}</dt>
          <dd className="mt-1">
            <span className="text-2xl font-semibold tabular-nums text-slate-900">{tile.value}</span>
            <span className="ml-1 text-sm text-slate-600">{tile.unit}</span>
            {tile.note ? <span className="block text-xs tabular-nums text-slate-600">{tile.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
