// Hotline reads, always scoped. What a user sees of the requests:
//   - those whose org unit lies in the user's subtree (the hotline's own side);
//   - those whose lead department (牵头单位) or a co-handling department (协办) lies in the
//     user's subtree, wherever the request sits (the department's queue);
//   - those assigned to the user personally (助企服务员).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { inSubtree } from "@/lib/platform/org/scope";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { visibleProgrammes } from "@/lib/programmes";
import { decodeCursor, encodeCursor } from "@/lib/platform/cursor";
import { parseHotlineSettings } from "./settings";
import { OPEN_STATUSES } from "./transitions";

export function requestReadScope(actor: Pick<Actor, "id" | "orgPath">): Prisma.ServiceRequestWhereInput {
  const below = { path: { startsWith: actor.orgPath } };
  return {
    OR: [
      inSubtree(actor),
      { leadDepartment: below },
      { coHandlers: { some: { orgUnit: below } } },
      { assigneeId: actor.id },
    ],
  };
}

/**
 * Whether any request reaches the actor in one of requestReadScope's four ways. Asked by the
 * navigation on every page (lib/programmes/in-use.ts, the module's alsoInUse), so it is one
 * statement of four EXISTS, each answered through its own index and stopping at the first row.
 * The same OR as one WHERE over the request table (findFirst(requestReadScope)) cannot use an
 * index across its branches: for a user no request reaches, it read the whole table — at
 * district scale (300,000 requests) 200–360 ms on every page an officer of another area opened.
 */
