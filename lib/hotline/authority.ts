// Who may do what to a request. Pure (no database): pages use it to show only the buttons
// the user may press, and the mutations use it again to decide.
//
// Scoping decision (documented in docs/decisions/hotline-scope.md): a request belongs to
// the org unit of the enterprise (or of the hotline programme). Its lead department (牵头
//单位) may sit outside that subtree — e.g. 余杭区经信局 handling a 良渚 request — so, like a
// problem escalated to a department (lib/problems/authority.ts), the department's users
// (and users above it) see the request and make the handler's moves, but never the intake
// moves (受理/交办/改派/评价) nor the manager's (并单/延期审批), which stay with the request's
// own subtree. Co-handling departments (协办) see the request, read-only.
import type { Actor } from "@/lib/platform/authz/can";
import { roleHas } from "@/lib/platform/authz/permissions";
import { isWithinSubtree } from "@/lib/platform/org/path";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { movesFrom, type RequestTransition } from "./transitions";

export type RequestScope = {
  status: RequestStatus;
  assigneeId: string | null;
  respondedAt: Date | null;
  orgUnit: { path: string };
  leadDepartment: { path: string } | null;
};

/** The request lies in the actor's subtree: the operators' and their managers' side. */
export function onIntakeSide(actor: Actor, r: RequestScope): boolean {
  return isWithinSubtree(r.orgUnit.path, actor.orgPath);
}

/** The actor is the assignee, or belongs to (or above) the lead department. */
export function onHandlerSide(actor: Actor, r: RequestScope): boolean {
  if (r.assigneeId === actor.id) return true;
  return !!r.leadDepartment && isWithinSubtree(r.leadDepartment.path, actor.orgPath);
}

export function mayMove(actor: Actor, r: RequestScope, t: RequestTransition): boolean {
  if (t.from !== r.status || !roleHas(actor.role, t.permission)) return false;
  return t.side === "handler" ? onHandlerSide(actor, r) : onIntakeSide(actor, r);
}

export function allowedMoves(actor: Actor, r: RequestScope): RequestTransition[] {
  return movesFrom(r.status).filter((t) => mayMove(actor, r, t));
}

const CHASEABLE: RequestStatus[] = ["ASSIGNED", "RESPONDED"];

/** 催办: a manager over the request, or over its lead department, while someone is working on it. */
export function mayChase(actor: Actor, r: RequestScope): boolean {
  if (!roleHas(actor.role, "request.chase") || !CHASEABLE.includes(r.status)) return false;
  return onIntakeSide(actor, r) || (!!r.leadDepartment && isWithinSubtree(r.leadDepartment.path, actor.orgPath));
}

/** 延期申请: the handler asks for more time to respond, before responding. */
export function mayRequestExtension(actor: Actor, r: RequestScope): boolean {
  return r.status === "ASSIGNED" && !r.respondedAt && roleHas(actor.role, "request.handle") && onHandlerSide(actor, r);
}

/**
 * 延期审批: a manager over the request's own unit (the hotline that promised the enterprise
 * an answer), not the lead department's manager, who would be approving their own delay.
 */
export function mayDecideExtension(actor: Actor, r: RequestScope): boolean {
  return roleHas(actor.role, "request.decideExtension") && onIntakeSide(actor, r);
}
