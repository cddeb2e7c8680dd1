// Campaign progress for one org unit and its children, computed in PostgreSQL (aggregates
// over the subtree's path prefix, grouped by the child's path segment), never by loading the
// records into JS.
//
// Each record is counted in exactly one unit, so the children's rows add up to the parent:
//   - households visited: DISTINCT households of the campaign's visits, in the household's unit;
//   - enterprises visited: DISTINCT enterprises, in the enterprise's unit;
//   - visits, services delivered on them, problems, events: in the record's own unit.
// GROUPING SETS gives the per-child rows and the parent's total from the same scan (the
// total's DISTINCT is over the whole subtree, not a sum of the children).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { ancestorIds, isWithinSubtree } from "@/lib/platform/org/path";
import { formatDateOnly } from "@/lib/platform/dates";
import { shanghaiDate } from "./frequency";
import type { Campaign } from "./queries";

export type ProgressNumbers = {
  households: number;
  enterprises: number;
  visits: number;
  /** Services delivered on the visits (服务清单 rows). */
  services: number;
  problemsRaised: number;
  problemsSolved: number;
  /** Median days from raised to resolved, one decimal; null when nothing is solved yet. */
  medianDaysToSolve: number | null;
  events: number;
};

export type Targets = { households: number | null; enterprises: number | null; problemsSolved: number | null; events: number | null };

export type ProgressRow = ProgressNumbers & { unitId: string; name: string; kind: string; hasChildren: boolean; targets: Targets };
export type OfficerRow = Omit<ProgressNumbers, "medianDaysToSolve"> & { officerId: string; name: string; orgUnitName: string };

const EMPTY: ProgressNumbers = { households: 0, enterprises: 0, visits: 0, services: 0, problemsRaised: 0, problemsSolved: 0, medianDaysToSolve: null, events: 0 };

