// Talent (人才) inputs. Strict objects: the org unit comes from the enterprise, the ID
// number is validated (GB 11643 check digit) and never echoed back to the form.
import { z } from "zod";
import { phoneField } from "@/lib/users/schemas";
import { idNumberProblem, normalizeIdNumber } from "./id-number";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const idNumberField = z
  .string()
  .transform(normalizeIdNumber)
  .pipe(
    z.string().min(1, "@required").superRefine((v, ctx) => {
      const problem = idNumberProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: `@points.idNumber_${problem}` });
    }),
  );

const dateField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "@points.dateFormat")
  .transform((v) => (v === "" ? null : v));

const talentFields = {
  enterpriseId: id,
  name: z.string().trim().min(1, "@required").max(40),
  phone: phoneField,
  education: text(40),
  title: text(40),
  position: text(40),
  joinedOn: dateField,
};

export const createTalentSchema = z.strictObject({ ...talentFields, idNumber: idNumberField });
export type CreateTalentInput = z.input<typeof createTalentSchema>;

/** Editing: an empty ID number keeps the stored one (officers never see it unmasked). */
export const updateTalentSchema = z.strictObject({
  id,
  version,
  ...talentFields,
  idNumber: z.union([z.literal(""), idNumberField]),
});
export type UpdateTalentInput = z.input<typeof updateTalentSchema>;

export const talentIdSchema = z.strictObject({ id });

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createTalentContract = defineAction({ name: "talent.create", schema: createTalentSchema, idempotent: true });
export const updateTalentContract = defineAction({ name: "talent.update", schema: updateTalentSchema });
export const unmaskTalentIdContract = defineAction({ name: "personalData.unmask", schema: talentIdSchema });
