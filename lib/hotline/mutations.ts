// Hotline writes. Every status change is one conditional update on (id, version, status):
// when two people act at once exactly one update matches and the other gets a clear
// message. The winner writes the timeline event (ServiceRequestEvent) and any notices in
// the same transaction; the action (actions.ts) adds the audit row.
import { now as clockNow } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestChannel, RequestStatus, RequestUrgency } from "@/lib/generated/prisma/enums";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { notify } from "@/lib/platform/notifications/notify";
import { createEnterprise } from "@/lib/registers";
import { parseShanghaiLocal } from "@/lib/platform/shanghai";
import { mayChase, mayDecideExtension, mayMove, mayRequestExtension, type RequestScope } from "./authority";
import { clocksAtIntake } from "./deadlines";
import { matchEnterprise, narrowerScope } from "./enterprise-match";
import { callerMobile, HOTLINE_NOTICES, noticeOf, smsAnswered, smsClosed, smsIntake } from "./notices";
import { hashTrackingCode, newTrackingCode, nextConfirmationNumber } from "./numbers";
import { departmentOptions, type LoadedRequest } from "./queries";
import { holders, nearestManagers } from "./recipients";
import { scheduleAllClocks, scheduleClock } from "./schedule";
import type { AssignInput, FeedbackInput, IntakeInput, PublicIntakeInput } from "./schemas";
import { parseHotlineSettings, type HotlineSettings } from "./settings";
import { findMove, OPEN_STATUSES, REQUEST_TRANSITIONS, type RequestMoveKind, type RequestTransition } from "./transitions";

export const requestLink = (id: string) => `/hotline/${id}`;

// ───────────────────────── intake ─────────────────────────

type Programme = { id: string; orgUnitId: string; orgUnit: { path: string }; settings: HotlineSettings };

export type NewRequest = {
  programme: Programme;
  orgUnitId: string;
  enterpriseId: string | null;
  enterpriseName: string;
  visitId: string | null;
  channel: RequestChannel;
  callerName: string;
  callerPhone: string;
  category: string;
  title: string;
  description: string;
  urgency: RequestUrgency;
};

/** Creates the request with its clocks, number, tracking code, first event and timers. */
export async function createRequest(actorId: string | null, input: NewRequest, now = clockNow(), tx: Tx) {
  if (!input.programme.settings.categories.includes(input.category)) throw new RuleViolation("hotline.categoryUnknown", "category");
  const clocks = await clocksAtIntake(now, input.programme.settings, tx);
  const number = await nextConfirmationNumber(now, tx);
  const trackingCode = newTrackingCode();
  const request = await tx.serviceRequest.create({
    data: {
      number,
      trackingCode: hashTrackingCode(trackingCode),
      programmeId: input.programme.id,
      orgUnitId: input.orgUnitId,
      enterpriseId: input.enterpriseId,
      enterpriseName: input.enterpriseName,
      channel: input.channel,
      visitId: input.visitId,
      callerName: input.callerName,
      callerPhone: input.callerPhone,
      category: input.category,
      title: input.title,
      description: input.description,
      urgency: input.urgency,
      receivedById: actorId,
      receivedAt: now,
      ...clocks,
      events: { create: { kind: "intake", toStatus: "RECEIVED", actorId, at: now, data: { channel: input.channel } } },
    },
  });
  await scheduleAllClocks(request, input.programme.settings.warnMinutesBefore, now, tx);
  return { request, trackingCode };
}

async function loadProgramme(tx: Tx, programmeId: string, visibleIds?: string[]): Promise<Programme> {
  if (visibleIds && !visibleIds.includes(programmeId)) throw new RuleViolation("hotline.programmeUnknown", "programmeId");
  const p = await tx.programme.findFirst({
    where: { id: programmeId, type: "HOTLINE", status: "ACTIVE" },
    select: { id: true, orgUnitId: true, settings: true, orgUnit: { select: { path: true } } },
  });
  if (!p) throw new RuleViolation("hotline.programmeUnknown", "programmeId");
  return { id: p.id, orgUnitId: p.orgUnitId, orgUnit: p.orgUnit, settings: parseHotlineSettings(p.settings) };
}

/**
 * The operator's or officer's intake. The request belongs to the enterprise's unit when that
 * lies inside the hotline programme's unit, otherwise to the programme's unit; either way it
 * must lie in the actor's own subtree (they accept it next).
 *
 * A new enterprise is registered in the same transaction with just its name and credit code
 * under the programme's unit (request.intake is enough: the hotline's minimal record; the
 * register's managers complete it later).
 */
