// Scoped reads of 导师带徒. Who sees what:
// - programmes: the visible MENTORSHIP programmes (lib/programmes visibleProgrammes);
// - pairings: those whose trainee's unit is in the actor's subtree, plus the actor's own
//   pairings as mentor or trainee (a town cadre mentors a village officer);
// - pools: a visible programme's mentor pool, and the trainees in the actor's subtree.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { can } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { PoolKind } from "@/lib/generated/prisma/enums";
import { visibleProgrammes } from "@/lib/programmes";
import type { MentorshipProgramme } from "./programme";
import { rankMentors } from "./suggest";

export async function listMentorshipProgrammes(actor: Actor, client: Client = db) {
  return client.programme.findMany({
    where: { AND: [visibleProgrammes(actor), { type: "MENTORSHIP" }] },
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    select: {
      id: true, name: true, description: true, status: true, startDate: true, endDate: true,
      orgUnit: { select: { name: true } },
      _count: { select: { pairings: { where: { status: "ACTIVE" } }, poolMembers: { where: { status: "ACTIVE" } } } },
    },
  });
}

export type { MentorshipProgramme };

const memberInclude = {
  user: { select: { id: true, name: true, orgUnit: { select: { id: true, name: true, path: true } } } },
  programme: { select: { id: true, name: true, status: true, orgUnit: { select: { path: true } } } },
} as const;

/** Where a pool member is managed: trainees at their own unit, mentors at the programme's owner. */
export function memberScopePath(member: { pool: PoolKind; user: { orgUnit: { path: string } }; programme: { orgUnit: { path: string } } }) {
  return member.pool === "TRAINEE" ? member.user.orgUnit.path : member.programme.orgUnit.path;
}

function poolScope(actor: Actor) {
  return {
    AND: [
      { programme: visibleProgrammes(actor) },
      { OR: [{ pool: "MENTOR" as const }, { user: { orgUnit: { path: { startsWith: actor.orgPath } } } }, { userId: actor.id }] },
    ],
  };
}

export async function getPoolMemberOrThrow(actor: Actor, id: string, client: Client = db) {
  const m = await client.poolMember.findFirst({ where: { AND: [{ id }, poolScope(actor)] }, include: memberInclude });
  if (!m) throw new NotFoundError({ entityType: "PoolMember", entityId: id });
  return { ...m, orgPath: memberScopePath(m) };
}

export async function listPoolMembers(actor: Actor, programmeId: string, pool: PoolKind, client: Client = db) {
  return client.poolMember.findMany({
    where: { AND: [{ programmeId, pool }, poolScope(actor)] },
    orderBy: [{ status: "asc" }, { joinedOn: "asc" }, { id: "asc" }],
    include: {
      ...memberInclude,
      changes: { orderBy: { at: "desc" }, take: 20, include: { decidedBy: { select: { name: true } } } },
    },
  });
}

/** Active users in the actor's subtree who are not yet in the pool (for the add-member form). */
export async function poolCandidates(actor: Actor, programmeId: string, pool: PoolKind, client: Client = db) {
  return client.user.findMany({
    where: {
      active: true,
      orgUnit: { path: { startsWith: actor.orgPath } },
      poolMemberships: { none: { programmeId, pool } },
    },
    orderBy: [{ orgUnit: { sortOrder: "asc" } }, { name: "asc" }],
    take: 300,
    select: { id: true, name: true, role: true, orgUnit: { select: { name: true } } },
  });
}

/** Pairings a user sees (see the file comment). */
export function pairingScope(actor: Pick<Actor, "id" | "orgPath">) {
  return { OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { mentorId: actor.id }, { traineeId: actor.id }] };
}

export async function listPairings(actor: Actor, programmeId: string, filter: { status?: "ACTIVE" | "ENDED"; mine?: boolean } = {}, page: { skip?: number; take?: number } = {}, client: Client = db) {
  return client.pairing.findMany({
    where: {
      AND: [
        { programmeId },
        pairingScope(actor),
        filter.status ? { status: filter.status } : {},
        filter.mine ? { OR: [{ mentorId: actor.id }, { traineeId: actor.id }] } : {},
      ],
    },
    orderBy: [{ status: "asc" }, { startDate: "desc" }, { id: "asc" }],
    skip: page.skip ?? 0,
    take: page.take ?? 500,
    select: {
      id: true, status: true, startDate: true, endDate: true, rating: true,
      orgUnit: { select: { id: true, name: true } },
      mentor: { select: { id: true, name: true } },
      trainee: { select: { id: true, name: true } },
      _count: { select: { activities: true } },
    },
  });
}

