// Inputs of the points module (configuration, applications, redemptions). Strict objects:
// status, points, balances, org units and authorship come from the server, never the form.
import { z } from "zod";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { eligibilitySchema, evaluationSettingsSchema, levelsSchema, LEVEL_CODE, RESOURCE_CODE } from "./rules";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();
const optionalInt = (max: number) =>
  z.union([z.literal(""), z.null(), z.coerce.number(numberRequired).int().min(0, "@notNegative").max(max)])
    .transform((v) => (v === "" || v === null ? null : v));
const note = z.string().trim().max(500);

export const SUBJECTS = ["TALENT", "ENTERPRISE"] as const;

// ───────────── Configuration ─────────────

export const itemSchema = z.strictObject({
  id: z.string().max(64).default(""),
  version: z.coerce.number().int().min(0).default(0),
  subject: z.enum(SUBJECTS),
  code: z.string().trim().regex(LEVEL_CODE, "@points.codeFormat"),
  name: z.string().trim().min(1, "@required").max(40),
  levels: levelsSchema,
  capPerItem: optionalInt(100_000),
  capPerYear: optionalInt(100_000),
  /** One evidence type a line. */
  evidenceTypes: z.string().max(500).transform((v) => [...new Set(v.split(/[\n,，、;；]+/).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(30)).max(10)),
  validityMonths: optionalInt(600),
  active: z.boolean().default(true),
  sortOrder: z.coerce.number().int().min(0).max(999).default(0),
});
export type ItemInput = z.input<typeof itemSchema>;

export const resourceSchema = z.strictObject({
  id: z.string().max(64).default(""),
  version: z.coerce.number().int().min(0).default(0),
  code: z.string().trim().regex(RESOURCE_CODE, "@points.codeFormat"),
  name: z.string().trim().min(1, "@required").max(40),
  pointsCost: z.coerce.number(numberRequired).int().min(0, "@notNegative").max(100_000),
  eligibility: eligibilitySchema,
  active: z.boolean().default(true),
});
export type ResourceInput = z.input<typeof resourceSchema>;

export const PERIOD = /^\d{4}$/;

export const quotaSchema = z.strictObject({
  resourceId: id,
  period: z.string().trim().regex(PERIOD, "@points.periodFormat"),
  orgUnitId: id,
  total: z.coerce.number(numberRequired).int().min(0, "@notNegative").max(100_000),
});
export type QuotaInput = z.input<typeof quotaSchema>;

const tierRowSchema = z.strictObject({
  tier: z.coerce.number().int().min(1).max(4),
  name: z.string().trim().min(1, "@required").max(20),
  minPoints: z.coerce.number(numberRequired).int().min(1, "@points.tierMin").max(1_000_000),
  quotas: z.array(z.strictObject({
    code: z.string().regex(RESOURCE_CODE),
    places: z.coerce.number(numberRequired).int().min(0, "@notNegative").max(10_000),
  })).max(30),
});

/** The four tiers (四档) in one form; thresholds must fall strictly from 一档 to 四档. */
export const tiersSchema = z.strictObject({
  tiers: z.array(tierRowSchema).length(4).superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      if (t.tier !== i + 1) ctx.addIssue({ code: "custom", path: [i, "tier"], message: "@points.tierOrder" });
      if (i > 0 && t.minPoints >= tiers[i - 1]!.minPoints) ctx.addIssue({ code: "custom", path: [i, "minPoints"], message: "@points.tierThresholds" });
    });
  }),
});
export type TiersInput = z.input<typeof tiersSchema>;

export const settingsSchema = z.strictObject({ version, evaluation: evaluationSettingsSchema });

export const allocateSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

// ───────────── Applications ─────────────

export const lineSchema = z.strictObject({
  itemId: id,
  levelCode: z.string().trim().regex(LEVEL_CODE, "@required"),
  quantity: z.coerce.number(numberRequired).int().min(1, "@points.quantityMin").max(999).default(1),
  note: z.string().trim().max(200).default(""),
});

const linesField = z.array(lineSchema).min(1, "@points.linesRequired").max(20);