/** "": the unit itself; otherwise the id of the child whose subtree holds the record. */
type Keyed = { child: string | null; total: boolean };

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The highest unit the actor may look at in this campaign: their own unit or the campaign's
 * owner, whichever is lower in the tree (a town manager starts at the town, a village
 * officer at the village, the city admin at the campaign's owner).
 */
export function topUnitPath(actor: Pick<Actor, "orgPath">, campaign: Pick<Campaign, "orgPath">): string {
  return isWithinSubtree(campaign.orgPath, actor.orgPath) ? campaign.orgPath : actor.orgPath;
}

/** The unit to show: the requested one if it lies under the top unit, else the top unit. */
export async function resolveProgressUnit(actor: Actor, campaign: Pick<Campaign, "orgPath">, unitId?: string, client: Db | Tx = db) {
  const top = topUnitPath(actor, campaign);
  const unit = unitId
    ? await client.orgUnit.findFirst({ where: { id: unitId, path: { startsWith: top } }, select: { id: true, name: true, kind: true, path: true, depth: true } })
    : await client.orgUnit.findUnique({ where: { path: top }, select: { id: true, name: true, kind: true, path: true, depth: true } });
  if (!unit) throw new NotFoundError({ entityType: "OrgUnit", entityId: unitId ?? null });
  // Breadcrumb: from the top unit down to this one.
  const topDepth = ancestorIds(top).length;
  const chainIds = ancestorIds(unit.path).slice(topDepth);
  const chain = chainIds.length
    ? await client.orgUnit.findMany({ where: { id: { in: chainIds } }, select: { id: true, name: true, depth: true } })
    : [];
  chain.sort((a, b) => a.depth - b.depth);
  return { unit, breadcrumb: [...chain.map((c) => ({ id: c.id, name: c.name })), { id: unit.id, name: unit.name }], isTop: unit.path === top };
}

/** Aggregates per child of `unitPath` plus the total, for one campaign. */
export async function campaignProgress(programmeId: string, unit: { id: string; path: string }, client: Db | Tx = db) {
  const prefix = `${unit.path}%`;
  const from = unit.path.length + 1; // SQL substr is 1-based: the text after the unit's path
  const child = Prisma.sql`split_part(substr(u.path, ${from}::int), '/', 1)`;
  const [households, enterprises, visits, services, problems, events, children] = await Promise.all([
    client.$queryRaw<(Keyed & { n: number })[]>`
      SELECT child, GROUPING(child) = 1 AS total, COUNT(DISTINCT hid)::int AS n
      FROM (SELECT ${child} AS child, v."householdId" AS hid
            FROM visit v JOIN household h ON h.id = v."householdId" JOIN org_unit u ON u.id = h."orgUnitId"
            WHERE v."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.$queryRaw<(Keyed & { n: number })[]>`
      SELECT child, GROUPING(child) = 1 AS total, COUNT(DISTINCT eid)::int AS n
      FROM (SELECT ${child} AS child, v."enterpriseId" AS eid
            FROM visit v JOIN enterprise e ON e.id = v."enterpriseId" JOIN org_unit u ON u.id = e."orgUnitId"
            WHERE v."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.$queryRaw<(Keyed & { n: number })[]>`
      SELECT child, GROUPING(child) = 1 AS total, COUNT(*)::int AS n
      FROM (SELECT ${child} AS child
            FROM visit v JOIN org_unit u ON u.id = v."orgUnitId"
            WHERE v."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.$queryRaw<(Keyed & { n: number })[]>`
      SELECT child, GROUPING(child) = 1 AS total, COUNT(*)::int AS n
      FROM (SELECT ${child} AS child
            FROM visit_service vs JOIN visit v ON v.id = vs."visitId" JOIN org_unit u ON u.id = v."orgUnitId"
            WHERE v."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.$queryRaw<(Keyed & { raised: number; solved: number; median: number | null })[]>`
      SELECT child, GROUPING(child) = 1 AS total,
             COUNT(*)::int AS raised,
             (COUNT(*) FILTER (WHERE solved))::int AS solved,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE solved AND days IS NOT NULL))::float8 AS median
      FROM (SELECT ${child} AS child,
                   p.status IN ('RESOLVED', 'CONFIRMED') AS solved,
                   EXTRACT(EPOCH FROM (p."resolvedAt" - p."createdAt")) / 86400.0 AS days
            FROM problem p JOIN org_unit u ON u.id = p."orgUnitId"
            WHERE p."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.$queryRaw<(Keyed & { n: number })[]>`
      SELECT child, GROUPING(child) = 1 AS total, COUNT(*)::int AS n
      FROM (SELECT ${child} AS child
            FROM campaign_event ev JOIN org_unit u ON u.id = ev."orgUnitId"
            WHERE ev."programmeId" = ${programmeId} AND u.path LIKE ${prefix}) s
      GROUP BY GROUPING SETS ((child), ())`,
    client.orgUnit.findMany({
      where: { parentId: unit.id },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true, active: true, _count: { select: { children: true } } },
    }),
  ]);

  const rows = new Map<string, ProgressNumbers>();
  const total: ProgressNumbers = { ...EMPTY };
  const at = (k: Keyed) => {
    if (k.total) return total;
    const key = k.child ?? "";
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ...EMPTY }));
    return row;
  };
  for (const r of households) at(r).households = r.n;
  for (const r of enterprises) at(r).enterprises = r.n;
  for (const r of visits) at(r).visits = r.n;
  for (const r of services) at(r).services = r.n;
  for (const r of events) at(r).events = r.n;
  for (const r of problems) Object.assign(at(r), { problemsRaised: r.raised, problemsSolved: r.solved, medianDaysToSolve: round1(r.median) });

  // Every active child is listed (with zeros); an inactive one only when it has records.
  const childRows = children
    .filter((c) => c.active || rows.has(c.id))
    .map((c) => ({ unitId: c.id, name: c.name, kind: c.kind, hasChildren: c._count.children > 0, ...(rows.get(c.id) ?? EMPTY) }));
  const own = rows.get("");
  return { total, children: childRows, own: own ?? null };
}

/** Per-officer numbers within the unit's subtree. Officers of the campaign show even at zero. */
export async function campaignOfficerProgress(programmeId: string, unit: { path: string }, client: Db | Tx = db): Promise<OfficerRow[]> {
  const prefix = `${unit.path}%`;
  const [visitRows, problemRows, eventRows, participants] = await Promise.all([
    client.$queryRaw<{ officerId: string; visits: number; households: number; enterprises: number; services: number }[]>`
      SELECT v."officerId" AS "officerId", COUNT(*)::int AS visits,
             COUNT(DISTINCT v."householdId")::int AS households, COUNT(DISTINCT v."enterpriseId")::int AS enterprises,
             COALESCE(SUM((SELECT COUNT(*) FROM visit_service vs WHERE vs."visitId" = v.id)), 0)::int AS services
      FROM visit v JOIN org_unit u ON u.id = v."orgUnitId"
      WHERE v."programmeId" = ${programmeId} AND u.path LIKE ${prefix}
      GROUP BY v."officerId"`,
    client.$queryRaw<{ officerId: string; raised: number; solved: number }[]>`
      SELECT v."officerId" AS "officerId", COUNT(*)::int AS raised,
             (COUNT(*) FILTER (WHERE p.status IN ('RESOLVED', 'CONFIRMED')))::int AS solved
      FROM problem p JOIN visit v ON v.id = p."visitId" JOIN org_unit u ON u.id = p."orgUnitId"
      WHERE p."programmeId" = ${programmeId} AND u.path LIKE ${prefix}
      GROUP BY v."officerId"`,
    client.$queryRaw<{ officerId: string; n: number }[]>`
      SELECT ev."organiserId" AS "officerId", COUNT(*)::int AS n
      FROM campaign_event ev JOIN org_unit u ON u.id = ev."orgUnitId"
      WHERE ev."programmeId" = ${programmeId} AND u.path LIKE ${prefix}
      GROUP BY ev."organiserId"`,
    client.campaignParticipant.findMany({
      where: { programmeId, officer: { orgUnit: { path: { startsWith: unit.path } } } },
      select: { officerId: true },
    }),
  ]);
  const ids = new Set([...visitRows, ...problemRows, ...eventRows, ...participants].map((r) => r.officerId));
  if (ids.size === 0) return [];
  const people = await client.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, orgUnit: { select: { name: true } } } });
  const byId = new Map(people.map((p) => [p.id, p]));
  const v = new Map(visitRows.map((r) => [r.officerId, r]));
  const p = new Map(problemRows.map((r) => [r.officerId, r]));
  const e = new Map(eventRows.map((r) => [r.officerId, r]));
  return [...ids]
    .map((id) => ({
      officerId: id,
      name: byId.get(id)?.name ?? "—",
      orgUnitName: byId.get(id)?.orgUnit.name ?? "",
      visits: v.get(id)?.visits ?? 0,
      services: v.get(id)?.services ?? 0,
      households: v.get(id)?.households ?? 0,
      enterprises: v.get(id)?.enterprises ?? 0,
      problemsRaised: p.get(id)?.raised ?? 0,
      problemsSolved: p.get(id)?.solved ?? 0,
      events: e.get(id)?.n ?? 0,
    }))
    .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, "zh-CN"));
}

const TARGET_CODES = { households: "households_visited", enterprises: "enterprises_visited", problemsSolved: "problems_solved", events: "events_held" } as const;

/**
 * Targets per unit: for each indicator and unit, the target whose period covers today (the
 * longest such, since the numbers are cumulative over the campaign), else the longest one.
 */
export async function campaignTargets(programmeId: string, unitIds: string[], now = clockNow(), client: Db | Tx = db): Promise<Map<string, Targets>> {
  const today = shanghaiDate(now);
  const rows = await client.programmeTarget.findMany({
    where: { orgUnitId: { in: unitIds }, indicator: { programmeId, code: { in: Object.values(TARGET_CODES) } } },
    select: { orgUnitId: true, periodStart: true, periodEnd: true, value: true, indicator: { select: { code: true } } },
  });
  const out = new Map<string, Targets>();
  for (const id of unitIds) {
    const targets: Targets = { households: null, enterprises: null, problemsSolved: null, events: null };
    for (const [field, code] of Object.entries(TARGET_CODES) as [keyof Targets, string][]) {
      const span = (c: { start: string; end: string }) => Date.parse(c.end) - Date.parse(c.start);
      const candidates = rows
        .filter((r) => r.orgUnitId === id && r.indicator.code === code)
        .map((r) => ({ start: formatDateOnly(r.periodStart), end: formatDateOnly(r.periodEnd), value: r.value.toNumber() }))
        .sort((a, b) => span(b) - span(a));
      const pick = candidates.find((c) => c.start <= today && today <= c.end) ?? candidates[0];
      targets[field] = pick?.value ?? null;
    }
    out.set(id, targets);
  }
  return out;
}
