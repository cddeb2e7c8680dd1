// Writes of 导师带徒. Each takes the action's transaction; callers have done the scoped load
// and the permission check. Counters are never read-then-written: a mentor's place is taken
// by one conditional UPDATE (and the pool_member_within_capacity CHECK backs it).
import { now as clockNow } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { shanghaiDate } from "@/lib/platform/periods";
import { dateOnly } from "@/lib/platform/dates";
import type { PoolKind, PoolMemberStatus } from "@/lib/generated/prisma/enums";
import { buildSnapshot } from "./plan-diff";
import type { MentorshipProgramme, PairingDetail } from "./queries";
import { pairingRole } from "./queries";
import {
  readSettings,
  templateContentSchema,
  type PlanChangeInput,
  type TemplateContent,
} from "./schemas";
import type { z } from "zod";
import type {
  addPoolMemberSchema,
  changeCapacitySchema,
  changeMemberFlagsSchema,
  changeMemberStatusSchema,
  createPairingSchema,
  logActivitySchema,
  saveSettingsSchema,
  saveTemplateSchema,
  signOffMilestoneSchema,
} from "./schemas";

const DAY_MS = 86_400_000;
const today = () => shanghaiDate(clockNow());

function assertProgrammeActive(programme: { status: string }) {
  if (programme.status !== "ACTIVE") throw new RuleViolation("mentorship.programmeNotActive");
}

// ── Pools ────────────────────────────────────────────────────────────────────────────────

async function addChange(
  tx: Tx,
  memberId: string,
  actor: Actor,
  change: { kind: string; fromStatus?: PoolMemberStatus | null; toStatus?: PoolMemberStatus | null; reason: string; effectiveOn: string },
) {
  await tx.poolMemberChange.create({
    data: {
      memberId, kind: change.kind, fromStatus: change.fromStatus ?? null, toStatus: change.toStatus ?? null,
      reason: change.reason, effectiveOn: dateOnly(change.effectiveOn), decidedById: actor.id,
    },
  });
}

