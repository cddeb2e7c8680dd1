// 赛马 schemes: reads (scoped to schemes whose parent unit lies in the user's subtree) and
// the computed ranking of the parent's active children over a period. The math is in
// ./ranking.ts; values come from the same indicator registry as the dashboards, across all
// programmes (programmeId null), each unit counted with its whole subtree.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/can";
import { NotFoundError } from "@/lib/errors";
import { shanghaiDate } from "@/lib/campaigns/frequency";
import { computeIndicators, INDICATOR_BY_KEY } from "./indicators";
import { rankUnits } from "./ranking";
import type { DashboardPeriod } from "./period";

type Client = Db | Tx;

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
      weights: { orderBy: { sortOrder: "asc" }, select: { indicatorKey: true, weight: true, direction: true } },
    },
  });
  if (!scheme) throw new NotFoundError({ entityType: "RankingScheme", entityId: id });
  return { ...scheme, orgPath: scheme.parentOrgUnit.path };
}

export async function computeRanking(actor: Actor, schemeId: string, period: DashboardPeriod, now = clockNow(), client: Client = db) {
  const scheme = await getRankingSchemeOrThrow(actor, schemeId, client);
  const siblings = await client.orgUnit.findMany({
    where: { parentId: scheme.parentOrgUnitId, active: true, kind: { not: "DEPARTMENT" } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, path: true, _count: { select: { children: true } } },
  });
  const weights = scheme.weights
    .filter((w) => INDICATOR_BY_KEY.has(w.indicatorKey))
    .map((w) => ({ key: w.indicatorKey, weight: w.weight.toNumber(), direction: w.direction }));
  const values = await computeIndicators(weights.map((w) => w.key), {
    units: siblings, from: period.from, to: period.to, programmeId: null, today: shanghaiDate(now), now,
  }, client);
  const ranked = rankUnits(
    siblings.map((s) => ({ id: s.id, name: s.name, values: Object.fromEntries(weights.map((w) => [w.key, values.get(w.key)?.get(s.id) ?? null])) })),
    weights,
  );
  return { scheme, weights, ranked, hasChildren: new Map(siblings.map((s) => [s.id, s._count.children > 0])) };
}
export type RankingResult = Awaited<ReturnType<typeof computeRanking>>;

/** Units in the actor's subtree whose children can be ranked (active, with active children). */
export async function rankableParents(actor: Actor, client: Db | Tx = db) {
  return client.orgUnit.findMany({
    where: { path: { startsWith: actor.orgPath }, active: true, kind: { not: "DEPARTMENT" }, children: { some: { active: true } } },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    take: 300,
    select: { id: true, name: true },
  });
}
