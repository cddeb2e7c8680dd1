"use server";
import { getTranslations } from "next-intl/server";
import { action } from "@/lib/platform/action";
import type { ActionContract } from "@/lib/platform/contract";
import { readAction } from "@/lib/platform/read";
import type { AuditEntry } from "@/lib/platform/audit/write";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError } from "@/lib/platform/errors";
import { searchRegister, type RegisterMatch } from "@/lib/platform/search/registers";
import { z } from "zod";
import {
  acceptRequest, assignRequest, chaseRequest, closeRequest, decideExtension, intakeRequest, mergeRequest, reopenRequest,
  requestExtension, resolveRequest, respondRequest, sendBackRequest,
} from "./mutations";
import { linkEnterprise } from "./mutations";
import { getRequestOrThrow, hotlineProgrammeOptions } from "./queries";
import {
  assignSchema,
  intakeRequestContract,
  acceptRequestContract,
  assignRequestContract,
  reassignRequestContract,
  sendBackRequestContract,
  respondRequestContract,
  resolveRequestContract,
  closeRequestContract,
  reopenRequestContract,
  mergeRequestContract,
  chaseRequestContract,
  requestExtensionContract,
  decideExtensionContract,
  linkRequestEnterpriseContract,
  unmaskCallerPhoneContract,
} from "./schemas";

const revalidate = ["/hotline", "/registers/enterprises"];

/** "状态不能从“已受理”变为“已回应”": the statuses in the user's words, not enum names. */
async function withStatusLabels<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConflictError && error.messageKey === "statusTransition") {
      const t = await getTranslations("hotline");
      const label = (s: unknown) => (typeof s === "string" && s ? t(`status.${s}` as never) : "");
      throw new ConflictError("statusTransition", { from: label(error.values.from), to: label(error.values.to) });
    }
    throw error;
  }
}

export const intakeRequestAction = action(
  // The receipt: a call whose answer was lost (an officer's sync cut off) still gets the
  // number and the caller's tracking code on the resend, which the device shows.
  intakeRequestContract, { revalidate, receipt: (r: { number: string; trackingCode: string }) => ({ number: r.number, trackingCode: r.trackingCode }) },
  async (input, { user, tx, audit }) => {
    assertCan(user, "request.intake");
    const programmes = await hotlineProgrammeOptions(user, tx);
    const { request, trackingCode, createdEnterpriseId } = await intakeRequest(user, input, programmes.map((p) => p.id), tx);
    if (createdEnterpriseId) {
      await audit({
        action: "enterprise.create", entityType: "Enterprise", entityId: createdEnterpriseId, orgUnitId: request.orgUnitId,
        data: { after: { name: input.enterpriseName, creditCode: input.creditCode }, via: "hotline" },
      });
    }
    await audit({
      action: "request.intake", entityType: "ServiceRequest", entityId: request.id, orgUnitId: request.orgUnitId,
      data: { after: { number: request.number, channel: request.channel, category: request.category, enterpriseId: request.enterpriseId, visitId: request.visitId } },
    });
    return { id: request.id, number: request.number, trackingCode };
  },
);

type Moved = { id: string; version: number; status: string };

async function auditMove(audit: (e: AuditEntry) => Promise<void>, name: string, r: { id: string; orgUnitId: string; status: string }, after: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  await audit({ action: name, entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId, data: { before: { status: r.status }, after, ...extra } });
}