export async function addPoolMember(actor: Actor, programme: MentorshipProgramme, input: z.infer<typeof addPoolMemberSchema>, tx: Tx) {
  assertProgrammeActive(programme);
  const user = await tx.user.findFirst({
    where: { id: input.userId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    select: { id: true, name: true, orgUnit: { select: { path: true } } },
  });
  if (!user) throw new RuleViolation("mentorship.userOutOfScope", "userId");
  assertCan(actor, "mentorship.manage", { orgPath: input.pool === "TRAINEE" ? user.orgUnit.path : programme.orgPath });
  const exists = await tx.poolMember.findUnique({ where: { programmeId_pool_userId: { programmeId: programme.id, pool: input.pool, userId: user.id } }, select: { id: true } });
  if (exists) throw new RuleViolation("mentorship.alreadyInPool", "userId");
  const member = await tx.poolMember.create({
    data: {
      programmeId: programme.id, userId: user.id, pool: input.pool, lineOfWork: input.lineOfWork,
      capacity: input.pool === "MENTOR" ? (input.capacity ?? programme.settings.defaultCapacity) : null,
      joinedOn: dateOnly(input.joinedOn),
    },
  });
  await addChange(tx, member.id, actor, { kind: "JOINED", toStatus: "ACTIVE", reason: input.reason, effectiveOn: input.joinedOn });
  return { member, userName: user.name };
}

type LoadedMember = { id: string; pool: PoolKind; status: PoolMemberStatus; version: number; activeTrainees: number; priorityPromotion: boolean; reserveCadre: boolean; reserveNote: string | null; capacity: number | null; programme: { status: string } };

/** 动态调整: a dated status change with its reason. Leaving the pool needs no active pairing. */
export async function changeMemberStatus(actor: Actor, member: LoadedMember, input: z.infer<typeof changeMemberStatusSchema>, tx: Tx) {
  assertProgrammeActive(member.programme);
  if (member.status === input.toStatus) throw new RuleViolation("mentorship.statusUnchanged", "toStatus");
  const leaving = input.toStatus === "GRADUATED" || input.toStatus === "REMOVED";
  if (leaving && member.activeTrainees > 0) throw new RuleViolation("mentorship.hasActivePairing", "toStatus");
  const { count } = await tx.poolMember.updateMany({
    where: { id: member.id, version: input.version, status: member.status, ...(leaving ? { activeTrainees: 0 } : {}) },
    data: { status: input.toStatus, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await addChange(tx, member.id, actor, { kind: "STATUS", fromStatus: member.status, toStatus: input.toStatus, reason: input.reason, effectiveOn: input.effectiveOn });
}

/** 优先提任 and 干部后备库 flags (trainees); one history row per flag that changed. */
export async function changeMemberFlags(actor: Actor, member: LoadedMember, input: z.infer<typeof changeMemberFlagsSchema>, tx: Tx) {
  assertProgrammeActive(member.programme);
  if (member.pool !== "TRAINEE") throw new RuleViolation("mentorship.flagsTraineesOnly");
  const note = input.reserveCadre ? input.reserveNote : "";
  const changes: string[] = [];
  if (member.priorityPromotion !== input.priorityPromotion) changes.push(input.priorityPromotion ? "PRIORITY_PROMOTION_ON" : "PRIORITY_PROMOTION_OFF");
  if (member.reserveCadre !== input.reserveCadre) changes.push(input.reserveCadre ? "RESERVE_CADRE_ON" : "RESERVE_CADRE_OFF");
  else if (input.reserveCadre && (member.reserveNote ?? "") !== note) changes.push("RESERVE_NOTE");
  if (changes.length === 0) throw new RuleViolation("mentorship.nothingChanged");
  const { count } = await tx.poolMember.updateMany({
    where: { id: member.id, version: input.version },
    data: { priorityPromotion: input.priorityPromotion, reserveCadre: input.reserveCadre, reserveNote: input.reserveCadre ? note : null, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  for (const kind of changes) {
    const reason = kind.startsWith("RESERVE") && note ? `${input.reason}（${note}）` : input.reason;
    await addChange(tx, member.id, actor, { kind, reason, effectiveOn: today() });
  }
  return changes;
}

/** A mentor's capacity; never below the trainees they have now (conditional, like the CHECK). */
export async function changeCapacity(actor: Actor, member: LoadedMember, input: z.infer<typeof changeCapacitySchema>, tx: Tx) {
  if (member.pool !== "MENTOR") throw new RuleViolation("mentorship.capacityMentorsOnly");
  const count = await tx.$executeRaw`
    UPDATE pool_member SET capacity = ${input.capacity}, version = version + 1, "updatedAt" = now()
    WHERE id = ${member.id} AND version = ${input.version} AND "activeTrainees" <= ${input.capacity}`;
  if (count === 0) {
    const now = await tx.poolMember.findUnique({ where: { id: member.id }, select: { version: true, activeTrainees: true } });
    if (now && now.version === input.version) throw new RuleViolation("mentorship.capacityBelowActive", "capacity");
    throw new ConflictError();
  }
  await addChange(tx, member.id, actor, { kind: "CAPACITY", reason: `${member.capacity ?? "∞"} → ${input.capacity}：${input.reason}`, effectiveOn: today() });
}

// ── Pairings ─────────────────────────────────────────────────────────────────────────────

/**
 * A manager pairs a trainee with a mentor. The mentor's place and the trainee's "paired now"
 * mark are each taken by one conditional UPDATE: two managers pairing at once for the last
 * place cannot both succeed, nor can one trainee get two pairings.
 */
export async function createPairing(actor: Actor, programme: MentorshipProgramme, input: z.infer<typeof createPairingSchema>, tx: Tx) {
  assertProgrammeActive(programme);
  const trainee = await tx.poolMember.findFirst({
    where: { programmeId: programme.id, pool: "TRAINEE", userId: input.traineeId, user: { active: true, orgUnit: { path: { startsWith: actor.orgPath } } } },
    select: { id: true, status: true, user: { select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } } } },
  });
  if (!trainee) throw new RuleViolation("mentorship.traineeNotInPool", "traineeId");
  assertCan(actor, "mentorship.manage", { orgPath: trainee.user.orgUnit.path });
  if (trainee.status !== "ACTIVE") throw new RuleViolation("mentorship.memberNotActive", "traineeId");
  const mentor = await tx.poolMember.findFirst({
    where: { programmeId: programme.id, pool: "MENTOR", userId: input.mentorId, user: { active: true } },
    select: { id: true, status: true, user: { select: { id: true, name: true } } },
  });
  if (!mentor) throw new RuleViolation("mentorship.mentorNotInPool", "mentorId");
  if (mentor.status !== "ACTIVE") throw new RuleViolation("mentorship.memberNotActive", "mentorId");
  if (input.startDate < formatDay(programme.startDate) || input.endDate > formatDay(programme.endDate)) throw new RuleViolation("periodOutsideProgramme", "endDate");

  const place = await tx.$executeRaw`
    UPDATE pool_member SET "activeTrainees" = "activeTrainees" + 1, "updatedAt" = now()
    WHERE id = ${mentor.id} AND status = 'ACTIVE' AND ("capacity" IS NULL OR "activeTrainees" < "capacity")`;
  if (place === 0) throw new RuleViolation("mentorship.mentorFull", "mentorId");
  const mark = await tx.$executeRaw`
    UPDATE pool_member SET "activeTrainees" = 1, "updatedAt" = now()
    WHERE id = ${trainee.id} AND status = 'ACTIVE' AND "activeTrainees" = 0`;
  if (mark === 0) throw new RuleViolation("mentorship.traineeAlreadyPaired", "traineeId");

  const pairing = await tx.pairing.create({
    data: {
      programmeId: programme.id, orgUnitId: trainee.user.orgUnitId, mentorId: mentor.user.id, traineeId: trainee.user.id,
      startDate: dateOnly(input.startDate), endDate: dateOnly(input.endDate), createdById: actor.id,
    },
  });
  const plan = await instantiatePlan(tx, actor, programme.id, pairing.id, input.startDate, input.templateId);
  return { pairing, plan, mentorName: mentor.user.name, traineeName: trainee.user.name };
}

const formatDay = (d: Date) => d.toISOString().slice(0, 10);

/** The pairing's plan from a template (the chosen one, else the programme's active one), version 1 with its snapshot. */
async function instantiatePlan(tx: Tx, actor: Actor, programmeId: string, pairingId: string, startDate: string, templateId: string | null) {
  const template = await tx.planTemplate.findFirst({
    where: { programmeId, ...(templateId ? { id: templateId } : { active: true }) },
    orderBy: { createdAt: "desc" },
  });
  if (templateId && !template) throw new RuleViolation("mentorship.templateUnknown", "templateId");
  const plan = await tx.developmentPlan.create({ data: { pairingId, templateId: template?.id ?? null } });
  const parsed = template ? templateContentSchema.safeParse(template.content) : null;
  const content: TemplateContent = parsed?.success ? parsed.data : { areas: [] };
  const start = Date.parse(`${startDate}T00:00:00Z`);
  let goalOrder = 0;
  for (const area of content.areas) {
    for (const goal of area.goals) {
      await tx.planGoal.create({
        data: {
          planId: plan.id, area: area.name, title: goal.title, sortOrder: goalOrder++,
          milestones: { create: goal.milestones.map((m, i) => ({ title: m.title, dueDate: new Date(start + m.dueOffsetDays * DAY_MS), sortOrder: i })) },
        },
      });
    }
  }
  await writeSnapshot(tx, plan.id, 1, actor.id, template ? `按模板“${template.name}”生成` : "创建培养方案");
  return plan;
}

/** Ending a pairing releases the mentor's place and the trainee's mark. */
export async function endPairing(pairing: PairingDetail, input: { version: number; reason: string }, tx: Tx) {
  const { count } = await tx.pairing.updateMany({
    where: { id: pairing.id, version: input.version, status: "ACTIVE" },
    data: { status: "ENDED", endedReason: input.reason, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.$executeRaw`
    UPDATE pool_member SET "activeTrainees" = "activeTrainees" - 1, "updatedAt" = now()
    WHERE "programmeId" = ${pairing.programmeId} AND pool = 'MENTOR' AND "userId" = ${pairing.mentorId} AND "activeTrainees" > 0`;
  await tx.$executeRaw`
    UPDATE pool_member SET "activeTrainees" = 0, "updatedAt" = now()
    WHERE "programmeId" = ${pairing.programmeId} AND pool = 'TRAINEE' AND "userId" = ${pairing.traineeId}`;
}

export async function evaluatePairing(actor: Actor, pairing: PairingDetail, input: { version: number; rating: number; evaluation: string }, tx: Tx) {
  if (pairing.mentorId === actor.id || pairing.traineeId === actor.id) throw new ForbiddenError("mentorship.manage");
  const { count } = await tx.pairing.updateMany({
    where: { id: pairing.id, version: input.version },
    data: { rating: input.rating, evaluation: input.evaluation, evaluatedById: actor.id, evaluatedAt: clockNow(), version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
}

// ── Plans ────────────────────────────────────────────────────────────────────────────────

async function writeSnapshot(tx: Tx, planId: string, version: number, actorId: string, note: string) {
  const goals = await tx.planGoal.findMany({
    where: { planId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: { milestones: { orderBy: [{ sortOrder: "asc" }, { dueDate: "asc" }, { id: "asc" }], include: { signedOffBy: { select: { name: true } } } } },
  });
  await tx.developmentPlanVersion.create({ data: { planId, version, snapshot: buildSnapshot(goals), changeNote: note, changedById: actorId } });
}

/** Bumps the plan's version if it is still the one the user edited. */
async function bumpPlan(tx: Tx, planId: string, expected: number): Promise<number> {
  const { count } = await tx.developmentPlan.updateMany({ where: { id: planId, version: expected }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return expected + 1;
}

/** Mentor, trainee, or a manager over the pairing; the pairing must be active. */
export function assertMayEditPlan(actor: Actor, pairing: PairingDetail) {
  assertCan(actor, "mentorship.plan.update");
  if (pairingRole(actor, pairing) === "VIEWER") throw new ForbiddenError("mentorship.plan.update");
  if (pairing.status !== "ACTIVE") throw new RuleViolation("mentorship.pairingEnded");
}

async function milestoneOf(tx: Tx, planId: string, milestoneId: string) {
  const m = await tx.planMilestone.findFirst({ where: { id: milestoneId, goal: { planId } }, include: { goal: { select: { title: true } } } });
  if (!m) throw new NotFoundError();
  return m;
}

const NOTE_BY_OP: Record<PlanChangeInput["op"], string> = {
  updateMilestone: "更新里程碑",
  addMilestone: "新增里程碑",
  removeMilestone: "删除里程碑",
  addGoal: "新增目标",
  removeGoal: "删除目标",
};

/** One change to the plan: version + 1 and a full snapshot with who, when and a note. */
export async function changePlan(actor: Actor, pairing: PairingDetail, input: PlanChangeInput, tx: Tx) {
  const plan = pairing.plan;
  if (!plan || plan.id !== input.planId) throw new NotFoundError();
  const next = await bumpPlan(tx, plan.id, input.planVersion);
  let summary: Record<string, unknown> = {};
  switch (input.op) {
    case "updateMilestone": {
      const m = await milestoneOf(tx, plan.id, input.milestoneId);
      if (m.status === "SIGNED_OFF") throw new RuleViolation("mentorship.milestoneSignedOff");
      await tx.planMilestone.update({ where: { id: m.id }, data: { title: input.title, dueDate: dateOnly(input.dueDate), status: input.status, note: input.milestoneNote } });
      summary = { milestoneId: m.id, before: { title: m.title, dueDate: formatDay(m.dueDate), status: m.status, note: m.note }, after: { title: input.title, dueDate: input.dueDate, status: input.status, note: input.milestoneNote } };
      break;
    }
    case "addMilestone": {
      const goal = await tx.planGoal.findFirst({ where: { id: input.goalId, planId: plan.id }, include: { _count: { select: { milestones: true } } } });
      if (!goal) throw new NotFoundError();
      const m = await tx.planMilestone.create({ data: { goalId: goal.id, title: input.title, dueDate: dateOnly(input.dueDate), sortOrder: goal._count.milestones } });
      summary = { milestoneId: m.id, title: input.title, dueDate: input.dueDate };
      break;
    }
    case "removeMilestone": {
      const m = await milestoneOf(tx, plan.id, input.milestoneId);
      if (m.status === "SIGNED_OFF") throw new RuleViolation("mentorship.milestoneSignedOff");
      await tx.planMilestone.delete({ where: { id: m.id } });
      summary = { milestoneId: m.id, title: m.title };
      break;
    }
    case "addGoal": {
      const count = await tx.planGoal.count({ where: { planId: plan.id } });
      const g = await tx.planGoal.create({ data: { planId: plan.id, area: input.area, title: input.title, sortOrder: count } });
      summary = { goalId: g.id, area: input.area, title: input.title };
      break;
    }
    case "removeGoal": {
      const g = await tx.planGoal.findFirst({ where: { id: input.goalId, planId: plan.id }, include: { milestones: { select: { status: true } } } });
      if (!g) throw new NotFoundError();
      if (g.milestones.some((m) => m.status === "SIGNED_OFF")) throw new RuleViolation("mentorship.milestoneSignedOff");
      await tx.planGoal.delete({ where: { id: g.id } });
      summary = { goalId: g.id, title: g.title };
      break;
    }
  }
  await writeSnapshot(tx, plan.id, next, actor.id, input.note || NOTE_BY_OP[input.op]);
  return { planId: plan.id, version: next, summary };
}

/** The manager signs off a milestone the mentor and trainee marked done. */
export async function signOffMilestone(actor: Actor, pairing: PairingDetail, input: z.infer<typeof signOffMilestoneSchema>, tx: Tx) {
  const plan = pairing.plan;
  if (!plan || plan.id !== input.planId) throw new NotFoundError();
  const m = await milestoneOf(tx, plan.id, input.milestoneId);
  const next = await bumpPlan(tx, plan.id, input.planVersion);
  const { count } = await tx.planMilestone.updateMany({
    where: { id: m.id, status: "DONE" },
    data: { status: "SIGNED_OFF", signedOffById: actor.id, signedOffAt: clockNow() },
  });
  if (count === 0) throw new RuleViolation(m.status === "SIGNED_OFF" ? "mentorship.milestoneSignedOff" : "mentorship.signOffNeedsDone");
  await writeSnapshot(tx, plan.id, next, actor.id, input.note || `审核通过：${m.title}`);
  return { version: next, milestone: m.title };
}

// ── Mentoring log ────────────────────────────────────────────────────────────────────────

export async function logActivity(actor: Actor, pairing: PairingDetail, input: z.infer<typeof logActivitySchema>, tx: Tx) {
  const role = pairingRole(actor, pairing);
  if (role !== "MENTOR" && role !== "TRAINEE") throw new ForbiddenError("mentorship.activity.log");
  if (pairing.status !== "ACTIVE") throw new RuleViolation("mentorship.pairingEnded");
  if (input.occurredOn > today()) throw new RuleViolation("mentorship.activityInFuture", "occurredOn");
  if (input.occurredOn < formatDay(pairing.startDate)) throw new RuleViolation("mentorship.activityBeforeStart", "occurredOn");
  return tx.mentoringActivity.create({
    data: { pairingId: pairing.id, kind: input.kind, occurredOn: dateOnly(input.occurredOn), place: input.place, notes: input.notes, recordedById: actor.id },
  });
}

// ── Configuration (admin) ────────────────────────────────────────────────────────────────

export async function saveSettings(programme: MentorshipProgramme, input: z.infer<typeof saveSettingsSchema>, tx: Tx) {
  const current = programme.rawSettings && typeof programme.rawSettings === "object" && !Array.isArray(programme.rawSettings) ? (programme.rawSettings as Record<string, unknown>) : {};
  const settings = readSettings({ ...current, expectations: input.expectations, dueSoonDays: input.dueSoonDays, defaultCapacity: input.defaultCapacity });
  const { count } = await tx.programme.updateMany({ where: { id: programme.id, version: input.version }, data: { settings, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return settings;
}

export async function saveTemplate(programme: MentorshipProgramme, input: z.infer<typeof saveTemplateSchema>, tx: Tx) {
  if (input.templateId) {
    const existing = await tx.planTemplate.findFirst({ where: { id: input.templateId, programmeId: programme.id } });
    if (!existing) throw new NotFoundError();
    return tx.planTemplate.update({ where: { id: existing.id }, data: { name: input.name, active: input.active, content: input.content, version: { increment: 1 } } });
  }
  return tx.planTemplate.create({ data: { programmeId: programme.id, name: input.name, active: input.active, content: input.content } });
}
