// 赛马 schemes: reads (scoped to schemes whose parent unit lies in the user's subtree) and
// the computed ranking of the parent's active children over a period. The math is in
// ./method.ts (docs/decisions/0013-ranking-method.md); values come from the same indicator
// registry as the dashboards, across all programmes (programmeId null), each unit counted with
// its whole subtree. Where a unit has its own target for an indicator, the value and the
// target are the dashboard's 目标进度 figures (programmeTargets), so both pages show the same
// completion.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, replicaFor, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { shanghaiDate } from "@/lib/platform/periods";
import {
  activeProgrammesAt, computeIndicators, FAMILIES, INDICATOR_BY_KEY, programmeTargets, TARGET_CODE_TO_KEY,
  type DashboardPeriod, type DashboardUnit, type FamilyName,
} from "@/lib/dashboards";
import { defaultThreshold, rankUnits, type RankingWeightSpec } from "./method";

/**
 * Lower-is-better counts are 0 for a unit where nothing could have gone wrong (no request to
 * breach, no pairing to fall behind): that is "no data", not full marks for doing nothing.
 * Each names the family column that counts what could have gone wrong.
 */
const EXPOSURE: Record<string, { family: FamilyName; column: string }> = {
  "hotline.breaches": { family: "requests", column: "received" },
  "mentorship.overdueActivities": { family: "mentorship", column: "pairingsActive" },
  "keyProjects.lateMilestones": { family: "keyProjects", column: "projects" },
};

export async function listRankingSchemes(actor: Actor, includeInactive = false, client: Client = db) {
  return client.rankingScheme.findMany({
    where: { parentOrgUnit: { path: { startsWith: actor.orgPath } }, ...(includeInactive ? {} : { active: true }) },
    orderBy: [{ parentOrgUnit: { depth: "asc" } }, { name: "asc" }],
    take: 100,
    select: { id: true, name: true, active: true, version: true, parentOrgUnit: { select: { id: true, name: true } }, _count: { select: { weights: true } } },
  });
}

export async function getRankingSchemeOrThrow(actor: Actor, id: string, client: Client = db) {
  const scheme = await client.rankingScheme.findFirst({
    where: { id, parentOrgUnit: { path: { startsWith: actor.orgPath } } },
    select: {
      id: true, name: true, active: true, version: true, parentOrgUnitId: true,
      parentOrgUnit: { select: { id: true, name: true, path: true } },
      weights: { orderBy: { sortOrder: "asc" }, select: { indicatorKey: true, weight: true, direction: true, threshold: true } },
    },
  });
  if (!scheme) throw new NotFoundError({ entityType: "RankingScheme", entityId: id });
  return { ...scheme, orgPath: scheme.parentOrgUnit.path };
}

