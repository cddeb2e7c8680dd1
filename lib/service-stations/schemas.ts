// Input schemas and action contracts of the 湖滨商圈增值服务驿站 service stations
// (SERVICE_STATION). Client-safe: forms import their contract from here. Messages "@serviceStation.x"
// live in the "validation" namespace, beside the other modules' (messages/platform, "validation.serviceStation").
import { z } from "zod";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { defineAction } from "@/lib/platform/contract";
import { DATETIME_LOCAL_PATTERN } from "@/lib/platform/shanghai";
import { createEnterpriseSchema } from "@/lib/registers/schemas";

export const SERVICE_ITEM_KINDS = ["STAFFED", "SELF_SERVICE"] as const;
export const CASE_CHANNELS = ["WALK_IN", "APPOINTMENT"] as const;
export const CASE_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE", "FINISHED", "CANCELLED"] as const;
export const CASE_OUTCOMES = ["COMPLETED", "REFERRED", "REJECTED"] as const;
export const ROUND_TABLE_VERDICTS = ["AGREE", "AGREE_WITH_CONDITIONS", "DISAGREE"] as const;
export type ServiceItemKindValue = (typeof SERVICE_ITEM_KINDS)[number];
export type CaseStatusValue = (typeof CASE_STATUSES)[number];

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().min(1);
const required = (max: number) => z.string().trim().min(1, "@required").max(max);
const text = (max: number) => z.string().trim().max(max);
const minutes = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number(numberRequired).int("@campaignWholeNumber").min(0, "@serviceStation.minutesRange").max(100_000, "@serviceStation.minutesRange"),
);
/** A Shanghai wall-clock time from <input type="datetime-local">, parsed by the handler (parseShanghaiLocal). */
const localDateTime = z.string().regex(DATETIME_LOCAL_PATTERN, "@dateFormat");
const optionalLocalDateTime = z.preprocess((v) => (v === "" || v === undefined ? null : v), localDateTime.nullable());
const code = z.string().trim().min(1, "@required").max(32).regex(/^[A-Za-z0-9_.-]+$/, "@serviceStation.codeFormat");

// ── Stations ──────────────────────────────────────────────────────────────────────────────
export const stationFields = {
  name: required(60),
  address: text(200),
  hours: text(100),
};
export const createStationSchema = z.strictObject({ programmeId: id, orgUnitId: id, ...stationFields });
export const updateStationSchema = z.strictObject({ id, version, ...stationFields, active: z.boolean() });

// ── Catalogue (人工服务事项 / 自助服务事项) ──────────────────────────────────────────────────
export const itemFields = {
  code,
  kind: z.enum(SERVICE_ITEM_KINDS),
  name: required(100),
  category: text(40),
  department: text(60),
  documentsNeeded: text(1000),
  standardMinutes: minutes,
  usualMinutes: minutes,
  sortOrder: z.coerce.number().int().min(0).max(100_000).default(0),
};
export const createItemSchema = z.strictObject({ stationId: id, ...itemFields });
export const updateItemSchema = z.strictObject({ id, version, ...itemFields, active: z.boolean() });
export type ItemInput = z.infer<typeof createItemSchema>;
export type ItemFormValues = z.input<typeof createItemSchema>;

/**
 * The largest catalogue workbook accepted. Here, not beside the import, so the import form can
 * refuse a larger file before sending it: one beyond the server actions' body limit
 * (next.config.ts) would never reach the action and read as a network failure.
 */
export const CATALOGUE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Catalogue import (Excel): the uploaded workbook as FormData { stationId, file }. */
export const importCatalogueSchema = z.strictObject({
  stationId: id,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "@serviceStation.fileType"),
});

// ── 一类事 bundles ─────────────────────────────────────────────────────────────────────────
export const bundleFields = {
  code,
  name: required(60),
  description: text(500),
  itemIds: z.array(id).min(2, "@serviceStation.bundleItems").max(30),
};
export const createBundleSchema = z.strictObject({ stationId: id, ...bundleFields });
export const updateBundleSchema = z.strictObject({ id, version, ...bundleFields, active: z.boolean() });

// ── Cases (办件) ──────────────────────────────────────────────────────────────────────────
/** A shop or enterprise registered on the spot (一企一档), when it is not in the register yet. */
export const newEnterpriseSchema = createEnterpriseSchema;
/**
 * Beside the credit code's own error when the code is already registered to an enterprise the
 * user may see: the form then offers to pick that enterprise from the register instead.
 */
