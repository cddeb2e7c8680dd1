import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { CONFIRMATION_SOURCES, PROBLEM_STATUSES } from "./transitions";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).default("");


/** One problem raised on a visit (问题清单). Status, org unit and programme come from the server. */
export const newProblemSchema = z.strictObject({
  title: z.string().trim().min(1, "@required").max(100),
  description: optionalText(2000),
  category: optionalText(40),
  // An empty date field is "no due date".
  dueDate: z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate.optional()),
});

/**
 * One transition. Which extra fields are required depends on the transition (see
 * transitions.ts `needs`); the mutation checks that, so the schema only bounds them.
 */
export const transitionProblemSchema = z.strictObject({
  id,
  version,
  to: z.enum(PROBLEM_STATUSES),
  note: optionalText(1000),
  resolution: optionalText(2000),
  escalatedToOrgUnitId: z.string().max(64).default(""),
  confirmation: z.enum(CONFIRMATION_SOURCES).optional(),
});

export const assignProblemSchema = z.strictObject({
  id,
  version,
  // "" unassigns.
  assigneeId: z.string().max(64),
});

export type NewProblemInput = z.infer<typeof newProblemSchema>;
export type TransitionProblemInput = z.infer<typeof transitionProblemSchema>;
export type TransitionProblemValues = z.input<typeof transitionProblemSchema>;
export type AssignProblemInput = z.infer<typeof assignProblemSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const transitionProblemContract = defineAction({ name: "problem.transition", schema: transitionProblemSchema });
export const assignProblemContract = defineAction({ name: "problem.assign", schema: assignProblemSchema });
