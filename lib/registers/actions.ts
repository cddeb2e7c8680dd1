"use server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import type { Actor } from "@/lib/platform/authz/can";
import type { Tx } from "@/lib/platform/db/client";
import { NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { getUserOrThrow } from "@/lib/users/queries";
import { getEnterpriseOrThrow, getHouseholdOrThrow } from "./queries";
import {
  assertEnterpriseUnit, assertHouseholdUnit, createEnterprise, createHousehold, setEnterpriseActive, setHouseholdActive,
  updateEnterprise, updateHousehold,
} from "./mutations";
import {
  createEnterpriseSchema, createHouseholdSchema, setActiveSchema, unmaskSchema, updateEnterpriseSchema, updateHouseholdSchema,
} from "./schemas";

const householdPaths = ["/registers/households"];
const enterprisePaths = ["/registers/enterprises"];

/** The chosen org unit, in scope (else a field error, not a bare "not found"). */
async function unitInScope(tx: Tx, actor: Actor, id: string) {
  try {
    return await getOrgUnitOrThrow(actor, id, tx);
  } catch (e) {
    if (e instanceof NotFoundError) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId", e.target);
    throw e;
  }
}

/** A commissioner must be an active user inside the actor's subtree. */
async function assertCommissioner(tx: Tx, actor: Actor, id: string | null) {
  if (!id) return;
  try {
    const user = await getUserOrThrow(actor, id, tx);
    if (!user.active) throw new RuleViolation("registers.commissionerInactive", "commissionerId");
  } catch (e) {
    if (e instanceof NotFoundError) throw new RuleViolation("registers.commissionerOutOfScope", "commissionerId", e.target);
    throw e;
  }
}

// ───────────── Households ─────────────

export const createHouseholdAction = action(
  { name: "household.create", schema: createHouseholdSchema, idempotent: true, revalidate: householdPaths },
  async (input, { user, tx, audit }) => {
    assertCan(user, "household.manage");
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, "household.manage", unit);
    assertHouseholdUnit(unit);
    const h = await createHousehold(input, tx);
    await audit({
      action: "household.create", entityType: "Household", entityId: h.id, orgUnitId: unit.id,
      data: { after: { householdKey: h.householdKey, headName: h.headName, orgUnitId: unit.id, membersCount: h.membersCount, tags: h.tags, hasPhone: !!h.phone } },
    });
    return { id: h.id };
  },
);

export const updateHouseholdAction = action(
  { name: "household.update", schema: updateHouseholdSchema, revalidate: householdPaths },
  async (input, { user, tx, audit }) => {
    const existing = await getHouseholdOrThrow(user, input.id, tx);
    assertCan(user, "household.manage", existing);
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, "household.manage", unit);
    assertHouseholdUnit(unit, unit.id !== existing.orgUnitId);
    const h = await updateHousehold(existing, input, tx);
    await audit({
      action: "household.update", entityType: "Household", entityId: h.id, orgUnitId: h.orgUnitId,
      data: {
        before: { headName: existing.headName, address: existing.address, orgUnitId: existing.orgUnitId, membersCount: existing.membersCount, tags: existing.tags },
        after: { headName: h.headName, address: h.address, orgUnitId: h.orgUnitId, membersCount: h.membersCount, tags: h.tags },
        phoneChanged: existing.phone !== h.phone,
      },
    });
    return { id: h.id, version: h.version };
  },
);

export const setHouseholdActiveAction = action(
  { name: "household.setActive", schema: setActiveSchema, revalidate: householdPaths },
  async (input, { user, tx, audit }) => {
    const existing = await getHouseholdOrThrow(user, input.id, tx);
    assertCan(user, "household.manage", existing);
    const h = await setHouseholdActive(existing.id, input.version, input.active, tx);
    await audit({
      action: input.active ? "household.activate" : "household.deactivate", entityType: "Household", entityId: h.id, orgUnitId: h.orgUnitId,
      data: { before: { active: existing.active }, after: { active: h.active } },
    });
    return { id: h.id, version: h.version };
  },
);

