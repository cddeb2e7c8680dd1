// Key project reads. A project is seen by users whose org subtree holds its unit, and by its
// liaison officer (专班专员) wherever they sit. Blockers (堵点) are problems with keyProjectId;
// they are read here through the project, and moved on the problems pages.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UNRESOLVED_STATUSES } from "@/lib/problems";
import { inSubtree } from "@/lib/platform/org/scope";
import { programmesOfKind } from "@/lib/programmes";
import { keyProjectKind } from "./programme";
import { isMilestoneLate, milestoneTiming, pledgeEffectiveStatus } from "./lateness";
import { KEY_PROJECT_STAGES, MILESTONE_KINDS, type KeyProjectStageValue } from "./schemas";

export function keyProjectScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.KeyProjectWhereInput {
  return { OR: [inSubtree(actor), { liaisonId: actor.id }] };
}

export function pledgeScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.PledgeWhereInput {
  return { OR: [inSubtree(actor), { pledgerId: actor.id }, { keyProject: { liaisonId: actor.id } }] };
}

// The common loader's shape (lib/programmes/descriptor.ts) for this kind; the picker is
// pickProgramme(keyProjectKind, …), the loader getKeyProjectProgramme (./programme).
export async function keyProjectProgrammes(actor: Actor, client: Db | Tx = db) {
  return programmesOfKind(keyProjectKind, actor, client);
}

export async function getKeyProjectOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const project = await client.keyProject.findFirst({
    where: { AND: [{ id }, keyProjectScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
      ownerEnterprise: { select: { id: true, name: true } },
      liaison: { select: { id: true, name: true, orgUnit: { select: { name: true } } } },
      milestones: true,
    },
  });
  if (!project) throw new NotFoundError({ entityType: "KeyProject", entityId: id });
  const order = (k: string) => MILESTONE_KINDS.indexOf(k as never);
  return { ...project, orgPath: project.orgUnit.path, milestones: project.milestones.sort((a, b) => order(a.kind) - order(b.kind)) };
}

export async function keyProjectBlockers(projectId: string, client: Db | Tx = db) {
  return client.problem.findMany({
    where: { keyProjectId: projectId },
    orderBy: [{ createdAt: "desc" }],
    select: { id: true, title: true, status: true, dueDate: true, createdAt: true, assignee: { select: { name: true } }, escalatedTo: { select: { name: true } } },
  });
}

export async function keyProjectTimeline(projectId: string, client: Db | Tx = db) {
  const events = await client.keyProjectEvent.findMany({ where: { projectId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const actors = await client.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? "" }));
}

export type BoardCard = {
  id: string;
  name: string;
  stage: KeyProjectStageValue;
  investmentWan: string;
  location: string;
  orgUnitName: string;
  ownerName: string | null;
  liaisonName: string | null;
  openBlockers: number;
  lateMilestones: { kind: string; plannedOn: Date; actualOn: Date | null; late: "LATE" | "DONE_LATE" }[];
  nextMilestone: { kind: string; plannedOn: Date } | null;
};

/** The battle map (挂图作战): every project of the programme the actor sees, by stage. */
export async function keyProjectBoard(actor: Actor, programmeId: string, now: Date = clockNow(), client: Db | Tx = db) {
  const rows = await client.keyProject.findMany({
    where: { AND: [{ programmeId }, keyProjectScope(actor)] },
    orderBy: [{ stageChangedAt: "desc" }, { name: "asc" }],
    take: 500,
    select: {
      id: true, name: true, stage: true, investmentWan: true, location: true,
      orgUnit: { select: { name: true } }, ownerEnterprise: { select: { name: true } }, liaison: { select: { name: true } },
      milestones: { select: { kind: true, plannedOn: true, actualOn: true } },
      _count: { select: { blockers: { where: { status: { in: [...UNRESOLVED_STATUSES] } } } } },
    },
  });
  const order = (k: string) => MILESTONE_KINDS.indexOf(k as never);
  const cards: BoardCard[] = rows.map((r) => {
    const ms = [...r.milestones].sort((a, b) => order(a.kind) - order(b.kind));
    return {
      id: r.id, name: r.name, stage: r.stage, investmentWan: r.investmentWan.toFixed(2), location: r.location,
      orgUnitName: r.orgUnit.name, ownerName: r.ownerEnterprise?.name ?? null, liaisonName: r.liaison?.name ?? null,
      openBlockers: r._count.blockers,
      lateMilestones: ms
        .filter((m) => isMilestoneLate(m, now))
        .map((m) => ({ ...m, late: milestoneTiming(m, now) as "LATE" | "DONE_LATE" })),
      nextMilestone: ms.find((m) => !m.actualOn) ?? null,
    };
  });
  const columns = Object.fromEntries(KEY_PROJECT_STAGES.map((s) => [s, cards.filter((c) => c.stage === s)])) as Record<KeyProjectStageValue, BoardCard[]>;
  return { cards, columns };
}

export async function listPledges(actor: Actor, filter: { programmeId?: string; keyProjectId?: string }, now: Date = clockNow(), client: Db | Tx = db) {
  const rows = await client.pledge.findMany({
    where: { AND: [pledgeScope(actor), filter.programmeId ? { programmeId: filter.programmeId } : {}, filter.keyProjectId ? { keyProjectId: filter.keyProjectId } : {}] },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 300,
    select: {
      id: true, problem: true, dueOn: true, status: true, doneOn: true, note: true, version: true, pledgerId: true,
      orgUnit: { select: { name: true, path: true } }, pledger: { select: { name: true } }, keyProject: { select: { id: true, name: true } },
      programme: { select: { name: true } },
    },
  });
  return rows.map((r) => ({ ...r, effectiveStatus: pledgeEffectiveStatus(r, now) }));
}

export async function getPledgeOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const p = await client.pledge.findFirst({ where: { AND: [{ id }, pledgeScope(actor)] }, include: { orgUnit: { select: { path: true } } } });
  if (!p) throw new NotFoundError({ entityType: "Pledge", entityId: id });
  return { ...p, orgPath: p.orgUnit.path };
}

/** Liaison officers and pledgers: active users in the actor's subtree. */
export async function keyProjectPeopleOptions(actor: Actor, client: Db | Tx = db) {
  return client.user.findMany({
    where: { active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ name: "asc" }],
    take: 500,
    select: { id: true, name: true, orgUnit: { select: { name: true } } },
  });
}

/** Key projects a pledge may name. */
export async function keyProjectOptions(actor: Actor, programmeId?: string, client: Db | Tx = db) {
  return client.keyProject.findMany({
    where: { AND: [keyProjectScope(actor), programmeId ? { programmeId } : {}] },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, programmeId: true },
  });
}
