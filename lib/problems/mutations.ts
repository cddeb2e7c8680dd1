// Problem writes. Every status change is one conditional update on (id, status, version):
// when two people act at once, exactly one update matches and the other gets a clear
// message; the winner writes the timeline event (ProblemEvent) in the same transaction.
import { now as clockNow } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, ForbiddenError, RuleViolation } from "@/lib/platform/errors";
import type { ProblemStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { dateOnly } from "@/lib/platform/dates";
import { authorityFor, canAssign, mayConfirmAsManager, type ProblemScope } from "./authority";
import { escalationTargets } from "./queries";
import type { AssignProblemInput, NewProblemInput, TransitionProblemInput } from "./schemas";
import { findTransition, type ConfirmationSource } from "./transitions";

/** The problems raised on a visit, each OPEN with its first timeline event. */
export async function createProblemsForVisit(
  actor: Pick<Actor, "id">,
  visit: { id: string; orgUnitId: string; programmeId: string | null },
  problems: NewProblemInput[], tx: Tx,
) {
  const created = [];
  for (const p of problems) {
    const problem = await tx.problem.create({
      data: {
        visitId: visit.id,
        programmeId: visit.programmeId,
        orgUnitId: visit.orgUnitId,
        title: p.title,
        description: p.description,
        category: p.category,
        dueDate: p.dueDate ? dateOnly(p.dueDate) : null,
        status: "OPEN",
        events: { create: { fromStatus: null, toStatus: "OPEN", actorId: actor.id } },
      },
    });
    created.push(problem);
  }
  return created;
}

// The confirming party is part of the timeline entry (ProblemEvent has no column of its
// own for it): "[RESIDENT] note" / "[MANAGER] note".
const CONFIRMATION_PREFIX = /^\[(RESIDENT|MANAGER)\] ?/;

export function encodeConfirmationNote(source: ConfirmationSource, note: string): string {
  return `[${source}] ${note}`.trimEnd();
}

export function decodeConfirmationNote(note: string): { source: ConfirmationSource | null; note: string } {
  const m = CONFIRMATION_PREFIX.exec(note);
  return m ? { source: m[1] as ConfirmationSource, note: note.slice(m[0].length) } : { source: null, note };
}

type Loaded = ProblemScope & { id: string; version: number; status: ProblemStatus };

export async function transitionProblem(actor: Actor, problem: Loaded, input: TransitionProblemInput, tx: Tx) {
  // Someone acted since the user loaded the page: whatever they did, the user's view is
  // out of date ("该记录已被他人修改，请刷新后重试。"), also when the race is lost below.
  if (problem.version !== input.version) throw new ConflictError();
  const transition = findTransition(problem.status, input.to);
  if (!transition) throw new ConflictError("statusTransition", { from: problem.status, to: input.to });
  const authority = authorityFor(actor, problem, transition);
  if (!authority) throw new ForbiddenError(transition.permission);

  const now = clockNow();
  let note = input.note;
  const data: Prisma.ProblemUncheckedUpdateManyInput = { status: input.to, version: { increment: 1 } };
  let escalatedTo: { id: string; name: string } | null = null;
  switch (transition.needs) {
    case "escalation": {
      if (!input.escalatedToOrgUnitId) throw new RuleViolation("escalationTarget", "escalatedToOrgUnitId");
      if (!input.note) throw new RuleViolation("reasonRequired", "note");
      const targets = await escalationTargets(problem.orgUnit.path, tx);
      const target = targets.find((t) => t.id === input.escalatedToOrgUnitId);
      if (!target) throw new RuleViolation("escalationTarget", "escalatedToOrgUnitId");
      escalatedTo = { id: target.id, name: target.name };
      Object.assign(data, { escalatedToOrgUnitId: target.id, escalationReason: input.note });
      break;
    }
    case "resolution":
      if (!input.resolution) throw new RuleViolation("resolutionRequired", "resolution");
      Object.assign(data, { resolution: input.resolution, resolvedAt: now });
      note = input.note ? `${input.resolution}\n${input.note}` : input.resolution;
      break;
    case "confirmation":
      if (!input.confirmation) throw new RuleViolation("confirmationRequired", "confirmation");
      if (input.confirmation === "MANAGER" && !mayConfirmAsManager(actor)) throw new ForbiddenError("problem.confirm");
      Object.assign(data, { confirmedAt: now });
      note = encodeConfirmationNote(input.confirmation, input.note);
      break;
    case "reason":
      if (!input.note) throw new RuleViolation("reasonRequired", "note");
      break;
  }
  if (input.to === "REOPENED") Object.assign(data, { resolvedAt: null, confirmedAt: null });

  const { count } = await tx.problem.updateMany({ where: { id: problem.id, status: problem.status, version: input.version }, data });
  if (count === 0) throw new ConflictError();
  await tx.problemEvent.create({ data: { problemId: problem.id, fromStatus: problem.status, toStatus: input.to, actorId: actor.id, note, at: now } });
  const updated = await tx.problem.findUniqueOrThrow({ where: { id: problem.id } });
  return { updated, escalatedTo, viaDepartment: !isWithinSubtree(problem.orgUnit.path, actor.orgPath) };
}

export async function assignProblem(actor: Actor, problem: Loaded, input: AssignProblemInput, tx: Tx) {
  if (!canAssign(actor, problem)) throw new ForbiddenError("problem.work");
  let assignee: { id: string; name: string } | null = null;
  if (input.assigneeId) {
    assignee = await tx.user.findFirst({
      where: { id: input.assigneeId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
      select: { id: true, name: true },
    });
    if (!assignee) throw new RuleViolation("assigneeOutOfScope", "assigneeId");
  }
  const { count } = await tx.problem.updateMany({
    where: { id: problem.id, version: input.version },
    data: { assigneeId: assignee?.id ?? null, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return { updated: await tx.problem.findUniqueOrThrow({ where: { id: problem.id } }), assignee };
}
