import { nowMs } from "@/lib/platform/clock";
import { z } from "zod";
import { newProblemSchema } from "@/lib/problems/schemas";
import { DATETIME_LOCAL_PATTERN, FUTURE_TOLERANCE_MS, parseShanghaiLocal } from "@/lib/platform/shanghai";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().positive();

export * from "./constants";
import { VISIT_KINDS, PLACE_TYPES, MAX_PROBLEMS_PER_VISIT, MAX_SERVICES_PER_VISIT } from "./constants";

/** "" (an empty field) is "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Shanghai wall-clock time from a datetime-local input; not in the future. */
const visitedAt = z
  .string()
  .regex(DATETIME_LOCAL_PATTERN, "@dateFormat")
  .refine((v) => parseShanghaiLocal(v) !== null, "@dateFormat")
  .refine((v) => (parseShanghaiLocal(v)?.getTime() ?? 0) <= nowMs() + FUTURE_TOLERANCE_MS, "@visitInFuture");

const latitude = z.preprocess(blankToUndefined, z.coerce.number().min(-90, "@coordinateRange").max(90, "@coordinateRange").optional());
const longitude = z.preprocess(blankToUndefined, z.coerce.number().min(-180, "@coordinateRange").max(180, "@coordinateRange").optional());

export const checklistAnswerSchema = z.strictObject({
  itemId: id,
  checked: z.boolean(),
  note: z.string().trim().max(500).default(""),
});

export const serviceSchema = z.strictObject({
  description: z.string().trim().min(1, "@required").max(500),
});

/** What the visit form's edit may change (the place, campaign and kind are fixed once saved). */
const editableFields = {
  visitedAt,
  mentorId: z.string().max(64).default(""),
  checklist: z.array(checklistAnswerSchema).max(100),
  services: z.array(serviceSchema).max(MAX_SERVICES_PER_VISIT),
  notes: z.string().trim().max(2000).default(""),
  latitude,
  longitude,
};

function bothOrNeither(v: { latitude?: number; longitude?: number }, ctx: z.RefinementCtx) {
  if ((v.latitude === undefined) !== (v.longitude === undefined)) {
    ctx.addIssue({ code: "custom", message: "@coordinateRange", path: [v.latitude === undefined ? "latitude" : "longitude"] });
  }
}

/**
 * A new visit. Who recorded it, its org unit (the household's or enterprise's), checklist
 * labels and the problems' status come from the server; `officerId` is only for a manager
 * recording on behalf of an officer ("" = myself).
 */
export const createVisitSchema = z
  .strictObject({
    ...editableFields,
    programmeId: id,
    officerId: z.string().max(64).default(""),
    kind: z.enum(VISIT_KINDS),
    placeType: z.enum(PLACE_TYPES),
    placeId: id,
    problems: z.array(newProblemSchema).max(MAX_PROBLEMS_PER_VISIT),
  })
  .superRefine((v, ctx) => {
    bothOrNeither(v, ctx);
    if ((v.kind === "HOUSEHOLD" && v.placeType !== "HOUSEHOLD") || (v.kind === "ENTERPRISE" && v.placeType !== "ENTERPRISE")) {
      ctx.addIssue({ code: "custom", message: "@visitPlaceKind", path: ["placeId"] });
    }
  });

export const updateVisitSchema = z.strictObject({ ...editableFields, id, version }).superRefine(bothOrNeither);

export const searchPlacesSchema = z.strictObject({
  placeType: z.enum(PLACE_TYPES),
  q: z.string().trim().min(1).max(50),
});

export const deletePhotoSchema = z.strictObject({ visitId: id, photoId: id });

export type CreateVisitInput = z.infer<typeof createVisitSchema>;
export type UpdateVisitInput = z.infer<typeof updateVisitSchema>;
export type CreateVisitValues = z.input<typeof createVisitSchema>;
export type UpdateVisitValues = z.input<typeof updateVisitSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createVisitContract = defineAction({ name: "visit.create", schema: createVisitSchema, idempotent: true });
export const updateVisitContract = defineAction({ name: "visit.update", schema: updateVisitSchema });
export const deleteVisitPhotoContract = defineAction({ name: "visit.photo.delete", schema: deletePhotoSchema });

/** One photo, sent as FormData { visitId, photo } (its bytes are checked on the server). */
export const uploadPhotoSchema = z.strictObject({
  visitId: id,
  photo: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "@photoType"),
});
// Idempotent (issue 16): a photo resent by the outbox after a lost answer is stored once.
export const uploadVisitPhotoContract = defineAction({ name: "visit.photo.add", schema: uploadPhotoSchema, idempotent: true });
