// The rule tables an admin edits without code, as zod schemas (the JSON columns of
// point_item, point_resource, enterprise_tier and the programme's settings), and the pure
// computations on them: points of an application line, caps, tiers, evaluation scores.
// No server-only: the admin forms validate with the same schemas.
import { z } from "zod";

export const LEVEL_CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
export const RESOURCE_CODE = LEVEL_CODE;

export const levelSchema = z.strictObject({
  code: z.string().trim().regex(LEVEL_CODE, "@points.levelCode"),
  label: z.string().trim().min(1).max(60),
  points: z.coerce.number().int().min(0).max(10_000),
});
export type Level = z.infer<typeof levelSchema>;

export const levelsSchema = z
  .array(levelSchema)
  .min(1)
  .max(30)
  .superRefine((levels, ctx) => {
    const seen = new Set<string>();
    levels.forEach((l, i) => {
      if (seen.has(l.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "@points.levelCodeTaken" });
      seen.add(l.code);
    });
  });

/** Who may redeem a resource: e.g. { minTier: 3 } = enterprises in tiers 1–3 (一档 is the highest). */
export const eligibilitySchema = z.strictObject({
  /** The enterprise (or the talent's enterprise) must be in this tier or a better one. */
  minTier: z.number().int().min(1).max(4).optional(),
  /** Only enterprises redeem it (from their tier quota). */
  enterpriseOnly: z.boolean().optional(),
  /** Only talents redeem it (from the org unit's quota). */
  talentOnly: z.boolean().optional(),
  /** The talent must have earned at least this many points in total. */
  minEarnedPoints: z.number().int().min(0).max(100_000).optional(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const tierQuotasSchema = z.record(z.string().regex(RESOURCE_CODE), z.number().int().min(0).max(10_000));
export type TierQuotas = z.infer<typeof tierQuotasSchema>;

/**
 * Programme settings of a TALENT_POINTS programme. The county's enterprise evaluation gives
 * up to `max` (8) points for talent work: by default by tier (一档 8, 二档 6, 三档 4, 四档 2);
 * alternatively proportional to the points earned in the year, reaching `max` at
 * `pointsForMax` (see docs/decisions/0008-talent-points-evaluation.md).
 */
export const evaluationSettingsSchema = z.strictObject({
  mode: z.enum(["TIER", "PROPORTIONAL"]).default("TIER"),
  max: z.number().min(0).max(100).default(8),
  tierScores: z.array(z.number().min(0).max(100)).length(4).default([8, 6, 4, 2]),
  pointsForMax: z.number().int().min(1).max(1_000_000).default(400),
});
export type EvaluationSettings = z.infer<typeof evaluationSettingsSchema>;

export const talentSettingsSchema = z.object({
  evaluation: evaluationSettingsSchema.default({ mode: "TIER", max: 8, tierScores: [8, 6, 4, 2], pointsForMax: 400 }),
});
export type TalentSettings = z.infer<typeof talentSettingsSchema>;

/** The programme's settings, defaults filled in (a malformed value falls back to the defaults). */
export function parseTalentSettings(value: unknown): TalentSettings {
  const parsed = talentSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : talentSettingsSchema.parse({});
}

export function parseLevels(value: unknown): Level[] {
  const parsed = levelsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function parseEligibility(value: unknown): Eligibility {
  const parsed = eligibilitySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export function parseTierQuotas(value: unknown): TierQuotas {
  const parsed = tierQuotasSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Points a line claims by the item's table: the level's points × quantity; null for an unknown level. */
export function linePoints(levels: Level[], levelCode: string, quantity = 1): number | null {
  const level = levels.find((l) => l.code === levelCode);
  if (!level) return null;
  return level.points * quantity;
}

export type CapResult = {
  awarded: number;
  /** Which cap reduced the award, if any. */
  cappedBy: "item" | "year" | null;
};

/**
 * The award after the caps: `soFarItem` is the net points of this item the account already
 * holds (all years), `soFarYear` those of the evaluation year. Never negative.
 */
export function applyCaps(claimed: number, caps: { capPerItem: number | null; capPerYear: number | null }, soFarItem: number, soFarYear: number): CapResult {
  let awarded = Math.max(0, claimed);
  let cappedBy: CapResult["cappedBy"] = null;
  if (caps.capPerItem !== null) {
    const room = Math.max(0, caps.capPerItem - soFarItem);
    if (awarded > room) {
      awarded = room;
      cappedBy = "item";
    }
  }
  if (caps.capPerYear !== null) {
    const room = Math.max(0, caps.capPerYear - soFarYear);
    if (awarded > room) {
      awarded = room;
      cappedBy = "year";
    }
  }
  return { awarded, cappedBy };
}

export type TierRow = { tier: number; name: string; minPoints: number };

/** The best tier whose threshold the earned points reach (tier 1 = 一档), or null below all. */
export function tierForPoints<T extends TierRow>(tiers: T[], earned: number): T | null {
  const sorted = [...tiers].sort((a, b) => a.tier - b.tier);
  return sorted.find((t) => earned >= t.minPoints && earned > 0) ?? null;
}

/** The enterprise-evaluation score (0..max, one decimal) for the year's earned points and tier. */
export function evaluationScore(settings: EvaluationSettings, earned: number, tier: number | null): number {
  let score: number;
  if (settings.mode === "TIER") score = tier ? (settings.tierScores[tier - 1] ?? 0) : 0;
  else score = (Math.max(0, earned) / settings.pointsForMax) * settings.max;
  return Math.round(Math.min(settings.max, Math.max(0, score)) * 10) / 10;
}

/** Does a tier number satisfy `minTier` (1 is the highest)? */
export function tierAllows(minTier: number | undefined, tier: number | null): boolean {
  if (minTier === undefined) return true;
  return tier !== null && tier <= minTier;
}
