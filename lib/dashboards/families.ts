// The queries behind the indicators, grouped in "families": one SQL statement computes all the
// numbers of a family for a set of units (each unit = its whole subtree, joined by
// org_unit.path LIKE '<unit path>%') over a period, optionally per week/month bucket.
// The big record kinds (visits, problems, hotline requests, points ledger, registers) are
// read from the trigger-maintained rollup tables; the small ones (pairings, milestones,
// investment leads, key projects, showcases, events, quotas) straight from their tables.
import "server-only";
import type { Client } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { splitByMonths } from "./period";

export type UnitRef = { id: string; path: string };
export type FamilyQuery = {
  units: UnitRef[];
  from: string;
  to: string;
  /** null: every programme (rankings, officer-independent totals). */
  programmeId: string | null;
  grain?: "week" | "month";
  /**
   * Drill-down: `units` are this unit and (some of) its children. The records of the
   * parent's subtree are then read once, grouped by child, and the parent's row is the sum
   * of all of them (every family measure is additive over disjoint units) — half the rows
   * of reading the parent and the children separately.
   */
  parent?: UnitRef;
  /** Shanghai date of "now", for overdue and not-yet-due measures. */
  today: string;
  now: Date;
};
export type FamilyRow = Record<string, number>;
/** Keyed by unit id, or `${unitId}|${bucket}` when a grain is given. */
export type FamilyResult = Map<string, FamilyRow>;

type Family = { bucketed: boolean; run: (client: Client, q: FamilyQuery) => Promise<FamilyResult> };

function unitArrays(q: FamilyQuery) {
  return { ids: q.units.map((u) => u.id), paths: q.units.map((u) => u.path) };
}

/** SELECT per unit (and bucket) over `body` (JOINs from org_unit u, WHERE …). */
async function grouped(client: Client, q: FamilyQuery, selects: Prisma.Sql, body: Prisma.Sql, day: Prisma.Sql | null): Promise<FamilyResult> {
  const out: FamilyResult = new Map();
  if (q.units.length === 0) return out;
  const { ids, paths } = unitArrays(q);
  const bucket = q.grain && day ? Prisma.sql`to_char(date_trunc(${q.grain}, ${day}), 'YYYY-MM-DD')` : Prisma.sql`''`;
  const parent = q.parent && q.units.every((u) => u.id === q.parent!.id || u.path.startsWith(q.parent!.path)) ? q.parent : null;
  const rows = parent
    ? await client.$queryRaw<({ unitId: string; bucket: string } & FamilyRow)[]>`
        SELECT u.child AS "unitId", ${bucket} AS bucket, ${selects}
        FROM (SELECT o.id, o.path, CASE WHEN o.id = ${parent.id} THEN '' ELSE split_part(substr(o.path, ${parent.path.length + 1}::int), '/', 1) END AS child
              FROM org_unit o WHERE o.path LIKE ${`${parent.path}%`}) u
        ${body}
        GROUP BY 1, 2`
    : await client.$queryRaw<({ unitId: string; bucket: string } & FamilyRow)[]>`
        SELECT q.id AS "unitId", ${bucket} AS bucket, ${selects}
        FROM unnest(${ids}::text[], ${paths}::text[]) AS q(id, path)
        JOIN org_unit u ON u.path LIKE q.path || '%'
        ${body}
        GROUP BY 1, 2`;
  const wanted = new Set(ids);
  const add = (key: string, rest: Record<string, unknown>) => {
    const row = out.get(key) ?? {};
    for (const [k, v] of Object.entries(rest)) row[k] = (row[k] ?? 0) + (v === null ? 0 : Number(v));
    out.set(key, row);
  };
  for (const { unitId, bucket: b, ...rest } of rows) {
    const keyOf = (id: string) => (q.grain && day ? `${id}|${b}` : id);
    if (parent) {
      if (wanted.has(parent.id)) add(keyOf(parent.id), rest);
      if (unitId && unitId !== parent.id && wanted.has(unitId)) add(keyOf(unitId), rest);
    } else add(keyOf(unitId), rest);
  }
  return out;
}

