"use server";
// Server actions of 导师带徒: thin — scoped load, permission, mutation, audit.
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import {
  addPoolMember,
  assertMayEditPlan,
  changeCapacity,
  changeMemberFlags,
  changeMemberStatus,
  changePlan,
  createPairing,
  endPairing,
  evaluatePairing,
  logActivity,
  saveSettings,
  saveTemplate,
  signOffMilestone,
} from "./mutations";
import { getMentorshipProgramme } from "./programme";
import { getPairingOrThrow, getPoolMemberOrThrow, suggestMentors } from "./queries";
import {
  suggestMentorsSchema,
  addPoolMemberContract,
  changeMemberStatusContract,
  changeMemberFlagsContract,
  changeCapacityContract,
  createPairingContract,
  endPairingContract,
  evaluatePairingContract,
  changePlanContract,
  signOffMilestoneContract,
  logActivityContract,
  saveSettingsContract,
  saveTemplateContract,
} from "./schemas";
import type { RankedMentor } from "./suggest";

const revalidate = ["/mentorship"];

export const addPoolMemberAction = action(
  addPoolMemberContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "mentorship.manage");
    const programme = await getMentorshipProgramme(user, input.programmeId, tx);
    const { member, userName } = await addPoolMember(user, programme, input, tx);
    await audit({
      action: "mentorship.pool.add", entityType: "PoolMember", entityId: member.id, orgUnitId: programme.orgUnit.id,
      data: { after: { programmeId: programme.id, pool: member.pool, userId: member.userId, userName, capacity: member.capacity, lineOfWork: member.lineOfWork, reason: input.reason } },
    });
    return { id: member.id };
  },
);

export const changeMemberStatusAction = action(
  changeMemberStatusContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const member = await getPoolMemberOrThrow(user, input.memberId, tx);
    assertCan(user, "mentorship.manage", member);
    await changeMemberStatus(user, member, input, tx);
    await audit({
      action: "mentorship.pool.status", entityType: "PoolMember", entityId: member.id,
      data: { before: { status: member.status }, after: { status: input.toStatus }, reason: input.reason, effectiveOn: input.effectiveOn },
    });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: member.id, version: input.version + 1 };
  },
);

export const changeMemberFlagsAction = action(
  changeMemberFlagsContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const member = await getPoolMemberOrThrow(user, input.memberId, tx);
    assertCan(user, "mentorship.manage", member);
    const changes = await changeMemberFlags(user, member, input, tx);
    await audit({
      action: "mentorship.pool.flags", entityType: "PoolMember", entityId: member.id,
      data: {
        before: { priorityPromotion: member.priorityPromotion, reserveCadre: member.reserveCadre, reserveNote: member.reserveNote },
        after: { priorityPromotion: input.priorityPromotion, reserveCadre: input.reserveCadre, reserveNote: input.reserveNote },
        changes, reason: input.reason,
      },
    });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: member.id, version: input.version + 1 };
  },
);

export const changeCapacityAction = action(
  changeCapacityContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const member = await getPoolMemberOrThrow(user, input.memberId, tx);
    assertCan(user, "mentorship.manage", member);
    await changeCapacity(user, member, input, tx);
    await audit({ action: "mentorship.pool.capacity", entityType: "PoolMember", entityId: member.id, data: { before: { capacity: member.capacity }, after: { capacity: input.capacity }, reason: input.reason } });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: member.id, version: input.version + 1 };
  },
);

export const createPairingAction = action(
  createPairingContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "mentorship.manage");
    const programme = await getMentorshipProgramme(user, input.programmeId, tx);
    const { pairing, plan, mentorName, traineeName } = await createPairing(user, programme, input, tx);
    await audit({
      action: "mentorship.pairing.create", entityType: "Pairing", entityId: pairing.id, orgUnitId: pairing.orgUnitId,
      data: { after: { programmeId: programme.id, mentorId: pairing.mentorId, mentorName, traineeId: pairing.traineeId, traineeName, startDate: input.startDate, endDate: input.endDate, planId: plan.id } },
    });
    return { id: pairing.id };
  },
);

