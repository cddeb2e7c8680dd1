"use server";
// Server actions of the service stations' cases (办件), round-tables (圆桌) and documents: thin —
// scoped load, permission, mutation, audit with before/after.
import { z } from "zod";
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import { RuleViolation } from "@/lib/platform/errors";
import { searchRegister, type RegisterMatch } from "@/lib/platform/search/registers";
import { storage } from "@/lib/platform/storage";
import {
  addCaseDocument, answerRoundTable, assignCase, cancelCase, createCase, finishCase, openRoundTable, startCase,
} from "./mutations";
import { getCaseOrThrow, getRoundTableOrThrow, getStationOrThrow } from "./queries";
import {
  answerRoundTableContract, assignCaseContract, cancelCaseContract, createCaseContract, finishCaseContract, openRoundTableContract,
  startCaseContract, uploadCaseDocumentContract, MAX_CASE_DOCUMENT_BYTES,
} from "./schemas";
import { CASE_DOCUMENT_MIME, caseDocumentKey, caseDocumentName, sniffCaseDocument } from "./files";

const revalidate = ["/service-stations"];

/** What an audit row keeps of a case's state. */
const stateOf = (c: { status: string; version: number; staffId?: string }) => ({ status: c.status, version: c.version, ...(c.staffId ? { staffId: c.staffId } : {}) });

export const createCaseAction = action(
  createCaseContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const station = await getStationOrThrow(user, input.stationId, tx);
    assertCan(user, "serviceStation.case", station);
    // A shop registered on the spot goes into the register without enterprise.manage: the
    // station is where walk-in shops are first registered (decision 0016).
    if (input.newEnterprise) assertCan(user, "serviceStation.registerEnterprise", station);
    const { case: created, enterprise, itemCodes } = await createCase(user, station, input, tx);
    if (enterprise.created) {
      // Registered on the spot: the register's own audit name, so its history reads the same.
      await audit({ action: "enterprise.create", entityType: "Enterprise", entityId: enterprise.id, orgUnitId: input.newEnterprise!.orgUnitId, data: { after: { name: enterprise.name, creditCode: input.newEnterprise!.creditCode, via: "serviceStation.case" } } });
    }
    await audit({
      action: "serviceStation.case.create", entityType: "ServiceCase", entityId: created.id, orgUnitId: created.orgUnitId,
      data: {
        after: {
          number: created.number, stationId: station.id, channel: created.channel, status: created.status, enterpriseId: enterprise.id,
          bundleId: created.bundleId, items: itemCodes, scheduledAt: created.scheduledAt, newEnterprise: enterprise.created,
        },
      },
    });
    return { id: created.id, number: created.number };
  },
);

export const startCaseAction = action(
  startCaseContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    const updated = await startCase(c, input.version, tx);
    await audit({ action: "serviceStation.case.start", entityType: "ServiceCase", entityId: c.id, orgUnitId: c.orgUnitId, data: { before: stateOf(c), after: { ...stateOf(updated), startedAt: updated.startedAt } } });
    return { id: c.id, version: updated.version };
  },
);

export const assignCaseAction = action(
  assignCaseContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    const { updated, staff } = await assignCase(user, c, input, tx);
    await audit({
      action: "serviceStation.case.assign", entityType: "ServiceCase", entityId: c.id, orgUnitId: c.orgUnitId,
      data: { before: { ...stateOf(c), staffName: c.staff.name }, after: { ...stateOf(updated), staffName: staff.name } },
    });
    return { id: c.id, version: updated.version };
  },
);

export const finishCaseAction = action(
  finishCaseContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    const updated = await finishCase(c, input, tx);
    await audit({
      action: "serviceStation.case.finish", entityType: "ServiceCase", entityId: c.id, orgUnitId: c.orgUnitId,
      data: {
        before: stateOf(c),
        after: {
          ...stateOf(updated), outcome: updated.outcome, outcomeNote: updated.outcomeNote, finishedAt: updated.finishedAt,
          usualMinutes: updated.usualMinutes, actualMinutes: updated.actualMinutes, savedMinutes: updated.savedMinutes,
        },
      },
    });
    return { id: c.id, version: updated.version };
  },
);

