import { z } from "zod";
import { ROLES } from "@/lib/platform/authz/permissions";

import { PASSWORD_MIN_LENGTH } from "@/lib/platform/auth/policy";
import { defineAction } from "@/lib/platform/contract";
import { pickedId } from "@/lib/platform/schema-fields";

// The policy is the platform's (lib/platform/auth/policy.ts); the forms import it from here.
export { PASSWORD_MIN_LENGTH };

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();

export const usernameField = z
  .string()
  .trim()
  .min(3, "@usernameLength")
  .max(32, "@usernameLength")
  .regex(/^[A-Za-z0-9_.-]+$/, "@usernameFormat");

/** Mainland mobile numbers; empty means none. */
export const phoneField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^1[3-9]\d{9}$/.test(v), "@phoneFormat")
  .transform((v) => (v === "" ? null : v));

const personName = z.string().trim().min(1, "@required").max(40);

/**
 * The user's userid in the organisation's DingTalk (免登 and work notices). Empty unlinks;
 * absent (a caller that does not show the field) leaves the link as it is.
 */
export const dingtalkUserIdField = z
  .string()
  .trim()
  .max(64)
  .transform((v) => (v === "" ? null : v));

export const createUserSchema = z.strictObject({
  username: usernameField,
  name: personName,
  phone: phoneField,
  role: z.enum(ROLES),
  orgUnitId: id,
});

export const updateUserSchema = z.strictObject({
  id,
  version,
  name: personName,
  phone: phoneField,
  role: z.enum(ROLES),
  orgUnitId: id,
  dingtalkUserId: dingtalkUserIdField.optional(),
});

export const setUserActiveSchema = z.strictObject({ id, version, active: z.boolean() });
export const resetPasswordSchema = z.strictObject({ id, version });

/** At least PASSWORD_MIN_LENGTH characters with a letter and a digit. */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "@passwordTooShort")
  .max(128)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), "@passwordLettersDigits");

export const changeOwnPasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "@required").max(256),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "@passwordsDiffer", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "@passwordUnchanged", path: ["newPassword"] });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
// The form's unit select starts empty: "必填" there, rather than the id's "too short".
export const createUserContract = defineAction({ name: "user.create", schema: createUserSchema, idempotent: true, formSchema: (s) => s.extend({ orgUnitId: pickedId }) });
export const updateUserContract = defineAction({ name: "user.update", schema: updateUserSchema });
export const setUserActiveContract = defineAction({ name: "user.setActive", schema: setUserActiveSchema });
export const resetUserPasswordContract = defineAction({ name: "user.resetPassword", schema: resetPasswordSchema });
export const changeOwnPasswordContract = defineAction({ name: "account.changePassword", schema: changeOwnPasswordSchema });
