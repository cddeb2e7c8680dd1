// Progress of a mentorship programme per org unit, and pairings behind their activity
// expectation. The SQL lives here so the manager dashboard can reuse it:
//   progressByUnit(programmeId, unitId, today, client?) — one row per child unit of `unitId`
//   (records below the child roll up into it) plus a row for records at `unitId` itself.
// Callers check that `unitId` is in the viewer's subtree (resolveProgressUnit does).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { shanghaiDate } from "@/lib/platform/periods";
import { dateOnly } from "@/lib/platform/dates";
import { evaluateExpectations, type ExpectationStatus } from "./expectations";
import { pairingScope } from "./queries";
import type { MentorshipSettings } from "./schemas";

export type UnitProgressRow = {
  unitId: string;
  unitName: string;
  /** The row for records at the unit itself (not below it). */
  self: boolean;
  activePairings: number;
  /** Active pairings with at least one milestone past its due date and not done. */
  plansLate: number;
  plansOnTrack: number;
  lateMilestones: number;
  milestonesDone: number;
  milestonesTotal: number;
  activities: number;
  /** Trainees flagged for priority promotion (优先提任) / placed in the cadre reserve (干部后备库). */
  promotions: number;
  reserve: number;
};

export async function progressByUnit(programmeId: string, unitId: string, today: string, client: Client = db): Promise<UnitProgressRow[]> {
  const day = dateOnly(today);
  const rows = await client.$queryRaw<Omit<UnitProgressRow, "plansOnTrack">[]>`
    WITH buckets AS (
      SELECT c.id, c.name, c.path, c."sortOrder", false AS self FROM org_unit c WHERE c."parentId" = ${unitId} AND c.active
      UNION ALL
      SELECT u.id, u.name, u.path, -1, true FROM org_unit u WHERE u.id = ${unitId}
    ),
    units AS (
      SELECT b.id AS bucket, u.id AS unit FROM buckets b
      JOIN org_unit u ON (b.self AND u.id = b.id) OR (NOT b.self AND u.path LIKE b.path || '%')
    ),
    pairs AS (
      SELECT un.bucket, p.id FROM units un JOIN pairing p ON p."orgUnitId" = un.unit
      WHERE p."programmeId" = ${programmeId} AND p.status = 'ACTIVE'
    ),
    miles AS (
      SELECT pa.bucket, pa.id AS pairing, m.status, m."dueDate" FROM pairs pa
      JOIN development_plan d ON d."pairingId" = pa.id
      JOIN plan_goal g ON g."planId" = d.id
      JOIN plan_milestone m ON m."goalId" = g.id
    ),
    trainees AS (
      SELECT un.bucket, pm."priorityPromotion", pm."reserveCadre" FROM units un
      JOIN app_user au ON au."orgUnitId" = un.unit
      JOIN pool_member pm ON pm."userId" = au.id AND pm."programmeId" = ${programmeId} AND pm.pool = 'TRAINEE' AND pm.status IN ('ACTIVE', 'PAUSED')
    )
    SELECT b.id AS "unitId", b.name AS "unitName", b.self,
      (SELECT count(*) FROM pairs WHERE pairs.bucket = b.id)::int AS "activePairings",
      (SELECT count(DISTINCT pairing) FROM miles WHERE miles.bucket = b.id AND miles."dueDate" < ${day}::date AND miles.status IN ('PLANNED', 'IN_PROGRESS'))::int AS "plansLate",
      (SELECT count(*) FROM miles WHERE miles.bucket = b.id AND miles."dueDate" < ${day}::date AND miles.status IN ('PLANNED', 'IN_PROGRESS'))::int AS "lateMilestones",
      (SELECT count(*) FROM miles WHERE miles.bucket = b.id AND miles.status IN ('DONE', 'SIGNED_OFF'))::int AS "milestonesDone",
      (SELECT count(*) FROM miles WHERE miles.bucket = b.id)::int AS "milestonesTotal",
      (SELECT count(*) FROM pairs JOIN mentoring_activity a ON a."pairingId" = pairs.id WHERE pairs.bucket = b.id)::int AS activities,
      (SELECT count(*) FROM trainees t WHERE t.bucket = b.id AND t."priorityPromotion")::int AS promotions,
      (SELECT count(*) FROM trainees t WHERE t.bucket = b.id AND t."reserveCadre")::int AS reserve
    FROM buckets b
    ORDER BY b.self DESC, b."sortOrder", b.name`;
  return rows
    .map((r) => ({ ...r, plansOnTrack: r.activePairings - r.plansLate }))
    // The unit's own row only when something sits at the unit itself.
    .filter((r) => !r.self || r.activePairings > 0 || r.promotions > 0 || r.reserve > 0);
}