export const cancelCaseAction = action(
  cancelCaseContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    const updated = await cancelCase(c, input, tx);
    await audit({ action: "serviceStation.case.cancel", entityType: "ServiceCase", entityId: c.id, orgUnitId: c.orgUnitId, data: { before: stateOf(c), after: { ...stateOf(updated), reason: input.reason } } });
    return { id: c.id, version: updated.version };
  },
);

export const openRoundTableAction = action(
  openRoundTableContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    const { updated, roundTable, departments } = await openRoundTable(user, c, input, tx);
    await audit({
      action: "serviceStation.roundTable.open", entityType: "RoundTable", entityId: roundTable.id, orgUnitId: c.orgUnitId,
      data: { caseId: c.id, topic: input.topic, departments, before: stateOf(c), after: stateOf(updated) },
    });
    // The case's own history shows it waiting for the table (its status changed too).
    await audit({
      action: "serviceStation.case.roundTable", entityType: "ServiceCase", entityId: c.id, orgUnitId: c.orgUnitId,
      data: { roundTableId: roundTable.id, topic: input.topic, before: stateOf(c), after: stateOf(updated) },
    });
    return { id: roundTable.id, version: updated.version };
  },
);

/**
 * One department's seat, answered once: the station's staff record each department's opinion
 * at the table (who recorded it, and when, is kept on the seat).
 */
export const answerRoundTableAction = action(
  answerRoundTableContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const rt = await getRoundTableOrThrow(user, input.roundTableId, tx);
    assertCan(user, "serviceStation.roundTable", rt);
    const { department, concluded, waiting, caseAfter } = await answerRoundTable(user, rt, input, tx);
    await audit({
      action: "serviceStation.roundTable.answer", entityType: "RoundTable", entityId: rt.id, orgUnitId: rt.case.orgUnitId,
      data: {
        caseId: rt.caseId, department, after: { verdict: input.verdict, comment: input.comment }, waiting, concluded,
        ...(concluded ? { case: { before: { status: "ROUND_TABLE" }, after: { status: "IN_PROGRESS" } } } : {}),
      },
    });
    if (caseAfter) {
      // The last answer hands the case back: a row in the case's own history, like the opening.
      await audit({
        action: "serviceStation.case.resume", entityType: "ServiceCase", entityId: rt.caseId, orgUnitId: rt.case.orgUnitId,
        data: { roundTableId: rt.id, before: { status: "ROUND_TABLE", version: caseAfter.version - 1 }, after: stateOf(caseAfter) },
      });
    }
    return { id: rt.id, concluded };
  },
);

/** A document of the case as FormData { caseId, file }: PDF, JPEG, PNG or Word, by its bytes. */
export const uploadCaseDocumentAction = action(
  uploadCaseDocumentContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const c = await getCaseOrThrow(user, input.caseId, tx);
    assertCan(user, "serviceStation.case", c);
    if (input.file.size === 0) throw new RuleViolation("serviceStation.fileType", "file");
    if (input.file.size > MAX_CASE_DOCUMENT_BYTES) throw new RuleViolation("serviceStation.fileTooLarge", "file");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    if (bytes.length > MAX_CASE_DOCUMENT_BYTES) throw new RuleViolation("serviceStation.fileTooLarge", "file");
    const kind = sniffCaseDocument(bytes);
    if (!kind) throw new RuleViolation("serviceStation.fileType", "file");
    const fileKey = caseDocumentKey(c.id);
    const doc = await addCaseDocument(user, c, { fileKey, fileName: caseDocumentName(input.file.name, kind), mime: CASE_DOCUMENT_MIME[kind], size: bytes.length }, tx);
    await audit({ action: "serviceStation.case.upload", entityType: "ServiceCaseDocument", entityId: doc.id, orgUnitId: c.orgUnitId, data: { caseId: c.id, fileName: doc.fileName, sizeBytes: doc.size, kind } });
    // Last, inside the transaction: a failed write of the bytes rolls the row back.
    await storage().put(fileKey, bytes);
    return { id: doc.id };
  },
);

const searchSchema = z.strictObject({ q: z.string().trim().min(1).max(40) });

/** The new-case form's enterprise lookup: name prefix or credit code, in the user's own area, no phone numbers. */
export const searchCaseEnterprisesAction = readAction(
  { name: "serviceStation.searchEnterprises", schema: searchSchema, permission: "serviceStation.case" },
  async (input, { user }): Promise<RegisterMatch[]> => searchRegister(user, { kind: "ENTERPRISE", q: input.q }),
);
