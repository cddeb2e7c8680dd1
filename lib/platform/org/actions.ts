"use server";
// Org-unit server actions: thin. Each is the wrapper + scoped load + permission + mutation
// + audit; the rules live in mutations.ts.
import { action } from "@/lib/platform/action";
import { RuleViolation } from "@/lib/platform/errors";
import { assertCan } from "@/lib/platform/authz/can";
import { getOrgUnitOrThrow } from "./queries";
import { createOrgUnit, moveOrgUnit, renameOrgUnit, setOrgUnitActive } from "./mutations";
import { createOrgUnitContract, renameOrgUnitContract, moveOrgUnitContract, setOrgUnitActiveContract } from "./schemas";

const revalidate = ["/admin/org-units"];

export const createOrgUnitAction = action(
  createOrgUnitContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const parent = await getOrgUnitOrThrow(user, input.parentId, tx);
    assertCan(user, "orgUnit.manage", parent);
    const unit = await createOrgUnit(parent, input, tx);
    await audit({ action: "orgUnit.create", entityType: "OrgUnit", entityId: unit.id, orgUnitId: unit.id, data: { after: { name: unit.name, kind: unit.kind, parentId: parent.id } } });
    return { id: unit.id };
  },
);

export const renameOrgUnitAction = action(
  renameOrgUnitContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const unit = await getOrgUnitOrThrow(user, input.id, tx);
    assertCan(user, "orgUnit.manage", unit);
    const updated = await renameOrgUnit({ ...unit, version: input.version }, input.name, tx);
    await audit({ action: "orgUnit.rename", entityType: "OrgUnit", entityId: unit.id, orgUnitId: unit.id, data: { before: { name: unit.name }, after: { name: updated.name } } });
    return { id: unit.id, version: updated.version };
  },
);

export const moveOrgUnitAction = action(
  moveOrgUnitContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const unit = await getOrgUnitOrThrow(user, input.id, tx);
    assertCan(user, "orgUnit.manage", unit);
    const newParent = await getOrgUnitOrThrow(user, input.newParentId, tx);
    assertCan(user, "orgUnit.manage", newParent);
    const moved = await moveOrgUnit({ ...unit, version: input.version }, newParent, tx);
    await audit({ action: "orgUnit.move", entityType: "OrgUnit", entityId: unit.id, orgUnitId: unit.id, data: { before: { parentId: unit.parentId }, after: { parentId: newParent.id } } });
    return { id: unit.id, version: moved.version };
  },
);

export const setOrgUnitActiveAction = action(
  setOrgUnitActiveContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const unit = await getOrgUnitOrThrow(user, input.id, tx);
    assertCan(user, "orgUnit.manage", unit);
    // The unit at the top of the admin's own scope cannot be switched off by that admin.
    if (unit.path === user.orgPath) throw new RuleViolation("cannotDeactivateOwnUnit");
    const updated = await setOrgUnitActive({ ...unit, version: input.version }, input.active, tx);
    await audit({ action: input.active ? "orgUnit.activate" : "orgUnit.deactivate", entityType: "OrgUnit", entityId: unit.id, orgUnitId: unit.id, data: { before: { active: unit.active }, after: { active: updated.active } } });
    return { id: unit.id, version: updated.version };
  },
);
