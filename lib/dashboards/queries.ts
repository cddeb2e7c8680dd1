// The manager dashboard's reads: which unit (drill-down within the user's subtree), which
// active programmes reach it, each programme's indicators for the unit and its children,
// progress against targets, and the trend. All scoped: a unit outside the user's subtree is
// NotFound; programmes are those visible at the unit (lib/programmes visibility rules).
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/can";
import { NotFoundError } from "@/lib/errors";
import { ancestorIds } from "@/lib/org/path";
import { visibleProgrammes } from "@/lib/programmes/queries";
import { formatDateOnly } from "@/lib/programmes/period";
import { shanghaiDate } from "@/lib/campaigns/frequency";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { computeIndicators, indicatorsOfType, INDICATOR_BY_KEY, TARGET_CODE_TO_KEY } from "./indicators";
import { minDay, trendBuckets, trendGrain, type DashboardPeriod } from "./period";
import type { UnitRef } from "./families";

type Client = Db | Tx;
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

export type TargetCell = { value: number | null; target: number | null; percent: number | null; targetPeriod: string | null };
export type TargetRow = { indicatorId: string; code: string; name: string; unitLabel: string; key: string | null; cells: Map<string, TargetCell> };

/**
 * Progress against targets: for each of the programme's indicators and each unit, the
 * target whose period contains the selected period's end (the shortest such), and the value
 * over that target's period up to the selected period's end ("to date", as targets are
 * cumulative over their period).
 */
export async function programmeTargets(programme: DashboardProgramme, units: DashboardUnit[], period: DashboardPeriod, now: Date, client: Client = db): Promise<TargetRow[]> {
  const today = shanghaiDate(now);
  const unitIds = units.map((u) => u.id);
  const targets = await client.programmeTarget.findMany({
    where: { indicatorId: { in: programme.indicators.map((i) => i.id) }, orgUnitId: { in: unitIds }, periodStart: { lte: new Date(`${period.to}T00:00:00Z`) }, periodEnd: { gte: new Date(`${period.to}T00:00:00Z`) } },
    select: { indicatorId: true, orgUnitId: true, period: true, periodStart: true, periodEnd: true, value: true },
  });
  const chosen = new Map<string, (typeof targets)[number]>();
  for (const t of targets) {
    const k = `${t.indicatorId}|${t.orgUnitId}`;
    const prev = chosen.get(k);
    if (!prev || t.periodEnd.getTime() - t.periodStart.getTime() < prev.periodEnd.getTime() - prev.periodStart.getTime()) chosen.set(k, t);
  }
  // One indicator computation per distinct target range.
  const ranges = new Map<string, { from: string; to: string; keys: Set<string>; units: Map<string, DashboardUnit> }>();
  for (const t of chosen.values()) {
    const ind = programme.indicators.find((i) => i.id === t.indicatorId)!;
    const key = TARGET_CODE_TO_KEY[ind.code];
    if (!key) continue;
    const from = formatDateOnly(t.periodStart);
    const to = minDay(period.to, formatDateOnly(t.periodEnd));
    const rk = `${from}|${to}`;
    const r = ranges.get(rk) ?? { from, to, keys: new Set<string>(), units: new Map() };
    r.keys.add(key);
    r.units.set(t.orgUnitId, units.find((u) => u.id === t.orgUnitId)!);
    ranges.set(rk, r);
  }
  const computed = new Map<string, Map<string, Map<string, number | null>>>();
  await Promise.all(
    [...ranges].map(async ([rk, r]) => {
      computed.set(rk, await computeIndicators([...r.keys], { units: [...r.units.values()], from: r.from, to: r.to, programmeId: programme.id, today, now, parent: units[0] }, client));
    }),
  );
  return programme.indicators.map((ind) => {
    const key = TARGET_CODE_TO_KEY[ind.code] ?? null;
    const cells = new Map<string, TargetCell>();
    for (const u of units) {
      const t = chosen.get(`${ind.id}|${u.id}`);
      if (!t) {
        cells.set(u.id, { value: null, target: null, percent: null, targetPeriod: null });
        continue;
      }
      const rk = `${formatDateOnly(t.periodStart)}|${minDay(period.to, formatDateOnly(t.periodEnd))}`;
      const value = key ? (computed.get(rk)?.get(key)?.get(u.id) ?? null) : null;
      const target = t.value.toNumber();
      cells.set(u.id, { value, target, percent: value !== null && target > 0 ? Math.round((value / target) * 1000) / 10 : null, targetPeriod: t.period });
    }
    return { indicatorId: ind.id, code: ind.code, name: ind.name, unitLabel: ind.unit, key, cells };
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
  const buckets = trendBuckets(period, grain);
  const trendKeys = keys.filter((k) => INDICATOR_BY_KEY.get(k)!.families.every((f) => ["visits", "reach", "problems", "requests", "points", "events"].includes(f)));
  const [values, trendValues] = await Promise.all([
    computeIndicators(keys, { units: [unit, ...children], from: period.from, to: period.to, programmeId, today, now, parent: unit }, client),
    trendKeys.length ? computeIndicators(trendKeys, { units: [unit], from: period.from, to: period.to, programmeId, today, now, grain }, client) : new Map(),
  ]);
  const trend = new Map<string, (number | null)[]>();
  for (const k of trendKeys) {
    const v = trendValues.get(k) as Map<string, number | null> | undefined;
    const additive = INDICATOR_BY_KEY.get(k)!.additive;
    trend.set(k, buckets.map((b) => v?.get(`${unit.id}|${b}`) ?? (additive ? 0 : null)));
  }
  return { keys, values, trend: { grain, buckets, keys: trendKeys, values: trend } };
}
