"use server";
import { getTranslations } from "next-intl/server";
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError } from "@/lib/platform/errors";
import { formatDateOnly } from "@/lib/platform/dates";
import { getInvestmentProgramme } from "./programme";
import {
  getLeadOrThrow, getProspectOrThrow, getTaskForceOrThrow,
} from "./queries";
import { searchRegister, type RegisterMatch } from "@/lib/platform/search/registers";
import {
  convertProspect, createLead, createTaskForce, createTrip, transitionLead, updateInvestmentSettings, updateTaskForce,
} from "./mutations";
import {
  enterpriseLookupSchema,
  createTaskForceContract,
  updateTaskForceContract,
  createTripContract,
  createLeadContract,
  transitionLeadContract,
  convertProspectContract,
  updateInvestmentSettingsContract,
} from "./schemas";

const revalidate = ["/investment"];

/** "状态不能从“洽谈中”变为“已落地”": stages in the user's words. */
async function withStageLabels<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConflictError && error.messageKey === "statusTransition") {
      const t = await getTranslations("investment");
      const label = (s: unknown) => (typeof s === "string" && s ? t(`stage.${s}` as never) : "");
      throw new ConflictError("statusTransition", { from: label(error.values.from), to: label(error.values.to) });
    }
    throw error;
  }
}

export const createTaskForceAction = action(
  createTaskForceContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "investment.manage");
    const programme = await getInvestmentProgramme(user, input.programmeId, tx);
    const tf = await createTaskForce(user, programme, input, tx);
    await audit({
      action: "investment.taskForce.create", entityType: "TaskForce", entityId: tf.id, orgUnitId: tf.orgUnitId,
      data: {
        after: {
          name: tf.name, kind: tf.kind, leaderId: tf.leaderId, members: tf.members.map((m) => m.userId), sectors: tf.sectors,
          targets: { trips: tf.targetTrips, enterprises: tf.targetEnterprises, projects: tf.targetProjects, investmentWan: tf.targetInvestmentWan },
        },
      },
    });
    return { id: tf.id };
  },
);

export const updateTaskForceAction = action(
  updateTaskForceContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const existing = await getTaskForceOrThrow(user, input.id, tx);
    const programme = await tx.programme.findUniqueOrThrow({ where: { id: existing.programmeId }, select: { status: true, orgUnitId: true } });
    const tf = await updateTaskForce(user, { ...existing, programmeStatus: programme.status, programmeOrgUnitId: programme.orgUnitId }, input, tx);
    await audit({
      action: "investment.taskForce.update", entityType: "TaskForce", entityId: tf.id, orgUnitId: tf.orgUnitId,
      data: {
        before: { name: existing.name, kind: existing.kind, orgUnitId: existing.orgUnitId, leaderId: existing.leaderId, members: existing.members.map((m) => m.userId), active: existing.active, targetInvestmentWan: existing.targetInvestmentWan },
        after: { name: tf.name, kind: tf.kind, orgUnitId: tf.orgUnitId, leaderId: tf.leaderId, members: tf.members.map((m) => m.userId), active: tf.active, targetInvestmentWan: tf.targetInvestmentWan },
      },
    });
    return { id: tf.id, version: tf.version };
  },
);

export const createTripAction = action(
  createTripContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "investment.record");
    const { trip, meetings } = await createTrip(user, input, tx);
    await audit({
      action: "investment.trip.create", entityType: "InvestmentTrip", entityId: trip.id, orgUnitId: trip.orgUnitId,
      data: {
        after: {
          taskForceId: trip.taskForceId, startDate: input.startDate, endDate: input.endDate, destinationCity: trip.destinationCity,
          participants: input.participantIds.length, meetings: meetings.map((m) => ({ enterpriseId: m.enterpriseId, prospectId: m.prospectId })),
        },
      },
    });
    return { id: trip.id };
  },
);

export const createLeadAction = action(
  createLeadContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "investment.record");
    const lead = await createLead(user, input, tx);
    await audit({
      action: "investment.lead.create", entityType: "InvestmentLead", entityId: lead.id, orgUnitId: lead.orgUnitId,
      data: {
        after: {
          title: lead.title, taskForceId: lead.taskForceId, tripMeetingId: lead.tripMeetingId, enterpriseId: lead.enterpriseId,
          prospectId: lead.prospectId, plannedInvestmentWan: lead.plannedInvestmentWan, stage: lead.stage,
        },
        typed: { amount: input.plannedAmount, unit: input.plannedUnit },
      },
    });
    return { id: lead.id };
  },
);

export const transitionLeadAction = action(
  transitionLeadContract, { revalidate },
  async (input, { user, tx, audit }) =>
    withStageLabels(async () => {
      const lead = await getLeadOrThrow(user, input.id, tx);
      const updated = await transitionLead(user, lead, input, tx);
      await audit({
        action: "investment.lead.transition", entityType: "InvestmentLead", entityId: lead.id, orgUnitId: lead.orgUnitId,
        data: {
          before: { stage: lead.stage },
          after: {
            stage: updated.stage,
            signedOn: updated.signedOn ? formatDateOnly(updated.signedOn) : undefined,
            signedAmountWan: updated.signedAmountWan ?? undefined,
            contractNo: updated.contractNo ?? undefined,
            landedOn: updated.landedOn ? formatDateOnly(updated.landedOn) : undefined,
            lostReason: updated.lostReason ?? undefined,
          },
          note: input.note || undefined,
        },
      });
      return { id: lead.id, version: updated.version, stage: updated.stage };
    }),
);

export const convertProspectAction = action(
  convertProspectContract, { revalidate: [...revalidate, "/registers/enterprises"] },
  async (input, { user, tx, audit }) => {
    const prospect = await getProspectOrThrow(user, input.id, tx);
    const { enterprise, movedLeads } = await convertProspect(user, prospect, input, tx);
    await audit({
      action: "enterprise.create", entityType: "Enterprise", entityId: enterprise.id, orgUnitId: enterprise.orgUnitId,
      data: { after: { name: enterprise.name, creditCode: enterprise.creditCode, orgUnitId: enterprise.orgUnitId }, fromProspect: prospect.id },
    });
    await audit({
      action: "investment.prospect.convert", entityType: "Prospect", entityId: prospect.id, orgUnitId: prospect.orgUnitId,
      data: { after: { convertedEnterpriseId: enterprise.id }, movedLeads },
    });
    return { id: prospect.id, enterpriseId: enterprise.id };
  },
);

export const updateInvestmentSettingsAction = action(
  updateInvestmentSettingsContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const programme = await getInvestmentProgramme(user, input.programmeId, tx);
    const updated = await updateInvestmentSettings(user, programme, input, tx);
    await audit({
      action: "investment.settings.update", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnit.id,
      data: { before: { shareLeads: programme.settings.shareLeads }, after: { shareLeads: input.shareLeads } },
    });
    return { id: updated.id, version: updated.version };
  },
);

/** The trip/lead forms' enterprise lookup (read-only: the read wrapper, not the write one). */
export const lookupEnterprisesAction = readAction(
  { name: "investment.lookupEnterprises", schema: enterpriseLookupSchema, permission: "investment.record" },
  async (input, { user }): Promise<RegisterMatch[]> => {
    const programme = await getInvestmentProgramme(user, input.programmeId);
    // The programme owner's area too, a name found anywhere in it, no address: as this lookup always was.
    return searchRegister(user, { kind: "ENTERPRISE", q: input.q, alsoUnder: programme.orgPath, nameMatch: "contains", withAddress: false });
  },
);
