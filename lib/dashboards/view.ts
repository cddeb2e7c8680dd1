// What the dashboard page and its Excel export both show: one loader and three table
// builders, so the exported sheet has exactly the rows and columns of the table on screen.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, replicaFor, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import type { Column } from "@/lib/platform/exports/xlsx";
import { INDICATOR_BY_KEY } from "./indicators";
import { parseDashboardPeriod } from "./period";
import { activeProgrammesAt, programmePanel, programmeTargets, resolveDashboardUnit, type DashboardUnit, type PanelData, type TargetRow } from "./queries";

export type DashboardParams = { unit?: string; programme?: string; period?: string; from?: string; to?: string };
type T = (key: string, values?: Record<string, string | number>) => string;
export type Cell = string | number | null;
/** `columns` types each column for the Excel export (lib/platform/exports/xlsx.ts); the page reads `headers`. */
export type Table = { headers: string[]; columns: Column[]; rows: { unit?: DashboardUnit; cells: Cell[] }[] };

export async function loadDashboard(actor: Actor, params: DashboardParams, now = clockNow(), client: Db | Tx = db) {
  const period = parseDashboardPeriod(params, now);
  // Which unit and programmes (the scope, and a 404 for a unit outside it) on the primary; the
  // figures, which may lag by the replica's delay, on the read replica when there is one.
  const figures = replicaFor(client);
  const { unit, breadcrumb, children } = await resolveDashboardUnit(actor, params.unit, client);
  const programmes = await activeProgrammesAt(unit, client);
  const selected = programmes.find((p) => p.id === params.programme) ?? programmes[0] ?? null;
  const units = [unit, ...children];
  let targets: TargetRow[] = [];
  let panel: PanelData | null = null;
  if (selected) {
    [targets, panel] = await Promise.all([
      programmeTargets(selected, units, period, now, figures),
      programmePanel(selected.type, selected.id, unit, children, period, now, figures),
    ]);
  }
  const own = ownRecords(unit, children, panel, targets);
  return { period, unit, breadcrumb, children, units, programmes, selected, targets, panel, own };
}
export type DashboardModel = Awaited<ReturnType<typeof loadDashboard>>;

export const targetRowKey = (r: Pick<TargetRow, "indicatorId" | "period">) => `${r.indicatorId}|${r.period}`;

/**
 * The part of the unit's total that none of its listed children holds: records kept at the
 * unit itself (a street's own visits, a district's own requests) and those of deactivated
 * sub-units. Shown as its own row when not zero, so the rows on screen add up to the total.
 * Additive indicators only; key (panel key, or targetRowKey) → value.
 */
function ownRecords(unit: DashboardUnit, children: DashboardUnit[], panel: PanelData | null, targets: TargetRow[]) {
  if (children.length === 0) return null;
  const rest = (values: { get(id: string): number | null | undefined } | undefined) =>
    Math.round(((values?.get(unit.id) ?? 0) - children.reduce((s, c) => s + (values?.get(c.id) ?? 0), 0)) * 100) / 100;
  const panelRest = new Map<string, number>();
  for (const k of panel?.keys ?? []) if (INDICATOR_BY_KEY.get(k)!.additive) panelRest.set(k, rest(panel!.values.get(k)));
  const targetRest = new Map<string, number>();
  for (const r of targets) if (r.additive) targetRest.set(targetRowKey(r), rest({ get: (id) => r.cells.get(id)?.value }));
  const any = [...panelRest.values(), ...targetRest.values()].some((v) => v !== 0);
  return any ? { panel: panelRest, targets: targetRest } : null;
}

export function unitLabel(t: T, key: string): string {
  const ind = INDICATOR_BY_KEY.get(key);
  return ind ? t(`units.${ind.unit}`) : "";
}

export function indicatorName(t: T, key: string): string {
  return t(`indicators.${key}`);
}

export function unitRowName(t: T, model: Pick<DashboardModel, "unit">, u: DashboardUnit): string {
  return u.id === model.unit.id ? t("thisUnit", { name: u.name }) : u.name;
}

/** A value the page and the export show as a number, or "无数据" when there is none to show. */
const orNoData = (t: T, v: number | null | undefined): Cell => (v === null || v === undefined ? t("noData") : v);