/** The signed-in user's own pairings in any programme (home of /mentorship). */
export async function myPairings(actor: Actor, client: Client = db) {
  return client.pairing.findMany({
    where: { OR: [{ mentorId: actor.id }, { traineeId: actor.id }] },
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    take: 50,
    select: {
      id: true, status: true, startDate: true, endDate: true, mentorId: true,
      programme: { select: { id: true, name: true } },
      mentor: { select: { name: true } },
      trainee: { select: { name: true } },
    },
  });
}

export async function getPairingOrThrow(actor: Actor, id: string, client: Client = db) {
  const p = await client.pairing.findFirst({
    where: { AND: [{ id }, pairingScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true, settings: true, orgUnit: { select: { path: true } } } },
      mentor: { select: { id: true, name: true, orgUnit: { select: { name: true } } } },
      trainee: { select: { id: true, name: true, orgUnit: { select: { name: true } } } },
      evaluatedBy: { select: { name: true } },
      plan: {
        include: {
          template: { select: { name: true } },
          goals: {
            orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
            include: { milestones: { orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }, { id: "asc" }], include: { signedOffBy: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  if (!p) throw new NotFoundError({ entityType: "Pairing", entityId: id });
  return { ...p, orgPath: p.orgUnit.path };
}
export type PairingDetail = Awaited<ReturnType<typeof getPairingOrThrow>>;

/** The actor's part in a pairing: its mentor, its trainee, a manager over it, or only a viewer. */
export function pairingRole(actor: Actor, pairing: { mentorId: string; traineeId: string; orgPath: string }): "MENTOR" | "TRAINEE" | "MANAGER" | "VIEWER" {
  if (pairing.mentorId === actor.id) return "MENTOR";
  if (pairing.traineeId === actor.id) return "TRAINEE";
  if (can(actor, "mentorship.manage", pairing)) return "MANAGER";
  return "VIEWER";
}

export async function listActivities(pairingId: string, client: Client = db) {
  return client.mentoringActivity.findMany({
    where: { pairingId },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    take: 200,
    include: { recordedBy: { select: { name: true } } },
  });
}

/** A plan's versions, newest first (snapshots included for the history diff). */
export async function listPlanVersions(planId: string, client: Client = db) {
  return client.developmentPlanVersion.findMany({
    where: { planId },
    orderBy: { version: "desc" },
    include: { changedBy: { select: { name: true } } },
  });
}

export async function listTemplates(programmeId: string, client: Client = db) {
  return client.planTemplate.findMany({ where: { programmeId }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
}

/** Trainees in the actor's subtree who are active in the pool and not paired now. */
export async function unpairedTrainees(actor: Actor, programmeId: string, client: Client = db) {
  return client.poolMember.findMany({
    where: { programmeId, pool: "TRAINEE", status: "ACTIVE", activeTrainees: 0, user: { active: true, orgUnit: { path: { startsWith: actor.orgPath } } } },
    orderBy: [{ user: { name: "asc" } }],
    select: { id: true, lineOfWork: true, user: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } },
  });
}

/** Mentors with a free place for this trainee, ranked (lib/mentorship/suggest.ts). */
export async function suggestMentors(actor: Actor, programmeId: string, traineeUserId: string, client: Client = db) {
  const trainee = await client.poolMember.findFirst({
    where: { programmeId, pool: "TRAINEE", userId: traineeUserId, user: { orgUnit: { path: { startsWith: actor.orgPath } } } },
    select: { lineOfWork: true, user: { select: { id: true, orgUnit: { select: { path: true } } } } },
  });
  if (!trainee) return [];
  const mentors = await client.poolMember.findMany({
    where: { programmeId, pool: "MENTOR", status: "ACTIVE", user: { active: true } },
    select: {
      id: true, lineOfWork: true, capacity: true, activeTrainees: true,
      user: { select: { id: true, name: true, orgUnit: { select: { name: true, path: true } } } },
    },
  });
  return rankMentors(
    mentors.map((m) => ({
      memberId: m.id, userId: m.user.id, name: m.user.name, orgUnitName: m.user.orgUnit.name, orgPath: m.user.orgUnit.path,
      lineOfWork: m.lineOfWork, capacity: m.capacity, activeTrainees: m.activeTrainees,
    })),
    { orgPath: trainee.user.orgUnit.path, lineOfWork: trainee.lineOfWork, userId: trainee.user.id },
  );
}
