// The manager dashboard's reads: which unit (drill-down within the user's subtree), which
// active programmes reach it, each programme's indicators for the unit and its children,
// progress against targets, and the trend. All scoped: a unit outside the user's subtree is
// NotFound; programmes are those visible at the unit (lib/programmes visibility rules).
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { ancestorIds } from "@/lib/platform/org/path";
import { visibleProgrammes } from "@/lib/programmes";
import { formatDateOnly } from "@/lib/platform/dates";
import { minDay, shanghaiDate, trendBuckets } from "@/lib/platform/periods";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { computeIndicators, indicatorsOfType, INDICATOR_BY_KEY, TARGET_CODE_TO_KEY } from "./indicators";
import { trendGrain, type DashboardPeriod } from "./period";
import type { UnitRef } from "./families";

export type DashboardUnit = UnitRef & { name: string; kind: string; hasChildren: boolean };

/** The unit to show (default: the user's own), its breadcrumb from the user's unit, and its children. */
export async function resolveDashboardUnit(actor: Actor, unitId?: string | null, client: Client = db) {
  const select = { id: true, name: true, kind: true, path: true, depth: true } as const;
  const unit = unitId
    ? await client.orgUnit.findFirst({ where: { id: unitId, path: { startsWith: actor.orgPath } }, select })
    : await client.orgUnit.findUnique({ where: { path: actor.orgPath }, select });
  if (!unit) throw new NotFoundError({ entityType: "OrgUnit", entityId: unitId ?? null });
  const topDepth = ancestorIds(actor.orgPath).length;
  const chainIds = ancestorIds(unit.path).slice(topDepth);
  const chain = chainIds.length ? await client.orgUnit.findMany({ where: { id: { in: chainIds } }, select: { id: true, name: true, depth: true } }) : [];
  chain.sort((a, b) => a.depth - b.depth);
  const children = await client.orgUnit.findMany({
    where: { parentId: unit.id, active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, path: true, _count: { select: { children: true } } },
  });
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, hasChildren: children.length > 0 } satisfies DashboardUnit,
    breadcrumb: [...chain.map((c) => ({ id: c.id, name: c.name })), { id: unit.id, name: unit.name }],
    children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, path: c.path, hasChildren: c._count.children > 0 })) satisfies DashboardUnit[],
  };
}

/** Active programmes that reach the unit, with their indicators. */
export async function activeProgrammesAt(unit: { path: string }, client: Client = db) {
  return client.programme.findMany({
    where: { AND: [visibleProgrammes({ orgPath: unit.path }), { status: "ACTIVE" }] },
    orderBy: [{ type: "asc" }, { startDate: "desc" }, { name: "asc" }],
    take: 50,
    select: {
      id: true, type: true, name: true, startDate: true, endDate: true,
      orgUnit: { select: { name: true } },
      indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, unit: true } },
    },
  });
}
export type DashboardProgramme = Awaited<ReturnType<typeof activeProgrammesAt>>[number];

export type TargetCell = { value: number | null; target: number | null; percent: number | null };
/**
 * One indicator over one target period ("2026", "2026-Q4", "2026-11"): every unit's value over
 * that period up to the selected period's end, and its target for that period when it has one.
 */
export type TargetRow = { indicatorId: string; code: string; name: string; unitLabel: string; key: string | null; period: string; additive: boolean; cells: Map<string, TargetCell> };

/**
 * Progress against targets: for each of the programme's indicators, one row per target period
 * that contains the selected period's end and is set for at least one of the units. The value
 * is computed for every unit over that period up to the selected period's end ("to date", as
 * targets are cumulative over their period), whether or not the unit has a target of its own:
 * a parent without a target still shows its total, a child without one its own value, and the
 * children's values add up to the parent's because they cover the same days.
 */
