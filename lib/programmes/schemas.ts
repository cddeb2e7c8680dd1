import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { PROGRAMME_TYPES } from "./catalogue";
import { PERIOD_PATTERN, parsePeriod } from "./period";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();

export const targetSchema = z.strictObject({
  orgUnitId: id,
  period: z.string().trim().regex(PERIOD_PATTERN, "@periodFormat").refine((v) => parsePeriod(v) !== null, "@periodFormat"),
  // An empty field is "no number", not 0 (z.coerce alone would turn "" into 0).
  value: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number(numberRequired).min(0, "@notNegative").max(1e12)),
});

export const indicatorSchema = z.strictObject({
  code: z.string().trim().min(1, "@required").max(40).regex(/^[a-z][a-z0-9_]*$/, "@indicatorCodeFormat"),
  name: z.string().trim().min(1, "@required").max(60),
  unit: z.string().trim().max(10),
  targets: z.array(targetSchema).max(500),
});

const programmeFields = {
  type: z.enum(PROGRAMME_TYPES),
  name: z.string().trim().min(2, "@required").max(100),
  description: z.string().trim().max(2000),
  startDate: isoDate,
  endDate: isoDate,
  orgUnitId: id,
  participantIds: z.array(id).max(1000),
  indicators: z.array(indicatorSchema).max(30),
};

function checkProgramme<T extends { startDate: string; endDate: string; indicators: { code: string; targets: { orgUnitId: string; period: string }[] }[] }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", message: "@endBeforeStart", path: ["endDate"] });
  const codes = new Set<string>();
  v.indicators.forEach((ind, i) => {
    if (codes.has(ind.code)) ctx.addIssue({ code: "custom", message: "@indicatorCodeRepeated", path: ["indicators", i, "code"] });
    codes.add(ind.code);
    const seen = new Set<string>();
    ind.targets.forEach((t, j) => {
      const key = `${t.orgUnitId}|${t.period}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: "@targetRepeated", path: ["indicators", i, "targets", j, "period"] });
      seen.add(key);
      const range = parsePeriod(t.period);
      if (range && (range.end < v.startDate || range.start > v.endDate)) {
        ctx.addIssue({ code: "custom", message: "@periodOutsideProgramme", path: ["indicators", i, "targets", j, "period"] });
      }
    });
  });
}

export const createProgrammeSchema = z.strictObject(programmeFields).superRefine(checkProgramme);
// The type is fixed at creation: records of later modules hang off it.
const { type: _type, ...updatableFields } = programmeFields;
export const updateProgrammeSchema = z.strictObject({ ...updatableFields, id, version }).superRefine(checkProgramme);
export const setProgrammeStatusSchema = z.strictObject({ id, version, status: z.enum(["ACTIVE", "CLOSED"]) });

export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeSchema>;
export type ProgrammeFormValues = z.input<typeof createProgrammeSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createProgrammeContract = defineAction({ name: "programme.create", schema: createProgrammeSchema, idempotent: true });
export const updateProgrammeContract = defineAction({ name: "programme.update", schema: updateProgrammeSchema });
export const setProgrammeStatusContract = defineAction({ name: "programme.setStatus", schema: setProgrammeStatusSchema });
