// Key project (重点项目) inputs: strict allow-lists; stage, version and org scope are the server's.
import { z } from "zod";
import { AMOUNT_UNITS, parseAmount } from "@/lib/platform/money";
import { optionalDate } from "@/lib/investment/schemas";
import { isoDate } from "@/lib/platform/schema-fields";
import { defineAction } from "@/lib/platform/contract";

export const KEY_PROJECT_STAGES = ["PLANNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION"] as const;
export type KeyProjectStageValue = (typeof KEY_PROJECT_STAGES)[number];
/** In the order a project reaches them. */
export const MILESTONE_KINDS = ["LAND_LISTING", "PERMITS", "START", "COMPLETION", "PRODUCTION"] as const;
export type MilestoneKindValue = (typeof MILESTONE_KINDS)[number];

const id = z.string().min(1).max(64);
const optionalId = z.string().max(64).default("");
const version = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max).default("");

export const createKeyProjectSchema = z
  .strictObject({
    programmeId: id,
    name: z.string().trim().min(1, "@required").max(100),
    orgUnitId: z.string().min(1, "@required").max(64),
    ownerEnterpriseId: optionalId,
    investmentAmount: z.string().trim().max(30),
    investmentUnit: z.enum(AMOUNT_UNITS).default("YI"),
    location: text(200),
    liaisonId: optionalId,
    /** Planned dates by milestone; "" leaves that milestone out. */
    milestones: z.strictObject(Object.fromEntries(MILESTONE_KINDS.map((k) => [k, optionalDate])) as Record<MilestoneKindValue, typeof optionalDate>),
  })
  .superRefine((v, ctx) => {
    if (!v.investmentAmount) ctx.addIssue({ code: "custom", path: ["investmentAmount"], message: "@required" });
    else if (parseAmount(v.investmentAmount, v.investmentUnit) === null) ctx.addIssue({ code: "custom", path: ["investmentAmount"], message: "@investment.amountFormat" });
  });

/** Record or correct one milestone's planned and actual dates. */
export const updateMilestoneSchema = z.strictObject({
  projectId: id,
  version,
  kind: z.enum(MILESTONE_KINDS),
  plannedOn: isoDate,
  actualOn: optionalDate,
  note: text(500),
});

export const advanceStageSchema = z.strictObject({ id, version, to: z.enum(KEY_PROJECT_STAGES), note: text(500) });

export const createBlockerSchema = z.strictObject({
  projectId: id,
  title: z.string().trim().min(1, "@required").max(100),
  description: text(2000),
  dueDate: optionalDate,
});

export const createPledgeSchema = z.strictObject({
  programmeId: id,
  orgUnitId: z.string().min(1, "@required").max(64),
  pledgerId: optionalId,
  keyProjectId: optionalId,
  problem: z.string().trim().min(1, "@required").max(300),
  dueOn: isoDate,
  note: text(1000),
});

export const completePledgeSchema = z.strictObject({ id, version, doneOn: isoDate, note: text(1000) });

export type CreateKeyProjectInput = z.infer<typeof createKeyProjectSchema>;
export type CreateKeyProjectValues = z.input<typeof createKeyProjectSchema>;
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;
export type AdvanceStageInput = z.infer<typeof advanceStageSchema>;
export type CreateBlockerInput = z.infer<typeof createBlockerSchema>;
export type CreatePledgeInput = z.infer<typeof createPledgeSchema>;
export type CompletePledgeInput = z.infer<typeof completePledgeSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createKeyProjectContract = defineAction({ name: "keyProject.create", schema: createKeyProjectSchema, idempotent: true });
export const updateMilestoneContract = defineAction({ name: "keyProject.milestone", schema: updateMilestoneSchema });
export const advanceStageContract = defineAction({ name: "keyProject.advance", schema: advanceStageSchema });
export const createBlockerContract = defineAction({ name: "keyProject.blocker.create", schema: createBlockerSchema, idempotent: true });
export const createPledgeContract = defineAction({ name: "pledge.create", schema: createPledgeSchema, idempotent: true });
export const completePledgeContract = defineAction({ name: "pledge.complete", schema: completePledgeSchema });
