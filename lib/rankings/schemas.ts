// The 赛马 scheme form: the same schema in the browser and in the action (strict: no
// createdById, no orgUnit path, no version bump from the client beyond the one it read).
import { z } from "zod";
import { defineAction } from "@/lib/platform/contract";

export const rankingWeightSchema = z.strictObject({
  indicatorKey: z.string().min(1).max(64),
  weight: z.coerce.number().min(0.1, "@rankings.weightMin").max(100, "@rankings.weightMax"),
  // The indicator's direction is the registry's (lib/dashboards/indicators.ts): a scheme that
  // could call coverage "lower is better" would give 0 % full marks. Accepted for drafts and
  // callers written before that, and ignored.
  direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]).optional(),
  // Empty: the default of the indicator's unit (docs/decisions/0013-ranking-method.md).
  threshold: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number({ error: "@numberRequired" }).gt(0).max(1e9).nullable()).optional(),
});

export const rankingSchemeSchema = z.strictObject({
  id: z.string().max(64).optional().or(z.literal("")),
  version: z.coerce.number().int().min(0).optional(),
  name: z.string().trim().min(1).max(80),
  parentOrgUnitId: z.string().min(1).max(64),
  active: z.boolean(),
  weights: z.array(rankingWeightSchema).min(1).max(20),
});
export type RankingSchemeInput = z.input<typeof rankingSchemeSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const saveRankingSchemeContract = defineAction({ name: "ranking.saveScheme", schema: rankingSchemeSchema });