/** The export column of an indicator's values: percents (computed in points, 45.5) as percent
 *  cells, days as a duration, 万元/亿元 as amounts, counts as numbers, each with its unit. */
export function indicatorColumn(t: T, key: string | null, header: string, unit?: string): Column {
  const ind = key ? INDICATOR_BY_KEY.get(key) : undefined;
  const label = unit ?? (key ? unitLabel(t, key) : "");
  switch (ind?.unit) {
    case "percent":
      return { header, type: "percent", scale: "points" };
    case "days":
      return { header, type: "duration", unit: label, digits: 1 };
    case "minutes":
      return { header, type: "duration", unit: label, digits: 0 };
    case "wan":
    case "yi":
      return { header, type: "amount", unit: label };
    default:
      return { header, type: "decimal", unit: label || undefined, digits: ind && ind.unit !== "score" ? 0 : 2 };
  }
}

export function targetsTable(model: DashboardModel, t: T): Table {
  const headers = [t("unitColumn")];
  const columns: Column[] = [{ header: t("unitColumn"), type: "text" }];
  // An indicator with targets for two periods (a year and its quarter) names the period.
  const periods = new Map<string, number>();
  for (const r of model.targets) periods.set(r.indicatorId, (periods.get(r.indicatorId) ?? 0) + 1);
  for (const r of model.targets) {
    const name = periods.get(r.indicatorId)! > 1 ? `${r.name}（${r.period}）` : r.name;
    headers.push(`${name}${t("value")}（${r.unitLabel}）`, `${name}${t("target")}`, `${name}${t("percent")}（%）`);
    columns.push(
      indicatorColumn(t, r.key, headers.at(-3)!, r.unitLabel), indicatorColumn(t, r.key, headers.at(-2)!, r.unitLabel),
      { header: headers.at(-1)!, type: "percent", scale: "points" },
    );
  }
  return {
    headers,
    columns,
    rows: [
      ...model.units.map((u) => ({
        unit: u,
        // Every unit shows its value; one without a target of its own says so instead of "—".
        cells: [unitRowName(t, model, u), ...model.targets.flatMap((r): Cell[] => {
          const c = r.cells.get(u.id)!;
          if (c.target === null) return [orNoData(t, c.value), t("noTarget"), t("noTarget")];
          return [orNoData(t, c.value), c.target, orNoData(t, c.percent)];
        })],
      })),
      ...(model.own ? [{ cells: [t("ownRecords", { name: model.unit.name }), ...model.targets.flatMap((r) => [model.own!.targets.get(targetRowKey(r)) ?? null, null, null])] }] : []),
    ],
  };
}

export function panelTable(model: DashboardModel, t: T): Table {
  const panel = model.panel;
  if (!panel) return { headers: [], columns: [], rows: [] };
  const headers = [t("unitColumn"), ...panel.keys.map((k) => `${indicatorName(t, k)}（${unitLabel(t, k)}）`)];
  return {
    headers,
    columns: [{ header: headers[0]!, type: "text" }, ...panel.keys.map((k, i) => indicatorColumn(t, k, headers[i + 1]!))],
    rows: [
      ...model.units.map((u) => ({ unit: u, cells: [unitRowName(t, model, u), ...panel.keys.map((k) => orNoData(t, panel.values.get(k)?.get(u.id)))] })),
      ...(model.own ? [{ cells: [t("ownRecords", { name: model.unit.name }), ...panel.keys.map((k) => model.own!.panel.get(k) ?? null)] }] : []),
    ],
  };
}

export function trendTable(model: DashboardModel, t: T): Table {
  const panel = model.panel;
  if (!panel) return { headers: [], columns: [], rows: [] };
  const { trend } = panel;
  const headers = [t("bucket"), ...trend.keys.map((k) => `${indicatorName(t, k)}（${unitLabel(t, k)}）`)];
  return {
    headers,
    // A month bucket ("2026-11") stays text: a date cell would claim a day.
    columns: [{ header: headers[0]!, type: trend.grain === "month" ? "text" : "date" }, ...trend.keys.map((k, i) => indicatorColumn(t, k, headers[i + 1]!))],
    rows: trend.buckets.map((b, i) => ({ cells: [trend.grain === "month" ? b.slice(0, 7) : b, ...trend.keys.map((k) => orNoData(t, trend.values.get(k)?.[i]))] })),
  };
}
