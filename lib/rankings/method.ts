// 赛马 ranking math, pure (unit-tested in tests/unit/ranking.test.ts). The method and its
// worked examples are in docs/decisions/0013-ranking-method.md.
//
// Each indicator is scored 0–100 from the unit's own figures only — never against its
// siblings, so "nobody did anything" scores 0 for everybody instead of full marks:
//   with a target (the unit's own, > 0):  value ÷ target × 100, capped at 100;
//   higher is better, no target:          value ÷ threshold × 100, capped at 100
//                                          (a percentage's threshold is 100: 0 % → 0, 100 % → 100);
//   lower is better:                      (1 − value ÷ threshold) × 100, floored at 0
//                                          (0 → 100, the threshold or more → 0).
// A value of null is "no data" (a rate with nothing to divide, a lower-is-better count of a
// unit with nothing that could have gone wrong): it gets no score, and the unit's total is the
// weighted mean over the indicators that have data. A unit with no data at all has no total
// and no rank; it is listed after every ranked unit. Equal totals share a rank (1, 1, 3).

export type RankingDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type RankingWeightSpec = {
  key: string;
  weight: number;
  direction: RankingDirection;
  /** Full marks (higher is better, no target) or zero marks (lower is better). */
  threshold: number;
};
export type RankingInputUnit = {
  id: string;
  name: string;
  values: Record<string, number | null>;
  /** The unit's own target per indicator key, where one is set. */
  targets?: Record<string, number | null>;
};

export type RankingBasis = "target" | "threshold";
export type RankingPart = {
  key: string;
  value: number | null;
  basis: RankingBasis;
  /** The target or the threshold the value was scored against. */
  against: number;
  /** 0–100, or null when the unit has no data for this indicator. */
  score: number | null;
  weight: number;
  /** Share of the unit's total (score × weight ÷ the weights with data); null without data. */
  contribution: number | null;
};
export type RankedUnit = {
  id: string;
  name: string;
  /** null: no data on any indicator, so no rank. */
  rank: number | null;
  score: number | null;
  /** Sum of the weights of the indicators with data, out of `totalWeight`. */
  weightWithData: number;
  totalWeight: number;
  parts: RankingPart[];
};

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Default threshold by the indicator's unit, overridable per indicator on each scheme. */
export const DEFAULT_THRESHOLDS: Record<string, number> = {
  percent: 100,
  count: 20,
  households: 50,
  enterprises: 10,
  items: 10,
  points: 500,
  wan: 1000,
  yi: 1,
  score: 100,
  days: 30,
  // Time saved at a service station: 1,000 minutes ≈ 28 cases at the usual 36 minutes each.
  minutes: 1000,
};
/** Lower-is-better counts: the number of misses at which the indicator scores 0. */
const LOWER_IS_BETTER_COUNT_THRESHOLD = 10;

export function defaultThreshold(unit: string, direction: RankingDirection): number {
  if (direction === "LOWER_IS_BETTER" && unit !== "days" && unit !== "percent") return LOWER_IS_BETTER_COUNT_THRESHOLD;
  return DEFAULT_THRESHOLDS[unit] ?? 100;
}

export function scoreIndicator(
  value: number | null,
  spec: { direction: RankingDirection; threshold: number },
  target: number | null = null,
): { score: number | null; basis: RankingBasis; against: number } {
  const useTarget = spec.direction === "HIGHER_IS_BETTER" && target !== null && Number.isFinite(target) && target > 0;
  const against = useTarget ? target : spec.threshold;
  const basis: RankingBasis = useTarget ? "target" : "threshold";
  if (value === null || !Number.isFinite(value) || !(against > 0)) return { score: null, basis, against };
  const ratio = value / against;
  const raw = spec.direction === "HIGHER_IS_BETTER" ? ratio : 1 - ratio;
  return { score: round2(Math.min(100, Math.max(0, raw * 100))), basis, against };
}

export function rankUnits(units: RankingInputUnit[], weights: RankingWeightSpec[]): RankedUnit[] {
  const active = weights.filter((w) => w.weight > 0);
  const totalWeight = active.reduce((s, w) => s + w.weight, 0);
  const scored: RankedUnit[] = units.map((u) => {
    const partial = active.map((w) => {
      const value = u.values[w.key] ?? null;
      return { key: w.key, value, weight: w.weight, ...scoreIndicator(value, w, u.targets?.[w.key] ?? null) };
    });
    const withData = partial.filter((p) => p.score !== null);
    const weightWithData = withData.reduce((s, p) => s + p.weight, 0);
    const parts: RankingPart[] = partial.map((p) => ({
      ...p,
      contribution: p.score === null || weightWithData === 0 ? null : round2((p.score * p.weight) / weightWithData),
    }));
    const score = weightWithData > 0 ? round2(withData.reduce((s, p) => s + p.score! * p.weight, 0) / weightWithData) : null;
    return { id: u.id, name: u.name, rank: null, score, weightWithData, totalWeight, parts };
  });
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) || a.name.localeCompare(b.name, "zh-CN");
    return b.score - a.score || a.name.localeCompare(b.name, "zh-CN");
  });
  const ranks = sharedRanks(scored.map((u) => u.score));
  scored.forEach((u, i) => {
    u.rank = u.score === null ? null : ranks[i]!;
  });
  return scored;
}

/**
 * Competition ranks of values already sorted best first: equal values share a rank and the
 * next rank skips (1, 1, 3), so equal work — including none — never places one above another.
 */
export function sharedRanks(sorted: readonly (number | null)[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((v, i) => ranks.push(i > 0 && sorted[i - 1] === v ? ranks[i - 1]! : i + 1));
  return ranks;
}
