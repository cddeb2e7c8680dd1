// Investment writes (take a transaction; the actions wrap them with the audit row). Stage
// changes are one conditional update on (id, version, stage): of two people moving the same
// lead at once exactly one succeeds, and the winner writes the timeline event.
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError, ForbiddenError, RuleViolation } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { dateOnly, formatDateOnly } from "@/lib/platform/dates";
import { isValidCreditCode, normalizeCreditCode } from "@/lib/registers/schemas";
import { assertEnterpriseUnit, createEnterprise } from "@/lib/registers";
import { toWan } from "@/lib/platform/money";
import { enterpriseAreaWhere, mayRecordFor, peopleWhere, prospectReadScope, type TaskForceAuthority } from "./queries";
import type {
  ConvertProspectInput, CreateLeadInput, CreateTaskForceInput, CreateTripInput, LeadStageValue, TransitionLeadInput, UpdateTaskForceInput,
} from "./schemas";
import { leadTransitionAllowed } from "./stages";

type Programme = { id: string; status: string; orgUnit: { id: string; path: string } };

function assertOpen(programme: { status: string }) {
  if (programme.status === "CLOSED") throw new RuleViolation("programmeClosed");
}

/** The task force's unit: in the actor's subtree and inside the programme's area. */
async function taskForceUnit(tx: Tx, actor: Actor, programme: Programme, orgUnitId: string) {
  const unit = await tx.orgUnit.findFirst({ where: { id: orgUnitId, active: true, path: { startsWith: actor.orgPath } }, select: { id: true, path: true } });
  if (!unit) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
  if (!isWithinSubtree(unit.path, programme.orgUnit.path)) throw new RuleViolation("investment.unitOutsideProgramme", "orgUnitId");
  return unit;
}

async function assertPeople(tx: Tx, actor: Actor, programmeOrgPath: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await tx.user.count({ where: { AND: [{ id: { in: unique }, active: true }, peopleWhere(actor, programmeOrgPath)] } });
  if (found !== unique.length) throw new RuleViolation("investment.personOutOfScope", field);
  return unique;
}

function taskForceData(input: CreateTaskForceInput | UpdateTaskForceInput) {
  return {
    name: input.name, kind: input.kind, sectors: input.sectors,
    targetTrips: input.targetTrips, targetEnterprises: input.targetEnterprises, targetProjects: input.targetProjects,
    targetInvestmentWan: input.targetInvestment ? toWan(input.targetInvestment, input.targetInvestmentUnit)! : "0",
  };
}

export async function createTaskForce(actor: Actor, programme: Programme, input: CreateTaskForceInput, tx: Tx) {
  assertOpen(programme);
  const unit = await taskForceUnit(tx, actor, programme, input.orgUnitId);
  assertCan(actor, "investment.manage", { orgPath: unit.path });
  const [leaderId] = await assertPeople(tx, actor, programme.orgUnit.path, [input.leaderId], "leaderId");
  const members = (await assertPeople(tx, actor, programme.orgUnit.path, input.memberIds, "memberIds")).filter((m) => m !== leaderId);
  return tx.taskForce.create({
    data: {
      ...taskForceData(input), programmeId: programme.id, orgUnitId: unit.id, leaderId: leaderId!,
      members: { create: members.map((userId) => ({ userId })) },
    },
    include: { members: true },
  });
}

