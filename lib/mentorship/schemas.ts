// Input schemas of 导师带徒 (mentorship): programme settings, plan templates, pools,
// pairings, plans and the mentoring log. The same schema validates the form in the browser
// and the action on the server. Messages "@mentorship.x" live in the "validation"
// namespace (messages/<locale>.json, "validation.mentorship").
import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { defineAction } from "@/lib/platform/contract";

export const ACTIVITY_KINDS = ["GUIDED_VISIT", "DISPUTE_RESOLUTION", "COORDINATION", "TALK", "REVIEW", "OTHER"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const POOL_KINDS = ["MENTOR", "TRAINEE"] as const;
export const MEMBER_STATUSES = ["ACTIVE", "PAUSED", "GRADUATED", "REMOVED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MILESTONE_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "SIGNED_OFF"] as const;
/** What mentor and trainee may set; SIGNED_OFF is the manager's sign-off only. */
export const EDITABLE_MILESTONE_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE"] as const;

const id = z.string().min(1).max(64);
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, "@required").max(max);
const version = z.coerce.number().int().min(1);
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number(numberRequired).int("@campaignWholeNumber").min(min, "@campaignAtLeastOne").max(max),
  );

// ── Programme settings (Programme.settings for type MENTORSHIP) ─────────────────────────

export const expectationSchema = z.strictObject({
  /** An activity kind, or "ANY" for any activity. */
  kind: z.enum([...ACTIVITY_KINDS, "ANY"]),
  period: z.enum(["WEEK", "MONTH"]),
  min: wholeNumber(1, 50),
});
export type Expectation = z.infer<typeof expectationSchema>;

export const mentorshipSettingsSchema = z.strictObject({
  expectations: z.array(expectationSchema).max(10),
  /** Days before the end of a period when an unmet expectation shows as "due soon". */
  dueSoonDays: wholeNumber(0, 6).default(2),
  /** Capacity given to a new mentor unless the manager says otherwise. */
  defaultCapacity: wholeNumber(1, 20).default(3),
});
export type MentorshipSettings = z.infer<typeof mentorshipSettingsSchema>;

export const DEFAULT_SETTINGS: MentorshipSettings = {
  expectations: [{ kind: "GUIDED_VISIT", period: "WEEK", min: 1 }],
  dueSoonDays: 2,
  defaultCapacity: 3,
};

