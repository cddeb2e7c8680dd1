"use server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { getProgrammeOrThrow } from "./queries";
import { createProgramme, setProgrammeStatus, updateProgramme } from "./mutations";
import { createProgrammeContract, updateProgrammeContract, setProgrammeStatusContract } from "./schemas";

const revalidate = ["/programmes", "/"];

function summary(p: { name: string; type: string; status: string; startDate: Date; endDate: Date; orgUnitId: string }, indicators: { code: string; targets: unknown[] }[]) {
  return { name: p.name, type: p.type, status: p.status, startDate: p.startDate, endDate: p.endDate, orgUnitId: p.orgUnitId, indicators: indicators.map((i) => `${i.code}(${i.targets.length})`) };
}

export const createProgrammeAction = action(
  createProgrammeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const owner = await getOrgUnitOrThrow(user, input.orgUnitId, tx);
    assertCan(user, "programme.manage", owner);
    const programme = await createProgramme(user, input, tx);
    await audit({ action: "programme.create", entityType: "Programme", entityId: programme.id, orgUnitId: owner.id, data: { after: summary(programme, input.indicators) } });
    return { id: programme.id };
  },
);

export const updateProgrammeAction = action(
  updateProgrammeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const existing = await getProgrammeOrThrow(user, input.id, tx);
    assertCan(user, "programme.manage", existing);
    const newOwner = await getOrgUnitOrThrow(user, input.orgUnitId, tx);
    assertCan(user, "programme.manage", newOwner);
    const updated = await updateProgramme(user, existing, input, tx);
    await audit({
      action: "programme.update", entityType: "Programme", entityId: existing.id, orgUnitId: updated.orgUnitId,
      data: { before: summary(existing, existing.indicators), after: summary(updated, input.indicators) },
    });
    return { id: existing.id, version: updated.version };
  },
);

export const setProgrammeStatusAction = action(
  setProgrammeStatusContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const existing = await getProgrammeOrThrow(user, input.id, tx);
    assertCan(user, "programme.manage", existing);
    const updated = await setProgrammeStatus(existing, input.version, input.status, tx);
    await audit({ action: "programme.setStatus", entityType: "Programme", entityId: existing.id, orgUnitId: existing.orgUnitId, data: { before: { status: existing.status }, after: { status: updated.status } } });
    return { id: existing.id, version: updated.version, status: updated.status };
  },
);
