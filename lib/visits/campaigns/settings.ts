// A visit campaign's own settings, kept in Programme.settings (JSON) beside other programme
// types' settings. Today one: how far ahead a problem raised on a visit may be due. Without
// a bound, 9999-12-31 (never overdue) and dates before the visit (overdue at once) were saved.
import { z } from "zod";
import { fieldMessage } from "@/lib/platform/i18n/zod";

export * from "./due-range";
import { PROBLEM_DUE_DAYS_DEFAULT, PROBLEM_DUE_DAYS_MAX, problemDueRange } from "./due-range";

export const campaignSettingsSchema = z.object({
  problemDueDays: z.number().int().min(1).max(PROBLEM_DUE_DAYS_MAX).catch(PROBLEM_DUE_DAYS_DEFAULT).default(PROBLEM_DUE_DAYS_DEFAULT),
});

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** The campaign's settings from its JSON, defaults for anything missing or malformed. */
export function campaignSettingsOf(json: unknown): CampaignSettings {
  const parsed = campaignSettingsSchema.safeParse(json && typeof json === "object" ? json : {});
  return parsed.success ? parsed.data : { problemDueDays: PROBLEM_DUE_DAYS_DEFAULT };
}


/**
 * The due dates a problem raised on a visit of `visitDay` may have, as a schema whose message
 * names the range ("办理期限须在 2026-12-02 至 2027-12-02 之间"). Built per visit: the range
 * depends on the visit's day and on the campaign's horizon, known once the campaign is loaded.
 */
export function problemDueDateSchema(visitDay: string, horizonDays: number) {
  const { from, to } = problemDueRange(visitDay, horizonDays);
  // ISO dates compare as strings.
  return z.string().refine((due) => due >= from && due <= to, fieldMessage("problemDueRange", { from, to }));
}
