// Investment reads, each scoped to the user. Who sees what:
// - a task force's own records (trips, leads, prospects) are seen by users whose org subtree
//   holds the task force's unit (so a district manager above sees all of them) and by the
//   task force's leader and members, wherever they sit;
// - leads of a programme whose settings say `shareLeads` are seen by everyone who sees the
//   programme (a street's task force then sees the other task forces' leads, read-only).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { can } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ancestorIds, isWithinSubtree } from "@/lib/platform/org/path";
import { inSubtree } from "@/lib/platform/org/scope";
import { programmesOfKind, visibleProgrammes } from "@/lib/programmes";
import { investmentKind } from "./programme";
import type { LeadStageValue } from "./schemas";

/** Task forces the actor leads or belongs to. */
export function memberOf(actor: Pick<Actor, "id">): Prisma.TaskForceWhereInput {
  return { OR: [{ leaderId: actor.id }, { members: { some: { userId: actor.id } } }] };
}

/** Task forces whose records are the actor's own to see and (with the permission) record. */
export function taskForceOwnScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.TaskForceWhereInput {
  return { OR: [inSubtree(actor), memberOf(actor)] };
}

const sharedProgramme = (actor: Pick<Actor, "orgPath">): Prisma.ProgrammeWhereInput => ({
  AND: [visibleProgrammes(actor), { settings: { path: ["shareLeads"], equals: true } }],
});

/** Task forces the actor sees: their own, or any of a programme that shares its leads. */
export function taskForceReadScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.TaskForceWhereInput {
  return { OR: [taskForceOwnScope(actor), { programme: sharedProgramme(actor) }] };
}

export function leadReadScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.InvestmentLeadWhereInput {
  return { OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { taskForce: memberOf(actor) }, { programme: sharedProgramme(actor) }] };
}

export function tripReadScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.InvestmentTripWhereInput {
  return { OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { taskForce: memberOf(actor) }, { participants: { some: { userId: actor.id } } }] };
}

export function prospectReadScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.ProspectWhereInput {
  return {
    OR: [
      { orgUnit: { path: { startsWith: actor.orgPath } } },
      { meetings: { some: { trip: { taskForce: memberOf(actor) } } } },
      { leads: { some: { taskForce: memberOf(actor) } } },
    ],
  };
}

export type TaskForceAuthority = { orgUnit: { path: string }; leaderId: string; members: { userId: string }[] };

/** May the actor record trips and leads for this task force (its unit in their subtree, or they are on it)? */
export function mayRecordFor(actor: Actor, taskForce: TaskForceAuthority): boolean {
  if (!can(actor, "investment.record")) return false;
  return (
    isWithinSubtree(taskForce.orgUnit.path, actor.orgPath) ||
    taskForce.leaderId === actor.id ||
    taskForce.members.some((m) => m.userId === actor.id)
  );
}

// ───────────── Programmes ─────────────

// The common loader's shape (lib/programmes/descriptor.ts) for this kind; the picker is
// pickProgramme(investmentKind, …), the loader getInvestmentProgramme (./programme).
export async function investmentProgrammes(actor: Actor, client: Db | Tx = db) {
  return programmesOfKind(investmentKind, actor, client);
}

// ───────────── Task forces ─────────────

const taskForceInclude = {
  orgUnit: { select: { id: true, name: true, path: true } },
  leader: { select: { id: true, name: true, orgUnit: { select: { name: true } } } },
  members: { select: { userId: true, user: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } } },
  programme: { select: { id: true, name: true, orgUnit: { select: { path: true } } } },
} as const;