export const REGISTERED_ENTERPRISE_FIELD = "newEnterprise.registered";

export const createCaseSchema = z
  .strictObject({
    stationId: id,
    channel: z.enum(CASE_CHANNELS),
    /** From the register … */
    enterpriseId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
    /** … or registered with the case (exactly one of the two). */
    newEnterprise: newEnterpriseSchema.nullable().default(null),
    bundleId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
    itemIds: z.array(id).max(40).default([]),
    visitorName: text(40),
    request: text(2000),
    /** Appointments: the booked time; walk-ins start now. */
    scheduledAt: optionalLocalDateTime,
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.newEnterprise) ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "@required" });
    if (v.enterpriseId && v.newEnterprise) ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "@serviceStation.enterpriseEither" });
    if (!v.bundleId && v.itemIds.length === 0) ctx.addIssue({ code: "custom", path: ["itemIds"], message: "@serviceStation.itemsRequired" });
    if (v.channel === "APPOINTMENT" && !v.scheduledAt) ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "@required" });
  });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type CreateCaseFormValues = z.input<typeof createCaseSchema>;

export const caseRefSchema = z.strictObject({ caseId: id, version });
export const startCaseSchema = caseRefSchema;
export const cancelCaseSchema = z.strictObject({ caseId: id, version, reason: required(200) });
export const assignCaseSchema = z.strictObject({ caseId: id, version, staffId: z.string().min(1, "@required").max(64) });
export const finishCaseSchema = z.strictObject({
  caseId: id,
  version,
  outcome: z.enum(CASE_OUTCOMES),
  outcomeNote: text(1000),
  /** Optional correction of the finish time (defaults to now); never before the start. */
  finishedAt: optionalLocalDateTime,
});
export type FinishCaseFormValues = z.input<typeof finishCaseSchema>;

// ── 圆桌协同审批 round-tables ────────────────────────────────────────────────────────────────
export const openRoundTableSchema = z.strictObject({
  caseId: id,
  version,
  topic: required(200),
  /** The departments at the table (default: the case items' departments); at least two. */
  departments: z.array(required(60)).min(2, "@serviceStation.roundTableDepartments").max(12),
});
export const answerRoundTableSchema = z.strictObject({
  roundTableId: id,
  department: required(60),
  verdict: z.enum(ROUND_TABLE_VERDICTS),
  comment: text(1000),
});
export type AnswerRoundTableFormValues = z.input<typeof answerRoundTableSchema>;

/**
 * The largest case document accepted. Here, client-safe, so the upload can refuse a larger file
 * before sending it: one beyond the server actions' body limit (next.config.js) never reaches
 * the action and would read as a network failure.
 */
export const MAX_CASE_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A case document as FormData { caseId, file }. */
export const uploadCaseDocumentSchema = z.strictObject({
  caseId: id,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "@serviceStation.fileType"),
});

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createStationContract = defineAction({ name: "serviceStation.station.create", schema: createStationSchema, idempotent: true });
export const updateStationContract = defineAction({ name: "serviceStation.station.update", schema: updateStationSchema });
export const createItemContract = defineAction({ name: "serviceStation.item.create", schema: createItemSchema, idempotent: true });
export const updateItemContract = defineAction({ name: "serviceStation.item.update", schema: updateItemSchema });
export const importCatalogueContract = defineAction({ name: "serviceStation.catalogue.import", schema: importCatalogueSchema });
export const createBundleContract = defineAction({ name: "serviceStation.bundle.create", schema: createBundleSchema, idempotent: true });
export const updateBundleContract = defineAction({ name: "serviceStation.bundle.update", schema: updateBundleSchema });
export const createCaseContract = defineAction({ name: "serviceStation.case.create", schema: createCaseSchema, idempotent: true });
export const startCaseContract = defineAction({ name: "serviceStation.case.start", schema: startCaseSchema });
export const assignCaseContract = defineAction({ name: "serviceStation.case.assign", schema: assignCaseSchema });
export const finishCaseContract = defineAction({ name: "serviceStation.case.finish", schema: finishCaseSchema });
export const cancelCaseContract = defineAction({ name: "serviceStation.case.cancel", schema: cancelCaseSchema });
export const openRoundTableContract = defineAction({ name: "serviceStation.roundTable.open", schema: openRoundTableSchema });
export const answerRoundTableContract = defineAction({ name: "serviceStation.roundTable.answer", schema: answerRoundTableSchema });
export const uploadCaseDocumentContract = defineAction({ name: "serviceStation.case.upload", schema: uploadCaseDocumentSchema });
