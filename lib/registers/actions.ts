"use server";
// The register writes. Both kinds go through the same four steps — create, update,
// (de)activate, unmask the phone — built once below from the kind's descriptor (kinds.ts:
// permission, audit names, unit rule, unique key, phone column); each kind adds only its
// fields' audit summary and, for enterprises, the commissioner check. The exported names are
// the ones forms, tests and the authz sweep (tests/support/action-registry.ts) know.
import type { z } from "zod";
import { action } from "@/lib/platform/action";
import type { ActionContract } from "@/lib/platform/contract";
import { assertCan } from "@/lib/platform/authz/can";
import type { Actor, Scoped } from "@/lib/platform/authz/can";
import type { Tx } from "@/lib/platform/db/client";
import { NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { getUserOrThrow } from "@/lib/users";
import { ENTERPRISES, HOUSEHOLDS, type RegisterDescriptor } from "./kinds";
import { getEnterpriseOrThrow, getHouseholdOrThrow } from "./queries";
import { assertRegisterUnit, createEnterprise, createHousehold, setRegisterActive, updateEnterprise, updateHousehold } from "./mutations";
import {
  createEnterpriseContract, createHouseholdContract, setActiveSchema, setEnterpriseActiveContract, setHouseholdActiveContract, unmaskEnterprisePhoneContract,
  unmaskHouseholdPhoneContract, unmaskSchema, updateEnterpriseContract, updateHouseholdContract,
} from "./schemas";

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

type Row = { id: string; version: number; orgUnitId: string; active: boolean };

/** A register as the actions need it: its descriptor, its scoped loader and its phone column. */
type Store<E extends Row & Scoped> = {
  register: RegisterDescriptor;
  load: (actor: Actor, id: string, tx: Tx) => Promise<E>;
  phoneOf: (record: E) => string | null;
};

const households: Store<Awaited<ReturnType<typeof getHouseholdOrThrow>>> = { register: HOUSEHOLDS, load: getHouseholdOrThrow, phoneOf: (h) => h.phone };
const enterprises: Store<Awaited<ReturnType<typeof getEnterpriseOrThrow>>> = { register: ENTERPRISES, load: getEnterpriseOrThrow, phoneOf: (e) => e.contactPhone };

/**
 * Create: the actor manages the register, the chosen unit is in their subtree and fit for
 * the kind, then the kind's own checks; audited with what was stored (never the phone).
 */
function createAction<N extends string, S extends z.ZodType<{ orgUnitId: string }>, V, R extends { id: string }>(
  { register }: { register: RegisterDescriptor },
  contract: ActionContract<N, S, V>,
  spec: { check?: (input: z.infer<S>, tx: Tx, actor: Actor) => Promise<void>; create: (input: z.infer<S>, tx: Tx) => Promise<R>; created: (record: R) => object },
) {
  return action(contract, { revalidate: [register.path] }, async (input, { user, tx, audit }) => {
    assertCan(user, register.manage);
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, register.manage, unit);
    assertRegisterUnit(register, unit);
    await spec.check?.(input, tx, user);
    const record = await spec.create(input, tx);
    await audit({
      action: `${register.auditPrefix}.create`, entityType: register.entityType, entityId: record.id, orgUnitId: unit.id,
      data: { after: spec.created(record) },
    });
    return { id: record.id };
  });
}

/**
 * Update at the version the form loaded: the record and the (possibly new) unit both in
 * scope and managed; a unit only needs to be active when it is being changed to. Audited as
 * before/after of the kind's summary, and whether the phone changed (not the number).
 */
function updateAction<N extends string, S extends z.ZodType<{ id: string; orgUnitId: string }>, V, R extends Row, E extends R & Scoped>(
  store: Store<E>,
  contract: ActionContract<N, S, V>,
  spec: {
    check?: (input: z.infer<S>, existing: E, tx: Tx, actor: Actor) => Promise<void>;
    update: (existing: E, input: z.infer<S>, tx: Tx) => Promise<R>;
    summary: (record: R) => object;
    phoneOf: (record: R) => string | null;
  },
) {
  const { register } = store;
  return action(contract, { revalidate: [register.path] }, async (input, { user, tx, audit }) => {
    const existing = await store.load(user, input.id, tx);
    assertCan(user, register.manage, existing);
    const unit = await unitInScope(tx, user, input.orgUnitId);
    assertCan(user, register.manage, unit);
    assertRegisterUnit(register, unit, unit.id !== existing.orgUnitId);
    await spec.check?.(input, existing, tx, user);
    const record = await spec.update(existing, input, tx);
    await audit({
      action: `${register.auditPrefix}.update`, entityType: register.entityType, entityId: record.id, orgUnitId: record.orgUnitId,
      data: { before: spec.summary(existing), after: spec.summary(record), phoneChanged: spec.phoneOf(existing) !== spec.phoneOf(record) },
    });
    return { id: record.id, version: record.version };
  });
}

