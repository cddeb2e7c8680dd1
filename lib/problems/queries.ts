import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProblemStatus } from "@/lib/generated/prisma/enums";
import { inSubtree } from "@/lib/platform/org/scope";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { dateOnly } from "@/lib/platform/dates";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { UNRESOLVED_STATUSES } from "./transitions";
import { decodeCursor, encodeCursor } from "@/lib/platform/cursor";

/**
 * What problems a user sees: those raised in their subtree, and those escalated to a
 * department in their subtree (the department's queue, 部门待办), wherever they were raised.
 */
export function problemReadScope(actor: Pick<Actor, "orgPath">) {
  return { OR: [inSubtree(actor), { escalatedTo: { path: { startsWith: actor.orgPath } } }] };
}

export function departmentQueueScope(actor: Pick<Actor, "orgPath">) {
  return { escalatedTo: { path: { startsWith: actor.orgPath } } };
}

/**
 * "只看我的": assigned to the user or found on their visit. The home page counts the open ones of
 * the same rows. foundById is the visit's officer, kept by the database (trigger problem_found_by),
 * so both halves are indexed columns of the problem (a join to visit read every problem).
 */
export function mineWhere(actor: Pick<Actor, "id">): Prisma.ProblemWhereInput {
  return { OR: [{ assigneeId: actor.id }, { foundById: actor.id }] };
}

const problemInclude = {
  orgUnit: { select: { id: true, name: true, path: true } },
  escalatedTo: { select: { id: true, name: true, path: true } },
  programme: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  visit: {
    select: {
      id: true, visitedAt: true, kind: true, officerId: true,
      officer: { select: { id: true, name: true } },
      household: { select: { id: true, headName: true } },
      enterprise: { select: { id: true, name: true } },
    },
  },
} as const;

/** A problem the actor may see, with `orgPath` (its own unit) for permission checks. */
export async function getProblemOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const problem = await client.problem.findFirst({ where: { AND: [{ id }, problemReadScope(actor)] }, include: problemInclude });
  if (!problem) throw new NotFoundError({ entityType: "Problem", entityId: id });
  return {
    ...problem,
    orgPath: problem.orgUnit.path,
    /** Seen only because it was escalated to the actor's department. */
    viaDepartment: !isWithinSubtree(problem.orgUnit.path, actor.orgPath),
  };
}

/** The timeline of a problem the caller has already loaded through getProblemOrThrow. */
export async function problemTimeline(problemId: string, client: Db | Tx = db) {
  const events = await client.problemEvent.findMany({ where: { problemId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const actors = await client.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? "" }));
}

export type ProblemListFilter = {
  tab?: "all" | "department";
  status?: ProblemStatus;
  programmeId?: string;
  mine?: boolean;
  overdue?: boolean;
  cursor?: string;
};

export const PROBLEM_PAGE_SIZE = 30;

export async function listProblems(actor: Actor, filter: ProblemListFilter = {}, pageSize = PROBLEM_PAGE_SIZE, client: Db | Tx = db) {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const rows = await client.problem.findMany({
    where: {
      AND: [
        filter.tab === "department" ? departmentQueueScope(actor) : problemReadScope(actor),
        filter.status ? { status: filter.status } : {},
        filter.programmeId ? { programmeId: filter.programmeId } : {},
        filter.mine ? mineWhere(actor) : {},
        filter.overdue ? { dueDate: { lt: dateOnly(todayInShanghai()) }, status: { in: [...UNRESOLVED_STATUSES] } } : {},
        cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true, title: true, category: true, status: true, dueDate: true, createdAt: true,
      orgUnit: { select: { id: true, name: true } },
      escalatedTo: { select: { id: true, name: true } },
      programme: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Departments a problem can be escalated to: active DEPARTMENT units hanging off the problem's unit or any unit above it. */
export async function escalationTargets(problemOrgPath: string, client: Db | Tx = db) {
  const chain = problemOrgPath.split("/").filter(Boolean);
  return client.orgUnit.findMany({
    where: { kind: "DEPARTMENT", active: true, parentId: { in: chain } },
    orderBy: [{ depth: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, path: true },
  });
}

/** People a problem may be assigned to: active users in the actor's subtree. */
export async function assigneeOptions(actor: Actor, client: Db | Tx = db) {
  return client.user.findMany({
    where: { active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ name: "asc" }],
    take: 500,
    select: { id: true, name: true, orgUnit: { select: { name: true } } },
  });
}
