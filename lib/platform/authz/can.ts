import { ForbiddenError } from "@/lib/platform/errors";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { roleHas, type Permission, type Role } from "./permissions";

/** What authorization needs to know about the acting user. */
export type Actor = { id: string; role: Role; orgPath: string };

/** A record is in scope when its org unit's path lies in the actor's subtree. */
export type Scoped = { orgPath: string };

/**
 * The one authorization check: the role must hold the permission, and when a record is
 * given, the record must belong to the actor's org subtree.
 */
export function can(actor: Actor, permission: Permission, record?: Scoped): boolean {
  if (!roleHas(actor.role, permission)) return false;
  if (record && !isWithinSubtree(record.orgPath, actor.orgPath)) return false;
  return true;
}

export function assertCan(actor: Actor, permission: Permission, record?: Scoped): void {
  if (!can(actor, permission, record)) throw new ForbiddenError(permission);
}
