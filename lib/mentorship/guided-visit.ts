// A visit recorded with an accompanying mentor (Visit.mentorId) by an officer who has an
// ACTIVE pairing with that mentor is a 帮带入户走亲 (GUIDED_VISIT) mentoring activity — no
// second entry in the mentoring log. The visit actions call these inside their own
// transaction, so the visit and its activity commit or roll back together.
//
// - create: `recordGuidedVisit` inserts at most one activity per visit (mentoring_activity
//   ."visitId" is unique; ON CONFLICT DO NOTHING makes a retry harmless);
// - edit: `syncGuidedVisit` follows the visit: mentor removed or changed to someone the
//   officer is not paired with → the automatic activity is deleted; date changed → moved;
//   mentor added → created;
// - delete: there is no visit deletion in the app today; the foreign key is ON DELETE SET
//   NULL, which would keep the activity as a plain log entry. A deletion path should call
//   `removeGuidedVisit` in its transaction instead.
import { now as clockNow } from "@/lib/platform/clock";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/platform/db/client";
import { shanghaiDate } from "@/lib/platform/periods";
import { dateOnly } from "@/lib/platform/dates";

export type VisitForMentoring = { id: string; officerId: string; mentorId: string | null; visitedAt: Date; orgUnitId: string };

/** The ACTIVE pairing of this officer (trainee) with this mentor on the visit's day, if any. */
async function pairingFor(tx: Tx, visit: VisitForMentoring): Promise<{ pairingId: string; day: Date; place: string } | null> {
  if (!visit.mentorId) return null;
  const day = dateOnly(shanghaiDate(visit.visitedAt));
  const rows = await tx.$queryRaw<{ id: string; place: string }[]>`
    SELECT p.id, u.name AS place
    FROM pairing p, org_unit u
    WHERE u.id = ${visit.orgUnitId}
      AND p."traineeId" = ${visit.officerId} AND p."mentorId" = ${visit.mentorId}
      AND p.status = 'ACTIVE' AND p."startDate" <= ${day}::date AND p."endDate" >= ${day}::date
    ORDER BY p."startDate" DESC, p.id
    LIMIT 1`;
  return rows[0] ? { pairingId: rows[0].id, day, place: rows[0].place } : null;
}

/** On visit create: one GUIDED_VISIT activity when the officer is paired with the mentor. Returns whether one was added. */
export async function recordGuidedVisit(visit: VisitForMentoring, tx: Tx): Promise<boolean> {
  const match = await pairingFor(tx, visit);
  if (!match) return false;
  // createdAt from the app clock, not SQL now(): now() into a timestamp column follows the
  // database's TimeZone setting (see lib/platform/auth/lockout.ts), and a pinned clock should reach it.
  const inserted = await tx.$executeRaw`
    INSERT INTO mentoring_activity (id, "pairingId", kind, "occurredOn", place, notes, "visitId", "recordedById", "createdAt")
    VALUES (${randomUUID()}, ${match.pairingId}, 'GUIDED_VISIT'::"MentoringActivityKind", ${match.day}::date, ${match.place}, '', ${visit.id}, ${visit.officerId}, ${clockNow()}::timestamp)
    ON CONFLICT ("visitId") DO NOTHING`;
  return inserted > 0;
}

/** On visit edit: keep the automatic activity in line with the visit's mentor and date. */
export async function syncGuidedVisit(visit: VisitForMentoring, tx: Tx): Promise<void> {
  const match = await pairingFor(tx, visit);
  if (!match) {
    await removeGuidedVisit(visit.id, tx);
    return;
  }
  await tx.$executeRaw`
    INSERT INTO mentoring_activity (id, "pairingId", kind, "occurredOn", place, notes, "visitId", "recordedById", "createdAt")
    VALUES (${randomUUID()}, ${match.pairingId}, 'GUIDED_VISIT'::"MentoringActivityKind", ${match.day}::date, ${match.place}, '', ${visit.id}, ${visit.officerId}, ${clockNow()}::timestamp)
    ON CONFLICT ("visitId") DO UPDATE SET "pairingId" = EXCLUDED."pairingId", "occurredOn" = EXCLUDED."occurredOn", place = EXCLUDED.place`;
}

/** The automatic activity of a visit goes with it. */
export async function removeGuidedVisit(visitId: string, tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM mentoring_activity WHERE "visitId" = ${visitId}`;
}
