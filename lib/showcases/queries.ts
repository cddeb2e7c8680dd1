// Scoped reads of 三争一实 showcases. A session is visible with its programme, and always to
// its judges and entrants. Scores: before the session closes a judge sees only their own
// sheets, and nobody sees anyone else's (`othersScores` returns nothing); after it closes
// everyone who sees the session sees every score.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { visibleProgrammes } from "@/lib/programmes";

export function sessionScope(actor: Pick<Actor, "id" | "orgPath">) {
  return {
    OR: [
      { programme: visibleProgrammes(actor) },
      { judges: { some: { userId: actor.id } } },
      { entries: { some: { officerId: actor.id } } },
    ],
  };
}

export async function listShowcaseProgrammes(actor: Actor, client: Client = db) {
  return client.programme.findMany({
    where: { AND: [visibleProgrammes(actor), { type: "SHOWCASE" }] },
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    select: { id: true, name: true, description: true, status: true, orgUnit: { select: { id: true, name: true, path: true } } },
  });
}

export async function listSessions(actor: Actor, programmeId?: string, client: Client = db) {
  return client.showcaseSession.findMany({
    where: { AND: [sessionScope(actor), programmeId ? { programmeId } : {}] },
    orderBy: [{ heldOn: "desc" }],
    take: 100,
    select: {
      id: true, quarter: true, heldOn: true, place: true, status: true,
      programme: { select: { id: true, name: true } },
      _count: { select: { entries: true, judges: true } },
      judges: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
}

export async function getSessionOrThrow(actor: Actor, id: string, client: Client = db) {
  const s = await client.showcaseSession.findFirst({
    where: { AND: [{ id }, sessionScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
      criteria: { orderBy: [{ dimension: "asc" }, { sortOrder: "asc" }] },
      entries: {
        orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        include: { officer: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } },
      },
      judges: { include: { user: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } }, orderBy: { user: { name: "asc" } } },
      conflicts: { include: { judge: { select: { name: true } } } },
    },
  });
  if (!s) throw new NotFoundError({ entityType: "ShowcaseSession", entityId: id });
  const isJudge = s.judges.some((j) => j.userId === actor.id);
  return { ...s, orgPath: s.orgUnit.path, isJudge };
}
export type SessionDetail = Awaited<ReturnType<typeof getSessionOrThrow>>;

export async function getEntryOrThrow(actor: Actor, entryId: string, client: Client = db) {
  const entry = await client.showcaseEntry.findFirst({ where: { id: entryId, session: sessionScope(actor) }, select: { id: true, sessionId: true } });
  if (!entry) throw new NotFoundError({ entityType: "ShowcaseEntry", entityId: entryId });
  const session = await getSessionOrThrow(actor, entry.sessionId, client);
  return { session, entry: session.entries.find((e) => e.id === entry.id)! };
}

/** Why a judge may not score an entry: their own, or a declared conflict; null when they may. */
export function recusalOf(session: Pick<SessionDetail, "conflicts">, judgeId: string, entry: { id: string; officerId: string }): "OWN_ENTRY" | "CONFLICT" | null {
  if (entry.officerId === judgeId) return "OWN_ENTRY";
  if (session.conflicts.some((c) => c.judgeId === judgeId && c.entryId === entry.id)) return "CONFLICT";
  return null;
}

/** The signed-in judge's own scores in a session (their sheets). */
export async function myScores(actor: Actor, sessionId: string, client: Client = db) {
  const rows = await client.showcaseScore.findMany({
    where: { judgeId: actor.id, entry: { sessionId } },
    select: { entryId: true, criterionId: true, score: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/**
 * Every judge's scores — only once the session is closed. Before that this returns nothing,
 * to anyone (a judge's own sheet is `myScores`).
 */
export async function othersScores(actor: Actor, sessionId: string, client: Client = db) {
  const session = await client.showcaseSession.findFirst({ where: { AND: [{ id: sessionId }, sessionScope(actor)] }, select: { status: true } });
  if (!session || session.status !== "CLOSED") return [];
  const rows = await client.showcaseScore.findMany({
    where: { entry: { sessionId } },
    orderBy: [{ entryId: "asc" }, { judge: { name: "asc" } }],
    select: { entryId: true, judgeId: true, criterionId: true, score: true, judge: { select: { name: true } } },
  });
  return rows.map((r) => ({ entryId: r.entryId, judgeId: r.judgeId, judgeName: r.judge.name, criterionId: r.criterionId, score: Number(r.score) }));
}

/** Users the manager may name as entrant or judge: active users in the actor's subtree. */
export async function peopleInScope(actor: Actor, client: Client = db) {
  return client.user.findMany({
    where: { active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ orgUnit: { sortOrder: "asc" } }, { name: "asc" }],
    take: 300,
    select: { id: true, name: true, role: true, orgUnit: { select: { name: true } } },
  });
}

export type YearRow = { officerId: string; officerName: string; orgUnitName: string; sessions: number; average: number; best: number; bestRank: number | null };

/** Across the year's closed sessions of a programme: each entrant's mean and best final score. */
export async function yearLeaderboard(actor: Actor, programmeId: string, year: number, client: Client = db): Promise<YearRow[]> {
  const entries = await client.showcaseEntry.findMany({
    where: {
      finalScore: { not: null },
      session: { AND: [{ programmeId, status: "CLOSED", quarter: { startsWith: `${year}-` } }, sessionScope(actor)] },
    },
    select: { finalScore: true, rank: true, officer: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } },
  });
  const rows = new Map<string, YearRow & { sum: number }>();
  for (const e of entries) {
    const score = Number(e.finalScore);
    const row = rows.get(e.officer.id) ?? { officerId: e.officer.id, officerName: e.officer.name, orgUnitName: e.officer.orgUnit.name, sessions: 0, average: 0, best: 0, bestRank: null, sum: 0 };
    row.sessions += 1;
    row.sum += score;
    row.best = Math.max(row.best, score);
    if (e.rank !== null) row.bestRank = row.bestRank === null ? e.rank : Math.min(row.bestRank, e.rank);
    rows.set(e.officer.id, row);
  }
  return [...rows.values()]
    .map(({ sum, ...r }) => ({ ...r, average: Math.round((sum / r.sessions) * 100) / 100 }))
    .sort((a, b) => b.average - a.average || b.best - a.best || a.officerName.localeCompare(b.officerName, "zh-CN"));
}

/** 专业型人才/年轻人才名单 entries of people in the actor's subtree. */
export async function listTalentList(actor: Actor, client: Client = db) {
  return client.talentListEntry.findMany({
    where: { user: { orgUnit: { path: { startsWith: actor.orgPath } } } },
    orderBy: [{ list: "asc" }, { createdAt: "desc" }],
    include: { user: { select: { name: true, orgUnit: { select: { name: true } } } }, addedBy: { select: { name: true } } },
  });
}

export async function talentListedUsers(userIds: string[], client: Client = db) {
  return client.talentListEntry.findMany({ where: { userId: { in: userIds } }, select: { userId: true, list: true } });
}

/** A session in the actor's scope, with what its export needs (null when out of scope). */
export async function sessionForExport(actor: Actor, id: string, client: Client = db) {
  return client.showcaseSession.findFirst({
    where: { AND: [{ id }, sessionScope(actor)] },
    select: { id: true, quarter: true, status: true, programme: { select: { name: true } } },
  });
}

/**
 * One page of a session's entries for the export. Scores and ranks are selected only for a
 * CLOSED session: before close they must not leave the database (see the scoring rules).
 */
export async function sessionEntriesPage(sessionId: string, closed: boolean, skip: number, take: number, client: Client = db) {
  const entries = await client.showcaseEntry.findMany({
    where: { sessionId },
    orderBy: closed ? [{ rank: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: { topic: true, finalScore: closed, rank: closed, officer: { select: { name: true, orgUnit: { select: { name: true } } } } },
  });
  return entries.map((e) => ({ topic: e.topic, officer: e.officer, finalScore: closed ? (e.finalScore ?? null) : null, rank: closed ? (e.rank ?? null) : null }));
}