const programmeIs = (column: Prisma.Sql, q: FamilyQuery) => (q.programmeId ? Prisma.sql`AND ${column} = ${q.programmeId}` : Prisma.empty);

type Rolled = "visit" | "reach" | "problem" | "request" | "points";
/**
 * A day rollup's rows over [from, to] (from null: since the beginning) as `r` ("orgUnitId",
 * day, the measures), for `JOIN … r ON r."orgUnitId" = u.id`: whole calendar months from
 * rollup_<table>_month (a month row's `day` is its first day, so a month bucket is the same),
 * the partial months at the edges from rollup_<table>_day (docs/decisions/0021-month-rollups.md).
 * `filter` ("AND <column> = …", on the tables' own columns) goes into every branch. Week
 * buckets cross months: with `grain` week, days only.
 */
function rollup(table: Rolled, measures: string[], filter: Prisma.Sql, from: string | null, to: string, grain?: "week" | "month"): Prisma.Sql {
  const split = grain === "week" ? { months: null, days: [[from, to] as [string | null, string]] } : splitByMonths(from, to);
  const cols = Prisma.raw(measures.join(", "));
  const since = (column: string, day: string | null) => (day === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} >= ${day}::date`);
  const branches: Prisma.Sql[] = [];
  if (split.months) {
    const [first, last] = split.months;
    branches.push(Prisma.sql`SELECT "orgUnitId", month AS day, ${cols} FROM ${Prisma.raw(`rollup_${table}_month`)} WHERE month <= ${last}::date ${since("month", first)} ${filter}`);
  }
  for (const [a, b] of split.days) {
    branches.push(Prisma.sql`SELECT "orgUnitId", day, ${cols} FROM ${Prisma.raw(`rollup_${table}_day`)} WHERE day <= ${b}::date ${since("day", a)} ${filter}`);
  }
  return Prisma.sql`(${Prisma.join(branches, " UNION ALL ")}) r`;
}
const between = (column: Prisma.Sql, q: FamilyQuery) => Prisma.sql`${column} BETWEEN ${q.from}::date AND ${q.to}::date`;
/** The as-of day for "overdue": the period's end, or today while the period runs. */
const asOf = (q: FamilyQuery) => (q.to < q.today ? q.to : q.today);

const REQUEST_MEASURES = ["received", '"acceptOnTime"', '"assignOnTime"', '"respondOnTime"', '"acceptMet"', '"assignMet"', '"respondMet"', "closed", '"satisfactionSum"', '"satisfactionCount"'];

export const FAMILIES = {
  visits: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`SUM(r.visits)::int AS visits, SUM(r.household)::int AS household, SUM(r.enterprise)::int AS enterprise, SUM(r."followUp")::int AS "followUp", SUM(r.guided)::int AS guided, SUM(r.services)::int AS services`,
        Prisma.sql`JOIN ${rollup("visit", ["visits", "household", "enterprise", '"followUp"', "guided", "services"], programmeIs(Prisma.sql`"programmeKey"`, q), q.from, q.to, q.grain)} ON r."orgUnitId" = u.id`,
        Prisma.sql`r.day`),
  },
  /** Households/enterprises reached for the first time in the period (per programme, or per calendar year). */
  reach: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`SUM(r.households)::int AS households, SUM(r.enterprises)::int AS enterprises`,
        Prisma.sql`JOIN ${rollup("reach", ["households", "enterprises"], q.programmeId ? Prisma.sql`AND scope = ${q.programmeId}` : Prisma.sql`AND scope LIKE 'Y%'`, q.from, q.to, q.grain)} ON r."orgUnitId" = u.id`,
        Prisma.sql`r.day`),
  },
  /** Coverage as of the period's end: reached in the programme (or the end's calendar year) ÷ active register. */
  coverage: {
    bucketed: false,
    run: async (client, q) => {
      const scope = q.programmeId ?? `Y${q.to.slice(0, 4)}`;
      const [reached, register] = await Promise.all([
        grouped(client, q,
          Prisma.sql`SUM(r.households)::int AS "reachedHouseholds", SUM(r.enterprises)::int AS "reachedEnterprises"`,
          Prisma.sql`JOIN ${rollup("reach", ["households", "enterprises"], Prisma.sql`AND scope = ${scope}`, null, q.to)} ON r."orgUnitId" = u.id`, null),
        grouped(client, q,
          Prisma.sql`SUM(g.households)::int AS households, SUM(g.enterprises)::int AS enterprises`,
          Prisma.sql`JOIN rollup_register_unit g ON g."orgUnitId" = u.id`, null),
      ]);
      const out: FamilyResult = new Map();
      for (const u of q.units) out.set(u.id, { reachedHouseholds: 0, reachedEnterprises: 0, households: 0, enterprises: 0, ...register.get(u.id), ...reached.get(u.id) });
      return out;
    },
  },
  problems: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`SUM(r.raised)::int AS raised, SUM(r.solved)::int AS solved, SUM(r."solvedDaysSum")::float8 AS "solvedDaysSum"`,
        Prisma.sql`JOIN ${rollup("problem", ["raised", "solved", '"solvedDaysSum"'], programmeIs(Prisma.sql`"programmeKey"`, q), q.from, q.to, q.grain)} ON r."orgUnitId" = u.id`,
        Prisma.sql`r.day`),
  },
  requests: {
    bucketed: true,
    run: async (client, q) => {
      const [rolled, pending] = await Promise.all([
        grouped(client, q,
          Prisma.sql`SUM(r.received)::int AS received, SUM(r."acceptOnTime")::int AS "acceptOnTime", SUM(r."assignOnTime")::int AS "assignOnTime",
                     SUM(r."respondOnTime")::int AS "respondOnTime", SUM(r."acceptMet")::int AS "acceptMet", SUM(r."assignMet")::int AS "assignMet",
                     SUM(r."respondMet")::int AS "respondMet", SUM(r.closed)::int AS closed,
                     SUM(r."satisfactionSum")::int AS "satisfactionSum", SUM(r."satisfactionCount")::int AS "satisfactionCount"`,
          Prisma.sql`JOIN ${rollup("request", REQUEST_MEASURES, programmeIs(Prisma.sql`"programmeId"`, q), q.from, q.to, q.grain)} ON r."orgUnitId" = u.id`,
          Prisma.sql`r.day`),
        // Clocks still running and not yet due: neither on time nor breached yet. Only open
        // requests can have one, so this reads the few open rows, not the history.
        grouped(client, q,
          Prisma.sql`COUNT(*) FILTER (WHERE s."acceptedAt" IS NULL AND s."acceptDueAt" > ${q.now})::int AS "acceptPending",
                     COUNT(*) FILTER (WHERE s."assignedAt" IS NULL AND s."assignDueAt" > ${q.now})::int AS "assignPending",
                     COUNT(*) FILTER (WHERE s."respondedAt" IS NULL AND s."respondDueAt" > ${q.now})::int AS "respondPending"`,
          Prisma.sql`JOIN service_request s ON s."orgUnitId" = u.id
            WHERE s.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'REOPENED') AND ${between(Prisma.sql`zj_day(s."receivedAt")`, q)} ${programmeIs(Prisma.sql`s."programmeId"`, q)}`,
          Prisma.sql`zj_day(s."receivedAt")`),
      ]);
      const out: FamilyResult = new Map();
      for (const [k, row] of rolled) out.set(k, { acceptPending: 0, assignPending: 0, respondPending: 0, ...row, ...pending.get(k) });
      return out;
    },
  },
  points: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`SUM(r.granted)::int AS granted, SUM(r.redeemed)::int AS redeemed, SUM(r.redemptions)::int AS redemptions, SUM(r.expired)::int AS expired`,
        Prisma.sql`JOIN ${rollup("points", ["granted", "redeemed", "redemptions", "expired"], programmeIs(Prisma.sql`"programmeKey"`, q), q.from, q.to, q.grain)} ON r."orgUnitId" = u.id`,
        Prisma.sql`r.day`),
  },
  /** Quotas of the period's year (units' quotas and their enterprises' tier quotas) and talents served. */
  quotas: {
    bucketed: false,
    run: async (client, q) => {
      const year = q.to.slice(0, 4);
      const [quota, served] = await Promise.all([
        grouped(client, q,
          Prisma.sql`COALESCE(SUM(x.used), 0)::int AS "quotaUsed", COALESCE(SUM(x.total), 0)::int AS "quotaTotal"`,
          Prisma.sql`JOIN (SELECT rq.used, rq.total, COALESCE(rq."orgUnitId", e."orgUnitId") AS unit
                           FROM resource_quota rq JOIN point_resource pr ON pr.id = rq."resourceId"
                           LEFT JOIN enterprise e ON e.id = rq."enterpriseId"
                           WHERE rq.period LIKE ${`${year}%`} ${programmeIs(Prisma.sql`pr."programmeId"`, q)}) x ON x.unit = u.id`,
          null),
        grouped(client, q,
          Prisma.sql`COUNT(DISTINCT d."talentId")::int AS "talentsServed"`,
          Prisma.sql`JOIN redemption d ON d."orgUnitId" = u.id JOIN point_resource pr ON pr.id = d."resourceId"
            WHERE d.status IN ('APPROVED', 'FULFILLED') AND ${between(Prisma.sql`zj_day(d."createdAt")`, q)} ${programmeIs(Prisma.sql`pr."programmeId"`, q)}`,
          null),
      ]);
      const out: FamilyResult = new Map();
      for (const u of q.units) out.set(u.id, { quotaUsed: 0, quotaTotal: 0, talentsServed: 0, ...quota.get(u.id), ...served.get(u.id) });
      return out;
    },
  },
  events: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q, Prisma.sql`COUNT(*)::int AS events`,
        Prisma.sql`JOIN campaign_event ev ON ev."orgUnitId" = u.id WHERE ${between(Prisma.sql`ev."heldOn"`, q)} ${programmeIs(Prisma.sql`ev."programmeId"`, q)}`,
        Prisma.sql`ev."heldOn"`),
  },
  mentorship: {
    bucketed: false,
    run: async (client, q) => {
      const day = asOf(q);
      const [pairings, activities] = await Promise.all([
        grouped(client, q,
          Prisma.sql`COUNT(*)::int AS "pairingsActive",
                     COUNT(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM development_plan dp JOIN plan_goal g ON g."planId" = dp.id JOIN plan_milestone m ON m."goalId" = g.id
                       WHERE dp."pairingId" = p.id AND m."dueDate" < ${day}::date AND m.status IN ('PLANNED', 'IN_PROGRESS')))::int AS "pairingsOnTrack",
                     COALESCE(SUM((SELECT COUNT(*) FROM development_plan dp JOIN plan_goal g ON g."planId" = dp.id JOIN plan_milestone m ON m."goalId" = g.id
                       WHERE dp."pairingId" = p.id AND m."dueDate" < ${day}::date AND m.status IN ('PLANNED', 'IN_PROGRESS'))), 0)::int AS "overdueMilestones"`,
          Prisma.sql`JOIN pairing p ON p."orgUnitId" = u.id
            WHERE p.status = 'ACTIVE' AND p."startDate" <= ${q.to}::date AND p."endDate" >= ${q.from}::date ${programmeIs(Prisma.sql`p."programmeId"`, q)}`,
          null),
        grouped(client, q,
          Prisma.sql`COUNT(*)::int AS activities, COUNT(*) FILTER (WHERE a.kind = 'GUIDED_VISIT')::int AS "guidedVisits",
                     COUNT(*) FILTER (WHERE a.kind = 'DISPUTE_RESOLUTION')::int AS disputes`,
          Prisma.sql`JOIN pairing p ON p."orgUnitId" = u.id JOIN mentoring_activity a ON a."pairingId" = p.id
            WHERE ${between(Prisma.sql`a."occurredOn"`, q)} ${programmeIs(Prisma.sql`p."programmeId"`, q)}`,
          null),
      ]);
      const out: FamilyResult = new Map();
      for (const u of q.units) {
        out.set(u.id, { pairingsActive: 0, pairingsOnTrack: 0, overdueMilestones: 0, activities: 0, guidedVisits: 0, disputes: 0, ...pairings.get(u.id), ...activities.get(u.id) });
      }
      return out;
    },
  },
  investment: {
    bucketed: false,
    run: async (client, q) => {
      const [trips, leads] = await Promise.all([
        grouped(client, q,
          Prisma.sql`COUNT(DISTINCT t.id)::int AS trips, COUNT(m.id)::int AS "enterprisesMet"`,
          Prisma.sql`JOIN investment_trip t ON t."orgUnitId" = u.id LEFT JOIN trip_meeting m ON m."tripId" = t.id
            WHERE ${between(Prisma.sql`t."startDate"`, q)} ${programmeIs(Prisma.sql`t."programmeId"`, q)}`,
          null),
        grouped(client, q,
          Prisma.sql`COUNT(*)::int AS "projectsSigned", COALESCE(SUM(l."signedAmountWan"), 0)::float8 AS "signedWan"`,
          Prisma.sql`JOIN investment_lead l ON l."orgUnitId" = u.id
            WHERE l.stage IN ('SIGNED', 'LANDED') AND l."signedOn" IS NOT NULL AND ${between(Prisma.sql`l."signedOn"`, q)} ${programmeIs(Prisma.sql`l."programmeId"`, q)}`,
          null),
      ]);
      const out: FamilyResult = new Map();
      for (const u of q.units) out.set(u.id, { trips: 0, enterprisesMet: 0, projectsSigned: 0, signedWan: 0, ...trips.get(u.id), ...leads.get(u.id) });
      return out;
    },
  },
  keyProjects: {
    bucketed: false,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`COUNT(DISTINCT k.id)::int AS projects,
                   COUNT(m.id) FILTER (WHERE m."actualOn" IS NULL AND m."plannedOn" < ${asOf(q)}::date)::int AS "lateMilestones",
                   COUNT(m.id) FILTER (WHERE m.kind = 'START' AND m."actualOn" BETWEEN ${q.from}::date AND ${q.to}::date)::int AS started,
                   COUNT(m.id) FILTER (WHERE m.kind = 'PRODUCTION' AND m."actualOn" BETWEEN ${q.from}::date AND ${q.to}::date)::int AS "inProduction"`,
        Prisma.sql`JOIN key_project k ON k."orgUnitId" = u.id LEFT JOIN key_project_milestone m ON m."projectId" = k.id
          WHERE true ${programmeIs(Prisma.sql`k."programmeId"`, q)}`,
        null),
  },
  showcase: {
    bucketed: false,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`COUNT(DISTINCT s.id)::int AS sessions, COUNT(e.id)::int AS entries`,
        Prisma.sql`JOIN showcase_session s ON s."orgUnitId" = u.id LEFT JOIN showcase_entry e ON e."sessionId" = s.id
          WHERE ${between(Prisma.sql`s."heldOn"`, q)} ${programmeIs(Prisma.sql`s."programmeId"`, q)}`,
        null),
  },
  /**
   * 湖滨商圈增值服务驿站: cases finished in the period (by their Shanghai finish day), at the
   * stations' units. Enterprises are distinct per station (an enterprise served at two stations
   * counts at each), so the figure adds up over the org tree like the others; minutes saved are
   * the finished cases' savedMinutes.
   */
  serviceStation: {
    bucketed: true,
    run: (client, q) =>
      grouped(client, q,
        Prisma.sql`COUNT(*)::int AS cases, COUNT(DISTINCT (c."stationId", c."enterpriseId"))::int AS enterprises, COALESCE(SUM(c."savedMinutes"), 0)::int AS "minutesSaved"`,
        Prisma.sql`JOIN service_case c ON c."orgUnitId" = u.id
          WHERE c.status = 'FINISHED' AND ${between(Prisma.sql`zj_day(c."finishedAt")`, q)} ${programmeIs(Prisma.sql`c."programmeId"`, q)}`,
        Prisma.sql`zj_day(c."finishedAt")`),
  },
} satisfies Record<string, Family>;

export type FamilyName = keyof typeof FAMILIES;
