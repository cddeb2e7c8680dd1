"use server";
import { getTranslations } from "next-intl/server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError, NotFoundError } from "@/lib/platform/errors";
import { formatDateOnly } from "@/lib/platform/dates";
import { getInvestmentProgramme } from "@/lib/investment";
import { getKeyProjectProgramme } from "./programme";
import { getKeyProjectOrThrow, getPledgeOrThrow } from "./queries";
import { advanceStage, completePledge, createBlocker, createKeyProject, createPledge, updateMilestone } from "./mutations";
import { createKeyProjectContract, updateMilestoneContract, advanceStageContract, createBlockerContract, createPledgeContract, completePledgeContract } from "./schemas";

const revalidate = ["/key-projects"];

/** Stage and milestone names in the user's words in conflict messages. */
async function withLabels<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConflictError && (error.messageKey === "statusTransition" || error.messageKey === "investment.milestoneMissing")) {
      const t = await getTranslations("keyProjects");
      const v = error.values;
      const stage = (s: unknown) => (typeof s === "string" && s ? t(`stage.${s}` as never) : "");
      if (error.messageKey === "statusTransition") throw new ConflictError("statusTransition", { from: stage(v.from), to: stage(v.to) });
      throw new ConflictError("investment.milestoneMissing", { milestone: t(`milestone.${v.milestone}` as never), stage: stage(v.stage) });
    }
    throw error;
  }
}

export const createKeyProjectAction = action(
  createKeyProjectContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "keyProject.manage");
    const programme = await getKeyProjectProgramme(user, input.programmeId, tx);
    const p = await createKeyProject(user, programme, input, tx);
    await audit({
      action: "keyProject.create", entityType: "KeyProject", entityId: p.id, orgUnitId: p.orgUnitId,
      data: { after: { name: p.name, investmentWan: p.investmentWan, stage: p.stage, liaisonId: p.liaisonId, ownerEnterpriseId: p.ownerEnterpriseId, milestones: input.milestones } },
    });
    return { id: p.id };
  },
);

export const updateMilestoneAction = action(
  updateMilestoneContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const project = await getKeyProjectOrThrow(user, input.projectId, tx);
    const { before, milestone } = await updateMilestone(user, project, input, tx);
    await audit({
      action: "keyProject.milestone", entityType: "KeyProject", entityId: project.id, orgUnitId: project.orgUnitId,
      data: {
        kind: input.kind,
        before: before ? { plannedOn: formatDateOnly(before.plannedOn), actualOn: before.actualOn ? formatDateOnly(before.actualOn) : null } : null,
        after: { plannedOn: formatDateOnly(milestone.plannedOn), actualOn: milestone.actualOn ? formatDateOnly(milestone.actualOn) : null },
      },
    });
    return { id: project.id, version: project.version + 1 };
  },
);

export const advanceStageAction = action(
  advanceStageContract, { revalidate },
  async (input, { user, tx, audit }) =>
    withLabels(async () => {
      const project = await getKeyProjectOrThrow(user, input.id, tx);
      const updated = await advanceStage(user, project, input, tx);
      await audit({
        action: "keyProject.advance", entityType: "KeyProject", entityId: project.id, orgUnitId: project.orgUnitId,
        data: { before: { stage: project.stage }, after: { stage: updated.stage }, note: input.note || undefined },
      });
      return { id: project.id, version: updated.version, stage: updated.stage };
    }),
);

export const createBlockerAction = action(
  createBlockerContract, { revalidate: [...revalidate, "/problems"] },
  async (input, { user, tx, audit }) => {
    const project = await getKeyProjectOrThrow(user, input.projectId, tx);
    const problem = await createBlocker(user, project, input, tx);
    await audit({
      action: "keyProject.blocker.create", entityType: "Problem", entityId: problem.id, orgUnitId: problem.orgUnitId,
      data: { keyProjectId: project.id, after: { title: problem.title, status: problem.status, dueDate: input.dueDate || null } },
    });
    return { id: problem.id };
  },
);

export const createPledgeAction = action(
  createPledgeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "pledge.manage");
    // A pledge belongs to a key-project or an investment programme the user sees.
    const programme = await getKeyProjectProgramme(user, input.programmeId, tx).catch(async (e) => {
      if (e instanceof NotFoundError) return getInvestmentProgramme(user, input.programmeId, tx);
      throw e;
    });
    const pledge = await createPledge(user, programme, input, tx);
    await audit({
      action: "pledge.create", entityType: "Pledge", entityId: pledge.id, orgUnitId: pledge.orgUnitId,
      data: { after: { problem: pledge.problem, dueOn: input.dueOn, pledgerId: pledge.pledgerId, keyProjectId: pledge.keyProjectId } },
    });
    return { id: pledge.id };
  },
);

export const completePledgeAction = action(
  completePledgeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const pledge = await getPledgeOrThrow(user, input.id, tx);
    const updated = await completePledge(user, pledge, input, tx);
    await audit({
      action: "pledge.complete", entityType: "Pledge", entityId: pledge.id, orgUnitId: pledge.orgUnitId,
      data: { before: { status: pledge.status }, after: { status: updated.status, doneOn: input.doneOn, late: input.doneOn > formatDateOnly(pledge.dueOn) } },
    });
    return { id: pledge.id, version: updated.version };
  },
);