/** Deactivate or reactivate: audited as "<kind>.deactivate" / "<kind>.activate". */
function setActiveAction<E extends Row & Scoped, N extends string, V>(store: Store<E>, contract: ActionContract<N, typeof setActiveSchema, V>) {
  const { register } = store;
  return action(contract, { revalidate: [register.path] }, async (input, { user, tx, audit }) => {
    const existing = await store.load(user, input.id, tx);
    assertCan(user, register.manage, existing);
    const record = await setRegisterActive(register.kind, existing.id, input.version, input.active, tx);
    await audit({
      action: `${register.auditPrefix}.${input.active ? "activate" : "deactivate"}`, entityType: register.entityType, entityId: record.id, orgUnitId: record.orgUnitId,
      data: { before: { active: existing.active }, after: { active: record.active } },
    });
    return { id: record.id, version: record.version };
  });
}

/** The full phone of one record, for a user allowed to see it; the look is audited. */
function unmaskAction<E extends Row & Scoped, N extends string, V>(store: Store<E>, contract: ActionContract<N, typeof unmaskSchema, V>) {
  const { register } = store;
  return action(contract, async (input, { user, tx, audit }) => {
    const record = await store.load(user, input.id, tx);
    assertCan(user, "personalData.unmask", record);
    await audit({ action: "personalData.unmask", entityType: register.entityType, entityId: record.id, orgUnitId: record.orgUnitId, data: { field: register.phoneField } });
    return { value: store.phoneOf(record) ?? "" };
  });
}

// ───────────── Households ─────────────

type HouseholdRow = Awaited<ReturnType<typeof createHousehold>>;
const householdSummary = (h: HouseholdRow) => ({ headName: h.headName, address: h.address, orgUnitId: h.orgUnitId, membersCount: h.membersCount, tags: h.tags });

export const createHouseholdAction = createAction(households, createHouseholdContract, {
  create: createHousehold,
  created: (h) => ({ householdKey: h.householdKey, headName: h.headName, orgUnitId: h.orgUnitId, membersCount: h.membersCount, tags: h.tags, hasPhone: !!h.phone }),
});

export const updateHouseholdAction = updateAction(households, updateHouseholdContract, {
  update: updateHousehold, summary: householdSummary, phoneOf: (h) => h.phone,
});

export const setHouseholdActiveAction = setActiveAction(households, setHouseholdActiveContract);

export const unmaskHouseholdPhoneAction = unmaskAction(households, unmaskHouseholdPhoneContract);

// ───────────── Enterprises ─────────────

type EnterpriseRow = Awaited<ReturnType<typeof createEnterprise>>;
const enterpriseSummary = (e: EnterpriseRow) => ({
  name: e.name, creditCode: e.creditCode, address: e.address, orgUnitId: e.orgUnitId, industry: e.industry, size: e.size,
  contactName: e.contactName, commissionerId: e.commissionerId,
});

export const createEnterpriseAction = createAction(enterprises, createEnterpriseContract, {
  check: (input, tx, actor) => assertCommissioner(tx, actor, input.commissionerId),
  create: createEnterprise,
  created: (e) => ({ name: e.name, creditCode: e.creditCode, orgUnitId: e.orgUnitId, size: e.size, commissionerId: e.commissionerId, hasPhone: !!e.contactPhone }),
});

export const updateEnterpriseAction = updateAction(enterprises, updateEnterpriseContract, {
  // An unchanged commissioner stays even if they have since left or been deactivated.
  check: async (input, existing, tx, actor) => {
    if (input.commissionerId !== existing.commissionerId) await assertCommissioner(tx, actor, input.commissionerId);
  },
  update: updateEnterprise, summary: enterpriseSummary, phoneOf: (e) => e.contactPhone,
});

export const setEnterpriseActiveAction = setActiveAction(enterprises, setEnterpriseActiveContract);

export const unmaskEnterprisePhoneAction = unmaskAction(enterprises, unmaskEnterprisePhoneContract);