export async function updateTaskForce(
  actor: Actor,
  existing: { id: string; orgUnit: { path: string }; programme: { id: string; orgUnit: { path: string } } } & { programmeStatus: string; programmeOrgUnitId: string },
  input: UpdateTaskForceInput, tx: Tx,
) {
  assertCan(actor, "investment.manage", { orgPath: existing.orgUnit.path });
  const programme = { id: existing.programme.id, status: existing.programmeStatus, orgUnit: { id: existing.programmeOrgUnitId, path: existing.programme.orgUnit.path } };
  assertOpen(programme);
  const unit = await taskForceUnit(tx, actor, programme, input.orgUnitId);
  assertCan(actor, "investment.manage", { orgPath: unit.path });
  const [leaderId] = await assertPeople(tx, actor, programme.orgUnit.path, [input.leaderId], "leaderId");
  const members = (await assertPeople(tx, actor, programme.orgUnit.path, input.memberIds, "memberIds")).filter((m) => m !== leaderId);
  const { count } = await tx.taskForce.updateMany({
    where: { id: existing.id, version: input.version },
    data: { ...taskForceData(input), orgUnitId: unit.id, leaderId: leaderId!, active: input.active, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.taskForceMember.deleteMany({ where: { taskForceId: existing.id } });
  if (members.length) await tx.taskForceMember.createMany({ data: members.map((userId) => ({ taskForceId: existing.id, userId })) });
  return tx.taskForce.findUniqueOrThrow({ where: { id: existing.id }, include: { members: true } });
}

type LoadedTaskForce = TaskForceAuthority & {
  id: string; programmeId: string; orgUnitId: string; active: boolean;
  programme: { status: string; orgUnit: { path: string } };
};

/** A task force the actor may record for (else NotFound/Forbidden), of an open programme. */
export async function recordableTaskForceOrThrow(actor: Actor, id: string, tx: Tx): Promise<LoadedTaskForce> {
  const tf = await tx.taskForce.findFirst({
    where: { id },
    select: {
      id: true, programmeId: true, orgUnitId: true, leaderId: true, active: true,
      orgUnit: { select: { path: true } }, members: { select: { userId: true } },
      programme: { select: { status: true, orgUnit: { select: { path: true } } } },
    },
  });
  if (!tf) throw new RuleViolation("investment.taskForceInvalid", "taskForceId");
  if (!mayRecordFor(actor, tf)) {
    if (!isWithinSubtree(tf.orgUnit.path, actor.orgPath) && tf.leaderId !== actor.id && !tf.members.some((m) => m.userId === actor.id)) {
      throw new RuleViolation("investment.taskForceInvalid", "taskForceId");
    }
    throw new ForbiddenError("investment.record");
  }
  if (!tf.active || tf.programme.status !== "ACTIVE") throw new RuleViolation("investment.taskForceInvalid", "taskForceId");
  return tf;
}

async function assertEnterpriseInArea(tx: Tx, actor: Actor, programmeOrgPath: string, id: string, field: string) {
  const e = await tx.enterprise.findFirst({ where: { AND: [{ id, active: true }, enterpriseAreaWhere(actor, programmeOrgPath)] }, select: { id: true } });
  if (!e) throw new RuleViolation("investment.enterpriseInvalid", field);
  return e.id;
}

async function prospectFor(
  tx: Tx, actor: Actor, tf: LoadedTaskForce,
  p: { prospectId: string; prospectName: string; prospectCity?: string; prospectSector?: string; prospectContact?: string },
  field: string,
) {
  if (p.prospectId) {
    const existing = await tx.prospect.findFirst({ where: { AND: [{ id: p.prospectId, programmeId: tf.programmeId }, prospectReadScope(actor)] }, select: { id: true } });
    if (!existing) throw new RuleViolation("investment.prospectInvalid", field);
    return existing.id;
  }
  const created = await tx.prospect.create({
    data: {
      programmeId: tf.programmeId, orgUnitId: tf.orgUnitId, name: p.prospectName, city: p.prospectCity ?? "",
      sector: p.prospectSector ?? "", contactName: p.prospectContact ?? "",
    },
  });
  return created.id;
}

export async function createTrip(actor: Actor, input: CreateTripInput, tx: Tx) {
  const tf = await recordableTaskForceOrThrow(actor, input.taskForceId, tx);
  const participants = await assertPeople(tx, actor, tf.programme.orgUnit.path, input.participantIds, "participantIds");
  const trip = await tx.investmentTrip.create({
    data: {
      programmeId: tf.programmeId, taskForceId: tf.id, orgUnitId: tf.orgUnitId, createdById: actor.id,
      startDate: dateOnly(input.startDate), endDate: dateOnly(input.endDate), destinationCity: input.destinationCity, notes: input.notes,
      participants: { create: participants.map((userId) => ({ userId })) },
    },
  });
  const meetings = [];
  for (const [i, m] of input.meetings.entries()) {
    const data: Prisma.TripMeetingUncheckedCreateInput = { tripId: trip.id, notes: m.notes };
    if (m.kind === "ENTERPRISE") data.enterpriseId = await assertEnterpriseInArea(tx, actor, tf.programme.orgUnit.path, m.enterpriseId, `meetings.${i}.enterpriseId`);
    else data.prospectId = await prospectFor(tx, actor, tf, m, `meetings.${i}.prospectName`);
    meetings.push(await tx.tripMeeting.create({ data }));
  }
  return { trip, meetings };
}

export async function createLead(actor: Actor, input: CreateLeadInput, tx: Tx) {
  const tf = await recordableTaskForceOrThrow(actor, input.taskForceId, tx);
  let enterpriseId: string | null = null;
  let prospectId: string | null = null;
  let tripMeetingId: string | null = null;
  if (input.source === "MEETING") {
    const meeting = await tx.tripMeeting.findFirst({
      where: { id: input.tripMeetingId, trip: { taskForceId: tf.id } },
      select: { id: true, enterpriseId: true, prospectId: true, prospect: { select: { convertedEnterpriseId: true } } },
    });
    if (!meeting) throw new RuleViolation("investment.meetingInvalid", "tripMeetingId");
    tripMeetingId = meeting.id;
    enterpriseId = meeting.enterpriseId ?? meeting.prospect?.convertedEnterpriseId ?? null;
    prospectId = enterpriseId ? null : meeting.prospectId;
  } else if (input.source === "ENTERPRISE") {
    enterpriseId = await assertEnterpriseInArea(tx, actor, tf.programme.orgUnit.path, input.enterpriseId, "enterpriseId");
  } else {
    prospectId = await prospectFor(tx, actor, tf, input, "prospectName");
  }
  const lead = await tx.investmentLead.create({
    data: {
      programmeId: tf.programmeId, taskForceId: tf.id, orgUnitId: tf.orgUnitId, ownerId: actor.id, tripMeetingId, enterpriseId, prospectId,
      title: input.title, sector: input.sector, plannedInvestmentWan: toWan(input.plannedAmount, input.plannedUnit)!, stage: "LEAD",
      events: { create: { fromStage: null, toStage: "LEAD", actorId: actor.id } },
    },
  });
  return lead;
}

type LoadedLead = {
  id: string; version: number; stage: LeadStageValue; signedOn: Date | null;
  programme: { status: string };
  taskForce: TaskForceAuthority;
};

export async function transitionLead(actor: Actor, lead: LoadedLead, input: TransitionLeadInput, tx: Tx) {
  // Seeing a shared lead does not make it the actor's to move.
  if (!mayRecordFor(actor, lead.taskForce)) throw new ForbiddenError("investment.record");
  if (lead.programme.status === "CLOSED") throw new RuleViolation("programmeClosed");
  if (lead.version !== input.version) throw new ConflictError();
  if (!leadTransitionAllowed(lead.stage, input.to)) throw new ConflictError("statusTransition", { from: lead.stage, to: input.to });

  const data: Prisma.InvestmentLeadUpdateManyMutationInput = { stage: input.to, version: { increment: 1 } };
  let note = input.note;
  if (input.to === "SIGNED") {
    Object.assign(data, { signedOn: dateOnly(input.signedOn), signedAmountWan: toWan(input.signedAmount, input.signedUnit)!, contractNo: input.contractNo });
  } else if (input.to === "LANDED") {
    if (lead.signedOn && input.landedOn < formatDateOnly(lead.signedOn)) throw new RuleViolation("investment.landedBeforeSigned", "landedOn");
    data.landedOn = dateOnly(input.landedOn);
  } else if (input.to === "LOST") {
    data.lostReason = input.lostReason;
    note = input.note ? `${input.lostReason}\n${input.note}` : input.lostReason;
  }
  const { count } = await tx.investmentLead.updateMany({ where: { id: lead.id, version: input.version, stage: lead.stage }, data });
  if (count === 0) throw new ConflictError();
  await tx.investmentLeadEvent.create({ data: { leadId: lead.id, fromStage: lead.stage, toStage: input.to, actorId: actor.id, note } });
  return tx.investmentLead.findUniqueOrThrow({ where: { id: lead.id } });
}

/**
 * A prospect lands: it becomes a register enterprise in the same transaction, the prospect
 * points at it, and its leads and trip meetings move to the enterprise.
 */
export async function convertProspect(
  actor: Actor,
  prospect: { id: string; version: number; convertedEnterpriseId: string | null; orgUnit: { path: string } },
  input: ConvertProspectInput, tx: Tx,
) {
  assertCan(actor, "investment.record");
  if (prospect.convertedEnterpriseId) throw new ConflictError("investment.prospectConverted");
  const creditCode = normalizeCreditCode(input.creditCode);
  if (!creditCode) throw new RuleViolation("required", "creditCode");
  if (!isValidCreditCode(creditCode)) throw new RuleViolation("registers.creditCodeInvalid", "creditCode");
  const unit = await tx.orgUnit.findFirst({ where: { id: input.orgUnitId, path: { startsWith: actor.orgPath } } });
  if (!unit) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
  assertCan(actor, "enterprise.manage", { orgPath: unit.path });
  assertEnterpriseUnit(unit);
  const enterprise = await createEnterprise({
    name: input.name, creditCode, address: input.address, orgUnitId: unit.id, industry: input.industry, size: input.size,
    contactName: "", contactPhone: null, commissionerId: null,
  } as Parameters<typeof createEnterprise>[0], tx);
  const { count } = await tx.prospect.updateMany({
    where: { id: prospect.id, version: input.version, convertedEnterpriseId: null },
    data: { convertedEnterpriseId: enterprise.id, creditCode, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  const leads = await tx.investmentLead.updateMany({ where: { prospectId: prospect.id }, data: { enterpriseId: enterprise.id, prospectId: null, version: { increment: 1 } } });
  await tx.tripMeeting.updateMany({ where: { prospectId: prospect.id }, data: { enterpriseId: enterprise.id } });
  return { enterprise, movedLeads: leads.count };
}

export async function updateInvestmentSettings(
  actor: Actor,
  programme: { id: string; version: number; orgPath: string; rawSettings: unknown },
  input: { version: number; shareLeads: boolean }, tx: Tx,
) {
  assertCan(actor, "investment.manage", { orgPath: programme.orgPath });
  if (programme.version !== input.version) throw new ConflictError();
  const current = programme.rawSettings && typeof programme.rawSettings === "object" && !Array.isArray(programme.rawSettings) ? programme.rawSettings : {};
  const { count } = await tx.programme.updateMany({
    where: { id: programme.id, version: input.version },
    data: { settings: { ...(current as Record<string, unknown>), shareLeads: input.shareLeads }, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return tx.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { id: true, version: true, settings: true } });
}


