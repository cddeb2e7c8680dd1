// A visit campaign's own settings, kept in Programme.settings (JSON) beside other programme
// types' settings. Today one: how far ahead a problem raised on a visit may be due. Without
// a bound, 9999-12-31 (never overdue) and dates before the visit (overdue at once) were saved.
import { z } from "zod";
import { fieldMessage } from "@/lib/platform/i18n/zod";

export const PROBLEM_DUE_DAYS_DEFAULT = 365;
/** The largest horizon a campaign may set; also the bound the schema checks before the campaign is known. */
export const PROBLEM_DUE_DAYS_MAX = 3650;

export const campaignSettingsSchema = z.object({
  problemDueDays: z.number().int().min(1).max(PROBLEM_DUE_DAYS_MAX).catch(PROBLEM_DUE_DAYS_DEFAULT).default(PROBLEM_DUE_DAYS_DEFAULT),
});

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** The campaign's settings from its JSON, defaults for anything missing or malformed. */
export function campaignSettingsOf(json: unknown): CampaignSettings {
  const parsed = campaignSettingsSchema.safeParse(json && typeof json === "object" ? json : {});
  return parsed.success ? parsed.data : { problemDueDays: PROBLEM_DUE_DAYS_DEFAULT };
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The due dates allowed for a problem raised on a visit of `visitDay` (both ends included). */
export function problemDueRange(visitDay: string, horizonDays: number): { from: string; to: string } {
  return { from: visitDay, to: addDays(visitDay, horizonDays) };
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