export async function listTaskForces(actor: Actor, programmeId: string, page: { skip?: number; take?: number } = {}, client: Db | Tx = db) {
  return client.taskForce.findMany({
    where: { AND: [{ programmeId }, taskForceReadScope(actor)] },
    orderBy: [{ active: "desc" }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
    ...(page.take ? { skip: page.skip ?? 0, take: page.take } : {}),
    include: taskForceInclude,
  });
}

export async function getTaskForceOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const tf = await client.taskForce.findFirst({ where: { AND: [{ id }, taskForceReadScope(actor)] }, include: taskForceInclude });
  if (!tf) throw new NotFoundError({ entityType: "TaskForce", entityId: id });
  return { ...tf, orgPath: tf.orgUnit.path };
}

/** Active task forces the actor may record trips and leads for. */
export async function recordableTaskForces(actor: Actor, programmeId?: string, client: Db | Tx = db) {
  if (!can(actor, "investment.record")) return [];
  return client.taskForce.findMany({
    where: { AND: [taskForceOwnScope(actor), { active: true, programme: { status: "ACTIVE" } }, programmeId ? { programmeId } : {}] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, kind: true, programmeId: true, leaderId: true,
      orgUnit: { select: { name: true } },
      leader: { select: { id: true, name: true } },
      members: { select: { user: { select: { id: true, name: true } } } },
    },
  });
}

/**
 * People who may lead, join or travel with a task force: active users of the actor's
 * subtree, of the programme owner's subtree, and of the units above the owner (区领导).
 */
export async function investmentPeopleOptions(actor: Actor, programmeOrgPath: string, client: Db | Tx = db) {
  return client.user.findMany({
    where: { AND: [{ active: true }, peopleWhere(actor, programmeOrgPath)] },
    orderBy: [{ name: "asc" }],
    take: 500,
    select: { id: true, name: true, orgUnit: { select: { name: true } } },
  });
}

export function peopleWhere(actor: Pick<Actor, "orgPath">, programmeOrgPath: string): Prisma.UserWhereInput {
  return {
    OR: [
      { orgUnit: { path: { startsWith: actor.orgPath } } },
      { orgUnit: { path: { startsWith: programmeOrgPath } } },
      { orgUnitId: { in: ancestorIds(programmeOrgPath) } },
    ],
  };
}

// ───────────── Trips ─────────────

export type TripListFilter = { programmeId: string; taskForceId?: string; cursor?: string };

export async function listTrips(actor: Actor, filter: TripListFilter, take = 50, skip = 0, client: Db | Tx = db) {
  return client.investmentTrip.findMany({
    where: { AND: [{ programmeId: filter.programmeId }, tripReadScope(actor), filter.taskForceId ? { taskForceId: filter.taskForceId } : {}] },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, startDate: true, endDate: true, destinationCity: true,
      taskForce: { select: { id: true, name: true } },
      _count: { select: { meetings: true, participants: true } },
    },
  });
}

/** The trip a meeting belongs to, in the actor's scope, with the meeting (null otherwise). */
export async function getMeetingWithTrip(actor: Actor, meetingId: string, client: Db | Tx = db) {
  const m = await client.tripMeeting.findUnique({ where: { id: meetingId }, select: { tripId: true } });
  const trip = m ? await getTripOrThrow(actor, m.tripId, client).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null;
  const meeting = trip?.meetings.find((x) => x.id === meetingId);
  return trip && meeting ? { trip, meeting } : null;
}

export async function getTripOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const trip = await client.investmentTrip.findFirst({
    where: { AND: [{ id }, tripReadScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      taskForce: { select: { id: true, name: true, leaderId: true, orgUnit: { select: { path: true } }, members: { select: { userId: true } } } },
      createdBy: { select: { id: true, name: true } },
      participants: { select: { user: { select: { id: true, name: true, orgUnit: { select: { name: true } } } } } },
      meetings: {
        orderBy: { id: "asc" },
        include: {
          enterprise: { select: { id: true, name: true } },
          prospect: { select: { id: true, name: true, city: true, convertedEnterpriseId: true } },
          leads: { select: { id: true, title: true, stage: true } },
        },
      },
    },
  });
  if (!trip) throw new NotFoundError({ entityType: "InvestmentTrip", entityId: id });
  return trip;
}