/** The unit whose children the progress page rows are: the viewer's own, or one below it. */
export async function resolveProgressUnit(actor: Actor & { orgUnitId: string }, unitId?: string, client: Client = db) {
  const unit = await client.orgUnit.findFirst({
    where: { id: unitId || actor.orgUnitId, path: { startsWith: actor.orgPath } },
    select: { id: true, name: true, path: true, parentId: true },
  });
  if (!unit) throw new NotFoundError({ entityType: "OrgUnit", entityId: unitId || actor.orgUnitId });
  return unit;
}

export type PairingExpectation = ExpectationStatus & {
  mentorName: string;
  traineeName: string;
  orgUnitName: string;
  orgPath: string;
};

/** Activity expectation status of the active pairings the actor sees (most urgent first). */
export async function pairingExpectations(actor: Actor, programmeId: string, settings: MentorshipSettings, now = clockNow(), client: Client = db): Promise<PairingExpectation[]> {
  const pairings = await client.pairing.findMany({
    where: { AND: [{ programmeId, status: "ACTIVE" }, pairingScope(actor)] },
    select: {
      id: true, startDate: true, endDate: true,
      mentor: { select: { name: true } }, trainee: { select: { name: true } }, orgUnit: { select: { name: true, path: true } },
    },
  });
  if (pairings.length === 0 || settings.expectations.length === 0) return [];
  // Two months back covers the previous week or month of any expectation.
  const since = dateOnly(shanghaiDate(new Date(now.getTime() - 70 * 86_400_000)));
  const activities = await client.mentoringActivity.findMany({
    where: { pairingId: { in: pairings.map((p) => p.id) }, occurredOn: { gte: since } },
    select: { pairingId: true, kind: true, occurredOn: true },
  });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const statuses = evaluateExpectations(
    pairings.map((p) => ({ id: p.id, startDate: day(p.startDate), endDate: day(p.endDate) })),
    settings.expectations,
    activities.map((a) => ({ pairingId: a.pairingId, kind: a.kind, occurredOn: day(a.occurredOn) })),
    now,
    settings.dueSoonDays,
  );
  const byId = new Map(pairings.map((p) => [p.id, p]));
  const order = { OVERDUE: 0, DUE_SOON: 1, PENDING: 2, MET: 3 } as const;
  return statuses
    .map((s) => {
      const p = byId.get(s.pairingId)!;
      return { ...s, mentorName: p.mentor.name, traineeName: p.trainee.name, orgUnitName: p.orgUnit.name, orgPath: p.orgUnit.path };
    })
    .sort((a, b) => order[a.status] - order[b.status] || a.traineeName.localeCompare(b.traineeName, "zh-CN"));
}

/** Pairings behind their expectation per progress row (by org path). */
export function behindByUnit(rows: { unitId: string; self: boolean }[], unitPaths: Map<string, string>, items: PairingExpectation[]): Map<string, number> {
  const out = new Map<string, number>();
  const behind = new Set<string>();
  for (const item of items) {
    if (item.status !== "OVERDUE" || behind.has(item.pairingId)) continue;
    behind.add(item.pairingId);
    const row = rows.find((r) => !r.self && item.orgPath.startsWith(unitPaths.get(r.unitId) ?? "\u0000")) ?? rows.find((r) => r.self);
    if (row) out.set(row.unitId, (out.get(row.unitId) ?? 0) + 1);
  }
  return out;
}
