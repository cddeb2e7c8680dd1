// Register writes. Updates are conditional on the version the form loaded (someone else's
// save in between → ConflictError); unique keys surface as field errors.
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import type { CreateEnterpriseInput, CreateHouseholdInput, UpdateEnterpriseInput, UpdateHouseholdInput } from "./schemas";

/** Org unit kinds a household may belong to (a village, a community, or a grid). */
export const HOUSEHOLD_UNIT_KINDS = ["VILLAGE", "COMMUNITY", "GRID"];
/** Enterprises sit in any unit but a department. */
export const ENTERPRISE_EXCLUDED_KINDS = ["DEPARTMENT"];

type Unit = { id: string; kind: string; active: boolean };

export function assertHouseholdUnit(unit: Unit, changed = true) {
  if (!HOUSEHOLD_UNIT_KINDS.includes(unit.kind)) throw new RuleViolation("registers.householdUnitKind", "orgUnitId");
  if (changed && !unit.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
}

export function assertEnterpriseUnit(unit: Unit, changed = true) {
  if (ENTERPRISE_EXCLUDED_KINDS.includes(unit.kind)) throw new RuleViolation("registers.enterpriseUnitKind", "orgUnitId");
  if (changed && !unit.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
}

export async function createHousehold(input: CreateHouseholdInput, tx: Tx) {
  if (await tx.household.findUnique({ where: { householdKey: input.householdKey }, select: { id: true } })) {
    throw new RuleViolation("registers.householdKeyTaken", "householdKey");
  }
  try {
    return await tx.household.create({
      data: {
        householdKey: input.householdKey, headName: input.headName, address: input.address, orgUnitId: input.orgUnitId,
        phone: input.phone, membersCount: input.membersCount, tags: input.tags,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("registers.householdKeyTaken", "householdKey");
    throw e;
  }
}

export async function updateHousehold(existing: { id: string; phone: string | null }, input: UpdateHouseholdInput, tx: Tx) {
  const phone = input.clearPhone ? null : (input.phone ?? existing.phone);
  const { count } = await tx.household.updateMany({
    where: { id: existing.id, version: input.version },
    data: {
      headName: input.headName, address: input.address, orgUnitId: input.orgUnitId, phone,
      membersCount: input.membersCount, tags: input.tags, version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError();
  return tx.household.findUniqueOrThrow({ where: { id: existing.id } });
}

export async function setHouseholdActive(id: string, version: number, active: boolean, tx: Tx) {
  const { count } = await tx.household.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return tx.household.findUniqueOrThrow({ where: { id } });
}

export async function createEnterprise(input: CreateEnterpriseInput, tx: Tx) {
  if (await tx.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } })) {
    throw new RuleViolation("registers.creditCodeTaken", "creditCode");
  }
  try {
    return await tx.enterprise.create({
      data: {
        name: input.name, creditCode: input.creditCode, address: input.address, orgUnitId: input.orgUnitId, industry: input.industry,
        size: input.size, contactName: input.contactName, contactPhone: input.contactPhone, commissionerId: input.commissionerId,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("registers.creditCodeTaken", "creditCode");
    throw e;
  }
}

export async function updateEnterprise(existing: { id: string; contactPhone: string | null }, input: UpdateEnterpriseInput, tx: Tx) {
  const other = await tx.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } });
  if (other && other.id !== existing.id) throw new RuleViolation("registers.creditCodeTaken", "creditCode");
  const contactPhone = input.clearPhone ? null : (input.contactPhone ?? existing.contactPhone);
  try {
    const { count } = await tx.enterprise.updateMany({
      where: { id: existing.id, version: input.version },
      data: {
        name: input.name, creditCode: input.creditCode, address: input.address, orgUnitId: input.orgUnitId, industry: input.industry,
        size: input.size, contactName: input.contactName, contactPhone, commissionerId: input.commissionerId, version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("registers.creditCodeTaken", "creditCode");
    throw e;
  }
  return tx.enterprise.findUniqueOrThrow({ where: { id: existing.id } });
}

export async function setEnterpriseActive(id: string, version: number, active: boolean, tx: Tx) {
  const { count } = await tx.enterprise.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return tx.enterprise.findUniqueOrThrow({ where: { id } });
}
