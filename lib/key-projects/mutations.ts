// Key project writes. Every change bumps the project's version with one conditional update
// (milestones included), so two people editing the same project never silently overwrite
// each other; a stage advance is conditional on (id, version, stage) and needs the actual
// date of the milestone the step names.
import { now } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import { assertCan, can, type Actor } from "@/lib/platform/authz/can";
import { ConflictError, DomainError, ForbiddenError, RuleViolation } from "@/lib/platform/errors";
import { PROBLEM_DUE_DAYS_DEFAULT, problemDueDateSchema } from "@/lib/visits";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { dateOnly } from "@/lib/platform/dates";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { toWan } from "@/lib/platform/money";
import { MILESTONE_KINDS, type AdvanceStageInput, type CompletePledgeInput, type CreateBlockerInput, type CreateKeyProjectInput, type CreatePledgeInput, type KeyProjectStageValue, type UpdateMilestoneInput } from "./schemas";
import { stageStep } from "./stages";

type Programme = { id: string; status: string; orgUnit: { path: string }; participants: { orgUnit: { path: string } }[] };
type Project = { id: string; version: number; stage: KeyProjectStageValue; orgUnitId: string; programmeId: string; liaisonId: string | null; orgUnit: { path: string }; programme: { status: string } };

function assertOpen(programme: { status: string }) {
  if (programme.status === "CLOSED") throw new RuleViolation("programmeClosed");
}

/** Milestone and blocker work: keyProject.update on the project's unit, or its liaison officer. */
export function mayUpdateProject(actor: Actor, project: Pick<Project, "liaisonId" | "orgUnit">): boolean {
  return can(actor, "keyProject.update", { orgPath: project.orgUnit.path }) || (project.liaisonId === actor.id && can(actor, "keyProject.update"));
}

function inProgrammeReach(programme: Programme, path: string) {
  return isWithinSubtree(path, programme.orgUnit.path) || programme.participants.some((p) => isWithinSubtree(path, p.orgUnit.path));
}

export async function createKeyProject(actor: Actor, programme: Programme, input: CreateKeyProjectInput, tx: Tx) {
  assertOpen(programme);
  const unit = await tx.orgUnit.findFirst({ where: { id: input.orgUnitId, active: true, path: { startsWith: actor.orgPath } }, select: { id: true, path: true } });
  if (!unit) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
  if (!inProgrammeReach(programme, unit.path)) throw new RuleViolation("investment.unitOutsideProgramme", "orgUnitId");
  assertCan(actor, "keyProject.manage", { orgPath: unit.path });
  if (input.ownerEnterpriseId) {
    const e = await tx.enterprise.findFirst({
      where: { id: input.ownerEnterpriseId, OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { orgUnit: { path: { startsWith: programme.orgUnit.path } } }] },
      select: { id: true },
    });
    if (!e) throw new RuleViolation("investment.enterpriseInvalid", "ownerEnterpriseId");
  }
  if (input.liaisonId) {
    const u = await tx.user.findFirst({ where: { id: input.liaisonId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } }, select: { id: true } });
    if (!u) throw new RuleViolation("investment.personOutOfScope", "liaisonId");
  }
  const milestones = MILESTONE_KINDS.filter((k) => input.milestones[k]).map((k) => ({ kind: k, plannedOn: dateOnly(input.milestones[k]) }));
  return tx.keyProject.create({
    data: {
      programmeId: programme.id, orgUnitId: unit.id, name: input.name, ownerEnterpriseId: input.ownerEnterpriseId || null,
      investmentWan: toWan(input.investmentAmount, input.investmentUnit)!, location: input.location, liaisonId: input.liaisonId || null,
      milestones: { create: milestones },
      events: { create: { kind: "CREATED", toStage: "PLANNED", actorId: actor.id } },
    },
  });
}

async function bumpVersion(tx: Tx, project: Pick<Project, "id">, version: number, extra: { stage?: KeyProjectStageValue; from?: KeyProjectStageValue } = {}) {
  const { count } = await tx.keyProject.updateMany({
    where: { id: project.id, version, ...(extra.from ? { stage: extra.from } : {}) },
    data: { version: { increment: 1 }, ...(extra.stage ? { stage: extra.stage, stageChangedAt: now() } : {}) },
  });
  if (count === 0) throw new ConflictError();
}

export async function updateMilestone(actor: Actor, project: Project, input: UpdateMilestoneInput, tx: Tx) {
  if (!mayUpdateProject(actor, project)) throw new ForbiddenError("keyProject.update");
  assertOpen(project.programme);
  if (project.version !== input.version) throw new ConflictError();
  if (input.actualOn && input.actualOn > todayInShanghai()) throw new RuleViolation("investment.actualInFuture", "actualOn");
  await bumpVersion(tx, project, input.version);
  const before = await tx.keyProjectMilestone.findUnique({ where: { projectId_kind: { projectId: project.id, kind: input.kind } } });
  const data = { plannedOn: dateOnly(input.plannedOn), actualOn: input.actualOn ? dateOnly(input.actualOn) : null, note: input.note };
  const milestone = await tx.keyProjectMilestone.upsert({
    where: { projectId_kind: { projectId: project.id, kind: input.kind } },
    create: { projectId: project.id, kind: input.kind, ...data },
    update: data,
  });
  await tx.keyProjectEvent.create({
    data: { projectId: project.id, kind: `MILESTONE_${input.kind}`, actorId: actor.id, note: [input.actualOn ? `${input.kind} ${input.actualOn}` : `${input.kind} —`, input.note].filter(Boolean).join("\n") },
  });
  return { before, milestone };
}