export const createApplicationSchema = z.strictObject({
  subject: z.enum(SUBJECTS),
  /** TALENT: the talent; ENTERPRISE: the enterprise. */
  talentId: z.string().max(64).default(""),
  enterpriseId: z.string().max(64).default(""),
  lines: linesField,
});
export type CreateApplicationInput = z.input<typeof createApplicationSchema>;

export const updateApplicationSchema = z.strictObject({ id, version, lines: linesField });

export const transitionSchema = z.strictObject({ id, version, note: note.default("") });
/** Returning and rejecting need a reason the preparer can act on. */
export const reasonSchema = z.strictObject({ id, version, note: note.min(1, "@points.reasonRequired") });

export const removeEvidenceSchema = z.strictObject({ applicationId: id, evidenceId: id });

export const reverseSchema = z.strictObject({ seq: z.string().regex(/^\d{1,18}$/), reason: note.min(1, "@points.reasonRequired") });

// ───────────── Redemptions ─────────────

export const requestRedemptionSchema = z.strictObject({
  resourceId: id,
  /** TALENT: the talent redeems from its own points and the org unit's quota. ENTERPRISE: from its tier quota, for `talentId` (optional). */
  mode: z.enum(SUBJECTS),
  talentId: z.string().max(64).default(""),
  enterpriseId: z.string().max(64).default(""),
  note: z.string().trim().max(200).default(""),
});
export type RequestRedemptionInput = z.input<typeof requestRedemptionSchema>;

export const decideRedemptionSchema = z.strictObject({ id, version, decision: z.enum(["APPROVE", "REJECT"]), note: note.default("") })
  .refine((v) => v.decision === "APPROVE" || v.note.length > 0, { path: ["note"], message: "@points.reasonRequired" });

export const redemptionStepSchema = z.strictObject({ id, version, note: note.default("") });

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const saveItemContract = defineAction({ name: "points.item.save", schema: itemSchema });
export const saveResourceContract = defineAction({ name: "points.resource.save", schema: resourceSchema });
export const saveQuotaContract = defineAction({ name: "points.quota.save", schema: quotaSchema });
export const saveTiersContract = defineAction({ name: "points.tiers.save", schema: tiersSchema });
export const saveSettingsContract = defineAction({ name: "points.settings.save", schema: settingsSchema });
export const allocateTierQuotasContract = defineAction({ name: "points.tiers.allocate", schema: allocateSchema });
export const createApplicationContract = defineAction({ name: "points.application.create", schema: createApplicationSchema, idempotent: true });
export const updateApplicationContract = defineAction({ name: "points.application.update", schema: updateApplicationSchema });
export const removeEvidenceContract = defineAction({ name: "points.evidence.remove", schema: removeEvidenceSchema });

/** One evidence file, sent as FormData { applicationId, evidenceType, lineId?, file } (its bytes are checked on the server). */
export const uploadEvidenceSchema = z.strictObject({
  applicationId: z.string().min(1).max(64),
  evidenceType: z.string().trim().min(1, "@required").max(30),
  lineId: z.string().max(64).optional().default(""),
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "@points.evidenceType"),
});
export const uploadEvidenceContract = defineAction({ name: "points.evidence.add", schema: uploadEvidenceSchema });
/** Adds the built-in scoring items a new programme starts from; takes no input. */
export const addDefaultsContract = defineAction({ name: "points.defaults.add", schema: z.strictObject({}) });
export const submitApplicationContract = defineAction({ name: "points.application.submit", schema: transitionSchema });
export const startReviewContract = defineAction({ name: "points.application.review", schema: transitionSchema });
export const returnApplicationContract = defineAction({ name: "points.application.return", schema: reasonSchema });
export const rejectApplicationContract = defineAction({ name: "points.application.reject", schema: reasonSchema });
export const approveApplicationContract = defineAction({ name: "points.application.approve", schema: transitionSchema });
export const requestRedemptionContract = defineAction({ name: "redemption.request", schema: requestRedemptionSchema, idempotent: true });
export const decideRedemptionContract = defineAction({ name: "redemption.decide", schema: decideRedemptionSchema });
export const fulfilRedemptionContract = defineAction({ name: "redemption.fulfil", schema: redemptionStepSchema });
export const cancelRedemptionContract = defineAction({ name: "redemption.cancel", schema: redemptionStepSchema });
export const reverseGrantContract = defineAction({ name: "points.reverse", schema: reverseSchema });
