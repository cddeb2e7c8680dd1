import type { ReactNode } from "react";

/** One headline number, with a bar when it has a target. */
export function ProgressStat({
  label, value, target = null, current = 0, targetLabel,
}: {
  label: string;
  value: ReactNode;
  target?: number | null;
  current?: number;
  targetLabel?: ReactNode;
}) {
  const pct = target && target > 0 ? Math.min(100, Math.round((current / target) * 100)) : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums text-slate-900 sm:text-2xl">{value}</p>
      {pct !== null ? (
        <div className="mt-2 h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-label={label} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full rounded bg-brand-600" style={{ width: `${pct}%` }} />
        </div>
      ) : null}
      {targetLabel ? <p className="mt-1 text-xs text-slate-500">{targetLabel}{pct !== null ? ` · ${pct}%` : ""}</p> : null}
    </div>
  );
}
