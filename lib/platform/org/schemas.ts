import { z } from "zod";

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