// ───────────── Leads ─────────────

export type LeadListFilter = { programmeId: string; stage?: LeadStageValue; taskForceId?: string; enterpriseId?: string };

export async function listLeads(actor: Actor, filter: LeadListFilter, take = 200, client: Db | Tx = db) {
  return client.investmentLead.findMany({
    where: {
      AND: [
        { programmeId: filter.programmeId },
        leadReadScope(actor),
        filter.stage ? { stage: filter.stage } : {},
        filter.taskForceId ? { taskForceId: filter.taskForceId } : {},
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, title: true, sector: true, stage: true, plannedInvestmentWan: true, signedAmountWan: true, signedOn: true, landedOn: true,
      taskForce: { select: { id: true, name: true } },
      enterprise: { select: { id: true, name: true } },
      prospect: { select: { id: true, name: true } },
      orgUnit: { select: { name: true } },
    },
  });
}

export async function getLeadOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const lead = await client.investmentLead.findFirst({
    where: { AND: [{ id }, leadReadScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
      taskForce: { select: { id: true, name: true, leaderId: true, orgUnit: { select: { path: true } }, members: { select: { userId: true } } } },
      enterprise: { select: { id: true, name: true, creditCode: true } },
      prospect: { select: { id: true, name: true, city: true, convertedEnterpriseId: true } },
      tripMeeting: { select: { id: true, trip: { select: { id: true, destinationCity: true, startDate: true } } } },
      owner: { select: { id: true, name: true } },
    },
  });
  if (!lead) throw new NotFoundError({ entityType: "InvestmentLead", entityId: id });
  return { ...lead, orgPath: lead.orgUnit.path };
}

export async function leadTimeline(leadId: string, client: Db | Tx = db) {
  const events = await client.investmentLeadEvent.findMany({ where: { leadId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const actors = await client.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? "" }));
}

// ───────────── Prospects and enterprises ─────────────

export async function getProspectOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const p = await client.prospect.findFirst({
    where: { AND: [{ id }, prospectReadScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      convertedEnterprise: { select: { id: true, name: true } },
      programme: { select: { id: true, name: true, orgUnit: { select: { path: true } } } },
      leads: { where: leadReadScope(actor), select: { id: true, title: true, stage: true } },
    },
  });
  if (!p) throw new NotFoundError({ entityType: "Prospect", entityId: id });
  return { ...p, orgPath: p.orgUnit.path };
}

export async function listProspects(actor: Actor, programmeId: string, client: Db | Tx = db) {
  return client.prospect.findMany({
    where: { AND: [{ programmeId }, prospectReadScope(actor)] },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: { id: true, name: true, city: true, sector: true, convertedEnterprise: { select: { id: true, name: true } } },
  });
}

/** An enterprise the trip, lead and key-project forms' lookup found (the platform's one register lookup). */
export type { RegisterMatch as EnterpriseMatch } from "@/lib/platform/search/registers";

export function enterpriseAreaWhere(actor: Pick<Actor, "orgPath">, programmeOrgPath: string): Prisma.EnterpriseWhereInput {
  return { OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { orgUnit: { path: { startsWith: programmeOrgPath } } }] };
}

/** Leads and key projects of one register enterprise (the 一企一档 section), scoped like their lists. */
export async function enterpriseInvestment(actor: Actor, enterpriseId: string, client: Db | Tx = db) {
  const [leads, projects] = await Promise.all([
    client.investmentLead.findMany({
      where: { AND: [{ enterpriseId }, leadReadScope(actor)] },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, title: true, stage: true, plannedInvestmentWan: true, signedAmountWan: true, taskForce: { select: { name: true } } },
    }),
    client.keyProject.findMany({
      where: { AND: [{ ownerEnterpriseId: enterpriseId }, { OR: [inSubtree(actor), { liaisonId: actor.id }] }] },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, name: true, stage: true, investmentWan: true },
    }),
  ]);
  return { leads, projects };
}