export async function intakeRequest(actor: Actor, input: IntakeInput, visibleProgrammeIds: string[], tx: Tx) {
  const programme = await loadProgramme(tx, input.programmeId, visibleProgrammeIds);
  let enterprise: { id: string; name: string; orgUnitId: string; orgPath: string } | null = null;
  let createdEnterpriseId: string | null = null;
  let visitId: string | null = null;

  if (input.visitId) {
    const visit = await tx.visit.findFirst({
      where: { id: input.visitId, orgUnit: { path: { startsWith: actor.orgPath } } },
      select: { id: true, enterprise: { select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } } } },
    });
    if (!visit) throw new RuleViolation("hotline.visitUnknown", "visitId");
    visitId = visit.id;
    if (visit.enterprise && input.enterpriseMode === "existing" && input.enterpriseId === visit.enterprise.id) {
      enterprise = { id: visit.enterprise.id, name: visit.enterprise.name, orgUnitId: visit.enterprise.orgUnitId, orgPath: visit.enterprise.orgUnit.path };
    }
  }
  if (!enterprise && input.enterpriseMode === "existing") {
    const found = await tx.enterprise.findFirst({
      where: { id: input.enterpriseId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
      select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } },
    });
    if (!found) throw new RuleViolation("hotline.enterpriseRequired", "enterpriseId");
    enterprise = { id: found.id, name: found.name, orgUnitId: found.orgUnitId, orgPath: found.orgUnit.path };
  }
  // "只记企业名称": a name the register knows exactly, within the operator's and the hotline's
  // area, is that enterprise (a near match is only suggested, on the request page).
  if (!enterprise && input.enterpriseMode === "name") {
    const scopePath = narrowerScope(actor.orgPath, programme.orgUnit.path);
    const match = scopePath ? await matchEnterprise({ name: input.enterpriseName, scopePath }, tx) : null;
    if (match?.kind === "linked") enterprise = { id: match.enterprise.id, name: match.enterprise.name, orgUnitId: match.enterprise.orgUnitId, orgPath: match.enterprise.orgPath };
  }
  if (input.enterpriseMode === "new") {
    const created = await createEnterprise({
      name: input.enterpriseName, creditCode: input.creditCode, address: "", orgUnitId: programme.orgUnitId, industry: "", size: "SMALL_MICRO",
      contactName: input.callerName, contactPhone: callerMobile(input.callerPhone), commissionerId: null,
    }, tx);
    createdEnterpriseId = created.id;
    enterprise = { id: created.id, name: created.name, orgUnitId: programme.orgUnitId, orgPath: programme.orgUnit.path };
  }

  const inProgramme = enterprise && isWithinSubtree(enterprise.orgPath, programme.orgUnit.path);
  const orgUnitId = inProgramme ? enterprise!.orgUnitId : programme.orgUnitId;
  const orgPath = inProgramme ? enterprise!.orgPath : programme.orgUnit.path;
  if (!isWithinSubtree(orgPath, actor.orgPath)) throw new RuleViolation("hotline.outsideHotline", "programmeId");

  const { request, trackingCode } = await createRequest(actor.id, {
    programme, orgUnitId, enterpriseId: enterprise?.id ?? null, enterpriseName: enterprise?.name ?? input.enterpriseName, visitId,
    channel: visitId ? "VISIT" : "PHONE",
    callerName: input.callerName, callerPhone: input.callerPhone, category: input.category, title: input.title, description: input.description, urgency: input.urgency,
  }, undefined, tx);
  await smsIntake(request, trackingCode, tx);
  return { request, trackingCode, createdEnterpriseId };
}

/**
 * The public page's intake: no actor. Linked to a registered enterprise of the programme's area
 * by credit code, else by its exact name (lib/hotline/enterprise-match.ts), and then belongs to
 * the enterprise's unit as a phone intake would; otherwise to the programme's unit, unlinked.
 */
