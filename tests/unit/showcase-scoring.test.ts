// 三争一实 scoring: weighted sheet totals, the trimmed mean and competition ranks.
import { describe, expect, it } from "vitest";
import { computeResults, judgeTotal, trimmedMean } from "@/lib/showcases/scoring";

const criteria = [
  { id: "live", weight: 40, maxScore: 100 },
  { id: "written", weight: 60, maxScore: 50 },
];

describe("judgeTotal", () => {
  it("weights each criterion by its share of the maximum, on a 0–100 scale", () => {
    // 40·0.9 + 60·0.8 = 84 of 100
    expect(judgeTotal(criteria, new Map([["live", 90], ["written", 40]]))).toBe(84);
    expect(judgeTotal(criteria, new Map([["live", 100], ["written", 50]]))).toBe(100);
  });
  it("is null for an incomplete sheet", () => {
    expect(judgeTotal(criteria, new Map([["live", 90]]))).toBeNull();
  });
});

describe("trimmedMean", () => {
  it("3 judges: plain mean (fewer than the threshold)", () => {
    expect(trimmedMean([70, 80, 96], 5)).toBe(82);
  });
  it("5 judges: the highest and the lowest are dropped", () => {
    expect(trimmedMean([60, 80, 82, 84, 100], 5)).toBe(82);
  });
  it("7 judges: still exactly one highest and one lowest are dropped", () => {
    expect(trimmedMean([10, 70, 80, 90, 75, 85, 99], 5)).toBe(80);
  });
  it("the threshold is configurable (3 trims already at three judges)", () => {
    expect(trimmedMean([70, 80, 96], 3)).toBe(80);
    expect(trimmedMean([60, 80, 82, 84, 100], 6)).toBe(81.2);
  });
  it("nothing scored: no final score", () => {
    expect(trimmedMean([], 5)).toBeNull();
  });
});

describe("computeResults", () => {
  it("ranks highest first, ties share a rank, unscored entries get none", () => {
    const sheet = (entryId: string, judgeId: string, live: number, written: number) => [
      { entryId, judgeId, criterionId: "live", score: live },
      { entryId, judgeId, criterionId: "written", score: written },
    ];
    const results = computeResults(
      ["a", "b", "c", "d"],
      criteria,
      [...sheet("a", "j1", 90, 40), ...sheet("b", "j1", 100, 50), ...sheet("c", "j1", 90, 40), ...sheet("d", "j1", 90, 0).slice(0, 1)],
      5,
    );
    const byId = Object.fromEntries(results.map((r) => [r.entryId, r]));
    expect(byId.b).toMatchObject({ finalScore: 100, rank: 1 });
    expect(byId.a).toMatchObject({ finalScore: 84, rank: 2 });
    expect(byId.c).toMatchObject({ finalScore: 84, rank: 2 });
    expect(byId.d).toMatchObject({ finalScore: null, rank: null, judges: 0 });
  });
});
