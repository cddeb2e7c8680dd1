"use server";
// Actions on applications for points. The officer prepares (points.apply), an officer or
// manager reviews (points.review: start review, return for more evidence), a manager decides
// (points.approve: approve → GRANT entries, or reject with reasons). The preparer may not
// decide their own application.
import { now } from "@/lib/platform/clock";
import { randomUUID } from "node:crypto";
import { action } from "@/lib/platform/action";
import { assertCan, type Actor } from "@/lib/platform/authz/can";
import type { Tx } from "@/lib/platform/db/client";
import { DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { getEnterpriseOrThrow } from "@/lib/registers";
import { getTalentOrThrow } from "@/lib/talent/queries";
import { storage } from "@/lib/platform/storage";
import { getTalentProgrammeOrThrow, programmeReaches } from "./programme";
import {
  allowedEvidenceTypes, approveApplication, createApplication, EDITABLE, getApplicationOrThrow, missingEvidence, transition, updateApplicationLines,
} from "./applications";
import { cleanFileName, evidenceStorageKey, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_APPLICATION, sniffEvidenceType } from "./evidence";
import { createApplicationContract, updateApplicationContract, removeEvidenceContract, submitApplicationContract, startReviewContract, returnApplicationContract, rejectApplicationContract, approveApplicationContract, uploadEvidenceContract } from "./schemas";

const paths = ["/talent"];

/** Whose application: a talent (and its enterprise) or an enterprise, in scope and in the programme's reach. */
async function applicant(tx: Tx, user: Actor, subject: "TALENT" | "ENTERPRISE", talentId: string, enterpriseId: string) {
  const programme = await getTalentProgrammeOrThrow(user, undefined, tx);
  const field = subject === "TALENT" ? "talentId" : "enterpriseId";
  try {
    if (subject === "TALENT") {
      if (!talentId) throw new NotFoundError();
      const talent = await getTalentOrThrow(user, talentId, tx);
      const enterprise = await getEnterpriseOrThrow(user, talent.enterpriseId, tx);
      if (!programmeReaches(programme, enterprise.orgPath) || !talent.active) throw new NotFoundError();
      return { programme, talent, enterprise };
    }
    if (!enterpriseId) throw new NotFoundError();
    const enterprise = await getEnterpriseOrThrow(user, enterpriseId, tx);
    if (!programmeReaches(programme, enterprise.orgPath)) throw new NotFoundError();
    return { programme, talent: null, enterprise };
  } catch (e) {
    if (e instanceof NotFoundError) throw new RuleViolation(subject === "TALENT" ? "points.talentOutOfScope" : "points.enterpriseOutOfScope", field, e.target);
    throw e;
  }
}

export const createApplicationAction = action(
  createApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    assertCan(user, "points.apply");
    const { programme, talent, enterprise } = await applicant(tx, user, input.subject, input.talentId, input.enterpriseId);
    assertCan(user, "points.apply", enterprise);
    const app = await createApplication(
      { programmeId: programme.id, subject: input.subject, talentId: talent?.id ?? null, enterpriseId: enterprise.id, orgUnitId: enterprise.orgUnitId, preparedById: user.id },
      input.lines, tx,
    );
    await audit({
      action: "points.application.create", entityType: "PointApplication", entityId: app.id, orgUnitId: enterprise.orgUnitId,
      data: { after: { number: app.number, subject: app.subject, talentId: app.talentId, enterpriseId: app.enterpriseId, lines: input.lines.length } },
    });
    return { id: app.id, number: app.number };
  },
);

export const updateApplicationAction = action(
  updateApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.apply", app);
    if (!EDITABLE.includes(app.status)) throw new DomainError("points.notEditable");
    const updated = await updateApplicationLines(app, input.version, input.lines, tx);
    await audit({
      action: "points.application.update", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId,
      data: { before: { lines: app.lines.map((l) => `${l.item.code}:${l.levelCode}x${l.quantity}`) }, after: { lines: input.lines.map((l) => `${l.itemId}:${l.levelCode}x${l.quantity}`) } },
    });
    return { id: updated.id, version: updated.version };
  },
);

