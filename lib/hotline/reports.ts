// Same-day performance of the hotline (当天受理率/交办率/回应率), time per stage (average and
// 90th percentile, in minutes), satisfaction and reopen rate — per lead department and per
// period (month or quarter, Asia/Shanghai). Computed in SQL over the requests the user sees
// on the hotline's side or their department's (merged duplicates are left out: the
// surviving request carries the work).
//
// A clock counts in a rate once it is decided: met (on time or late) or past its due time.
// Stage times: 受理 = accepted − received, 交办 = assigned − accepted, 回应 = responded − assigned.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { isCalendarDay } from "@/lib/platform/dates";
import { parsePeriod } from "@/lib/programmes";
import { db, replicaFor, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { Prisma } from "@/lib/generated/prisma/client";

export type ReportFilter = { from: Date; to: Date; programmeId?: string; groupBy: "department" | "month" | "quarter" };

export type StageStats = { onTime: number; decided: number; rate: number | null; avgMinutes: number | null; p90Minutes: number | null };
export type ReportRow = {
  key: string;
  label: string | null;
  total: number;
  accept: StageStats;
  assign: StageStats;
  respond: StageStats;
  satisfaction: { average: number | null; count: number; distribution: [number, number, number, number, number] };
  closed: number;
  reopened: number;
  reopenRate: number | null;
};

type Raw = {
  key: string | null; label: string | null; total: number;
  accept_on_time: number; accept_decided: number; accept_avg: number | null; accept_p90: number | null;
  assign_on_time: number; assign_decided: number; assign_avg: number | null; assign_p90: number | null;
  respond_on_time: number; respond_decided: number; respond_avg: number | null; respond_p90: number | null;
  sat_avg: number | null; sat_count: number; sat1: number; sat2: number; sat3: number; sat4: number; sat5: number;
  closed: number; reopened: number;
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const stage = (onTime: number, decided: number, avg: unknown, p90: unknown): StageStats => ({
  onTime: Number(onTime), decided: Number(decided), rate: Number(decided) ? Number(onTime) / Number(decided) : null,
  avgMinutes: num(avg), p90Minutes: num(p90),
});

export async function hotlineReport(actor: Actor, filter: ReportFilter, now = clockNow(), client: Db | Tx = db): Promise<{ rows: ReportRow[]; overall: ReportRow }> {
  // receivedAt is a UTC wall-clock value (timestamp without time zone): read it as UTC, then
  // take the Shanghai wall clock, so 1 Jan 00:30 Shanghai (16:30 UTC) is January's.
  const groupExpr =
    filter.groupBy === "department" ? Prisma.sql`ld.id`
    : Prisma.sql`to_char(date_trunc(${filter.groupBy}, (sr."receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'), ${filter.groupBy === "month" ? "YYYY-MM" : 'YYYY-"Q"Q'})`;
  const labelExpr = filter.groupBy === "department" ? Prisma.sql`min(ld.name)` : Prisma.sql`NULL::text`;
  const programme = filter.programmeId ? Prisma.sql`AND sr."programmeId" = ${filter.programmeId}` : Prisma.empty;
  const minutes = (a: string, b: string) => Prisma.raw(`EXTRACT(EPOCH FROM (sr."${a}" - sr."${b}")) / 60.0`);
  const aggregates = Prisma.sql`
      count(*)::int AS total,
      count(*) FILTER (WHERE sr."acceptedAt" <= sr."acceptDueAt")::int AS accept_on_time,
      count(*) FILTER (WHERE sr."acceptedAt" IS NOT NULL OR sr."acceptDueAt" < ${now})::int AS accept_decided,
      avg(${minutes("acceptedAt", "receivedAt")}) AS accept_avg,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes("acceptedAt", "receivedAt")}) AS accept_p90,
      count(*) FILTER (WHERE sr."assignedAt" <= sr."assignDueAt")::int AS assign_on_time,
      count(*) FILTER (WHERE sr."assignedAt" IS NOT NULL OR sr."assignDueAt" < ${now})::int AS assign_decided,
      avg(${minutes("assignedAt", "acceptedAt")}) AS assign_avg,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes("assignedAt", "acceptedAt")}) AS assign_p90,
      count(*) FILTER (WHERE sr."respondedAt" <= sr."respondDueAt")::int AS respond_on_time,
      count(*) FILTER (WHERE sr."respondedAt" IS NOT NULL OR sr."respondDueAt" < ${now})::int AS respond_decided,
      avg(${minutes("respondedAt", "assignedAt")}) AS respond_avg,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes("respondedAt", "assignedAt")}) AS respond_p90,
      avg(sr.satisfaction)::float8 AS sat_avg,
      count(sr.satisfaction)::int AS sat_count,
      count(*) FILTER (WHERE sr.satisfaction = 1)::int AS sat1,
      count(*) FILTER (WHERE sr.satisfaction = 2)::int AS sat2,
      count(*) FILTER (WHERE sr.satisfaction = 3)::int AS sat3,
      count(*) FILTER (WHERE sr.satisfaction = 4)::int AS sat4,
      count(*) FILTER (WHERE sr.satisfaction = 5)::int AS sat5,
      count(*) FILTER (WHERE sr.status = 'CLOSED')::int AS closed,
      count(*) FILTER (WHERE sr."reopenCount" > 0)::int AS reopened`;
  const from = Prisma.sql`
    FROM service_request sr
    JOIN org_unit ou ON ou.id = sr."orgUnitId"
    LEFT JOIN org_unit ld ON ld.id = sr."leadDepartmentId"
    WHERE sr.status <> 'MERGED'
      AND (starts_with(ou.path, ${actor.orgPath}) OR starts_with(ld.path, ${actor.orgPath}))
      AND sr."receivedAt" >= ${filter.from} AND sr."receivedAt" < ${filter.to}
      ${programme}`;
  // A report over a period may lag by the replica's delay: the read replica when there is one.
  const reader = replicaFor(client);
  const [grouped, overall] = await Promise.all([
    reader.$queryRaw<Raw[]>`SELECT ${groupExpr} AS key, ${labelExpr} AS label, ${aggregates} ${from} GROUP BY 1 ORDER BY 1 NULLS LAST`,
    reader.$queryRaw<Raw[]>`SELECT 'all' AS key, NULL::text AS label, ${aggregates} ${from}`,
  ]);
  const toRow = (r: Raw): ReportRow => ({
    key: r.key ?? "",
    label: r.label,
    total: Number(r.total),
    accept: stage(r.accept_on_time, r.accept_decided, r.accept_avg, r.accept_p90),
    assign: stage(r.assign_on_time, r.assign_decided, r.assign_avg, r.assign_p90),
    respond: stage(r.respond_on_time, r.respond_decided, r.respond_avg, r.respond_p90),
    satisfaction: { average: num(r.sat_avg), count: Number(r.sat_count), distribution: [r.sat1, r.sat2, r.sat3, r.sat4, r.sat5].map(Number) as ReportRow["satisfaction"]["distribution"] },
    closed: Number(r.closed),
    reopened: Number(r.reopened),
    reopenRate: Number(r.total) ? Number(r.reopened) / Number(r.total) : null,
  });
  return { rows: grouped.map(toRow), overall: toRow(overall[0]!) };
}

/** "2026", "2026-11", "2026-Q4" (the programmes' one period syntax) or a custom range →
 *  [from, to) instants at Shanghai midnight; neither → this year. */
export function reportRange(params: { period?: string; from?: string; to?: string }, now = clockNow()): { from: Date; to: Date; label: string } {
  const day = (s: string) => new Date(`${s}T00:00:00+08:00`);
  const dayAfter = (s: string) => new Date(day(s).getTime() + 86_400_000);
  const valid = (s?: string): s is string => !!s && isCalendarDay(s);
  if (valid(params.from) && valid(params.to) && params.from <= params.to) {
    return { from: day(params.from), to: dayAfter(params.to), label: `${params.from} – ${params.to}` };
  }
  const period = params.period ? parsePeriod(params.period) : null;
  if (period) return { from: day(period.start), to: dayAfter(period.end), label: params.period! };
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now);
  return { from: day(`${year}-01-01`), to: day(`${Number(year) + 1}-01-01`), label: year };
}