export async function anyRequestReaches(actor: Pick<Actor, "id" | "orgPath">, client: Db | Tx = db): Promise<boolean> {
  const [row] = await client.$queryRaw<{ reaches: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM service_request r JOIN org_unit o ON o.id = r."orgUnitId" WHERE starts_with(o.path, ${actor.orgPath}))
        OR EXISTS (SELECT 1 FROM service_request r JOIN org_unit o ON o.id = r."leadDepartmentId" WHERE starts_with(o.path, ${actor.orgPath}))
        OR EXISTS (SELECT 1 FROM service_request_co_handler c JOIN org_unit o ON o.id = c."orgUnitId" WHERE starts_with(o.path, ${actor.orgPath}))
        OR EXISTS (SELECT 1 FROM service_request r WHERE r."assigneeId" = ${actor.id}) AS reaches`;
  return row?.reaches === true;
}

const requestInclude = {
  orgUnit: { select: { id: true, name: true, path: true } },
  leadDepartment: { select: { id: true, name: true, path: true } },
  assignee: { select: { id: true, name: true, orgUnit: { select: { name: true } } } },
  receivedBy: { select: { id: true, name: true } },
  enterprise: { select: { id: true, name: true, creditCode: true } },
  programme: { select: { id: true, name: true, settings: true } },
  visit: { select: { id: true, visitedAt: true } },
  coHandlers: { select: { orgUnit: { select: { id: true, name: true, path: true } } } },
  mergedInto: { select: { id: true, number: true } },
  mergedFrom: { select: { id: true, number: true, callerName: true, callerPhone: true, enterpriseName: true, receivedAt: true, description: true }, orderBy: { receivedAt: "asc" } },
  extensions: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true, reason: true, proposedDueAt: true, status: true, decisionNote: true, decidedAt: true, createdAt: true, requestedById: true,
      requestedBy: { select: { name: true } }, decidedBy: { select: { name: true } },
    },
  },
} as const satisfies Prisma.ServiceRequestInclude;

/** A request the actor may see, with `orgPath` (its own unit) for permission checks. */
export async function getRequestOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const request = await client.serviceRequest.findFirst({ where: { AND: [{ id }, requestReadScope(actor)] }, include: requestInclude });
  if (!request) throw new NotFoundError({ entityType: "ServiceRequest", entityId: id });
  return {
    ...request,
    orgPath: request.orgUnit.path,
    /** Seen only through the lead/co-handling department or a personal assignment. */
    viaDepartment: !isWithinSubtree(request.orgUnit.path, actor.orgPath),
  };
}
export type LoadedRequest = Awaited<ReturnType<typeof getRequestOrThrow>>;

/** The timeline, oldest first, with the actors' names. */
export async function requestTimeline(requestId: string, client: Db | Tx = db) {
  return client.serviceRequestEvent.findMany({
    where: { requestId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, fromStatus: true, toStatus: true, note: true, data: true, at: true, actor: { select: { name: true } } },
  });
}

export type RequestTab = "queue" | "unassigned" | "breached" | "all";
export const REQUEST_TABS: readonly RequestTab[] = ["queue", "unassigned", "breached", "all"];

export type RequestListFilter = {
  tab?: RequestTab;
  status?: RequestStatus;
  category?: string;
  /** Received on or after / before (exclusive) these instants. */
  from?: Date;
  to?: Date;
  leadDepartmentId?: string;
  enterpriseId?: string;
  cursor?: string;
};

export const REQUEST_PAGE_SIZE = 30;
const OPEN = [...OPEN_STATUSES];

/** A clock still running past its due time, or met late; only open requests (the manager's worry list). */
export function breachedWhere(now: Date, client: Db | Tx = db): Prisma.ServiceRequestWhereInput {
  const f = client.serviceRequest.fields;
  return {
    status: { in: OPEN },
    OR: [
      { acceptedAt: null, acceptDueAt: { lt: now } },
      { assignedAt: null, assignDueAt: { lt: now } },
      { respondedAt: null, respondDueAt: { lt: now } },
      { acceptedAt: { gt: f.acceptDueAt } },
      { assignedAt: { gt: f.assignDueAt } },
      { respondedAt: { gt: f.respondDueAt } },
    ],
  };
}

/** Requests waiting for this user: to accept/assign/close on the hotline's side, to answer on the department's. */
export function queueWhere(actor: Pick<Actor, "id" | "orgPath">): Prisma.ServiceRequestWhereInput {
  const below = { path: { startsWith: actor.orgPath } };
  return {
    OR: [
      { AND: [inSubtree(actor), { status: { in: ["RECEIVED", "ACCEPTED", "REOPENED", "RESOLVED"] } }] },
      { assigneeId: actor.id, status: { in: ["ASSIGNED", "RESPONDED"] } },
      { assigneeId: null, leadDepartment: below, status: { in: ["ASSIGNED", "RESPONDED"] } },
    ],
  };
}

/**
 * 待我处理 as one set of rows: the list's queue tab and the officer's home figure both read it,
 * so the home can never say 0 while the tab holds requests waiting for 受理.
 */
export function myQueueWhere(actor: Pick<Actor, "id" | "orgPath">): Prisma.ServiceRequestWhereInput {
  return { AND: [requestReadScope(actor), queueWhere(actor)] };
}

export async function listRequests(actor: Actor, filter: RequestListFilter = {}, now = clockNow(), pageSize = REQUEST_PAGE_SIZE, client: Db | Tx = db) {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const tab: Prisma.ServiceRequestWhereInput =
    filter.tab === "queue" ? myQueueWhere(actor)
    : filter.tab === "unassigned" ? { status: { in: ["RECEIVED", "ACCEPTED", "REOPENED"] } }
    : filter.tab === "breached" ? breachedWhere(now, client)
    : {};
  const rows = await client.serviceRequest.findMany({
    where: {
      AND: [
        requestReadScope(actor),
        tab,
        filter.status ? { status: filter.status } : {},
        filter.category ? { category: filter.category } : {},
        filter.leadDepartmentId ? { leadDepartmentId: filter.leadDepartmentId } : {},
        filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {},
        filter.from ? { receivedAt: { gte: filter.from } } : {},
        filter.to ? { receivedAt: { lt: filter.to } } : {},
        cursor ? { OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true, number: true, status: true, category: true, title: true, description: true, urgency: true, channel: true, enterpriseName: true, receivedAt: true,
      acceptDueAt: true, assignDueAt: true, respondDueAt: true, acceptedAt: true, assignedAt: true, respondedAt: true, reopenCount: true,
      enterprise: { select: { id: true, name: true } },
      leadDepartment: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      // The path: a request seen through a lead or co-handling department may lie outside the
      // actor's subtree, and what the actor may do with it (the export's unmask) depends on that.
      orgUnit: { select: { id: true, name: true, path: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last.receivedAt, last.id) : null };
}

/** Active HOTLINE programmes the actor can take requests for. */
export async function hotlineProgrammeOptions(actor: Actor, client: Db | Tx = db) {
  const rows = await client.programme.findMany({
    where: { AND: [visibleProgrammes(actor), { type: "HOTLINE", status: "ACTIVE" }] },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: { id: true, name: true, settings: true, orgUnitId: true },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, orgUnitId: p.orgUnitId, settings: parseHotlineSettings(p.settings) }));
}

/** Every HOTLINE programme the actor can see (report and list filters). */
export async function hotlineCategories(actor: Actor, client: Db | Tx = db): Promise<string[]> {
  const programmes = await hotlineProgrammeOptions(actor, client);
  return [...new Set(programmes.flatMap((p) => p.settings.categories))];
}

/**
 * Departments a request can be handed to (交办): active DEPARTMENT units hanging off the
 * request's unit or any unit above it (亲企办, 经信局, 助企专班 …), nearest first.
 */
export async function departmentOptions(requestOrgPath: string, client: Db | Tx = db) {
  const chain = requestOrgPath.split("/").filter(Boolean);
  return client.orgUnit.findMany({
    where: { kind: "DEPARTMENT", active: true, parentId: { in: chain } },
    orderBy: [{ depth: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, path: true },
  });
}

/**
 * People a request can be handed to personally (助企服务员): active users of the hotline's
 * subtree or of the departments it may go to.
 */
export async function serviceOfficerOptions(actor: Actor, departments: { path: string }[], client: Db | Tx = db) {
  return client.user.findMany({
    where: {
      active: true,
      OR: [{ orgUnit: { path: { startsWith: actor.orgPath } } }, ...departments.map((d) => ({ orgUnit: { path: { startsWith: d.path } } }))],
    },
    orderBy: [{ name: "asc" }],
    take: 300,
    select: { id: true, name: true, orgUnit: { select: { name: true, path: true } } },
  });
}

/** Requests of one enterprise (the 一企一档 file), newest first, scoped. */
export async function requestsOfEnterprise(actor: Actor, enterpriseId: string, take = 50, client: Db | Tx = db) {
  return client.serviceRequest.findMany({
    where: { AND: [requestReadScope(actor), { OR: [{ enterpriseId }, { mergedInto: { enterpriseId } }] }] },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, number: true, status: true, category: true, title: true, description: true, receivedAt: true, satisfaction: true,
      acceptDueAt: true, assignDueAt: true, respondDueAt: true, acceptedAt: true, assignedAt: true, respondedAt: true,
      leadDepartment: { select: { name: true } },
    },
  });
}

/** Pending extension requests a manager may decide (the manager view). */
export async function pendingExtensions(actor: Actor, take = 50, client: Db | Tx = db) {
  return client.serviceRequestExtension.findMany({
    where: { status: "PENDING", request: inSubtree(actor) },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true, reason: true, proposedDueAt: true, createdAt: true,
      requestedBy: { select: { name: true } },
      request: { select: { id: true, number: true, category: true, respondDueAt: true, enterpriseName: true, enterprise: { select: { name: true } } } },
    },
  });
}

/** Caller name and phone of the given requests (the list omits them; the export needs them). */
export async function callersOf(requestIds: string[], client: Db | Tx = db) {
  const rows = await client.serviceRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, callerName: true, callerPhone: true } });
  return new Map(rows.map((c) => [c.id, c]));
}
