import { z } from "zod";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { PROBLEM_DUE_DAYS_MAX } from "./settings";
import { defineAction } from "@/lib/platform/contract";

export const FREQUENCY_RULE_KINDS = ["OFFICER_GUIDED_HOUSEHOLD", "OFFICER_ANY", "ENTERPRISE_BY_COMMISSIONER"] as const;
export const FREQUENCY_PERIODS = ["WEEK", "MONTH"] as const;

const id = z.string().min(1).max(64);
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());
const version = z.coerce.number().int().positive();
const count = (max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number(numberRequired).int("@campaignWholeNumber").min(0, "@notNegative").max(max));

export const participantSchema = z.strictObject({ officerId: id, mentorId: optionalId });
export const assignmentSchema = z.strictObject({ orgUnitId: id, officerId: optionalId });
export const checkItemSchema = z.strictObject({
  /** Empty for a new item; existing items keep their id (visits refer to it). */
  id: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
  label: z.string().trim().min(1, "@required").max(60),
  active: z.boolean(),
});
export const ruleSchema = z.strictObject({
  kind: z.enum(FREQUENCY_RULE_KINDS),
  period: z.enum(FREQUENCY_PERIODS),
  minVisits: count(100).refine((v) => v >= 1, "@campaignAtLeastOne"),
  dueSoonDays: count(31),
});

/**
 * The whole configuration, saved as the set the manager sees in the form (like programme
 * indicators), conditional on the programme's version.
 */
export const saveCampaignSetupSchema = z
  .strictObject({
    programmeId: id,
    version,
    participants: z.array(participantSchema).max(1000),
    assignments: z.array(assignmentSchema).max(1000),
    checkItems: z.array(checkItemSchema).max(50),
    rules: z.array(ruleSchema).max(20),
    /** 问题最长办理期限（天）: a problem raised on a visit is due at most this long after it. */
    problemDueDays: count(PROBLEM_DUE_DAYS_MAX).refine((v) => v >= 1, "@campaignAtLeastOne"),
  })
  .superRefine((v, ctx) => {
    const officers = new Set<string>();
    v.participants.forEach((p, i) => {
      if (officers.has(p.officerId)) ctx.addIssue({ code: "custom", message: "@campaignDuplicate", path: ["participants", i, "officerId"] });
      officers.add(p.officerId);
      if (p.mentorId && p.mentorId === p.officerId) ctx.addIssue({ code: "custom", message: "@campaignMentorIsOfficer", path: ["participants", i, "mentorId"] });
    });
    const units = new Set<string>();
    v.assignments.forEach((a, i) => {
      if (units.has(a.orgUnitId)) ctx.addIssue({ code: "custom", message: "@campaignDuplicate", path: ["assignments", i, "orgUnitId"] });
      units.add(a.orgUnitId);
    });
    const rules = new Set<string>();
    v.rules.forEach((r, i) => {
      const key = `${r.kind}|${r.period}`;
      if (rules.has(key)) ctx.addIssue({ code: "custom", message: "@campaignDuplicate", path: ["rules", i, "kind"] });
      rules.add(key);
      if (r.dueSoonDays >= (r.period === "WEEK" ? 7 : 28)) ctx.addIssue({ code: "custom", message: "@campaignDueSoonTooLong", path: ["rules", i, "dueSoonDays"] });
    });
  });

export type SaveCampaignSetupInput = z.infer<typeof saveCampaignSetupSchema>;
export type CampaignSetupFormValues = z.input<typeof saveCampaignSetupSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const saveCampaignSetupContract = defineAction({ name: "campaign.configure", schema: saveCampaignSetupSchema });