export const endPairingAction = action(
  endPairingContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const pairing = await getPairingOrThrow(user, input.pairingId, tx);
    assertCan(user, "mentorship.manage", pairing);
    await endPairing(pairing, input, tx);
    await audit({ action: "mentorship.pairing.end", entityType: "Pairing", entityId: pairing.id, orgUnitId: pairing.orgUnitId, data: { before: { status: "ACTIVE" }, after: { status: "ENDED" }, reason: input.reason } });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: pairing.id, version: input.version + 1 };
  },
);

export const evaluatePairingAction = action(
  evaluatePairingContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const pairing = await getPairingOrThrow(user, input.pairingId, tx);
    assertCan(user, "mentorship.manage", pairing);
    await evaluatePairing(user, pairing, input, tx);
    await audit({
      action: "mentorship.pairing.evaluate", entityType: "Pairing", entityId: pairing.id, orgUnitId: pairing.orgUnitId,
      data: { before: { rating: pairing.rating, evaluation: pairing.evaluation }, after: { rating: input.rating, evaluation: input.evaluation } },
    });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: pairing.id, version: input.version + 1 };
  },
);

export const changePlanAction = action(
  changePlanContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const pairing = await tx.pairing.findFirst({ where: { plan: { id: input.planId } }, select: { id: true } });
    const loaded = await getPairingOrThrow(user, pairing?.id ?? "", tx);
    assertMayEditPlan(user, loaded);
    const result = await changePlan(user, loaded, input, tx);
    await audit({ action: `mentorship.plan.${input.op}`, entityType: "DevelopmentPlan", entityId: result.planId, orgUnitId: loaded.orgUnitId, data: { version: result.version, ...result.summary } });
    return { id: result.planId, version: result.version };
  },
);

export const signOffMilestoneAction = action(
  signOffMilestoneContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const pairing = await tx.pairing.findFirst({ where: { plan: { id: input.planId } }, select: { id: true } });
    const loaded = await getPairingOrThrow(user, pairing?.id ?? "", tx);
    assertCan(user, "mentorship.manage", loaded);
    const result = await signOffMilestone(user, loaded, input, tx);
    await audit({ action: "mentorship.plan.signOff", entityType: "DevelopmentPlan", entityId: input.planId, orgUnitId: loaded.orgUnitId, data: { milestoneId: input.milestoneId, milestone: result.milestone, version: result.version } });
    return { id: input.planId, version: result.version };
  },
);

export const logActivityAction = action(
  logActivityContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "mentorship.activity.log");
    const pairing = await getPairingOrThrow(user, input.pairingId, tx);
    const activity = await logActivity(user, pairing, input, tx);
    await audit({ action: "mentorship.activity.log", entityType: "MentoringActivity", entityId: activity.id, orgUnitId: pairing.orgUnitId, data: { after: { pairingId: pairing.id, kind: input.kind, occurredOn: input.occurredOn, place: input.place } } });
    return { id: activity.id };
  },
);

export const saveSettingsAction = action(
  saveSettingsContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const programme = await getMentorshipProgramme(user, input.programmeId, tx);
    assertCan(user, "mentorship.configure", programme);
    const settings = await saveSettings(programme, input, tx);
    await audit({ action: "mentorship.configure.settings", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnit.id, data: { before: programme.settings, after: settings } });
    // The update was conditional on input.version and added one (mutations.ts): the row's version now.
    return { id: programme.id, version: input.version + 1 };
  },
);

export const saveTemplateAction = action(
  saveTemplateContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const programme = await getMentorshipProgramme(user, input.programmeId, tx);
    assertCan(user, "mentorship.configure", programme);
    const template = await saveTemplate(programme, input, tx);
    await audit({ action: "mentorship.configure.template", entityType: "PlanTemplate", entityId: template.id, orgUnitId: programme.orgUnit.id, data: { after: { name: input.name, active: input.active, content: input.content } } });
    return { id: template.id };
  },
);

/** The pairing form's mentor suggestions (read-only: the read wrapper, not the write one). */
export const suggestMentorsAction = readAction(
  { name: "mentorship.suggestMentors", schema: suggestMentorsSchema, permission: "mentorship.manage" },
  async (input, { user }): Promise<RankedMentor[]> => {
    await getMentorshipProgramme(user, input.programmeId);
    return suggestMentors(user, input.programmeId, input.traineeId);
  },
);