export async function intakePublicRequest(input: PublicIntakeInput, tx: Tx) {
  const programme = await loadProgramme(tx, input.programmeId);
  const match = await matchEnterprise({ creditCode: input.creditCode, name: input.enterpriseName, scopePath: programme.orgUnit.path }, tx);
  const registered = match.kind === "linked" ? match.enterprise : null;
  const { request, trackingCode } = await createRequest(null, {
    programme, orgUnitId: registered?.orgUnitId ?? programme.orgUnitId, enterpriseId: registered?.id ?? null,
    enterpriseName: input.enterpriseName, visitId: null, channel: "ONLINE",
    callerName: input.callerName, callerPhone: input.callerPhone, category: input.category, title: input.title, description: input.description, urgency: input.urgency,
  }, undefined, tx);
  // The hotline desk hears about a request nobody took by phone.
  await notify({
    userIds: await holders({ assigneeId: null, leadDepartmentId: null, receivedById: null, orgUnitId: request.orgUnitId }, tx),
    ...noticeOf(HOTLINE_NOTICES.online, request.programmeId), titleKey: "hotline.notify.online", params: { number: request.number },
    link: requestLink(request.id), entityType: "ServiceRequest", entityId: request.id, digestKey: "hotline.online",
  }, tx);
  await smsIntake(request, trackingCode, tx);
  return { request, trackingCode };
}

// ───────────────────────── transitions ─────────────────────────

type Loaded = Pick<LoadedRequest, "id" | "version" | "status" | "assigneeId" | "respondedAt" | "orgUnitId" | "leadDepartmentId" | "receivedById" | "number" | "assignedAt" | "programmeId"> & {
  orgUnit: { path: string };
  leadDepartment: { path: string } | null;
};

function targetOf(kind: RequestMoveKind): RequestStatus {
  return REQUEST_TRANSITIONS.find((t) => t.kind === kind)!.to;
}

/** The move for this kind from the request's current status, or a "cannot go from X to Y" conflict. */
function moveOrThrow(r: Pick<Loaded, "status">, kind: RequestMoveKind, version: number, loadedVersion: number): RequestTransition {
  // Someone acted since the user loaded the page: whatever they did, the user's view is out of date.
  if (loadedVersion !== version) throw new ConflictError();
  const t = findMove(kind, r.status);
  if (!t) throw new ConflictError("statusTransition", { from: r.status, to: targetOf(kind) });
  return t;
}

