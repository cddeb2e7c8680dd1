// Org-unit changes. Each takes the transaction of the action that calls it; the caller has
// already loaded the unit through the actor's scope and checked the permission.
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import type { OrgUnitKind } from "@/lib/generated/prisma/enums";
import { childPath, isWithinSubtree } from "./path";

type Unit = { id: string; path: string; depth: number; version: number; active: boolean; name: string; parentId: string | null };

export async function createOrgUnit(
  parent: { id: string; path: string; depth: number; active: boolean },
  input: { name: string; kind: OrgUnitKind; code?: string }, tx: Tx,
) {
  if (!parent.active) throw new RuleViolation("parentInactive", "parentId");
  const sibling = await tx.orgUnit.findFirst({ where: { parentId: parent.id, name: input.name } });
  if (sibling) throw new RuleViolation("nameTakenHere", "name");
  if (input.code && (await tx.orgUnit.findUnique({ where: { code: input.code } }))) {
    throw new RuleViolation("codeTaken", "code");
  }
  // The path contains the row's own id, which the database generates: create, then set.
  const created = await tx.orgUnit.create({
    data: { name: input.name, kind: input.kind, code: input.code, parentId: parent.id, path: `${parent.path}pending-${crypto.randomUUID()}/`, depth: parent.depth + 1 },
  });
  return tx.orgUnit.update({ where: { id: created.id }, data: { path: childPath(parent.path, created.id) } });
}

/** Conditional on the version the user saw: a stale form gets ConflictError, not an overwrite. */
async function updateVersioned(tx: Tx, unit: Unit, data: { name?: string; active?: boolean }) {
  const { count } = await tx.orgUnit.updateMany({ where: { id: unit.id, version: unit.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
}

export async function renameOrgUnit(unit: Unit, name: string, tx: Tx) {
  if (unit.parentId) {
    const sibling = await tx.orgUnit.findFirst({ where: { parentId: unit.parentId, name, NOT: { id: unit.id } } });
    if (sibling) throw new RuleViolation("nameTakenHere", "name");
  }
  return updateVersioned(tx, unit, { name });
}

export async function setOrgUnitActive(unit: Unit, active: boolean, tx: Tx) {
  if (!active) {
    // Deactivation keeps the row (records still point at it) but it must not leave active
    // people or units orphaned underneath.
    const activeChildren = await tx.orgUnit.count({ where: { parentId: unit.id, active: true } });
    if (activeChildren > 0) throw new RuleViolation("hasActiveChildren");
    const activeUsers = await tx.user.count({ where: { orgUnitId: unit.id, active: true } });
    if (activeUsers > 0) throw new RuleViolation("hasActiveUsers");
  }
  return updateVersioned(tx, unit, { active });
}

/** Moves a unit and its whole subtree under a new parent: one UPDATE rewrites every path. */
export async function moveOrgUnit(unit: Unit, newParent: { id: string; path: string; depth: number; active: boolean }, tx: Tx) {
  if (!unit.parentId) throw new RuleViolation("cannotMoveRoot");
  if (isWithinSubtree(newParent.path, unit.path)) throw new RuleViolation("moveIntoOwnSubtree", "newParentId");
  if (!newParent.active) throw new RuleViolation("parentInactive", "newParentId");
  const { count } = await tx.orgUnit.updateMany({
    where: { id: unit.id, version: unit.version },
    data: { parentId: newParent.id, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  const newPath = childPath(newParent.path, unit.id);
  const depthDelta = newParent.depth + 1 - unit.depth;
  await tx.$executeRaw`
    UPDATE org_unit
    SET path = ${newPath} || substr(path, ${unit.path.length + 1}), depth = depth + ${depthDelta}
    WHERE path LIKE ${unit.path + "%"}`;
  // Users below the moved unit keep their unit but their scope path changed: their JWTs
  // carry no path, so nothing else to revoke.
  return tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
}
