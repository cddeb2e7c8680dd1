import { describe, expect, it } from "vitest";
import { defaultThreshold, rankUnits, scoreIndicator, type RankingWeightSpec } from "@/lib/rankings/method";
import { parseDashboardPeriod, periodOf } from "@/lib/dashboards/period";
import { trendBuckets } from "@/lib/platform/periods";

// 赛马 scoring (docs/decisions/0013-ranking-method.md): each unit on its own figures, never
// scaled against its siblings. Every test here failed on the min–max method it replaced.

const higher = (key: string, weight: number, threshold: number): RankingWeightSpec => ({ key, weight, direction: "HIGHER_IS_BETTER", threshold });
const lower = (key: string, weight: number, threshold: number): RankingWeightSpec => ({ key, weight, direction: "LOWER_IS_BETTER", threshold });

// 浦阳镇's seeded scheme: households 3, coverage 2, problems solved 2, days to solve 1 (lower), guided visits 1.
const PY_SCHEME = [
  higher("visits.households", 3, defaultThreshold("households", "HIGHER_IS_BETTER")),
  higher("visits.coverage", 2, defaultThreshold("percent", "HIGHER_IS_BETTER")),
  higher("problems.solved", 2, defaultThreshold("items", "HIGHER_IS_BETTER")),
  lower("problems.avgDaysToSolve", 1, defaultThreshold("days", "LOWER_IS_BETTER")),
  higher("visits.guided", 1, defaultThreshold("count", "HIGHER_IS_BETTER")),
];
const idle = (id: string, name: string) => ({
  id, name,
  values: { "visits.households": 0, "visits.coverage": 0, "problems.solved": 0, "problems.avgDaysToSolve": null, "visits.guided": 0 },
  targets: { "visits.households": 400 },
});
const VILLAGES = [["xj", "谢家村"], ["jy", "江阳村"], ["sh", "上华村"], ["ql", "前林村"], ["dt", "东亭村"]] as const;

describe("scoreIndicator", () => {
  it("0 % never scores above 0 on a higher-is-better indicator, with or without a target, alone or not", () => {
    expect(scoreIndicator(0, { direction: "HIGHER_IS_BETTER", threshold: 100 }).score).toBe(0);
    expect(scoreIndicator(0, { direction: "HIGHER_IS_BETTER", threshold: 100 }, 90).score).toBe(0);
    // The only unit with data on coverage, at 0 %: min–max gave it 100.
    const alone = rankUnits([{ id: "a", name: "甲", values: { c: 0 } }, { id: "b", name: "乙", values: { c: null } }], [higher("c", 1, 100)]);
    expect(alone.find((u) => u.id === "a")!.parts[0]!.score).toBe(0);
  });
  it("a rate scores its percentage; a count its share of the threshold; both capped at 100", () => {
    expect(scoreIndicator(62.5, { direction: "HIGHER_IS_BETTER", threshold: 100 })).toEqual({ score: 62.5, basis: "threshold", against: 100 });
    expect(scoreIndicator(30, { direction: "HIGHER_IS_BETTER", threshold: 50 }).score).toBe(60);
    expect(scoreIndicator(500, { direction: "HIGHER_IS_BETTER", threshold: 50 }).score).toBe(100);
  });
  it("a target replaces the threshold: completion, capped at 100; a zero target is no target", () => {
    expect(scoreIndicator(300, { direction: "HIGHER_IS_BETTER", threshold: 50 }, 400)).toEqual({ score: 75, basis: "target", against: 400 });
    expect(scoreIndicator(500, { direction: "HIGHER_IS_BETTER", threshold: 50 }, 400).score).toBe(100);
    expect(scoreIndicator(30, { direction: "HIGHER_IS_BETTER", threshold: 50 }, 0)).toEqual({ score: 60, basis: "threshold", against: 50 });
  });
  it("lower is better: 0 scores 100, the threshold or more scores 0, in between the score falls", () => {
    expect(scoreIndicator(0, { direction: "LOWER_IS_BETTER", threshold: 10 }).score).toBe(100);
    expect(scoreIndicator(4, { direction: "LOWER_IS_BETTER", threshold: 10 }).score).toBe(60);
    expect(scoreIndicator(12, { direction: "LOWER_IS_BETTER", threshold: 10 }).score).toBe(0);
  });
  it("no data is no score", () => {
    expect(scoreIndicator(null, { direction: "HIGHER_IS_BETTER", threshold: 100 }).score).toBeNull();
    expect(scoreIndicator(null, { direction: "LOWER_IS_BETTER", threshold: 10 }).score).toBeNull();
  });
});

