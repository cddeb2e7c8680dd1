// Progress of the service stations ("办件 312 件 · 服务企业 268 家 · 平均节省 36 分钟"): for one
// station, or every station the actor sees, over a period of Shanghai calendar days. Each figure
// family is one SQL statement over service_case (and its items, round-tables, staff), scoped to
// the stations stationScope/getStationOrThrow let the actor see. The page and its Excel export
// both read this, so they cannot disagree.
//
// What counts where:
// - a case counts as done (办件) in the period its finishedAt falls in (Shanghai days);
//   cancelled cases never count; a refused case (outcome REJECTED) is finished and counts;
// - "opened" counts cases created in the period, by their status now;
// - enterprises served: DISTINCT enterprises with a case finished in the period;
// - time saved: the savedMinutes of the finished cases (negative when a case took longer than
//   usual: shown as is), total and average over the finished cases (one decimal);
// - an item counts once per finished case that asked for it (service_case_item's key);
// - waiting round-tables are those OPEN now, whatever the period.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { now as clockNow } from "@/lib/platform/clock";
import { addDays, minDay, shanghaiDate, trendBuckets } from "@/lib/platform/periods";
import { shanghaiDayStart } from "@/lib/platform/shanghai";
import type { ServiceItemKind } from "@/lib/generated/prisma/enums";
import { CASE_STATUSES, type CaseStatusValue } from "./schemas";
import { getStationOrThrow, stationScope } from "./queries";

/** Shanghai calendar days "YYYY-MM-DD", both inclusive. */
export type ProgressRange = { from: string; to: string };

export type ProgressTotals = {
  /** Cases finished in the period (办件). */
  finished: number;
  /** Distinct enterprises with a case finished in the period. */
  enterprises: number;
  minutesSaved: number;
  /** minutesSaved ÷ finished, one decimal; null without finished cases. */
  averageMinutes: number | null;
  /** minutesSaved in hours, one decimal. */
  hoursSaved: number;
};

export type StationProgress = {
  station: { id: string; name: string; orgUnitName: string } | null;
  range: ProgressRange;
  totals: ProgressTotals;
  /** Cases opened (created) in the period, by their status now; `opened` is their sum. */
  opened: number;
  byStatus: Record<CaseStatusValue, number>;
  /** Finished cases per month ("YYYY-MM-01"), every month of the period up to this one. */
  trend: { bucket: string; finished: number; minutesSaved: number }[];
  /** Every item asked for by a case finished in the period, most used first. */
  items: { id: string; code: string; name: string; kind: ServiceItemKind; stationName: string; cases: number }[];
  /** The ten most used of `items`. */
  topItems: StationProgress["items"];
  /** Round-tables open now, the longest waiting first. */
  roundTables: {
    id: string; caseId: string; caseNumber: string; enterpriseName: string; stationName: string; topic: string;
    openedAt: Date; waitingHours: number; departments: number; answered: number; waitingOn: string[];
  }[];
  /** Per staff member: cases finished in the period and the time they saved; cases in hand now. */
  staff: { id: string; name: string; finished: number; enterprises: number; minutesSaved: number; averageMinutes: number | null; inHand: number }[];
};

export const TOP_ITEMS = 10;
/** The page (and its export) open on this year: a station's numbers are read by the year. */
export const PROGRESS_DEFAULT_PERIOD = "year";

const round1 = (v: number) => Math.round(v * 10) / 10;
export const averageOf = (minutes: number, cases: number) => (cases > 0 ? round1(minutes / cases) : null);

/** The stations a progress query covers: one (scoped, or NotFoundError) or all the actor sees. */
async function stationsOf(actor: Pick<Actor, "orgPath">, stationId: string | null, client: Client) {
  if (stationId) {
    const s = await getStationOrThrow(actor, stationId, client);
    return { ids: [s.id], station: { id: s.id, name: s.name, orgUnitName: s.orgUnit.name } };
  }
  const rows = await client.serviceStation.findMany({ where: stationScope(actor), select: { id: true } });
  return { ids: rows.map((r) => r.id), station: null };
}

/**
 * Progress of station `stationId` (or of every station the actor sees, when null) over
 * `range`. A station outside the actor's subtree is "not found".
 */
