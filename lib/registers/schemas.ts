// Household (户) and enterprise (企业) register inputs. Strict objects: the server decides
// active/version/ids; the org unit the user picks is checked against their subtree.
import { z } from "zod";
import { defineAction } from "@/lib/platform/contract";
import { pickedId } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { phoneField } from "@/lib/users/schemas";
import { isValidCreditCode, normalizeCreditCode } from "./credit-code";

// Other modules' forms check credit codes the same way (hotline, investment): client-safe.
export { isValidCreditCode, normalizeCreditCode } from "./credit-code";

export const ENTERPRISE_SIZES = ["ABOVE_SCALE", "SMALL_MICRO"] as const;
export type EnterpriseSizeValue = (typeof ENTERPRISE_SIZES)[number];

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();

/** 统一社会信用代码: spaces dropped, upper-cased, 18 characters with a correct check character. */
export const creditCodeField = z
  .string()
  .transform(normalizeCreditCode)
  .pipe(z.string().min(1, "@required").refine(isValidCreditCode, "@registers.creditCodeInvalid"));

/** Tags typed as one line: separated by commas (中文/英文), 、, ; or spaces; trimmed and de-duplicated. */
export function parseTags(value: string): string[] {
  const tags = value
    .split(/[,，、;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

export const tagsField = z
  .string()
  .max(300)
  .transform(parseTags)
  .pipe(z.array(z.string().max(20, "@registers.tagTooLong")).max(10, "@registers.tooManyTags"));

export const householdKeyField = z
  .string()
  .trim()
  .min(1, "@required")
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "@registers.householdKeyFormat");

const personName = z.string().trim().min(1, "@required").max(40);
const address = z.string().trim().max(200);
const membersCount = z.coerce.number(numberRequired).int().min(1, "@registers.membersMin").max(99);

const householdFields = {
  headName: personName,
  address,
  orgUnitId: id,
  membersCount,
  tags: tagsField,
};

export const createHouseholdSchema = z.strictObject({
  householdKey: householdKeyField,
  ...householdFields,
  phone: phoneField,
});

/**
 * Editing: the stored phone is never sent to the form (officers may not see it). An empty
 * phone keeps the stored one; `clearPhone` removes it.
 */
export const updateHouseholdSchema = z.strictObject({
  id,
  version,
  ...householdFields,
  phone: phoneField,
  clearPhone: z.boolean().default(false),
});

export const setActiveSchema = z.strictObject({ id, version, active: z.boolean() });

const optionalText = (max: number) => z.string().trim().max(max);

const enterpriseFields = {
  name: z.string().trim().min(1, "@required").max(100),
  creditCode: creditCodeField,
  address,
  orgUnitId: id,
  industry: optionalText(40),
  size: z.enum(ENTERPRISE_SIZES),
  contactName: optionalText(40),
  commissionerId: z
    .string()
    .max(64)
    .transform((v) => (v ? v : null)),
};

export const createEnterpriseSchema = z.strictObject({ ...enterpriseFields, contactPhone: phoneField });

export const updateEnterpriseSchema = z.strictObject({
  id,
  version,
  ...enterpriseFields,
  contactPhone: phoneField,
  clearPhone: z.boolean().default(false),
});

export const unmaskSchema = z.strictObject({ id });

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its
// form. The create forms' unit select says "必填" while nothing is picked (pickedId).
export const createHouseholdContract = defineAction({
  name: "household.create", schema: createHouseholdSchema, idempotent: true, formSchema: (s) => s.extend({ orgUnitId: pickedId }),
});
export const updateHouseholdContract = defineAction({ name: "household.update", schema: updateHouseholdSchema });
export const createEnterpriseContract = defineAction({
  name: "enterprise.create", schema: createEnterpriseSchema, idempotent: true, formSchema: (s) => s.extend({ orgUnitId: pickedId }),
});
export const updateEnterpriseContract = defineAction({ name: "enterprise.update", schema: updateEnterpriseSchema });
// (De)activation is audited as "<kind>.activate" / "<kind>.deactivate"; the action's own name
// (refusals, logs) is "<kind>.setActive". Both unmasks are the one "personalData.unmask".
export const setHouseholdActiveContract = defineAction({ name: "household.setActive", schema: setActiveSchema });
export const setEnterpriseActiveContract = defineAction({ name: "enterprise.setActive", schema: setActiveSchema });
export const unmaskHouseholdPhoneContract = defineAction({ name: "personalData.unmask", schema: unmaskSchema });
export const unmaskEnterprisePhoneContract = defineAction({ name: "personalData.unmask", schema: unmaskSchema });

export type CreateHouseholdInput = z.infer<typeof createHouseholdSchema>;
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdSchema>;
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseSchema>;

export type RegisterKind = "households" | "enterprises";
export const REGISTER_KINDS = ["households", "enterprises"] as const;

// The import (import-actions.ts, the upload route): which register, which stored upload.
export const importIdField = z.uuid();
export const registerKindField = z.enum(REGISTER_KINDS);
/** A previewed upload confirmed: a background job writes it, batch by batch. */
export const importStartSchema = z.strictObject({ kind: registerKindField, importId: importIdField });
export const importStartContract = defineAction({ name: "register.import.start", schema: importStartSchema });
