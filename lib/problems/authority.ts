// Who may move a problem. Pure (no database), so pages use it to show only the buttons the
// user may press and the mutation uses it again to decide.
import { can, type Actor, type Scoped } from "@/lib/platform/authz/can";
import { isWithinSubtree } from "@/lib/platform/org/path";
import type { ProblemStatus } from "@/lib/generated/prisma/enums";
import { transitionsFrom, type ProblemTransition } from "./transitions";

export type ProblemScope = {
  status: ProblemStatus;
  orgUnit: { path: string };
  escalatedTo: { path: string } | null;
};

/**
 * The record to authorise a transition against: the problem's own org unit when it lies in
 * the actor's subtree; for moves the department may make, the department it was escalated
 * to when that lies in the actor's subtree; otherwise none (the move is not the actor's).
 */
export function authorityFor(actor: Actor, problem: ProblemScope, transition: ProblemTransition): Scoped | null {
  const own = { orgPath: problem.orgUnit.path };
  if (can(actor, transition.permission, own)) return own;
  if (transition.department && problem.escalatedTo && isWithinSubtree(problem.escalatedTo.path, actor.orgPath)) {
    const dept = { orgPath: problem.escalatedTo.path };
    if (can(actor, transition.permission, dept)) return dept;
  }
  return null;
}

export function allowedTransitions(actor: Actor, problem: ProblemScope): ProblemTransition[] {
  return transitionsFrom(problem.status).filter((t) => authorityFor(actor, problem, t) !== null);
}

/** Assigning works like "work on it": the problem's own subtree, or the department it was escalated to. */
export function canAssign(actor: Actor, problem: ProblemScope): boolean {
  return authorityFor(actor, problem, { from: problem.status, to: problem.status, permission: "problem.work", department: true }) !== null;
}

/** Confirming "on behalf of management" is for managers and admins; anyone may record the resident's confirmation. */
export function mayConfirmAsManager(actor: Actor): boolean {
  return actor.role === "MANAGER" || actor.role === "ADMIN";
}
