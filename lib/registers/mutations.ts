// Register writes. Updates are conditional on the version the form loaded (someone else's
// save in between → ConflictError); unique keys surface as field errors. What both kinds do
// the same way (the unit rule, the unique-key guard, the versioned update, (de)activation)
// is written once against the kind's descriptor (kinds.ts); the column lists stay per kind.
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { ENTERPRISES, HOUSEHOLDS, unitKindAllowed, type RegisterDescriptor } from "./kinds";
import type { CreateEnterpriseInput, CreateHouseholdInput, RegisterKind, UpdateEnterpriseInput, UpdateHouseholdInput } from "./schemas";

/** Org unit kinds a household may belong to (a village, a community, or a grid). */
export const HOUSEHOLD_UNIT_KINDS = [...HOUSEHOLDS.units.only!];
/** Enterprises sit in any unit but a department. */
export const ENTERPRISE_EXCLUDED_KINDS = [...ENTERPRISES.units.except];

type Unit = { id: string; kind: string; active: boolean };

/** The unit may hold this register's records; a unit being newly chosen must also be active. */
export function assertRegisterUnit(register: RegisterDescriptor, unit: Unit, changed = true) {
  if (!unitKindAllowed(register, unit.kind)) throw new RuleViolation(register.units.message, "orgUnitId");
  if (changed && !unit.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
}

export const assertHouseholdUnit = (unit: Unit, changed = true) => assertRegisterUnit(HOUSEHOLDS, unit, changed);
export const assertEnterpriseUnit = (unit: Unit, changed = true) => assertRegisterUnit(ENTERPRISES, unit, changed);

/**
 * Runs a write that may hit the register's unique key: a record already holding `value`
 * (other than `self`) is a field error before the write, and a concurrent insert the unique
 * index catches is the same field error after it.
 */
async function guardUniqueKey<T>(register: RegisterDescriptor, value: string, self: string | null, tx: Tx, write: () => Promise<T>): Promise<T> {
  const { field, taken } = register.uniqueKey;
  const other = register.kind === "households"
    ? await tx.household.findUnique({ where: { householdKey: value }, select: { id: true } })
    : await tx.enterprise.findUnique({ where: { creditCode: value }, select: { id: true } });
  if (other && other.id !== self) throw new RuleViolation(taken, field);
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation(taken, field);
    throw e;
  }
}

/** A conditional update matched no row: the version moved on since the form loaded. */
function expectOne({ count }: { count: number }) {
  if (count === 0) throw new ConflictError();
}

/** The phone an edit stores: cleared on request, else the new number, else the stored one. */
function nextPhone(input: { clearPhone: boolean }, typed: string | null | undefined, stored: string | null) {
  return input.clearPhone ? null : (typed ?? stored);
}

export async function createHousehold(input: CreateHouseholdInput, tx: Tx) {
  return guardUniqueKey(HOUSEHOLDS, input.householdKey, null, tx, () =>
    tx.household.create({
      data: {
        householdKey: input.householdKey, headName: input.headName, address: input.address, orgUnitId: input.orgUnitId,
        phone: input.phone, membersCount: input.membersCount, tags: input.tags,
      },
    }),
  );
}

export async function updateHousehold(existing: { id: string; phone: string | null }, input: UpdateHouseholdInput, tx: Tx) {
  // The household key is fixed once registered: no unique-key guard on edit.
  expectOne(await tx.household.updateMany({
    where: { id: existing.id, version: input.version },
    data: {
      headName: input.headName, address: input.address, orgUnitId: input.orgUnitId, phone: nextPhone(input, input.phone, existing.phone),
      membersCount: input.membersCount, tags: input.tags, version: { increment: 1 },
    },
  }));
  return tx.household.findUniqueOrThrow({ where: { id: existing.id } });
}

export async function createEnterprise(input: CreateEnterpriseInput, tx: Tx) {
  return guardUniqueKey(ENTERPRISES, input.creditCode, null, tx, () =>
    tx.enterprise.create({
      data: {
        name: input.name, creditCode: input.creditCode, address: input.address, orgUnitId: input.orgUnitId, industry: input.industry,
        size: input.size, contactName: input.contactName, contactPhone: input.contactPhone, commissionerId: input.commissionerId,
      },
    }),
  );
}

export async function updateEnterprise(existing: { id: string; contactPhone: string | null }, input: UpdateEnterpriseInput, tx: Tx) {
  await guardUniqueKey(ENTERPRISES, input.creditCode, existing.id, tx, async () =>
    expectOne(await tx.enterprise.updateMany({
      where: { id: existing.id, version: input.version },
      data: {
        name: input.name, creditCode: input.creditCode, address: input.address, orgUnitId: input.orgUnitId, industry: input.industry,
        size: input.size, contactName: input.contactName, contactPhone: nextPhone(input, input.contactPhone, existing.contactPhone),
        commissionerId: input.commissionerId, version: { increment: 1 },
      },
    })),
  );
  return tx.enterprise.findUniqueOrThrow({ where: { id: existing.id } });
}

/** Deactivate or reactivate a record of either register, at the version the page showed. */
export async function setRegisterActive(kind: RegisterKind, id: string, version: number, active: boolean, tx: Tx): Promise<{ id: string; version: number; active: boolean; orgUnitId: string }> {
  const args = { where: { id, version }, data: { active, version: { increment: 1 } } };
  expectOne(kind === "households" ? await tx.household.updateMany(args) : await tx.enterprise.updateMany(args));
  return kind === "households" ? tx.household.findUniqueOrThrow({ where: { id } }) : tx.enterprise.findUniqueOrThrow({ where: { id } });
}

export const setHouseholdActive = (id: string, version: number, active: boolean, tx: Tx) => setRegisterActive("households", id, version, active, tx);
export const setEnterpriseActive = (id: string, version: number, active: boolean, tx: Tx) => setRegisterActive("enterprises", id, version, active, tx);