/** The programme's settings, or the defaults where missing or invalid (settings are JSON). */
export function readSettings(value: unknown): MentorshipSettings {
  const parsed = mentorshipSettingsSchema.safeParse(value && typeof value === "object" ? { ...DEFAULT_SETTINGS, ...value } : DEFAULT_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export const saveSettingsSchema = z.strictObject({
  programmeId: id,
  version,
  expectations: z.array(expectationSchema).max(10),
  dueSoonDays: wholeNumber(0, 6),
  defaultCapacity: wholeNumber(1, 20),
});
export type SaveSettingsFormValues = z.input<typeof saveSettingsSchema>;

// ── Plan templates (一人一策 template: areas → goals → milestones with due offsets) ──────

export const templateMilestoneSchema = z.strictObject({
  title: required(100),
  /** Days after the pairing's start date the milestone is due. */
  dueOffsetDays: wholeNumber(0, 1000),
});
export const templateGoalSchema = z.strictObject({ title: required(100), milestones: z.array(templateMilestoneSchema).max(10) });
export const templateAreaSchema = z.strictObject({ name: required(40), goals: z.array(templateGoalSchema).min(1, "@required").max(10) });
export const templateContentSchema = z.strictObject({ areas: z.array(templateAreaSchema).min(1, "@required").max(10) });
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const saveTemplateSchema = z.strictObject({
  programmeId: id,
  /** Empty: a new template. */
  templateId: optionalId,
  name: required(60),
  active: z.boolean(),
  content: templateContentSchema,
});
export type SaveTemplateFormValues = z.input<typeof saveTemplateSchema>;

export const DEFAULT_TEMPLATE: TemplateContent = {
  areas: [
    { name: "政治素养", goals: [{ title: "理论学习与党性锻炼", milestones: [{ title: "完成专题理论学习并交流心得", dueOffsetDays: 30 }, { title: "参加一次支部主题党日并作发言", dueOffsetDays: 90 }] }] },
    { name: "业务能力", goals: [{ title: "熟悉联村工作与政策", milestones: [{ title: "梳理所联村社基本情况台账", dueOffsetDays: 21 }, { title: "独立完成一次政策宣讲", dueOffsetDays: 60 }] }] },
    { name: "实践操作", goals: [{ title: "帮带入户走亲与矛盾化解", milestones: [{ title: "在导师陪同下走访农户20户", dueOffsetDays: 45 }, { title: "独立化解一起矛盾纠纷", dueOffsetDays: 120 }] }] },
  ],
};

// ── Pools ────────────────────────────────────────────────────────────────────────────────

export const addPoolMemberSchema = z.strictObject({
  programmeId: id,
  pool: z.enum(POOL_KINDS),
  userId: z.string().min(1, "@required").max(64),
  lineOfWork: text(40),
  /** Mentors: most trainees at once; empty means the programme's default. */
  capacity: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number(numberRequired).int("@campaignWholeNumber").min(1, "@campaignAtLeastOne").max(50).nullable()),
  joinedOn: isoDate,
  reason: required(200),
});
export type AddPoolMemberFormValues = z.input<typeof addPoolMemberSchema>;

export const changeMemberStatusSchema = z.strictObject({
  memberId: id,
  version,
  toStatus: z.enum(MEMBER_STATUSES),
  effectiveOn: isoDate,
  reason: required(200),
});

export const changeMemberFlagsSchema = z.strictObject({
  memberId: id,
  version,
  priorityPromotion: z.boolean(),
  reserveCadre: z.boolean(),
  reserveNote: text(200),
  reason: required(200),
});

export const changeCapacitySchema = z.strictObject({
  memberId: id,
  version,
  capacity: wholeNumber(1, 50),
  reason: required(200),
});

// ── Pairings ─────────────────────────────────────────────────────────────────────────────

export const createPairingSchema = z
  .strictObject({
    programmeId: id,
    traineeId: z.string().min(1, "@required").max(64),
    mentorId: z.string().min(1, "@required").max(64),
    startDate: isoDate,
    endDate: isoDate,
    templateId: optionalId,
  })
  .refine((v) => v.endDate >= v.startDate, { path: ["endDate"], message: "@endBeforeStart" })
  .refine((v) => v.mentorId !== v.traineeId, { path: ["mentorId"], message: "@campaignMentorIsOfficer" });
export type CreatePairingFormValues = z.input<typeof createPairingSchema>;

export const suggestMentorsSchema = z.strictObject({ programmeId: id, traineeId: id });

export const endPairingSchema = z.strictObject({ pairingId: id, version, reason: required(200) });

export const evaluatePairingSchema = z.strictObject({
  pairingId: id,
  version,
  rating: z.coerce.number(numberRequired).int().min(1, "@mentorship.ratingRange").max(5, "@mentorship.ratingRange"),
  evaluation: required(1000),
});
export type EvaluatePairingFormValues = z.input<typeof evaluatePairingSchema>;

// ── Plans ────────────────────────────────────────────────────────────────────────────────

const planBase = { planId: id, planVersion: version, note: text(200) };

/** One change to a plan; each bumps the plan's version and stores a snapshot. */
export const planChangeSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("updateMilestone"), ...planBase, milestoneId: id, title: required(100), dueDate: isoDate, status: z.enum(EDITABLE_MILESTONE_STATUSES), milestoneNote: text(500) }),
  z.strictObject({ op: z.literal("addMilestone"), ...planBase, goalId: id, title: required(100), dueDate: isoDate }),
  z.strictObject({ op: z.literal("removeMilestone"), ...planBase, milestoneId: id }),
  z.strictObject({ op: z.literal("addGoal"), ...planBase, area: required(40), title: required(100) }),
  z.strictObject({ op: z.literal("removeGoal"), ...planBase, goalId: id }),
]);
export type PlanChangeInput = z.infer<typeof planChangeSchema>;

export const signOffMilestoneSchema = z.strictObject({ planId: id, planVersion: version, milestoneId: id, note: text(200).default("") });

// ── Mentoring log ────────────────────────────────────────────────────────────────────────

export const logActivitySchema = z.strictObject({
  pairingId: id,
  kind: z.enum(ACTIVITY_KINDS),
  occurredOn: isoDate,
  place: text(100),
  notes: text(2000),
});
export type LogActivityFormValues = z.input<typeof logActivitySchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const addPoolMemberContract = defineAction({ name: "mentorship.pool.add", schema: addPoolMemberSchema, idempotent: true });
export const changeMemberStatusContract = defineAction({ name: "mentorship.pool.status", schema: changeMemberStatusSchema });
export const changeMemberFlagsContract = defineAction({ name: "mentorship.pool.flags", schema: changeMemberFlagsSchema });
export const changeCapacityContract = defineAction({ name: "mentorship.pool.capacity", schema: changeCapacitySchema });
export const createPairingContract = defineAction({ name: "mentorship.pairing.create", schema: createPairingSchema, idempotent: true });
export const endPairingContract = defineAction({ name: "mentorship.pairing.end", schema: endPairingSchema });
export const evaluatePairingContract = defineAction({ name: "mentorship.pairing.evaluate", schema: evaluatePairingSchema });
export const changePlanContract = defineAction({ name: "mentorship.plan.change", schema: planChangeSchema });
export const signOffMilestoneContract = defineAction({ name: "mentorship.plan.signOff", schema: signOffMilestoneSchema });
export const logActivityContract = defineAction({ name: "mentorship.activity.log", schema: logActivitySchema, idempotent: true });
export const saveSettingsContract = defineAction({ name: "mentorship.configure.settings", schema: saveSettingsSchema });
export const saveTemplateContract = defineAction({ name: "mentorship.configure.template", schema: saveTemplateSchema });
