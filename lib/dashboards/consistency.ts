// The rollup consistency check: recompute every rollup set-based from the base tables
// (dashboard_rollups_rebuild(), the same function a bulk load uses) inside a transaction that
// is rolled back, and compare with what the triggers maintained. Non-zero rows only (a
// trigger may leave an all-zero row behind after a delete); float sums within 1e-6.
// TRUNCATE inside the check locks the rollup tables until the rollback: run it in tests, after
// a bulk load, or in a quiet hour, not on every page view.
import "server-only";
import { db, type Db } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const ROLLUP_TABLES = {
  rollup_visit_day: { key: ['"programmeKey"', "day", '"orgUnitId"'], values: ["visits", "household", "enterprise", '"followUp"', "guided", "services"] },
  visit_first_reach: { key: ["scope", '"subjectId"'], values: ['"subjectKind"', '"orgUnitId"', '"firstDay"'] },
  rollup_reach_day: { key: ["scope", "day", '"orgUnitId"'], values: ["households", "enterprises"] },
  rollup_problem_day: { key: ['"programmeKey"', "day", '"orgUnitId"'], values: ["raised", "solved", 'round("solvedDaysSum"::numeric, 6)'] },
  rollup_request_day: {
    key: ['"programmeId"', "day", '"orgUnitId"'],
    values: ["received", '"acceptMet"', '"acceptOnTime"', '"assignMet"', '"assignOnTime"', '"respondMet"', '"respondOnTime"', "closed", '"satisfactionSum"', '"satisfactionCount"'],
  },
  rollup_points_day: { key: ['"programmeKey"', "day", '"orgUnitId"'], values: ["granted", "redeemed", "expired", "entries", "redemptions"] },
  rollup_register_unit: { key: ['"orgUnitId"'], values: ["households", "enterprises"] },
  // The month rollups (docs/decisions/0021-month-rollups.md): the rebuild regroups them from
  // the rebuilt day rows, so this also proves month = Σ its days = the base records.
  rollup_visit_month: { key: ['"programmeKey"', "month", '"orgUnitId"'], values: ["visits", "household", "enterprise", '"followUp"', "guided", "services"] },
  rollup_reach_month: { key: ["scope", "month", '"orgUnitId"'], values: ["households", "enterprises"] },
  rollup_problem_month: { key: ['"programmeKey"', "month", '"orgUnitId"'], values: ["raised", "solved", 'round("solvedDaysSum"::numeric, 6)'] },
  rollup_request_month: {
    key: ['"programmeId"', "month", '"orgUnitId"'],
    values: ["received", '"acceptMet"', '"acceptOnTime"', '"assignMet"', '"assignOnTime"', '"respondMet"', '"respondOnTime"', "closed", '"satisfactionSum"', '"satisfactionCount"'],
  },
  rollup_points_month: { key: ['"programmeKey"', "month", '"orgUnitId"'], values: ["granted", "redeemed", "expired", "entries", "redemptions"] },
} as const;

export type RollupTable = keyof typeof ROLLUP_TABLES;
export type ConsistencyReport = Record<RollupTable, { mismatches: number; sample: unknown[] }>;

const ROLLBACK = Symbol("rollback");

/** Rows that differ between the trigger-maintained rollups and a fresh rebuild, per table. */
export async function checkRollups(client: Db = db): Promise<ConsistencyReport> {
  const report = {} as ConsistencyReport;
  await client
    .$transaction(async (tx) => {
      // Table and column names come from the constant above (Prisma.raw), never from input.
      const nonZero = (table: RollupTable) => {
        const { values } = ROLLUP_TABLES[table];
        const numeric = values.filter((v) => !v.startsWith('"subject') && v !== '"orgUnitId"' && v !== '"firstDay"');
        return numeric.length && table !== "visit_first_reach" ? `WHERE ${numeric.map((v) => `${v} <> 0`).join(" OR ")}` : "";
      };
      const cols = (table: RollupTable) => [...ROLLUP_TABLES[table].key, ...ROLLUP_TABLES[table].values].join(", ");
      for (const table of Object.keys(ROLLUP_TABLES) as RollupTable[]) {
        await tx.$executeRaw(Prisma.sql`${Prisma.raw(`CREATE TEMP TABLE "kept_${table}" ON COMMIT DROP AS SELECT ${cols(table)} FROM ${table} ${nonZero(table)}`)}`);
      }
      await tx.$executeRaw`SELECT dashboard_rollups_rebuild()`;
      for (const table of Object.keys(ROLLUP_TABLES) as RollupTable[]) {
        const fresh = `SELECT ${cols(table)} FROM ${table} ${nonZero(table)}`;
        const kept = `SELECT * FROM "kept_${table}"`;
        const rows = await tx.$queryRaw<unknown[]>(
          Prisma.sql`${Prisma.raw(`(SELECT 'kept' AS side, * FROM (${kept} EXCEPT ${fresh}) a) UNION ALL (SELECT 'fresh', * FROM (${fresh} EXCEPT ${kept}) b) LIMIT 20`)}`,
        );
        report[table] = { mismatches: rows.length, sample: rows };
      }
      throw ROLLBACK;
    }, { timeout: 600_000, maxWait: 30_000 })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return report;
}
