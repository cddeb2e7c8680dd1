// Investment progress ("42 次外出招商、74 家企业、38 个签约项目、230 亿元"): per task force, per
// org unit (the task forces' units) and in total, against targets. Counted in SQL with
// GROUPING SETS so the total of "enterprises visited" is a true distinct count (one
// enterprise met by two task forces counts once), not a sum of the rows above it.
// Amounts are summed in 万元 by PostgreSQL (numeric, exact) and returned as 万元 strings.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { dateOnly } from "@/lib/platform/dates";
import { shanghaiDayStart } from "@/lib/platform/shanghai";
import { CENTS, centsToWan, wanToCents, type DecimalLike } from "@/lib/platform/money";
import { taskForceReadScope } from "./queries";

export type ProgressRange = { from: string; to: string };

export type ProgressFigures = {
  trips: number;
  enterprises: number;
  leads: number;
  signed: number;
  signedWan: string;
  landed: number;
  landedWan: string;
};

export type ProgressTargets = { trips: number; enterprises: number; projects: number; investmentWan: string };

export type ProgressRow = ProgressFigures & { key: string; name: string; kind?: string; targets: ProgressTargets | null };

const ZERO: ProgressFigures = { trips: 0, enterprises: 0, leads: 0, signed: 0, signedWan: "0.00", landed: 0, landedWan: "0.00" };

type Grouped = { task_force_id: string | null; org_unit_id: string | null; g_tf: number; g_unit: number };

const keyOf = (r: Grouped) => (r.g_tf === 0 ? `tf:${r.task_force_id}` : r.g_unit === 0 ? `unit:${r.org_unit_id}` : "total");
const wan = (v: DecimalLike | null) => (v === null ? "0.00" : centsToWan(wanToCents(v)));

/**
 * Figures for the task forces of `programmeId` the actor sees, within [from, to] (Shanghai
 * calendar days): trips by start date, enterprises by the trips' start dates, leads by the day
 * they were entered, signed projects by signing date, landed projects by landing date.
 */
export async function investmentProgress(actor: Actor, programmeId: string, range: ProgressRange, client: Db | Tx = db) {
  const taskForces = await client.taskForce.findMany({
    where: { AND: [{ programmeId }, taskForceReadScope(actor)] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, kind: true, targetTrips: true, targetEnterprises: true, targetProjects: true, targetInvestmentWan: true,
      orgUnit: { select: { id: true, name: true, path: true } },
    },
  });
  const ids = taskForces.map((t) => t.id);
  const figures = new Map<string, ProgressFigures>();
  const at = (key: string) => {
    let f = figures.get(key);
    if (!f) figures.set(key, (f = { ...ZERO }));
    return f;
  };
  if (ids.length) {
    const from = dateOnly(range.from);
    const to = dateOnly(range.to);
    const fromInstant = shanghaiDayStart(range.from);
    const toInstant = new Date(shanghaiDayStart(range.to).getTime() + 86_400_000);
    const trips = await client.$queryRaw<(Grouped & { trips: number })[]>`
      SELECT t."taskForceId" AS task_force_id, t."orgUnitId" AS org_unit_id,
             GROUPING(t."taskForceId")::int AS g_tf, GROUPING(t."orgUnitId")::int AS g_unit, count(*)::int AS trips
        FROM investment_trip t
       WHERE t."taskForceId" = ANY(${ids}) AND t."startDate" BETWEEN ${from} AND ${to}
       GROUP BY GROUPING SETS ((t."taskForceId"), (t."orgUnitId"), ())`;
    for (const r of trips) at(keyOf(r)).trips = r.trips;
    const met = await client.$queryRaw<(Grouped & { enterprises: number })[]>`
      SELECT t."taskForceId" AS task_force_id, t."orgUnitId" AS org_unit_id,
             GROUPING(t."taskForceId")::int AS g_tf, GROUPING(t."orgUnitId")::int AS g_unit,
             count(DISTINCT COALESCE(m."enterpriseId", m."prospectId"))::int AS enterprises
        FROM trip_meeting m JOIN investment_trip t ON t.id = m."tripId"
       WHERE t."taskForceId" = ANY(${ids}) AND t."startDate" BETWEEN ${from} AND ${to}
       GROUP BY GROUPING SETS ((t."taskForceId"), (t."orgUnitId"), ())`;
    for (const r of met) at(keyOf(r)).enterprises = r.enterprises;
    const leads = await client.$queryRaw<(Grouped & { leads: number; signed: number; signed_wan: DecimalLike | null; landed: number; landed_wan: DecimalLike | null })[]>`
      SELECT l."taskForceId" AS task_force_id, l."orgUnitId" AS org_unit_id,
             GROUPING(l."taskForceId")::int AS g_tf, GROUPING(l."orgUnitId")::int AS g_unit,
             count(*) FILTER (WHERE l."createdAt" >= ${fromInstant} AND l."createdAt" < ${toInstant})::int AS leads,
             count(*) FILTER (WHERE l.stage IN ('SIGNED', 'LANDED') AND l."signedOn" BETWEEN ${from} AND ${to})::int AS signed,
             sum(l."signedAmountWan") FILTER (WHERE l.stage IN ('SIGNED', 'LANDED') AND l."signedOn" BETWEEN ${from} AND ${to}) AS signed_wan,
             count(*) FILTER (WHERE l.stage = 'LANDED' AND l."landedOn" BETWEEN ${from} AND ${to})::int AS landed,
             sum(l."signedAmountWan") FILTER (WHERE l.stage = 'LANDED' AND l."landedOn" BETWEEN ${from} AND ${to}) AS landed_wan
        FROM investment_lead l
       WHERE l."taskForceId" = ANY(${ids})
       GROUP BY GROUPING SETS ((l."taskForceId"), (l."orgUnitId"), ())`;
    for (const r of leads) {
      Object.assign(at(keyOf(r)), { leads: r.leads, signed: r.signed, signedWan: wan(r.signed_wan), landed: r.landed, landedWan: wan(r.landed_wan) });
    }
  }

  const tfTargets = (t: (typeof taskForces)[number]): ProgressTargets => ({
    trips: t.targetTrips, enterprises: t.targetEnterprises, projects: t.targetProjects, investmentWan: wan(t.targetInvestmentWan),
  });
  const taskForceRows: ProgressRow[] = taskForces.map((t) => ({
    key: t.id, name: t.name, kind: t.kind, ...(figures.get(`tf:${t.id}`) ?? ZERO), targets: tfTargets(t),
  }));

  // Units: the task forces' units; their targets are the programme's targets for that unit in
  // the range's year, or else the sum of their task forces' targets.
  const year = range.from.slice(0, 4);
  const programmeTargets = await unitTargets(client, programmeId, year);
  const units = new Map<string, { id: string; name: string; path: string; tfs: typeof taskForces }>();
  for (const t of taskForces) {
    const u = units.get(t.orgUnit.id) ?? { ...t.orgUnit, tfs: [] };
    u.tfs.push(t);
    units.set(t.orgUnit.id, u);
  }
  const unitRows: ProgressRow[] = [...units.values()]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((u) => ({
      key: u.id, name: u.name, ...(figures.get(`unit:${u.id}`) ?? ZERO),
      targets: programmeTargets.get(u.id) ?? sumTargets(u.tfs.map(tfTargets)),
    }));

  const programme = await client.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { orgUnitId: true, orgUnit: { select: { name: true } } } });
  const total: ProgressRow = {
    key: "total", name: programme.orgUnit.name, ...(figures.get("total") ?? ZERO),
    targets: programmeTargets.get(programme.orgUnitId) ?? (taskForces.length ? sumTargets(taskForces.map(tfTargets)) : null),
  };
  return { taskForces: taskForceRows, units: unitRows, total };
}