export const acceptRequestAction = action(
  acceptRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await acceptRequest(user, r, input, tx);
      await auditMove(audit, "request.accept", r, { status: updated.status }, { note: input.note || undefined });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

/** Assign and reassign: one handler, each with its own contract (and so its own audit name). */
function assignAction<K extends "assign" | "reassign", V>(kind: K, contract: ActionContract<`request.${K}`, typeof assignSchema, V>) {
  return action(
    contract, { revalidate },
    async (input, { user, tx, audit }): Promise<Moved> =>
      withStatusLabels(async () => {
        const r = await getRequestOrThrow(user, input.id, tx);
        const { updated, lead, assignee, coHandlers } = await assignRequest(user, r, input, kind, tx);
        await auditMove(audit, `request.${kind}`, r,
          { status: updated.status, leadDepartmentId: lead?.id ?? null, assigneeId: assignee?.id ?? null, coHandlerIds: coHandlers.map((c) => c.id) },
          { beforeAssignment: { leadDepartmentId: r.leadDepartmentId, assigneeId: r.assigneeId }, note: input.note || undefined });
        return { id: r.id, version: updated.version, status: updated.status };
      }),
  );
}
export const assignRequestAction = assignAction("assign", assignRequestContract);
export const reassignRequestAction = assignAction("reassign", reassignRequestContract);

export const sendBackRequestAction = action(
  sendBackRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await sendBackRequest(user, r, input, tx);
      await auditMove(audit, "request.sendBack", r, { status: updated.status }, { reason: input.note, beforeAssignment: { leadDepartmentId: r.leadDepartmentId, assigneeId: r.assigneeId } });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

export const respondRequestAction = action(
  respondRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await respondRequest(user, r, input, tx);
      await auditMove(audit, "request.respond", r, { status: updated.status, respondedAt: updated.respondedAt }, { viaDepartment: r.viaDepartment });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

export const resolveRequestAction = action(
  resolveRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await resolveRequest(user, r, input, tx);
      await auditMove(audit, "request.resolve", r, { status: updated.status }, { viaDepartment: r.viaDepartment });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

export const closeRequestAction = action(
  closeRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await closeRequest(user, r, input, tx);
      await auditMove(audit, "request.close", r, { status: updated.status, satisfaction: input.satisfaction });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

export const reopenRequestAction = action(
  reopenRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated } = await reopenRequest(user, r, input, tx);
      await auditMove(audit, "request.reopen", r, { status: updated.status, reopenCount: updated.reopenCount }, { reason: input.note });
      return { id: r.id, version: updated.version, status: updated.status };
    }),
);

export const mergeRequestAction = action(
  mergeRequestContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved & { intoId: string }> =>
    withStatusLabels(async () => {
      const r = await getRequestOrThrow(user, input.id, tx);
      const { updated, survivor } = await mergeRequest(user, r, input, tx);
      await auditMove(audit, "request.merge", r, { status: updated.status, mergedIntoId: survivor.id }, { into: survivor.number });
      return { id: r.id, version: updated.version, status: updated.status, intoId: survivor.id };
    }),
);

export const chaseRequestAction = action(
  chaseRequestContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const r = await getRequestOrThrow(user, input.id, tx);
    const { notified } = await chaseRequest(user, r, input.note, tx);
    await audit({ action: "request.chase", entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId, data: { note: input.note || undefined, notified: notified.length } });
    return { id: r.id, notified: notified.length };
  },
);

export const requestExtensionAction = action(
  requestExtensionContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const r = await getRequestOrThrow(user, input.id, tx);
    const extension = await requestExtension(user, r, input, tx);
    await audit({
      action: "request.requestExtension", entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId,
      data: { extensionId: extension.id, reason: input.reason, proposedDueAt: extension.proposedDueAt, currentDueAt: r.respondDueAt },
    });
    // Asking changes nothing on the request itself: its version stays the one just checked.
    return { id: r.id, version: r.version, extensionId: extension.id };
  },
);

export const decideExtensionAction = action(
  decideExtensionContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const r = await getRequestOrThrow(user, input.id, tx);
    const { extension, approved } = await decideExtension(user, r, input, tx);
    // An approval moves the deadline and so the version: the page's next move needs the new one.
    const { version } = await tx.serviceRequest.findUniqueOrThrow({ where: { id: r.id }, select: { version: true } });
    await audit({
      action: "request.decideExtension", entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId,
      data: { extensionId: extension.id, approved, before: { respondDueAt: r.respondDueAt }, after: { respondDueAt: approved ? extension.proposedDueAt : r.respondDueAt }, note: input.note || undefined },
    });
    return { id: r.id, version, approved };
  },
);

const searchSchema = z.object({ q: z.string().trim().min(1).max(40) });

/** The intake form's enterprise lookup: name prefix or credit code, in the user's own area, at most 10, no phone numbers. */
export const searchEnterprisesAction = readAction(
  { name: "request.searchEnterprises", schema: searchSchema, permission: "request.intake" },
  async (input, { user }): Promise<RegisterMatch[]> => searchRegister(user, { kind: "ENTERPRISE", q: input.q }),
);

/** 确认关联: link a request that names no registered enterprise to one of its area (the operator's side only). */
export const linkRequestEnterpriseAction = action(
  linkRequestEnterpriseContract, { revalidate },
  async (input, { user, tx, audit }): Promise<Moved> => {
    const r = await getRequestOrThrow(user, input.id, tx);
    // The intake side's call, as at intake: a department seeing the request through its lead role may not.
    assertCan(user, "request.intake", r);
    const { updated, enterprise } = await linkEnterprise(user, r, input, tx);
    await audit({
      action: "request.linkEnterprise", entityType: "ServiceRequest", entityId: r.id, orgUnitId: updated.orgUnitId,
      data: {
        before: { enterpriseId: null, enterpriseName: r.enterpriseName, orgUnitId: r.orgUnitId },
        after: { enterpriseId: enterprise.id, enterpriseName: enterprise.name, creditCode: enterprise.creditCode, orgUnitId: updated.orgUnitId },
      },
    });
    return { id: r.id, version: updated.version, status: updated.status };
  },
);

/**
 * The caller's full phone, for a user allowed to see it (the detail page shows it masked to
 * everyone); every look is audited, as a register record's or a talent's.
 */
export const unmaskCallerPhoneAction = action(
  unmaskCallerPhoneContract,
  async (input, { user, tx, audit }) => {
    const r = await getRequestOrThrow(user, input.id, tx);
    assertCan(user, "personalData.unmask", r);
    await audit({ action: "personalData.unmask", entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId, data: { field: "callerPhone" } });
    return { value: r.callerPhone };
  },
);
