"use server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { RuleViolation } from "@/lib/platform/errors";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { getUserOrThrow } from "./queries";
import { createUser, resetUserPassword, setUserActive, updateUser } from "./mutations";
import { createUserContract, updateUserContract, setUserActiveContract, resetUserPasswordContract } from "./schemas";

const revalidate = ["/admin/users"];

export const createUserAction = action(
  createUserContract, { revalidate },
  async (input, { user: actor, tx, audit }) => {
    const orgUnit = await getOrgUnitOrThrow(actor, input.orgUnitId, tx);
    assertCan(actor, "user.manage", orgUnit);
    const { user, temporaryPassword } = await createUser({ ...input, orgUnitActive: orgUnit.active }, tx);
    await audit({
      action: "user.create", entityType: "User", entityId: user.id, orgUnitId: orgUnit.id,
      data: { after: { username: user.username, name: user.name, role: user.role, orgUnitId: orgUnit.id } },
    });
    // Shown once to the admin who hands it over; never stored in clear or audited.
    return { id: user.id, temporaryPassword };
  },
);

export const updateUserAction = action(
  updateUserContract, { revalidate },
  async (input, { user: actor, tx, audit }) => {
    const existing = await getUserOrThrow(actor, input.id, tx);
    assertCan(actor, "user.manage", existing);
    const orgUnit = await getOrgUnitOrThrow(actor, input.orgUnitId, tx);
    assertCan(actor, "user.manage", orgUnit);
    if (existing.id === actor.id && (input.role !== existing.role || input.orgUnitId !== existing.orgUnitId)) {
      // An admin demoting or moving themselves could lock the district out of its admin.
      throw new RuleViolation("cannotChangeOwnRole", "role");
    }
    const { user, sessionsEnded, dingtalkChanged } = await updateUser(existing, { ...input, orgUnitActive: orgUnit.active }, tx);
    await audit({
      action: "user.update", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId,
      data: {
        before: { name: existing.name, role: existing.role, orgUnitId: existing.orgUnitId, phoneChanged: existing.phone !== user.phone, ...(dingtalkChanged ? { dingtalkUserId: existing.dingtalkUserId } : {}) },
        after: { name: user.name, role: user.role, orgUnitId: user.orgUnitId, ...(dingtalkChanged ? { dingtalkUserId: user.dingtalkUserId } : {}) },
        sessionsEnded,
      },
    });
    return { id: user.id, version: user.version };
  },
);

export const setUserActiveAction = action(
  setUserActiveContract, { revalidate },
  async (input, { user: actor, tx, audit }) => {
    const existing = await getUserOrThrow(actor, input.id, tx);
    assertCan(actor, "user.manage", existing);
    if (existing.id === actor.id) throw new RuleViolation("cannotDeactivateSelf");
    const user = await setUserActive(existing, input.version, input.active, tx);
    await audit({
      action: input.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId,
      data: { before: { active: existing.active }, after: { active: user.active } },
    });
    return { id: user.id, version: user.version };
  },
);

export const resetUserPasswordAction = action(
  resetUserPasswordContract, { revalidate },
  async (input, { user: actor, tx, audit }) => {
    const existing = await getUserOrThrow(actor, input.id, tx);
    assertCan(actor, "user.manage", existing);
    const { temporaryPassword, user } = await resetUserPassword(existing, input.version, tx);
    await audit({ action: "user.resetPassword", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId, data: { sessionsEnded: true } });
    return { id: user.id, version: user.version, temporaryPassword };
  },
);