export async function programmeTargets(programme: DashboardProgramme, units: DashboardUnit[], period: DashboardPeriod, now: Date, client: Client = db): Promise<TargetRow[]> {
  const today = shanghaiDate(now);
  const unitIds = units.map((u) => u.id);
  const end = new Date(`${period.to}T00:00:00Z`);
  const targets = await client.programmeTarget.findMany({
    where: { indicatorId: { in: programme.indicators.map((i) => i.id) }, orgUnitId: { in: unitIds }, periodStart: { lte: end }, periodEnd: { gte: end } },
    select: { indicatorId: true, orgUnitId: true, period: true, periodStart: true, periodEnd: true, value: true },
  });
  type Group = { indicatorId: string; period: string; from: string; to: string; byUnit: Map<string, number> };
  const groups = new Map<string, Group>();
  for (const t of targets) {
    const k = `${t.indicatorId}|${t.period}`;
    const g = groups.get(k) ?? { indicatorId: t.indicatorId, period: t.period, from: formatDateOnly(t.periodStart), to: minDay(period.to, formatDateOnly(t.periodEnd)), byUnit: new Map() };
    g.byUnit.set(t.orgUnitId, t.value.toNumber());
    groups.set(k, g);
  }
  // One indicator computation per distinct range, for all the units.
  const ranges = new Map<string, { from: string; to: string; keys: Set<string> }>();
  for (const g of groups.values()) {
    const key = TARGET_CODE_TO_KEY[programme.indicators.find((i) => i.id === g.indicatorId)!.code];
    if (!key) continue;
    const rk = `${g.from}|${g.to}`;
    const r = ranges.get(rk) ?? { from: g.from, to: g.to, keys: new Set<string>() };
    r.keys.add(key);
    ranges.set(rk, r);
  }
  const computed = new Map<string, Map<string, Map<string, number | null>>>();
  await Promise.all(
    [...ranges].map(async ([rk, r]) => {
      computed.set(rk, await computeIndicators([...r.keys], { units, from: r.from, to: r.to, programmeId: programme.id, today, now, parent: units[0] }, client));
    }),
  );
  const span = (g: Group) => Date.parse(g.to) - Date.parse(g.from);
  return programme.indicators.flatMap((ind) => {
    const key = TARGET_CODE_TO_KEY[ind.code] ?? null;
    const indicatorGroups = [...groups.values()].filter((g) => g.indicatorId === ind.id).sort((a, b) => span(a) - span(b) || a.period.localeCompare(b.period));
    return indicatorGroups.map((g) => {
      const values = key ? computed.get(`${g.from}|${g.to}`)?.get(key) : undefined;
      const cells = new Map<string, TargetCell>();
      for (const u of units) {
        const value = values?.get(u.id) ?? null;
        const target = g.byUnit.get(u.id) ?? null;
        cells.set(u.id, { value, target, percent: value !== null && target !== null && target > 0 ? Math.round((value / target) * 1000) / 10 : null });
      }
      return { indicatorId: ind.id, code: ind.code, name: ind.name, unitLabel: ind.unit, key, period: g.period, additive: key ? INDICATOR_BY_KEY.get(key)!.additive : false, cells };
    });
  });
}

export type PanelData = {
  keys: string[];
  /** key → unit id → value, for the unit itself and each child. */
  values: Map<string, Map<string, number | null>>;
  trend: { grain: "week" | "month"; buckets: string[]; keys: string[]; values: Map<string, (number | null)[]> };
};

/** The programme type's indicators over the selected period for the unit and its children, and the unit's trend. */
export async function programmePanel(type: ProgrammeType, programmeId: string, unit: DashboardUnit, children: DashboardUnit[], period: DashboardPeriod, now: Date, client: Client = db): Promise<PanelData> {
  const today = shanghaiDate(now);
  const keys = indicatorsOfType(type).map((i) => i.key);
  const grain = trendGrain(period);
  // The trend stops at today: a week or month that has not begun has no value, not a 0.
  const trendTo = minDay(period.to, today);
  const buckets = period.from <= today ? trendBuckets({ from: period.from, to: trendTo }, grain) : [];
  const trendKeys = keys.filter((k) => INDICATOR_BY_KEY.get(k)!.families.every((f) => ["visits", "reach", "problems", "requests", "points", "events", "serviceStation"].includes(f)));
  const [values, trendValues] = await Promise.all([
    computeIndicators(keys, { units: [unit, ...children], from: period.from, to: period.to, programmeId, today, now, parent: unit }, client),
    trendKeys.length && buckets.length ? computeIndicators(trendKeys, { units: [unit], from: period.from, to: trendTo, programmeId, today, now, grain }, client) : new Map(),
  ]);
  const trend = new Map<string, (number | null)[]>();
  for (const k of trendKeys) {
    const v = trendValues.get(k) as Map<string, number | null> | undefined;
    const additive = INDICATOR_BY_KEY.get(k)!.additive;
    trend.set(k, buckets.map((b) => v?.get(`${unit.id}|${b}`) ?? (additive ? 0 : null)));
  }
  return { keys, values, trend: { grain, buckets, keys: trendKeys, values: trend } };
}
