// Writes of 三争一实 showcases. Every write to an open session first takes a share lock on the
// session row while it is still OPEN; closing takes the row with a conditional UPDATE, so it
// waits for writes in flight and every later write finds the session closed (locked).
import { now as clockNow } from "@/lib/platform/clock";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ForbiddenError, ConflictError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { dateOnly } from "@/lib/platform/dates";
import type { z } from "zod";
import { computeResults } from "./scoring";
import { recusalOf, type SessionDetail } from "./queries";
import type { addEntrySchema, conflictSchema, createSessionSchema, CriterionInput, scoreSheetSchema } from "./schemas";

/** Share-locks the session row while it is OPEN; refuses once it is closed. */
export async function lockOpenSession(sessionId: string, tx: Tx) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM showcase_session WHERE id = ${sessionId} AND status = 'OPEN' FOR SHARE`;
  if (rows.length === 0) throw new RuleViolation("showcase.sessionClosed");
}

const criteriaRows = (criteria: CriterionInput[]) =>
  criteria.map((c, sortOrder) => ({ dimension: c.dimension, name: c.name, weight: c.weight, maxScore: c.maxScore, sortOrder }));

export async function createSession(programme: { id: string; status: string; orgUnit: { id: string } }, input: z.infer<typeof createSessionSchema>, tx: Tx) {
  if (programme.status !== "ACTIVE") throw new RuleViolation("showcase.programmeNotActive");
  const taken = await tx.showcaseSession.findFirst({ where: { programmeId: programme.id, quarter: input.quarter }, select: { id: true } });
  if (taken) throw new RuleViolation("showcase.quarterTaken", "quarter");
  return tx.showcaseSession.create({
    data: {
      programmeId: programme.id, orgUnitId: programme.orgUnit.id, quarter: input.quarter, heldOn: dateOnly(input.heldOn), place: input.place,
      trimMinJudges: input.trimMinJudges, criteria: { create: criteriaRows(input.criteria) },
    },
  });
}

/** Criteria may change until the first score is given. */
export async function saveCriteria(session: SessionDetail, input: { version: number; criteria: CriterionInput[] }, tx: Tx) {
  await lockOpenSession(session.id, tx);
  if (await tx.showcaseScore.count({ where: { entry: { sessionId: session.id } } })) throw new RuleViolation("showcase.criteriaLocked");
  const { count } = await tx.showcaseSession.updateMany({ where: { id: session.id, version: input.version }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  await tx.showcaseCriterion.deleteMany({ where: { sessionId: session.id } });
  await tx.showcaseCriterion.createMany({ data: criteriaRows(input.criteria).map((c) => ({ ...c, sessionId: session.id })) });
}

export async function addEntry(actor: Actor, session: SessionDetail, input: z.infer<typeof addEntrySchema>, tx: Tx) {
  await lockOpenSession(session.id, tx);
  const officer = await tx.user.findFirst({
    where: { id: input.officerId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    select: { id: true, name: true, orgUnitId: true },
  });
  if (!officer) throw new RuleViolation("showcase.personOutOfScope", "officerId");
  if (session.entries.some((e) => e.officerId === officer.id)) throw new RuleViolation("showcase.alreadyEntered", "officerId");
  return tx.showcaseEntry.create({ data: { sessionId: session.id, officerId: officer.id, orgUnitId: officer.orgUnitId, topic: input.topic, narrative: input.narrative } });
}

export async function updateNarrative(session: SessionDetail, entryId: string, data: { topic?: string; narrative?: string; narrativeFileKey?: string | null; narrativeFileName?: string | null }, tx: Tx) {
  await lockOpenSession(session.id, tx);
  await tx.showcaseEntry.update({ where: { id: entryId }, data });
}

export async function addJudge(actor: Actor, session: SessionDetail, userId: string, tx: Tx) {
  await lockOpenSession(session.id, tx);
  const user = await tx.user.findFirst({ where: { id: userId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } }, select: { id: true, name: true } });
  if (!user) throw new RuleViolation("showcase.personOutOfScope", "userId");
  if (session.judges.some((j) => j.userId === user.id)) throw new RuleViolation("showcase.alreadyJudge", "userId");
  await tx.showcaseJudge.create({ data: { sessionId: session.id, userId: user.id } });
  return user;
}

/** A judge leaves the panel with the scores they gave (the session is still open). */
export async function removeJudge(session: SessionDetail, userId: string, tx: Tx) {
  await lockOpenSession(session.id, tx);
  const { count } = await tx.showcaseJudge.deleteMany({ where: { sessionId: session.id, userId } });
  if (count === 0) throw new NotFoundError();
  await tx.showcaseScore.deleteMany({ where: { judgeId: userId, entry: { sessionId: session.id } } });
  await tx.showcaseConflict.deleteMany({ where: { judgeId: userId, sessionId: session.id } });
}

/** A declared conflict (回避): the judge recuses from the entry, and any score they gave it goes. */
export async function declareConflict(actor: Actor, session: SessionDetail, input: z.infer<typeof conflictSchema>, asManager: boolean, tx: Tx) {
  await lockOpenSession(session.id, tx);
  const judgeId = input.judgeId ?? actor.id;
  if (judgeId !== actor.id && !asManager) throw new ForbiddenError("showcase.manage");
  if (!session.judges.some((j) => j.userId === judgeId)) throw new RuleViolation("showcase.notAJudge", "judgeId");
  const entry = session.entries.find((e) => e.id === input.entryId);
  if (!entry) throw new NotFoundError();
  await tx.$executeRaw`
    INSERT INTO showcase_conflict (id, "sessionId", "judgeId", "entryId", reason, "createdAt")
    VALUES (${randomUUID()}, ${session.id}, ${judgeId}, ${entry.id}, ${input.reason}, ${clockNow()}::timestamp)
    ON CONFLICT ("judgeId", "entryId") DO UPDATE SET reason = EXCLUDED.reason`;
  const removed = await tx.showcaseScore.deleteMany({ where: { judgeId, entryId: entry.id } });
  return { judgeId, removedScores: removed.count };
}

/**
 * A judge's sheet for one entry: every criterion, each within 0..maxScore. Refused for a
 * non-judge, for the judge's own entry and for a declared conflict — here on the server,
 * whatever the page showed.
 */
export async function saveScoreSheet(actor: Actor, session: SessionDetail, input: z.infer<typeof scoreSheetSchema>, tx: Tx) {
  await lockOpenSession(session.id, tx);
  if (!session.judges.some((j) => j.userId === actor.id)) throw new ForbiddenError("showcase.score");
  const entry = session.entries.find((e) => e.id === input.entryId);
  if (!entry) throw new NotFoundError();
  // Re-read conflicts inside the lock: one declared a moment ago counts.
  const conflicts = await tx.showcaseConflict.findMany({ where: { sessionId: session.id, judgeId: actor.id }, select: { judgeId: true, entryId: true } });
  const recusal = recusalOf({ conflicts: conflicts as SessionDetail["conflicts"] }, actor.id, entry);
  if (recusal === "OWN_ENTRY") throw new RuleViolation("showcase.ownEntry");
  if (recusal === "CONFLICT") throw new RuleViolation("showcase.recused");
  const given = new Map(input.scores.map((s) => [s.criterionId, s.score]));
  if (given.size !== input.scores.length) throw new RuleViolation("showcase.sheetIncomplete");
  for (const [i, c] of session.criteria.entries()) {
    const v = given.get(c.id);
    if (v === undefined) throw new RuleViolation("showcase.sheetIncomplete");
    if (v > c.maxScore) throw new RuleViolation("showcase.outOfRange", `scores.${i}.score`);
  }
  if (given.size !== session.criteria.length) throw new RuleViolation("showcase.sheetIncomplete");
  for (const c of session.criteria) {
    const score = given.get(c.id)!;
    // updatedAt from the app clock, not SQL now(): now() into a timestamp column follows the
    // database's TimeZone setting (see lib/platform/auth/lockout.ts), and a pinned clock should reach it.
    await tx.$executeRaw`
      INSERT INTO showcase_score (id, "entryId", "judgeId", "criterionId", score, "updatedAt")
      VALUES (${randomUUID()}, ${entry.id}, ${actor.id}, ${c.id}, ${score}, ${clockNow()}::timestamp)
      ON CONFLICT ("entryId", "judgeId", "criterionId") DO UPDATE SET score = EXCLUDED.score, "updatedAt" = EXCLUDED."updatedAt"`;
  }
  return { entryId: entry.id, scores: Object.fromEntries(given) };
}

/** Closes the session: final scores and ranks are computed once and scores lock. */
export async function closeSession(session: SessionDetail, version: number, tx: Tx) {
  const { count } = await tx.showcaseSession.updateMany({
    where: { id: session.id, version, status: "OPEN" },
    data: { status: "CLOSED", closedAt: clockNow(), version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await tx.showcaseSession.findUnique({ where: { id: session.id }, select: { status: true } });
    throw now?.status === "CLOSED" ? new RuleViolation("showcase.sessionClosed") : new ConflictError();
  }
  const [criteria, scores] = await Promise.all([
    tx.showcaseCriterion.findMany({ where: { sessionId: session.id } }),
    tx.showcaseScore.findMany({ where: { entry: { sessionId: session.id } }, select: { entryId: true, judgeId: true, criterionId: true, score: true } }),
  ]);
  const results = computeResults(
    session.entries.map((e) => e.id),
    criteria.map((c) => ({ id: c.id, weight: Number(c.weight), maxScore: c.maxScore })),
    scores.map((s) => ({ ...s, score: Number(s.score) })),
    session.trimMinJudges,
  );
  for (const r of results) {
    await tx.showcaseEntry.update({ where: { id: r.entryId }, data: { finalScore: r.finalScore, rank: r.rank } });
  }
  return results;
}

export async function addToTalentList(actor: Actor, entry: { id: string; officerId: string; orgUnitId: string }, input: { list: "PROFESSIONAL" | "YOUNG"; note: string }, tx: Tx) {
  const exists = await tx.talentListEntry.findUnique({ where: { list_userId: { list: input.list, userId: entry.officerId } }, select: { id: true } });
  if (exists) throw new RuleViolation("showcase.alreadyListed", "list");
  return tx.talentListEntry.create({
    data: { list: input.list, userId: entry.officerId, orgUnitId: entry.orgUnitId, sourceEntryId: entry.id, note: input.note, addedById: actor.id },
  });
}
