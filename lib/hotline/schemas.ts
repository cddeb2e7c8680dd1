// Inputs of the hotline module. Strict objects: status, org unit, clocks, numbers and
// authorship come from the server. The operator's fast form, the visit form and the public
// page share the caller/request fields.
import { z } from "zod";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { isValidCreditCode, normalizeCreditCode } from "@/lib/registers/schemas";
import { DATETIME_LOCAL_PATTERN } from "@/lib/platform/shanghai";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const optionalId = z.string().max(64).default("");
const version = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1, "@required").max(max);

/** A mobile number (13800000000) or a landline with area code (0571-88886666). */
export const callerPhoneField = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s]/g, ""))
  .pipe(z.string().min(1, "@required").regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "@hotline.phoneFormat"));

/** Empty, or a valid 统一社会信用代码 (normalised). */
const optionalCreditCode = z
  .string()
  .transform(normalizeCreditCode)
  .refine((v) => v === "" || isValidCreditCode(v), "@registers.creditCodeInvalid");

export const URGENCIES = ["NORMAL", "URGENT"] as const;
export const ENTERPRISE_MODES = ["existing", "new", "name"] as const;

const requestFields = {
  programmeId: id,
  callerName: requiredText(40),
  callerPhone: callerPhoneField,
  category: requiredText(20),
  title: text(100).default(""),
  description: requiredText(2000),
  urgency: z.enum(URGENCIES).default("NORMAL"),
};

/**
 * The operator's fast form (a call) and the officer's form after a visit. The enterprise is
 * one picked from the register, a new one registered on the spot (name + credit code), or
 * just the name the caller gave.
 */
export const intakeSchema = z
  .strictObject({
    ...requestFields,
    enterpriseMode: z.enum(ENTERPRISE_MODES),
    enterpriseId: optionalId,
    enterpriseName: text(100).default(""),
    creditCode: optionalCreditCode.default(""),
    visitId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.enterpriseMode === "existing" && !v.enterpriseId) ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "@hotline.enterpriseRequired" });
    if (v.enterpriseMode !== "existing" && !v.enterpriseName) ctx.addIssue({ code: "custom", path: ["enterpriseName"], message: "@required" });
    if (v.enterpriseMode === "new" && !v.creditCode) ctx.addIssue({ code: "custom", path: ["creditCode"], message: "@required" });
  });

export type IntakeInput = z.infer<typeof intakeSchema>;
export type IntakeValues = z.input<typeof intakeSchema>;

/** The public page (no login). `website` is a honeypot: people leave it empty. */
export const publicIntakeSchema = z.strictObject({
  ...requestFields,
  enterpriseName: requiredText(100),
  creditCode: optionalCreditCode.default(""),
  website: z.string().max(200).default(""),
});
export type PublicIntakeInput = z.infer<typeof publicIntakeSchema>;
export type PublicIntakeValues = z.input<typeof publicIntakeSchema>;

const ref = { id, version };

export const simpleMoveSchema = z.strictObject({ ...ref, note: text(1000).default("") });
export const reasonMoveSchema = z.strictObject({ ...ref, note: requiredText(1000) });
export const assignSchema = z
  .strictObject({
    ...ref,
    leadDepartmentId: optionalId,
    assigneeId: optionalId,
    coHandlerIds: z.array(id).max(10).default([]),
    note: text(1000).default(""),
  })
  .refine((v) => v.leadDepartmentId || v.assigneeId, { path: ["leadDepartmentId"], message: "@hotline.assignTarget" });
export const respondSchema = z.strictObject({ ...ref, response: requiredText(2000) });
export const resolveSchema = z.strictObject({ ...ref, resolution: requiredText(2000) });
export const feedbackSchema = z.strictObject({
  ...ref,
  satisfaction: z.coerce.number(numberRequired).int().min(1, "@hotline.satisfactionRange").max(5, "@hotline.satisfactionRange"),
  comment: text(500).default(""),
});
export const mergeSchema = z.strictObject({ ...ref, intoNumber: requiredText(40), note: text(1000).default("") });
export const chaseSchema = z.strictObject({ id, note: text(500).default("") });
/** 确认关联: the request (at the version the page shows) and the registered enterprise the operator chose. */
export const linkEnterpriseSchema = z.strictObject({ ...ref, enterpriseId: id });
export const extensionRequestSchema = z.strictObject({
  ...ref,
  reason: requiredText(1000),
  proposedDueAt: z.string().regex(DATETIME_LOCAL_PATTERN, "@dateFormat"),
});
export const extensionDecisionSchema = z.strictObject({
  id,
  extensionId: id,
  approve: z.boolean(),
  note: text(500).default(""),
});

/** The enterprise's own feedback on the public page: it proves itself with the tracking code. */
export const publicFeedbackSchema = z.strictObject({
  number: requiredText(40),
  code: requiredText(40),
  decision: z.enum(["close", "reopen"]),
  satisfaction: z.coerce.number().int().min(1, "@hotline.satisfactionRange").max(5, "@hotline.satisfactionRange").optional(),
  comment: text(500).default(""),
}).superRefine((v, ctx) => {
  if (v.decision === "close" && v.satisfaction === undefined) ctx.addIssue({ code: "custom", path: ["satisfaction"], message: "@hotline.satisfactionRange" });
  if (v.decision === "reopen" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "@hotline.reopenReason" });
});
export type PublicFeedbackInput = z.infer<typeof publicFeedbackSchema>;

export type AssignInput = z.infer<typeof assignSchema>;
export type FeedbackInput = z.infer<typeof feedbackSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const intakeRequestContract = defineAction({ name: "request.intake", schema: intakeSchema, idempotent: true });
export const acceptRequestContract = defineAction({ name: "request.accept", schema: simpleMoveSchema });
// Assign and reassign share a schema and a handler (actions.ts) but are audited apart.
export const assignRequestContract = defineAction({ name: "request.assign", schema: assignSchema });
export const reassignRequestContract = defineAction({ name: "request.reassign", schema: assignSchema });
export const sendBackRequestContract = defineAction({ name: "request.sendBack", schema: reasonMoveSchema });
export const respondRequestContract = defineAction({ name: "request.respond", schema: respondSchema });
export const resolveRequestContract = defineAction({ name: "request.resolve", schema: resolveSchema });
export const closeRequestContract = defineAction({ name: "request.close", schema: feedbackSchema });
export const reopenRequestContract = defineAction({ name: "request.reopen", schema: reasonMoveSchema });
export const mergeRequestContract = defineAction({ name: "request.merge", schema: mergeSchema });
export const chaseRequestContract = defineAction({ name: "request.chase", schema: chaseSchema });
export const requestExtensionContract = defineAction({ name: "request.requestExtension", schema: extensionRequestSchema });
export const decideExtensionContract = defineAction({ name: "request.decideExtension", schema: extensionDecisionSchema });
export const linkRequestEnterpriseContract = defineAction({ name: "request.linkEnterprise", schema: linkEnterpriseSchema });
// The caller's full phone, on request: the same one "personalData.unmask" as the registers' and talents'.
export const unmaskCallerPhoneContract = defineAction({ name: "personalData.unmask", schema: z.strictObject({ id }) });