/** One evidence file, as FormData { applicationId, evidenceType, lineId?, file }. Checked by its bytes; the file is written last. */
export const uploadEvidenceAction = action(
  uploadEvidenceContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.applicationId, tx);
    assertCan(user, "points.apply", app);
    if (!EDITABLE.includes(app.status)) throw new DomainError("points.notEditable");
    await tx.$queryRaw`SELECT id FROM point_application WHERE id = ${app.id} FOR UPDATE`;
    if ((await tx.pointEvidence.count({ where: { applicationId: app.id } })) >= MAX_EVIDENCE_PER_APPLICATION) throw new RuleViolation("points.tooManyFiles", "file");
    if (!allowedEvidenceTypes(app).includes(input.evidenceType)) throw new RuleViolation("points.evidenceTypeUnknown", "evidenceType");
    const lineId = input.lineId && app.lines.some((l) => l.id === input.lineId) ? input.lineId : null;
    if (input.file.size > MAX_EVIDENCE_BYTES) throw new RuleViolation("points.fileTooLarge", "file");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    if (bytes.length === 0) throw new RuleViolation("points.evidenceType", "file");
    if (bytes.length > MAX_EVIDENCE_BYTES) throw new RuleViolation("points.fileTooLarge", "file");
    const mimeType = sniffEvidenceType(bytes);
    if (!mimeType) throw new RuleViolation("points.evidenceType", "file");
    const evidenceId = randomUUID();
    const storageKey = evidenceStorageKey(app.id, evidenceId);
    const fileName = cleanFileName(input.file.name);
    await tx.pointEvidence.create({ data: { id: evidenceId, applicationId: app.id, lineId, evidenceType: input.evidenceType, storageKey, fileName, mimeType, sizeBytes: bytes.length } });
    await audit({
      action: "points.evidence.add", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId,
      data: { evidenceId, evidenceType: input.evidenceType, mimeType, sizeBytes: bytes.length },
    });
    await storage().put(storageKey, bytes);
    return { id: evidenceId };
  },
);

export const removeEvidenceAction = action(
  removeEvidenceContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.applicationId, tx);
    assertCan(user, "points.apply", app);
    if (!EDITABLE.includes(app.status)) throw new DomainError("points.notEditable");
    const ev = await tx.pointEvidence.findFirst({ where: { id: input.evidenceId, applicationId: app.id } });
    if (!ev) throw new NotFoundError();
    await tx.pointEvidence.delete({ where: { id: ev.id } });
    await audit({ action: "points.evidence.remove", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId, data: { evidenceId: ev.id } });
    await storage().delete(ev.storageKey);
    return { id: ev.id };
  },
);

export const submitApplicationAction = action(
  submitApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.apply", app);
    if (app.lines.length === 0) throw new DomainError("points.linesRequired");
    const missing = missingEvidence(app);
    if (missing.length) throw new DomainError("points.evidenceMissing", { items: missing.join("、") });
    const r = await transition(app, input.version, ["DRAFT", "RETURNED"], "SUBMITTED", user.id, input.note, { submittedAt: now() }, tx);
    await audit({ action: "points.application.submit", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId, data: { before: { status: app.status }, after: { status: r.status } } });
    return r;
  },
);

export const startReviewAction = action(
  startReviewContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.review", app);
    const r = await transition(app, input.version, ["SUBMITTED"], "UNDER_REVIEW", user.id, input.note, { reviewerId: user.id }, tx);
    await audit({ action: "points.application.review", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId, data: { before: { status: app.status }, after: { status: r.status } } });
    return r;
  },
);

export const returnApplicationAction = action(
  returnApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.review", app);
    const r = await transition(app, input.version, ["SUBMITTED", "UNDER_REVIEW"], "RETURNED", user.id, input.note, { reviewerId: user.id }, tx);
    await audit({ action: "points.application.return", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId, data: { before: { status: app.status }, after: { status: r.status }, reason: input.note } });
    return r;
  },
);

function assertNotOwn(user: { id: string }, app: { preparedById: string }) {
  if (app.preparedById === user.id) throw new DomainError("points.selfApproval");
}

export const rejectApplicationAction = action(
  rejectApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.approve", app);
    assertNotOwn(user, app);
    const r = await transition(app, input.version, ["SUBMITTED", "UNDER_REVIEW"], "REJECTED", user.id, input.note, { decidedById: user.id, decidedAt: now(), decisionNote: input.note }, tx);
    await audit({ action: "points.application.reject", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId, data: { before: { status: app.status }, after: { status: r.status }, reason: input.note } });
    return r;
  },
);

export const approveApplicationAction = action(
  approveApplicationContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const app = await getApplicationOrThrow(user, input.id, tx);
    assertCan(user, "points.approve", app);
    assertNotOwn(user, app);
    const r = await approveApplication(app, input.version, user.id, input.note, undefined, tx);
    await audit({
      action: "points.application.approve", entityType: "PointApplication", entityId: app.id, orgUnitId: app.enterprise.orgUnitId,
      data: { before: { status: app.status }, after: { status: r.status }, awards: r.awards.map((a) => ({ item: a.itemName, claimed: a.claimed, awarded: a.awarded, cappedBy: a.cappedBy })), total: r.total },
    });
    return { id: r.id, version: r.version, status: r.status, total: r.total, awards: r.awards };
  },
);
