// Input schemas of 三争一实 showcases. Messages "@showcase.x" live in the "validation"
// namespace (messages/<locale>.json, "validation.showcase").
import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { defineAction } from "@/lib/platform/contract";

export const DIMENSIONS = ["LIVE", "WRITTEN"] as const;
export const TALENT_LISTS = ["PROFESSIONAL", "YOUNG"] as const;

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().min(1);
const required = (max: number) => z.string().trim().min(1, "@required").max(max);
const text = (max: number) => z.string().trim().max(max);
const number = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number(numberRequired).min(min, "@showcase.outOfRange").max(max, "@showcase.outOfRange"));

export const criterionSchema = z.strictObject({
  dimension: z.enum(DIMENSIONS),
  name: required(40),
  weight: number(0.01, 100),
  maxScore: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number(numberRequired).int("@campaignWholeNumber").min(1, "@showcase.outOfRange").max(1000, "@showcase.outOfRange")),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

/** 现场叙事 and 书面叙事 criteria a new session starts with (the manager may change them before scoring starts). */
export const DEFAULT_CRITERIA: CriterionInput[] = [
  { dimension: "LIVE", name: "工作实绩", weight: 30, maxScore: 100 },
  { dimension: "LIVE", name: "现场表达", weight: 20, maxScore: 100 },
  { dimension: "WRITTEN", name: "材料质量", weight: 30, maxScore: 100 },
  { dimension: "WRITTEN", name: "思考深度", weight: 20, maxScore: 100 },
];

export const createSessionSchema = z.strictObject({
  programmeId: id,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "@showcase.quarterFormat"),
  heldOn: isoDate,
  place: text(100),
  trimMinJudges: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number(numberRequired).int("@campaignWholeNumber").min(3, "@showcase.outOfRange").max(50, "@showcase.outOfRange")),
  criteria: z.array(criterionSchema).min(1, "@required").max(12),
});
export type CreateSessionFormValues = z.input<typeof createSessionSchema>;

export const saveCriteriaSchema = z.strictObject({ sessionId: id, version, criteria: z.array(criterionSchema).min(1, "@required").max(12) });

export const addEntrySchema = z.strictObject({
  sessionId: id,
  officerId: z.string().min(1, "@required").max(64),
  topic: required(100),
  narrative: text(20000),
});
export type AddEntryFormValues = z.input<typeof addEntrySchema>;

export const updateNarrativeSchema = z.strictObject({ entryId: id, topic: required(100), narrative: text(20000) });

export const judgeSchema = z.strictObject({ sessionId: id, userId: z.string().min(1, "@required").max(64) });

export const conflictSchema = z.strictObject({
  entryId: id,
  /** Empty: the signed-in judge declares for themself; a manager may name a judge. */
  judgeId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
  reason: required(200),
});

export const scoreSheetSchema = z.strictObject({
  entryId: id,
  scores: z.array(z.strictObject({ criterionId: id, score: number(0, 1000) })).min(1).max(12),
});
export type ScoreSheetFormValues = z.input<typeof scoreSheetSchema>;

export const sessionIdSchema = z.strictObject({ sessionId: id });
export const closeSessionSchema = z.strictObject({ sessionId: id, version });

export const addToTalentListSchema = z.strictObject({ entryId: id, list: z.enum(TALENT_LISTS), note: text(200) });

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createSessionContract = defineAction({ name: "showcase.session.create", schema: createSessionSchema, idempotent: true });
export const saveCriteriaContract = defineAction({ name: "showcase.criteria.save", schema: saveCriteriaSchema });
export const addEntryContract = defineAction({ name: "showcase.entry.add", schema: addEntrySchema, idempotent: true });
export const updateNarrativeContract = defineAction({ name: "showcase.entry.update", schema: updateNarrativeSchema });
export const addJudgeContract = defineAction({ name: "showcase.judge.add", schema: judgeSchema });
export const removeJudgeContract = defineAction({ name: "showcase.judge.remove", schema: judgeSchema });
export const declareConflictContract = defineAction({ name: "showcase.conflict.declare", schema: conflictSchema });
export const saveScoreSheetContract = defineAction({ name: "showcase.score.save", schema: scoreSheetSchema });
export const closeSessionContract = defineAction({ name: "showcase.session.close", schema: closeSessionSchema });
export const addToTalentListContract = defineAction({ name: "showcase.talentList.add", schema: addToTalentListSchema });

/** The written narrative as a file (PDF, Word or plain text), sent as FormData { entryId, file }. */
export const uploadNarrativeSchema = z.strictObject({
  entryId: z.string().min(1).max(64),
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "@showcase.fileType"),
});
export const uploadNarrativeContract = defineAction({ name: "showcase.entry.upload", schema: uploadNarrativeSchema });
