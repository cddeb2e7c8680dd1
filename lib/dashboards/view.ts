// What the dashboard page and its Excel export both show: one loader and three table
// builders, so the exported sheet has exactly the rows and columns of the table on screen.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/can";
import { INDICATOR_BY_KEY } from "./indicators";
import { parseDashboardPeriod } from "./period";
import { activeProgrammesAt, programmePanel, programmeTargets, resolveDashboardUnit, type DashboardUnit, type PanelData, type TargetRow } from "./queries";

export type DashboardParams = { unit?: string; programme?: string; period?: string; from?: string; to?: string };
type T = (key: string, values?: Record<string, string | number>) => string;
export type Cell = string | number | null;
export type Table = { headers: string[]; rows: { unit?: DashboardUnit; cells: Cell[] }[] };

export async function loadDashboard(actor: Actor, params: DashboardParams, now = clockNow(), client: Db | Tx = db) {
  const period = parseDashboardPeriod(params, now);
  const { unit, breadcrumb, children } = await resolveDashboardUnit(actor, params.unit, client);
  const programmes = await activeProgrammesAt(unit, client);
  const selected = programmes.find((p) => p.id === params.programme) ?? programmes[0] ?? null;
  const units = [unit, ...children];
  let targets: TargetRow[] = [];
  let panel: PanelData | null = null;
  if (selected) {
    [targets, panel] = await Promise.all([
      programmeTargets(selected, units, period, now, client),
      programmePanel(selected.type, selected.id, unit, children, period, now, client),
    ]);
  }
  return { period, unit, breadcrumb, children, units, programmes, selected, targets: targets.filter((r) => [...r.cells.values()].some((c) => c.target !== null)), panel };
}
export type DashboardModel = Awaited<ReturnType<typeof loadDashboard>>;

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

export function targetsTable(model: DashboardModel, t: T): Table {
  const headers = [t("unitColumn")];
  for (const r of model.targets) headers.push(`${r.name}${t("value")}（${r.unitLabel}）`, `${r.name}${t("target")}`, `${r.name}${t("percent")}（%）`);
  return {
    headers,
    rows: model.units.map((u) => ({
      unit: u,
      cells: [unitRowName(t, model, u), ...model.targets.flatMap((r) => {
        const c = r.cells.get(u.id)!;
        return [c.value, c.target, c.percent];
      })],
    })),
  };
}

export function panelTable(model: DashboardModel, t: T): Table {
  const panel = model.panel;
  if (!panel) return { headers: [], rows: [] };
  return {
    headers: [t("unitColumn"), ...panel.keys.map((k) => `${indicatorName(t, k)}（${unitLabel(t, k)}）`)],
    rows: model.units.map((u) => ({ unit: u, cells: [unitRowName(t, model, u), ...panel.keys.map((k) => panel.values.get(k)?.get(u.id) ?? null)] })),
  };
}

export function trendTable(model: DashboardModel, t: T): Table {
  const panel = model.panel;
  if (!panel) return { headers: [], rows: [] };
  const { trend } = panel;
  return {
    headers: [t("bucket"), ...trend.keys.map((k) => `${indicatorName(t, k)}（${unitLabel(t, k)}）`)],
    rows: trend.buckets.map((b, i) => ({ cells: [trend.grain === "month" ? b.slice(0, 7) : b, ...trend.keys.map((k) => trend.values.get(k)?.[i] ?? null)] })),
  };
}