export async function computeRanking(actor: Actor, schemeId: string, period: DashboardPeriod, now = clockNow(), client: Client = db) {
  // The scheme on the primary (an admin who just saved it is shown it, never "not found"); the
  // units and their figures, which may lag by the replica's delay, on the read replica.
  const scheme = await getRankingSchemeOrThrow(actor, schemeId, client);
  const figures = replicaFor(client);
  const siblings = await figures.orgUnit.findMany({
    where: { parentId: scheme.parentOrgUnitId, active: true, kind: { not: "DEPARTMENT" } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, path: true, kind: true, _count: { select: { children: true } } },
  });
  // The direction is the indicator's own, whatever an older scheme row says; a threshold left
  // empty (every row saved before thresholds existed) is the default of the indicator's unit.
  const weights: (RankingWeightSpec & { unit: string })[] = scheme.weights.flatMap((w) => {
    const indicator = INDICATOR_BY_KEY.get(w.indicatorKey);
    if (!indicator) return [];
    const threshold = w.threshold?.toNumber() ?? defaultThreshold(indicator.unit, indicator.direction);
    return [{ key: w.indicatorKey, weight: w.weight.toNumber(), direction: indicator.direction, threshold, unit: indicator.unit }];
  });
  const today = shanghaiDate(now);
  const query = { units: siblings, from: period.from, to: period.to, programmeId: null, today, now };
  const exposureFamilies = [...new Set(weights.flatMap((w) => (EXPOSURE[w.key] ? [EXPOSURE[w.key]!.family] : [])))];
  const [values, exposures, targets] = await Promise.all([
    computeIndicators(weights.map((w) => w.key), query, figures),
    Promise.all(exposureFamilies.map(async (f) => [f, await FAMILIES[f].run(figures, query)] as const)).then((r) => new Map(r)),
    unitTargets(scheme.parentOrgUnit, siblings, new Set(weights.map((w) => w.key)), period, now, figures),
  ]);
  const ranked = rankUnits(
    siblings.map((s) => {
      const unitValues: Record<string, number | null> = {};
      const unitTargetValues: Record<string, number | null> = {};
      for (const w of weights) {
        const own = targets.get(`${w.key}|${s.id}`);
        const exposure = EXPOSURE[w.key];
        const exposed = exposure ? (exposures.get(exposure.family)?.get(s.id)?.[exposure.column] ?? 0) > 0 : true;
        unitValues[w.key] = own ? own.value : exposed ? (values.get(w.key)?.get(s.id) ?? null) : null;
        unitTargetValues[w.key] = own?.target ?? null;
      }
      return { id: s.id, name: s.name, values: unitValues, targets: unitTargetValues };
    }),
    weights,
  );
  return { scheme, weights, ranked, hasChildren: new Map(siblings.map((s) => [s.id, s._count.children > 0])) };
}

/**
 * Each sibling's own targets for the scheme's indicators (only higher-is-better ones have
 * targets): key|unit id → the value to date and the target, summed over the programmes that
 * set one (two campaigns' household targets add up, and so do their households).
 */
async function unitTargets(
  parent: { id: string; name: string; path: string },
  siblings: { id: string; name: string; path: string; kind: string; _count: { children: number } }[],
  keys: Set<string>,
  period: DashboardPeriod,
  now: Date,
  client: Client,
) {
  const out = new Map<string, { value: number; target: number }>();
  const programmes = (await activeProgrammesAt(parent, client)).filter((p) => p.indicators.some((i) => keys.has(TARGET_CODE_TO_KEY[i.code] ?? "")));
  if (programmes.length === 0 || siblings.length === 0) return out;
  // The parent first: programmeTargets reads the children's records through it.
  const units: DashboardUnit[] = [
    { id: parent.id, name: parent.name, path: parent.path, kind: "", hasChildren: true },
    ...siblings.map((s) => ({ id: s.id, name: s.name, path: s.path, kind: s.kind, hasChildren: s._count.children > 0 })),
  ];
  const rows = (await Promise.all(programmes.map((p) => programmeTargets(p, units, period, now, client)))).flat();
  // An indicator may have several targets containing the period's end (the year's and the
  // quarter's): like the dashboard, the shortest counts, and programmeTargets lists it first.
  const taken = new Set<string>();
  for (const row of rows) {
    if (!row.key || !keys.has(row.key)) continue;
    for (const s of siblings) {
      const cell = row.cells.get(s.id);
      if (!cell || cell.target === null || cell.target <= 0 || taken.has(`${row.indicatorId}|${s.id}`)) continue;
      taken.add(`${row.indicatorId}|${s.id}`);
      // A programme without a figure for the unit adds neither value nor target: counting its
      // target against a value of 0 would lower the unit's completion for want of data.
      if (cell.value === null) continue;
      const k = `${row.key}|${s.id}`;
      const prev = out.get(k);
      out.set(k, { value: (prev?.value ?? 0) + cell.value, target: (prev?.target ?? 0) + cell.target });
    }
  }
  return out;
}
export type RankingResult = Awaited<ReturnType<typeof computeRanking>>;

/** Units in the actor's subtree whose children can be ranked (active, with active children). */
export async function rankableParents(actor: Actor, client: Client = db) {
  return client.orgUnit.findMany({
    where: { path: { startsWith: actor.orgPath }, active: true, kind: { not: "DEPARTMENT" }, children: { some: { active: true } } },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    take: 300,
    select: { id: true, name: true },
  });
}
