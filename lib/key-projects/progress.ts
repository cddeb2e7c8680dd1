// Key-project figures for the battle map and dashboards: projects and investment per stage,
// late milestones (Asia/Shanghai) and open blockers, over the projects the actor sees. One SQL
// statement; investment sums are exact numeric 万元 values returned as strings.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { dateOnly } from "@/lib/platform/dates";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { centsToWan, wanToCents, type DecimalLike } from "@/lib/platform/money";
import { KEY_PROJECT_STAGES, type KeyProjectStageValue } from "./schemas";

export type StageTotals = Record<KeyProjectStageValue, { projects: number; investmentWan: string }>;

export async function keyProjectTotals(actor: Actor, programmeId: string, now: Date = clockNow(), client: Db | Tx = db) {
  const today = dateOnly(todayInShanghai(now));
  const like = `${actor.orgPath}%`;
  const rows = await client.$queryRaw<{ stage: KeyProjectStageValue; projects: number; investment: DecimalLike | null; late_milestones: number; open_blockers: number }[]>`
    WITH visible AS (
      SELECT p.id, p.stage, p."investmentWan"
        FROM key_project p JOIN org_unit u ON u.id = p."orgUnitId"
       WHERE p."programmeId" = ${programmeId} AND (u.path LIKE ${like} OR p."liaisonId" = ${actor.id})
    )
    SELECT v.stage, count(*)::int AS projects, sum(v."investmentWan") AS investment,
           coalesce(sum((SELECT count(*) FROM key_project_milestone m
                           WHERE m."projectId" = v.id
                             AND ((m."actualOn" IS NULL AND m."plannedOn" < ${today}) OR m."actualOn" > m."plannedOn"))), 0)::int AS late_milestones,
           coalesce(sum((SELECT count(*) FROM problem b
                           WHERE b."keyProjectId" = v.id AND b.status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'REOPENED'))), 0)::int AS open_blockers
      FROM visible v
     GROUP BY v.stage`;
  const byStage = Object.fromEntries(KEY_PROJECT_STAGES.map((s) => [s, { projects: 0, investmentWan: "0.00" }])) as StageTotals;
  let projects = 0;
  let cents = 0n;
  let lateMilestones = 0;
  let openBlockers = 0;
  for (const r of rows) {
    const wan = r.investment === null ? "0.00" : centsToWan(wanToCents(r.investment));
    byStage[r.stage] = { projects: r.projects, investmentWan: wan };
    projects += r.projects;
    cents += wanToCents(wan);
    lateMilestones += r.late_milestones;
    openBlockers += r.open_blockers;
  }
  return { byStage, total: { projects, investmentWan: centsToWan(cents) }, lateMilestones, openBlockers };
}
