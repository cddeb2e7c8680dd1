// Prisma `where` fragments that confine a query to the user's org subtree. Every query of
// a domain record composes one of these; a forged id outside the subtree finds nothing.
import type { Actor } from "@/lib/platform/authz/can";

/** For tables with an `orgUnit` relation. */
export function inSubtree(actor: Pick<Actor, "orgPath">) {
  return { orgUnit: { path: { startsWith: actor.orgPath } } };
}

/** For the org_unit table itself. */
export function orgUnitInSubtree(actor: Pick<Actor, "orgPath">) {
  return { path: { startsWith: actor.orgPath } };
}
