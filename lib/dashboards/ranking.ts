// 赛马 ranking math, pure (unit-tested in tests/unit/ranking.test.ts).
//
// Normalisation is min-max across the sibling units, per indicator, to 0–100:
//   higher is better: (v − min) ÷ (max − min) × 100;  lower is better: (max − v) ÷ (max − min) × 100.
// Min-max keeps the distances (a unit far ahead scores far ahead), which rank-based scores
// would hide. When every unit has the same value (max = min) nobody is behind, so all score
// 100 on that indicator. A unit with no value (null: e.g. a rate with nothing to divide)
// scores 0 on it, and the breakdown says "no data".
// The total is the weighted mean Σ wᵢ·sᵢ ÷ Σ wᵢ (0–100, so schemes with different weight
// sums compare). Equal totals share a rank (1, 1, 3), listed by name.

export type RankingDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type RankingWeightSpec = { key: string; weight: number; direction: RankingDirection };
export type RankingInputUnit = { id: string; name: string; values: Record<string, number | null> };

export type RankingPart = { key: string; value: number | null; normalised: number; weight: number; contribution: number };
export type RankedUnit = { id: string; name: string; rank: number; score: number; parts: RankingPart[] };

const round2 = (v: number) => Math.round(v * 100) / 100;

export function normalise(values: (number | null)[], direction: RankingDirection): number[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => 0);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return 0;
    if (max === min) return 100;
    const s = direction === "HIGHER_IS_BETTER" ? (v - min) / (max - min) : (max - v) / (max - min);
    return s * 100;
  });
}

export function rankUnits(units: RankingInputUnit[], weights: RankingWeightSpec[]): RankedUnit[] {
  const active = weights.filter((w) => w.weight > 0);
  const totalWeight = active.reduce((s, w) => s + w.weight, 0);
  const normalisedByKey = new Map(active.map((w) => [w.key, normalise(units.map((u) => u.values[w.key] ?? null), w.direction)]));
  const scored = units.map((u, i) => {
    const parts = active.map((w) => {
      const normalised = normalisedByKey.get(w.key)![i]!;
      return {
        key: w.key,
        value: u.values[w.key] ?? null,
        normalised: round2(normalised),
        weight: w.weight,
        contribution: totalWeight > 0 ? round2((normalised * w.weight) / totalWeight) : 0,
      };
    });
    const score = totalWeight > 0 ? round2(active.reduce((s, w) => s + (normalisedByKey.get(w.key)![i]! * w.weight), 0) / totalWeight) : 0;
    return { id: u.id, name: u.name, score, parts, rank: 0 };
  });
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh-CN"));
  scored.forEach((u, i) => {
    u.rank = i > 0 && scored[i - 1]!.score === u.score ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}
