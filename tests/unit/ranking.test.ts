import { describe, expect, it } from "vitest";
import { normalise, rankUnits } from "@/lib/dashboards/ranking";
import { parseDashboardPeriod, periodOf, trendBuckets } from "@/lib/dashboards/period";

describe("normalise (min-max to 0–100)", () => {
  it("scales higher-is-better and reverses lower-is-better", () => {
    expect(normalise([10, 20, 30], "HIGHER_IS_BETTER")).toEqual([0, 50, 100]);
    expect(normalise([10, 20, 30], "LOWER_IS_BETTER")).toEqual([100, 50, 0]);
  });
  it("all equal: everyone 100; no data: 0", () => {
    expect(normalise([5, 5, 5], "HIGHER_IS_BETTER")).toEqual([100, 100, 100]);
    expect(normalise([5, null, 5], "LOWER_IS_BETTER")).toEqual([100, 0, 100]);
    expect(normalise([null, null], "HIGHER_IS_BETTER")).toEqual([0, 0]);
  });
});

describe("rankUnits", () => {
  const units = [
    { id: "a", name: "甲街道", values: { visits: 100, days: 2 } },
    { id: "b", name: "乙街道", values: { visits: 50, days: 1 } },
    { id: "c", name: "丙街道", values: { visits: 0, days: 4 } },
  ];
  it("weighted mean of the scaled scores, with the breakdown of each unit", () => {
    const ranked = rankUnits(units, [
      { key: "visits", weight: 3, direction: "HIGHER_IS_BETTER" },
      { key: "days", weight: 1, direction: "LOWER_IS_BETTER" },
    ]);
    // a: visits 100 → 100, days 2 → (4-2)/3 = 66.67 → (300 + 66.67)/4 = 91.67
    // b: visits 50 → 50, days 1 → 100 → (150 + 100)/4 = 62.5; c: 0 and 0 → 0
    expect(ranked.map((r) => [r.id, r.rank, r.score])).toEqual([["a", 1, 91.67], ["b", 2, 62.5], ["c", 3, 0]]);
    const a = ranked[0]!;
    expect(a.parts).toEqual([
      { key: "visits", value: 100, normalised: 100, weight: 3, contribution: 75 },
      { key: "days", value: 2, normalised: 66.67, weight: 1, contribution: 16.67 },
    ]);
    expect(a.parts.reduce((s, p) => s + p.contribution, 0)).toBeCloseTo(a.score, 1);
  });
  it("equal scores share a rank; zero weights are ignored; no weights score 0", () => {
    const tied = rankUnits([{ id: "x", name: "乙", values: { v: 1 } }, { id: "y", name: "甲", values: { v: 1 } }, { id: "z", name: "丙", values: { v: 0 } }], [
      { key: "v", weight: 1, direction: "HIGHER_IS_BETTER" },
      { key: "ignored", weight: 0, direction: "HIGHER_IS_BETTER" },
    ]);
    expect(tied.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(tied[0]!.parts).toHaveLength(1);
    expect(rankUnits(units, []).every((r) => r.score === 0 && r.rank === 1)).toBe(true);
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
