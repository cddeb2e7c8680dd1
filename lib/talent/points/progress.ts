// Progress of the talent-points scheme for managers (and the dashboard): points granted and
// redeemed per period and org unit, quota use per resource, tier distribution, and talents
// whose housing or schooling was solved (fulfilled 人才公寓 / 子女入学 redemptions; the
// article's "60 talents solved"). Plain SQL over the ledger, scoped to an org subtree.
// A report that may lag by the replica's delay: each reads the read replica when there is one
// and the caller passed no transaction (replicaFor).
import "server-only";
import { db, replicaFor, type Db, type Tx } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOUSING_SCHOOL_CODES } from "./defaults";
import { enterpriseStandings } from "./tiers";

export type Granularity = "month" | "quarter" | "year";

// Timestamps are stored as UTC wall-clock values (timestamp without time zone): read them as
// UTC first, then take the Shanghai wall clock. A bare "at AT TIME ZONE 'Asia/Shanghai'" would
// read the UTC value as Shanghai time and move it eight hours the wrong way (1 Jan 00:30
// Shanghai counted for December).
const shanghaiAt = (column: string) => Prisma.raw(`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')`);

function periodExpr(g: Granularity) {
  const at = shanghaiAt(`e."at"`);
  if (g === "year") return Prisma.sql`to_char(${at}, 'YYYY')`;
  if (g === "quarter") return Prisma.sql`to_char(${at}, 'YYYY') || '-Q' || to_char(${at}, 'Q')`;
  return Prisma.sql`to_char(${at}, 'YYYY-MM')`;
}

/**
 * Points granted (net of grant reversals) and redeemed (net of returns) per period and per
 * child unit of `rootPath` (entries whose account's unit lies under that child).
 */
export async function pointsByPeriodAndUnit(rootPath: string, year: number, granularity: Granularity = "month", client: Db | Tx = db) {
  const rows = await replicaFor(client).$queryRaw<{ period: string; unit_id: string; unit_name: string; granted: bigint; redeemed: bigint }[]>`
    WITH children AS (
      SELECT id, name, path FROM org_unit WHERE "parentId" = (SELECT id FROM org_unit WHERE path = ${rootPath})
      UNION ALL SELECT id, name, path FROM org_unit WHERE path = ${rootPath}
    ), entries AS (
      SELECT e.*, o.kind AS orig_kind, u.path AS unit_path
      FROM point_ledger_entry e
      JOIN point_account a ON a.id = e."accountId"
      JOIN org_unit u ON u.id = a."orgUnitId"
      LEFT JOIN point_ledger_entry o ON o.seq = e."reversesSeq"
      WHERE u.path LIKE ${rootPath + "%"} AND EXTRACT(YEAR FROM ${shanghaiAt(`e."at"`)}) = ${year}
    )
    SELECT ${periodExpr(granularity)} AS period, c.id AS unit_id, c.name AS unit_name,
      COALESCE(SUM(e.points) FILTER (WHERE e.kind = 'GRANT' OR (e.kind = 'REVERSAL' AND e.orig_kind = 'GRANT')), 0) AS granted,
      COALESCE(-SUM(e.points) FILTER (WHERE e.kind = 'REDEMPTION' OR (e.kind = 'REVERSAL' AND e.orig_kind = 'REDEMPTION')), 0) AS redeemed
    FROM entries e
    JOIN children c ON e.unit_path LIKE c.path || '%' AND (c.path <> ${rootPath} OR e.unit_path = ${rootPath})
    GROUP BY 1, 2, 3
    ORDER BY 1, 3`;
  return rows.map((r) => ({ period: r.period, unitId: r.unit_id, unitName: r.unit_name, granted: Number(r.granted), redeemed: Number(r.redeemed) }));
}

/** Places per resource in `period` under `rootPath` (org-unit quotas and tier quotas of enterprises there). */
export async function quotaUse(programmeId: string, rootPath: string, period: string, client: Db | Tx = db) {
  const rows = await replicaFor(client).$queryRaw<{ resource_id: string; code: string; name: string; kind: string; total: bigint; used: bigint }[]>`
    SELECT r.id AS resource_id, r.code, r.name, CASE WHEN q."enterpriseId" IS NULL THEN 'UNIT' ELSE 'ENTERPRISE' END AS kind,
           COALESCE(SUM(q.total), 0) AS total, COALESCE(SUM(q.used), 0) AS used
    FROM point_resource r
    JOIN resource_quota q ON q."resourceId" = r.id AND q.period = ${period}
    LEFT JOIN org_unit u ON u.id = q."orgUnitId"
    LEFT JOIN enterprise en ON en.id = q."enterpriseId"
    LEFT JOIN org_unit eu ON eu.id = en."orgUnitId"
    WHERE r."programmeId" = ${programmeId} AND (u.path LIKE ${rootPath + "%"} OR eu.path LIKE ${rootPath + "%"}
      OR (q."orgUnitId" IS NOT NULL AND ${rootPath} LIKE u.path || '%'))
    GROUP BY 1, 2, 3, 4
    ORDER BY 2, 4`;
  return rows.map((r) => ({ resourceId: r.resource_id, code: r.code, name: r.name, kind: r.kind as "UNIT" | "ENTERPRISE", total: Number(r.total), used: Number(r.used) }));
}

/** Talents with a fulfilled 人才公寓 or 子女入学 redemption fulfilled in `year`, under `rootPath`. */
export async function talentsSolved(rootPath: string, year: number, client: Db | Tx = db) {
  const rows = await replicaFor(client).$queryRaw<{ code: string; talents: bigint }[]>`
    SELECT COALESCE(r.code, 'ALL') AS code, COUNT(DISTINCT d."talentId") AS talents
    FROM redemption d
    JOIN point_resource r ON r.id = d."resourceId"
    JOIN enterprise en ON en.id = d."enterpriseId"
    JOIN org_unit u ON u.id = en."orgUnitId"
    WHERE d.status = 'FULFILLED' AND d."talentId" IS NOT NULL AND r.code = ANY(${[...HOUSING_SCHOOL_CODES]})
      AND u.path LIKE ${rootPath + "%"} AND EXTRACT(YEAR FROM ${shanghaiAt(`d."fulfilledAt"`)}) = ${year}
    GROUP BY ROLLUP (r.code)`;
  const by = Object.fromEntries(rows.map((r) => [r.code, Number(r.talents)]));
  return { total: by.ALL ?? 0, housing: by.APARTMENT ?? 0, schooling: by.SCHOOL ?? 0 };
}

/** How many enterprises (in reach, under rootPath) fall in each tier for `year`. */
export async function tierDistribution(programme: { id: string; reach: string[] }, rootPath: string, year: number, client: Db | Tx = db) {
  const reader = replicaFor(client);
  const enterprises = await reader.enterprise.findMany({
    where: { active: true, AND: [{ orgUnit: { path: { startsWith: rootPath } } }, { OR: programme.reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) }] },
    select: { id: true },
  });
  const standings = await enterpriseStandings(programme.id, enterprises.map((e) => e.id), year, reader);
  const counts = new Map<number | null, number>();
  for (const s of standings.values()) counts.set(s.tier, (counts.get(s.tier) ?? 0) + 1);
  return { total: enterprises.length, byTier: [1, 2, 3, 4].map((tier) => ({ tier, count: counts.get(tier) ?? 0 })), none: counts.get(null) ?? 0 };
}