function sumTargets(list: ProgressTargets[]): ProgressTargets {
  let cents = 0n;
  const out = { trips: 0, enterprises: 0, projects: 0, investmentWan: "0.00" };
  for (const t of list) {
    out.trips += t.trips;
    out.enterprises += t.enterprises;
    out.projects += t.projects;
    cents += wanToCents(t.investmentWan);
  }
  out.investmentWan = centsToWan(cents);
  return out;
}

/** Indicator codes of the INVESTMENT programme (see the demo programme) → target fields. */
const INDICATORS = { trips: "trips", enterprises: "enterprises_met", projects: "projects_signed", investment: "investment_signed" } as const;

/**
 * The programme's yearly targets per unit. The investment target's indicator says its unit
 * ("亿元" or "万元"); it is converted to 万元 here so it is never compared with another unit.
 */
async function unitTargets(client: Db | Tx, programmeId: string, year: string) {
  const rows = await client.programmeTarget.findMany({
    where: { period: year, indicator: { programmeId, code: { in: Object.values(INDICATORS) } } },
    select: { orgUnitId: true, value: true, indicator: { select: { code: true, unit: true } } },
  });
  const out = new Map<string, ProgressTargets>();
  for (const r of rows) {
    const t = out.get(r.orgUnitId) ?? { trips: 0, enterprises: 0, projects: 0, investmentWan: "0.00" };
    const n = Number(r.value.toFixed(0));
    if (r.indicator.code === INDICATORS.trips) t.trips = n;
    if (r.indicator.code === INDICATORS.enterprises) t.enterprises = n;
    if (r.indicator.code === INDICATORS.projects) t.projects = n;
    if (r.indicator.code === INDICATORS.investment) {
      const cents = wanToCents(r.value.toFixed(2));
      t.investmentWan = centsToWan(r.indicator.unit.includes("亿") ? (cents * CENTS.YI) / CENTS.WAN : cents);
    }
    out.set(r.orgUnitId, t);
  }
  return out;
}

/** A whole calendar year (the programme's start year by default). */
export function yearRange(year: string): ProgressRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