export async function advanceStage(actor: Actor, project: Project, input: AdvanceStageInput, tx: Tx) {
  assertCan(actor, "keyProject.manage", { orgPath: project.orgUnit.path });
  assertOpen(project.programme);
  if (project.version !== input.version) throw new ConflictError();
  const step = stageStep(project.stage, input.to);
  if (!step) throw new ConflictError("statusTransition", { from: project.stage, to: input.to });
  const milestone = await tx.keyProjectMilestone.findUnique({ where: { projectId_kind: { projectId: project.id, kind: step.needs } }, select: { actualOn: true } });
  if (!milestone?.actualOn) throw new ConflictError("investment.milestoneMissing", { milestone: step.needs, stage: input.to });
  await bumpVersion(tx, project, input.version, { stage: input.to, from: project.stage });
  await tx.keyProjectEvent.create({ data: { projectId: project.id, kind: "STAGE", fromStage: project.stage, toStage: input.to, actorId: actor.id, note: input.note } });
  return tx.keyProject.findUniqueOrThrow({ where: { id: project.id } });
}

/** A blocker (堵点) is a problem linked to the project; it then moves through the problem state machine. */
export async function createBlocker(actor: Actor, project: Project, input: CreateBlockerInput, tx: Tx) {
  if (!mayUpdateProject(actor, project)) throw new ForbiddenError("keyProject.update");
  // Like a problem raised on a visit: due from the day it is raised to the default horizon.
  const due = input.dueDate ? problemDueDateSchema(todayInShanghai(), PROBLEM_DUE_DAYS_DEFAULT).safeParse(input.dueDate) : undefined;
  if (due && !due.success) throw new DomainError("checkFields", {}, { dueDate: due.error.issues.map((issue) => issue.message) });
  const problem = await tx.problem.create({
    data: {
      keyProjectId: project.id, programmeId: project.programmeId, orgUnitId: project.orgUnitId,
      title: input.title, description: input.description, category: "重点项目堵点",
      dueDate: input.dueDate ? dateOnly(input.dueDate) : null, status: "OPEN",
      events: { create: { fromStatus: null, toStatus: "OPEN", actorId: actor.id } },
    },
  });
  await tx.keyProjectEvent.create({ data: { projectId: project.id, kind: "BLOCKER", actorId: actor.id, note: input.title } });
  return problem;
}

export async function createPledge(actor: Actor, programme: { id: string; status: string }, input: CreatePledgeInput, tx: Tx) {
  assertOpen(programme);
  const unit = await tx.orgUnit.findFirst({ where: { id: input.orgUnitId, active: true, path: { startsWith: actor.orgPath } }, select: { id: true, path: true } });
  if (!unit) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
  assertCan(actor, "pledge.manage", { orgPath: unit.path });
  if (input.pledgerId) {
    const u = await tx.user.findFirst({ where: { id: input.pledgerId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } }, select: { id: true } });
    if (!u) throw new RuleViolation("investment.personOutOfScope", "pledgerId");
  }
  if (input.keyProjectId) {
    const p = await tx.keyProject.findFirst({
      where: { id: input.keyProjectId, programmeId: programme.id, OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, { liaisonId: actor.id }] },
      select: { id: true },
    });
    if (!p) throw new RuleViolation("investment.keyProjectInvalid", "keyProjectId");
  }
  return tx.pledge.create({
    data: {
      programmeId: programme.id, orgUnitId: unit.id, pledgerId: input.pledgerId || null, keyProjectId: input.keyProjectId || null,
      problem: input.problem, dueOn: dateOnly(input.dueOn), note: input.note, status: "OPEN",
    },
  });
}

export async function completePledge(actor: Actor, pledge: { id: string; version: number; status: string; pledgerId: string | null; orgPath: string }, input: CompletePledgeInput, tx: Tx) {
  if (!can(actor, "pledge.manage", { orgPath: pledge.orgPath }) && pledge.pledgerId !== actor.id) throw new ForbiddenError("pledge.manage");
  if (pledge.version !== input.version) throw new ConflictError();
  if (pledge.status !== "OPEN") throw new ConflictError("statusTransition", { from: pledge.status, to: "DONE" });
  if (input.doneOn > todayInShanghai()) throw new RuleViolation("investment.actualInFuture", "doneOn");
  const { count } = await tx.pledge.updateMany({
    where: { id: pledge.id, version: input.version, status: "OPEN" },
    data: { status: "DONE", doneOn: dateOnly(input.doneOn), note: input.note || undefined, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return tx.pledge.findUniqueOrThrow({ where: { id: pledge.id } });
}