/** The conditional update and the timeline event, shared by staff moves and the enterprise's feedback. */
async function apply(
  tx: Tx, r: Pick<Loaded, "id" | "status">, t: RequestTransition, version: number, actorId: string | null, now: Date,
  data: Prisma.ServiceRequestUncheckedUpdateManyInput, event: { note?: string; data?: Record<string, unknown> } = {},
) {
  const { count } = await tx.serviceRequest.updateMany({
    where: { id: r.id, version, status: r.status },
    data: { ...data, status: t.to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.serviceRequestEvent.create({
    data: { requestId: r.id, kind: t.kind, fromStatus: r.status, toStatus: t.to, actorId, note: event.note ?? "", data: (event.data ?? {}) as object, at: now },
  });
  return tx.serviceRequest.findUniqueOrThrow({ where: { id: r.id } });
}

async function staffMove(tx: Tx, actor: Actor, r: Loaded & RequestScope, kind: RequestMoveKind, version: number, data: Prisma.ServiceRequestUncheckedUpdateManyInput, event?: { note?: string; data?: Record<string, unknown> }, now = clockNow()) {
  const t = moveOrThrow(r, kind, version, r.version);
  if (!mayMove(actor, r, t)) throw new ForbiddenError(t.permission);
  return { transition: t, updated: await apply(tx, r, t, version, actor.id, now, data, event) };
}

export async function acceptRequest(actor: Actor, r: Loaded, input: { version: number; note: string }, tx: Tx) {
  const now = clockNow();
  return staffMove(tx, actor, r, "accept", input.version, { acceptedAt: now }, { note: input.note }, now);
}

/** 交办 (from ACCEPTED or REOPENED) and 改派 (ASSIGNED → ASSIGNED): lead department and/or service officer, co-handling departments. */
export async function assignRequest(actor: Actor, r: Loaded, input: AssignInput, kind: "assign" | "reassign", tx: Tx) {
  const now = clockNow();
  const t = moveOrThrow(r, kind, input.version, r.version);
  if (!mayMove(actor, r, t)) throw new ForbiddenError(t.permission);
  const departments = await departmentOptions(r.orgUnit.path, tx);
  const lead = input.leadDepartmentId ? departments.find((d) => d.id === input.leadDepartmentId) : null;
  if (input.leadDepartmentId && !lead) throw new RuleViolation("hotline.departmentUnknown", "leadDepartmentId");
  let assignee: { id: string; name: string } | null = null;
  if (input.assigneeId) {
    const reach = [actor.orgPath, ...(lead ? [lead.path] : departments.map((d) => d.path))];
    assignee = await tx.user.findFirst({
      where: { id: input.assigneeId, active: true, OR: reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) },
      select: { id: true, name: true },
    });
    if (!assignee) throw new RuleViolation("hotline.assigneeUnknown", "assigneeId");
  }
  const coIds = [...new Set(input.coHandlerIds)].filter((id) => id !== lead?.id);
  const coHandlers = departments.filter((d) => coIds.includes(d.id));
  if (coHandlers.length !== coIds.length) throw new RuleViolation("hotline.departmentUnknown", "coHandlerIds");
  if (kind === "reassign" && lead?.id === r.leadDepartmentId && (assignee?.id ?? null) === r.assigneeId && coIds.length === 0) {
    throw new RuleViolation("hotline.reassignSame", "leadDepartmentId");
  }

  const updated = await apply(tx, r, t, input.version, actor.id, now,
    { leadDepartmentId: lead?.id ?? null, assigneeId: assignee?.id ?? null, assignedAt: r.assignedAt ?? now },
    { note: input.note, data: { leadDepartment: lead?.name ?? null, assignee: assignee?.name ?? null, coHandlers: coHandlers.map((c) => c.name) } },
  );
  await tx.serviceRequestCoHandler.deleteMany({ where: { requestId: r.id } });
  if (coHandlers.length) await tx.serviceRequestCoHandler.createMany({ data: coHandlers.map((c) => ({ requestId: r.id, orgUnitId: c.id })) });
  await notify({
    userIds: (await holders({ ...updated, receivedById: null }, tx)).filter((id) => id !== actor.id),
    ...noticeOf(HOTLINE_NOTICES.assigned, r.programmeId), titleKey: "hotline.notify.assigned", params: { number: r.number },
    link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: "hotline.assigned",
  }, tx);
  return { transition: t, updated, lead, assignee, coHandlers };
}

/** 退单: the handler returns the request to the hotline, which must hand it to someone else (改派). */
export async function sendBackRequest(actor: Actor, r: Loaded, input: { version: number; note: string }, tx: Tx) {
  const result = await staffMove(tx, actor, r, "sendBack", input.version, { leadDepartmentId: null, assigneeId: null }, { note: input.note });
  await tx.serviceRequestCoHandler.deleteMany({ where: { requestId: r.id } });
  await notify({
    userIds: (await holders({ assigneeId: null, leadDepartmentId: null, receivedById: r.receivedById, orgUnitId: r.orgUnitId }, tx)).filter((id) => id !== actor.id),
    ...noticeOf(HOTLINE_NOTICES.sentBack, r.programmeId), titleKey: "hotline.notify.sentBack", params: { number: r.number },
    link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: `hotline.sentBack:${r.id}`,
  }, tx);
  return result;
}

export async function respondRequest(actor: Actor, r: Loaded, input: { version: number; response: string }, tx: Tx) {
  const now = clockNow();
  const moved = await staffMove(tx, actor, r, "respond", input.version, { response: input.response, respondedAt: r.respondedAt ?? now }, { note: input.response }, now);
  await smsAnswered(moved.updated, tx);
  return moved;
}

export async function resolveRequest(actor: Actor, r: Loaded, input: { version: number; resolution: string }, tx: Tx) {
  const now = clockNow();
  return staffMove(tx, actor, r, "resolve", input.version, { resolution: input.resolution, resolvedAt: now }, { note: input.resolution }, now);
}

/** The enterprise's satisfaction, recorded by the hotline (e.g. on a return call): closes the loop. */
export async function closeRequest(actor: Actor, r: Loaded, input: FeedbackInput, tx: Tx) {
  const now = clockNow();
  const moved = await staffMove(tx, actor, r, "close", input.version,
    { satisfaction: input.satisfaction, feedbackComment: input.comment || null, closedAt: now },
    { note: input.comment, data: { satisfaction: input.satisfaction, by: "staff" } }, now);
  await smsClosed(moved.updated, tx);
  return moved;
}

export async function reopenRequest(actor: Actor, r: Loaded, input: { version: number; note: string }, tx: Tx) {
  return staffMove(tx, actor, r, "reopen", input.version, { reopenCount: { increment: 1 }, resolvedAt: null }, { note: input.note });
}

/**
 * The enterprise's own feedback from the public page (it proved itself with the tracking code).
 * No "closed" SMS here: the enterprise closed it itself and saw the page say so.
 */
export async function feedbackByEnterprise(r: Loaded, decision: "close" | "reopen", satisfaction: number | undefined, comment: string, tx: Tx) {
  const now = clockNow();
  const t = moveOrThrow(r, decision, r.version, r.version);
  const data: Prisma.ServiceRequestUncheckedUpdateManyInput = decision === "close"
    ? { satisfaction, feedbackComment: comment || null, closedAt: now }
    : { reopenCount: { increment: 1 }, resolvedAt: null, feedbackComment: comment || null };
  const updated = await apply(tx, r, t, r.version, null, now, data, { note: comment, data: { satisfaction: satisfaction ?? null, by: "enterprise" } });
  if (decision === "reopen") {
    await notify({
      userIds: await holders({ assigneeId: null, leadDepartmentId: null, receivedById: r.receivedById, orgUnitId: r.orgUnitId }, tx),
      ...noticeOf(HOTLINE_NOTICES.reopened, r.programmeId), titleKey: "hotline.notify.reopened", params: { number: r.number },
      link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: `hotline.reopened:${r.id}`,
    }, tx);
  }
  return { transition: t, updated };
}

/** 并单: the duplicate is closed as MERGED into the surviving request, whose page lists the duplicate's caller. */
export async function mergeRequest(actor: Actor, r: Loaded, input: { version: number; intoNumber: string; note: string }, tx: Tx) {
  const t = moveOrThrow(r, "merge", input.version, r.version);
  if (!mayMove(actor, r, t)) throw new ForbiddenError(t.permission);
  const survivor = await tx.serviceRequest.findFirst({
    where: { number: input.intoNumber.trim().toUpperCase(), orgUnit: { path: { startsWith: actor.orgPath } } },
    select: { id: true, number: true, status: true },
  });
  if (!survivor || survivor.id === r.id || survivor.status === "MERGED") throw new RuleViolation("hotline.mergeTarget", "intoNumber");
  const now = clockNow();
  const updated = await apply(tx, r, t, input.version, actor.id, now, { mergedIntoId: survivor.id }, { note: input.note, data: { into: survivor.number } });
  await tx.serviceRequestEvent.create({
    data: { requestId: survivor.id, kind: "mergedIn", actorId: actor.id, note: input.note, data: { number: r.number, requestId: r.id }, at: now },
  });
  return { transition: t, updated, survivor };
}

// ───────────────────────── the register ─────────────────────────

/**
 * 确认关联: the operator links a request that names no registered enterprise to one of its own
 * area (a suggested match or any other they pick). The request then belongs to the
 * enterprise's unit, as if it had been chosen at intake; the choice is on the timeline.
 */
export async function linkEnterprise(actor: Actor, r: Loaded & { enterpriseId: string | null }, input: { version: number; enterpriseId: string }, tx: Tx) {
  if (input.version !== r.version) throw new ConflictError();
  if (r.enterpriseId) throw new ConflictError("hotline.enterpriseAlreadyLinked");
  // A merged request's enterprise is the surviving request's.
  if (r.status === "MERGED") throw new ConflictError();
  // Both the request's area and the operator's own: never an enterprise of another street.
  const scopePath = narrowerScope(actor.orgPath, r.orgUnit.path);
  const enterprise = scopePath
    ? await tx.enterprise.findFirst({ where: { id: input.enterpriseId, active: true, orgUnit: { path: { startsWith: scopePath } } }, select: { id: true, name: true, creditCode: true, orgUnitId: true } })
    : null;
  if (!enterprise) throw new RuleViolation("hotline.enterpriseOutsideRequest", "enterpriseId", { entityType: "Enterprise", entityId: input.enterpriseId });
  const now = clockNow();
  const { count } = await tx.serviceRequest.updateMany({
    where: { id: r.id, version: input.version, enterpriseId: null },
    data: { enterpriseId: enterprise.id, orgUnitId: enterprise.orgUnitId, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.serviceRequestEvent.create({
    data: { requestId: r.id, kind: "enterpriseLinked", actorId: actor.id, at: now, data: { enterprise: enterprise.name, creditCode: enterprise.creditCode } },
  });
  const updated = await tx.serviceRequest.findUniqueOrThrow({ where: { id: r.id }, select: { id: true, version: true, status: true, orgUnitId: true } });
  return { updated, enterprise };
}

// ───────────────────────── chase and extensions ─────────────────────────

/** 催办: a timeline entry and a notice to whoever holds the request. No status change. */
export async function chaseRequest(actor: Actor, r: Loaded, note: string, tx: Tx) {
  if (!mayChase(actor, r)) throw new ForbiddenError("request.chase");
  const event = await tx.serviceRequestEvent.create({ data: { requestId: r.id, kind: "chase", actorId: actor.id, note } });
  const userIds = await holders({ ...r, receivedById: null }, tx);
  await notify({
    userIds, ...noticeOf(HOTLINE_NOTICES.chase, r.programmeId), titleKey: "hotline.notify.chase", params: { number: r.number },
    link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: `hotline.chase:${r.id}`,
  }, tx);
  return { event, notified: userIds };
}

export async function requestExtension(actor: Actor, r: Loaded & { respondDueAt: Date }, input: { version: number; reason: string; proposedDueAt: string }, tx: Tx) {
  if (r.version !== input.version) throw new ConflictError();
  if (!mayRequestExtension(actor, r)) throw new ForbiddenError("request.handle");
  const proposed = parseShanghaiLocal(input.proposedDueAt);
  if (!proposed || proposed <= r.respondDueAt || proposed <= clockNow()) throw new RuleViolation("hotline.extensionTooEarly", "proposedDueAt");
  if (await tx.serviceRequestExtension.count({ where: { requestId: r.id, status: "PENDING" } })) throw new ConflictError("hotline.extensionPending");
  const extension = await tx.serviceRequestExtension.create({ data: { requestId: r.id, requestedById: actor.id, reason: input.reason, proposedDueAt: proposed } });
  await tx.serviceRequestEvent.create({ data: { requestId: r.id, kind: "extensionRequested", actorId: actor.id, note: input.reason, data: { proposedDueAt: proposed.toISOString() } } });
  await notify({
    userIds: (await nearestManagers(r.orgUnit.path, tx)).filter((id) => id !== actor.id),
    ...noticeOf(HOTLINE_NOTICES.extension, r.programmeId), titleKey: "hotline.notify.extensionRequested", params: { number: r.number },
    link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: "hotline.extension",
  }, tx);
  return extension;
}

/** A manager approves (the respond clock moves to the proposed time, with timers of its own) or rejects. */
export async function decideExtension(actor: Actor, r: Loaded & { programme: { settings: unknown } }, input: { extensionId: string; approve: boolean; note: string }, tx: Tx) {
  if (!mayDecideExtension(actor, r)) throw new ForbiddenError("request.decideExtension");
  const extension = await tx.serviceRequestExtension.findFirst({ where: { id: input.extensionId, requestId: r.id } });
  if (!extension) throw new NotFoundError();
  if (extension.requestedById === actor.id) throw new ForbiddenError("request.decideExtension");
  const now = clockNow();
  const { count } = await tx.serviceRequestExtension.updateMany({
    where: { id: extension.id, status: "PENDING" },
    data: { status: input.approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decisionNote: input.note || null, decidedAt: now },
  });
  if (count === 0) throw new ConflictError("hotline.extensionDecided");
  if (input.approve) {
    const moved = await tx.serviceRequest.updateMany({
      where: { id: r.id, respondedAt: null, status: { in: [...OPEN_STATUSES] } },
      data: { respondDueAt: extension.proposedDueAt, version: { increment: 1 } },
    });
    if (moved.count === 0) throw new ConflictError("hotline.extensionTooLate");
    const seq = await tx.serviceRequestExtension.count({ where: { requestId: r.id, status: "APPROVED" } });
    await scheduleClock(r.id, "RESPOND", extension.proposedDueAt, parseHotlineSettings(r.programme.settings).warnMinutesBefore, seq, now, tx);
  }
  await tx.serviceRequestEvent.create({
    data: {
      requestId: r.id, kind: input.approve ? "extensionApproved" : "extensionRejected", actorId: actor.id, note: input.note, at: now,
      data: { proposedDueAt: extension.proposedDueAt.toISOString() },
    },
  });
  await notify({
    userIds: [extension.requestedById], ...noticeOf(HOTLINE_NOTICES.extension, r.programmeId),
    titleKey: input.approve ? "hotline.notify.extensionApproved" : "hotline.notify.extensionRejected", params: { number: r.number },
    link: requestLink(r.id), entityType: "ServiceRequest", entityId: r.id, digestKey: `hotline.extensionDecided:${r.id}`,
  }, tx);
  return { extension, approved: input.approve };
}