/** The full phone of one household, for a user allowed to see it; the look is audited. */
export const unmaskHouseholdPhoneAction = action(
  { name: "personalData.unmask", schema: unmaskSchema },
  async (input, { user, tx, audit }) => {
    const h = await getHouseholdOrThrow(user, input.id, tx);
    assertCan(user, "personalData.unmask", h);
    await audit({ action: "personalData.unmask", entityType: "Household", entityId: h.id, orgUnitId: h.orgUnitId, data: { field: "phone" } });
    return { phone: h.phone ?? "" };
  },
);

// ───────────── Enterprises ─────────────

export const createEnterpriseAction = action(
  { name: "enterprise.create", schema: createEnterpriseSchema, idempotent: true, revalidate: enterprisePaths },
  async (input, { user, tx, audit }) => {
    assertCan(user, "enterprise.manage");
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, "enterprise.manage", unit);
    assertEnterpriseUnit(unit);
    await assertCommissioner(tx, user, input.commissionerId);
    const e = await createEnterprise(input, tx);
    await audit({
      action: "enterprise.create", entityType: "Enterprise", entityId: e.id, orgUnitId: unit.id,
      data: { after: { name: e.name, creditCode: e.creditCode, orgUnitId: unit.id, size: e.size, commissionerId: e.commissionerId, hasPhone: !!e.contactPhone } },
    });
    return { id: e.id };
  },
);

export const updateEnterpriseAction = action(
  { name: "enterprise.update", schema: updateEnterpriseSchema, revalidate: enterprisePaths },
  async (input, { user, tx, audit }) => {
    const existing = await getEnterpriseOrThrow(user, input.id, tx);
    assertCan(user, "enterprise.manage", existing);
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, "enterprise.manage", unit);
    assertEnterpriseUnit(unit, unit.id !== existing.orgUnitId);
    if (input.commissionerId !== existing.commissionerId) await assertCommissioner(tx, user, input.commissionerId);
    const e = await updateEnterprise(existing, input, tx);
    const summary = (x: typeof e) => ({
      name: x.name, creditCode: x.creditCode, address: x.address, orgUnitId: x.orgUnitId, industry: x.industry, size: x.size,
      contactName: x.contactName, commissionerId: x.commissionerId,
    });
    await audit({
      action: "enterprise.update", entityType: "Enterprise", entityId: e.id, orgUnitId: e.orgUnitId,
      data: { before: summary(existing), after: summary(e), phoneChanged: existing.contactPhone !== e.contactPhone },
    });
    return { id: e.id, version: e.version };
  },
);

export const setEnterpriseActiveAction = action(
  { name: "enterprise.setActive", schema: setActiveSchema, revalidate: enterprisePaths },
  async (input, { user, tx, audit }) => {
    const existing = await getEnterpriseOrThrow(user, input.id, tx);
    assertCan(user, "enterprise.manage", existing);
    const e = await setEnterpriseActive(existing.id, input.version, input.active, tx);
    await audit({
      action: input.active ? "enterprise.activate" : "enterprise.deactivate", entityType: "Enterprise", entityId: e.id, orgUnitId: e.orgUnitId,
      data: { before: { active: existing.active }, after: { active: e.active } },
    });
    return { id: e.id, version: e.version };
  },
);

export const unmaskEnterprisePhoneAction = action(
  { name: "personalData.unmask", schema: unmaskSchema },
  async (input, { user, tx, audit }) => {
    const e = await getEnterpriseOrThrow(user, input.id, tx);
    assertCan(user, "personalData.unmask", e);
    await audit({ action: "personalData.unmask", entityType: "Enterprise", entityId: e.id, orgUnitId: e.orgUnitId, data: { field: "contactPhone" } });
    return { phone: e.contactPhone ?? "" };
  },
);