describe("rankUnits", () => {
  it("nobody active: all tied at 0, nobody ranks above anyone (min–max gave all five 88.89)", () => {
    const ranked = rankUnits(VILLAGES.map(([id, name]) => idle(id, name)), PY_SCHEME);
    expect(ranked.map((u) => u.score)).toEqual([0, 0, 0, 0, 0]);
    expect(ranked.map((u) => u.rank)).toEqual([1, 1, 1, 1, 1]);
    for (const u of ranked) {
      expect(u.parts.every((p) => p.score === null || p.score === 0)).toBe(true);
      expect(u.parts.find((p) => p.key === "problems.avgDaysToSolve")!.score).toBeNull(); // 无数据
    }
  });
  it("one unit active: it ranks first, alone; everyone else shares second place", () => {
    const units = VILLAGES.map(([id, name]) => idle(id, name));
    units[3] = { ...units[3]!, values: { ...units[3]!.values, "visits.households": 4, "visits.coverage": 1.5 } };
    const ranked = rankUnits(units, PY_SCHEME);
    expect(ranked[0]!.id).toBe("ql");
    expect(ranked[0]!.rank).toBe(1);
    expect(ranked[0]!.score).toBeGreaterThan(0);
    expect(ranked.slice(1).map((u) => [u.rank, u.score])).toEqual([[2, 0], [2, 0], [2, 0], [2, 0]]);
  });
  it("ties share a rank (1, 1, 3), listed by name", () => {
    const ranked = rankUnits([{ id: "x", name: "乙", values: { v: 10 } }, { id: "y", name: "甲", values: { v: 10 } }, { id: "z", name: "丙", values: { v: 5 } }], [higher("v", 1, 20)]);
    expect(ranked.map((r) => [r.name, r.rank, r.score])).toEqual([["甲", 1, 50], ["乙", 1, 50], ["丙", 3, 25]]);
  });
  it("a unit without any data shows no score and no rank, below every unit with data, even one scoring 0", () => {
    const ranked = rankUnits(
      [{ id: "n", name: "甲", values: { r: null } }, { id: "z", name: "乙", values: { r: 0 } }, { id: "p", name: "丙", values: { r: 40 } }],
      [higher("r", 1, 100)],
    );
    expect(ranked.map((u) => [u.id, u.rank, u.score])).toEqual([["p", 1, 40], ["z", 2, 0], ["n", null, null]]);
    expect(ranked[2]!.parts[0]).toMatchObject({ value: null, score: null, contribution: null });
  });

  // The worked examples of docs/decisions/0013-ranking-method.md, number for number.
  describe("the decision record's worked examples", () => {
    const villages = [
      // 甲村 has its own target of 400 households; 乙村 has none; 丙村 has no households in the
      // register (no coverage) and solved no problem (no days to solve).
      { id: "a", name: "甲村", values: { "visits.households": 300, "visits.coverage": 60, "problems.avgDaysToSolve": 6 }, targets: { "visits.households": 400 } },
      { id: "b", name: "乙村", values: { "visits.households": 80, "visits.coverage": 40, "problems.avgDaysToSolve": null } },
      { id: "c", name: "丙村", values: { "visits.households": 0, "visits.coverage": null, "problems.avgDaysToSolve": null } },
    ];
    it("example A: households (3, threshold 200), coverage (2), days to solve (1, lower, threshold 30)", () => {
      const ranked = rankUnits(villages, [higher("visits.households", 3, 200), higher("visits.coverage", 2, 100), lower("problems.avgDaysToSolve", 1, 30)]);
      expect(ranked.map((u) => [u.name, u.rank, u.score, u.weightWithData])).toEqual([["甲村", 1, 70.83], ["乙村", 2, 40], ["丙村", 3, 0]].map(([n, r, s], i) => [n, r, s, [6, 5, 3][i]]));
      expect(ranked[0]!.parts.map((p) => [p.basis, p.against, p.score])).toEqual([["target", 400, 75], ["threshold", 100, 60], ["threshold", 30, 80]]);
      expect(ranked[1]!.parts.map((p) => [p.basis, p.against, p.score])).toEqual([["threshold", 200, 40], ["threshold", 100, 40], ["threshold", 30, null]]);
      expect(ranked[2]!.parts.map((p) => p.score)).toEqual([0, null, null]);
      for (const u of ranked) expect(u.parts.reduce((s, p) => s + (p.contribution ?? 0), 0)).toBeCloseTo(u.score!, 1);
    });
    it("example B: coverage (2) and days to solve (1) only: 丙村 has no data at all, so no total and no rank", () => {
      const ranked = rankUnits(villages, [higher("visits.coverage", 2, 100), lower("problems.avgDaysToSolve", 1, 30)]);
      expect(ranked.map((u) => [u.name, u.rank, u.score])).toEqual([["甲村", 1, 66.67], ["乙村", 2, 40], ["丙村", null, null]]);
    });
  });
});

describe("dashboard periods (Shanghai calendar)", () => {
  it("week from Monday, month, quarter, year; bad custom input falls back to this month", () => {
    expect(periodOf("week", "2026-11-25")).toMatchObject({ from: "2026-11-23", to: "2026-11-29" });
    expect(periodOf("quarter", "2026-11-25")).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    const now = new Date("2026-11-30T17:00:00Z"); // 1 December in Shanghai
    expect(parseDashboardPeriod({}, now)).toMatchObject({ kind: "month", from: "2026-12-01", to: "2026-12-31" });
    expect(parseDashboardPeriod({ period: "custom", from: "2026-05-01", to: "2026-04-01" }, now)).toMatchObject({ kind: "month" });
    expect(parseDashboardPeriod({ period: "custom", from: "2026-02-30", to: "2026-04-01" }, now)).toMatchObject({ kind: "month" });
    expect(parseDashboardPeriod({ period: "custom", from: "2026-02-01", to: "2026-04-01" }, now)).toMatchObject({ kind: "custom", from: "2026-02-01" });
  });
  it("trend buckets cover the period", () => {
    expect(trendBuckets({ from: "2026-11-01", to: "2026-11-30" }, "week")).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(trendBuckets({ from: "2026-01-01", to: "2026-03-31" }, "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
  });
});