export async function stationProgress(
  actor: Pick<Actor, "orgPath">,
  stationId: string | null,
  range: ProgressRange,
  client: Client = db,
): Promise<StationProgress> {
  const { ids, station } = await stationsOf(actor, stationId, client);
  const now = clockNow();
  const start = shanghaiDayStart(range.from);
  const end = shanghaiDayStart(addDays(range.to, 1));
  const [summary, trendRows, itemRows, roundTableRows, staffRows] = await Promise.all([
    // Opened by status, and the finished figures (only the FINISHED group has any).
    client.$queryRaw<{ status: CaseStatusValue; opened: number; finished: number; enterprises: number; minutes: number | null }[]>`
      SELECT c.status::text AS status,
             count(*) FILTER (WHERE c."createdAt" >= ${start} AND c."createdAt" < ${end})::int AS opened,
             count(*) FILTER (WHERE c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end})::int AS finished,
             count(DISTINCT c."enterpriseId") FILTER (WHERE c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end})::int AS enterprises,
             sum(c."savedMinutes") FILTER (WHERE c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end})::int AS minutes
        FROM service_case c
       WHERE c."stationId" = ANY(${ids})
         AND ((c."createdAt" >= ${start} AND c."createdAt" < ${end}) OR (c."finishedAt" >= ${start} AND c."finishedAt" < ${end}))
       GROUP BY c.status`,
    client.$queryRaw<{ bucket: string; finished: number; minutes: number | null }[]>`
      SELECT to_char(date_trunc('month', zj_day(c."finishedAt")), 'YYYY-MM-DD') AS bucket,
             count(*)::int AS finished, sum(c."savedMinutes")::int AS minutes
        FROM service_case c
       WHERE c."stationId" = ANY(${ids}) AND c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end}
       GROUP BY 1`,
    client.$queryRaw<{ id: string; code: string; name: string; kind: ServiceItemKind; stationName: string; cases: number }[]>`
      SELECT i.id, i.code, i.name, i.kind::text AS kind, s.name AS "stationName", count(*)::int AS cases
        FROM service_case c
        JOIN service_case_item ci ON ci."caseId" = c.id
        JOIN service_item i ON i.id = ci."itemId"
        JOIN service_station s ON s.id = i."stationId"
       WHERE c."stationId" = ANY(${ids}) AND c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end}
       GROUP BY i.id, i.code, i.name, i.kind, s.name
       ORDER BY cases DESC, s.name, i.code`,
    client.$queryRaw<{ id: string; caseId: string; caseNumber: string; enterpriseName: string; stationName: string; topic: string; openedAt: Date; departments: number; answered: number; waitingOn: string[] | null }[]>`
      SELECT r.id, c.id AS "caseId", c.number AS "caseNumber", e.name AS "enterpriseName", s.name AS "stationName", r.topic, r."openedAt",
             count(o.id)::int AS departments, count(o.id) FILTER (WHERE o.verdict IS NOT NULL)::int AS answered,
             array_agg(o.department ORDER BY o.department) FILTER (WHERE o.verdict IS NULL) AS "waitingOn"
        FROM round_table r
        JOIN service_case c ON c.id = r."caseId"
        JOIN service_station s ON s.id = c."stationId"
        JOIN enterprise e ON e.id = c."enterpriseId"
        LEFT JOIN round_table_opinion o ON o."roundTableId" = r.id
       WHERE c."stationId" = ANY(${ids}) AND r.status = 'OPEN'
       GROUP BY r.id, c.id, e.name, s.name
       ORDER BY r."openedAt", c.number`,
    client.$queryRaw<{ id: string; name: string; finished: number; enterprises: number; minutes: number | null; inHand: number }[]>`
      SELECT u.id, u.name,
             count(*) FILTER (WHERE c.status = 'FINISHED')::int AS finished,
             count(DISTINCT c."enterpriseId") FILTER (WHERE c.status = 'FINISHED')::int AS enterprises,
             sum(c."savedMinutes") FILTER (WHERE c.status = 'FINISHED')::int AS minutes,
             count(*) FILTER (WHERE c.status IN ('IN_PROGRESS', 'ROUND_TABLE'))::int AS "inHand"
        FROM service_case c
        JOIN app_user u ON u.id = c."staffId"
       WHERE c."stationId" = ANY(${ids})
         AND ((c.status = 'FINISHED' AND c."finishedAt" >= ${start} AND c."finishedAt" < ${end}) OR c.status IN ('IN_PROGRESS', 'ROUND_TABLE'))
       GROUP BY u.id, u.name
       ORDER BY finished DESC, u.name`,
  ]);

  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatusValue, number>;
  let finished = 0;
  let enterprises = 0;
  let minutesSaved = 0;
  for (const r of summary) {
    byStatus[r.status] = r.opened;
    finished += r.finished;
    enterprises += r.enterprises;
    minutesSaved += r.minutes ?? 0;
  }
  const trendBy = new Map(trendRows.map((r) => [r.bucket, r]));
  const items = itemRows.map((r) => ({ ...r }));
  return {
    station,
    range,
    totals: { finished, enterprises, minutesSaved, averageMinutes: averageOf(minutesSaved, finished), hoursSaved: round1(minutesSaved / 60) },
    opened: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    // Every month of the period up to this one.
    trend: trendBuckets({ from: range.from, to: minDay(range.to, shanghaiDate(now)) }, "month").map((bucket) => ({
      bucket, finished: trendBy.get(bucket)?.finished ?? 0, minutesSaved: trendBy.get(bucket)?.minutes ?? 0,
    })),
    items,
    topItems: items.slice(0, TOP_ITEMS),
    roundTables: roundTableRows.map((r) => ({
      ...r, waitingOn: r.waitingOn ?? [], waitingHours: Math.max(0, Math.floor((now.getTime() - r.openedAt.getTime()) / 3_600_000)),
    })),
    staff: staffRows.map((r) => ({
      id: r.id, name: r.name, finished: r.finished, enterprises: r.enterprises, minutesSaved: r.minutes ?? 0,
      averageMinutes: averageOf(r.minutes ?? 0, r.finished), inHand: r.inHand,
    })),
  };
}
