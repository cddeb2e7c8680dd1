import { z } from "zod";
import { defineAction } from "@/lib/platform/contract";
import { pickedId } from "@/lib/platform/schema-fields";

export const ORG_UNIT_KINDS = ["CITY", "DISTRICT", "ZONE", "STREET", "TOWN", "VILLAGE", "COMMUNITY", "GRID", "DEPARTMENT"] as const;

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, "@required").max(60);
const version = z.coerce.number().int().positive();

export const createOrgUnitSchema = z.strictObject({
  parentId: id,
  name,
  kind: z.enum(ORG_UNIT_KINDS),
  code: z
    .string()
    .trim()
    .max(32)
    .regex(/^[A-Za-z0-9_-]*$/, "@codeFormat")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const renameOrgUnitSchema = z.strictObject({ id, name, version });
export const moveOrgUnitSchema = z.strictObject({ id, newParentId: id, version });
export const setOrgUnitActiveSchema = z.strictObject({ id, active: z.boolean(), version });

export type CreateOrgUnitInput = z.infer<typeof createOrgUnitSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createOrgUnitContract = defineAction({ name: "orgUnit.create", schema: createOrgUnitSchema, idempotent: true });
export const renameOrgUnitContract = defineAction({ name: "orgUnit.rename", schema: renameOrgUnitSchema });
// The form's select starts empty: "必填" there, rather than the id's "too short".
export const moveOrgUnitContract = defineAction({ name: "orgUnit.move", schema: moveOrgUnitSchema, formSchema: (s) => s.extend({ newParentId: pickedId }) });
export const setOrgUnitActiveContract = defineAction({ name: "orgUnit.setActive", schema: setOrgUnitActiveSchema });
