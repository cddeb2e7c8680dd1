// Rule tables of the talent-points scheme: points per level for every default item, caps,
// tiers and the evaluation score — pure functions, no database.
import { describe, expect, it } from "vitest";
import { DEFAULT_ENTERPRISE_ITEMS, DEFAULT_TALENT_ITEMS, DEFAULT_TIERS } from "@/lib/talent/points/defaults";
import { applyCaps, evaluationScore, levelsSchema, linePoints, parseTalentSettings, tierAllows, tierForPoints } from "@/lib/talent/points/rules";
import { itemSchema, tiersSchema } from "@/lib/talent/points/schemas";

describe("default items", () => {
  it("nine personal items, including the six the article names", () => {
    expect(DEFAULT_TALENT_ITEMS).toHaveLength(9);
    const names = DEFAULT_TALENT_ITEMS.map((i) => i.name);
    for (const n of ["学历分", "奖励分", "职称分", "贡献分", "荣誉分", "薪酬分"]) expect(names).toContain(n);
    expect(DEFAULT_ENTERPRISE_ITEMS.map((i) => i.code)).toEqual(["RECRUIT", "DEVELOP", "PLATFORM"]);
  });

  it.each(DEFAULT_TALENT_ITEMS.flatMap((item) => item.levels.map((l) => [item.name, l.label, item, l] as const)))(
    "%s · %s: the table gives its points, × quantity", (_n, _l, item, level) => {
      expect(levelsSchema.safeParse(item.levels).success).toBe(true);
      expect(linePoints(item.levels, level.code, 1)).toBe(level.points);
      expect(linePoints(item.levels, level.code, 3)).toBe(level.points * 3);
    },
  );

  it("an unknown level gives no points", () => {
    expect(linePoints(DEFAULT_TALENT_ITEMS[0]!.levels, "NOPE", 1)).toBeNull();
  });
});

describe("caps", () => {
  const caps = { capPerItem: 100, capPerYear: 50 };
  it.each([
    [40, 0, 0, 40, null],
    [60, 0, 0, 50, "year"],
    [40, 0, 30, 20, "year"],
    [40, 80, 0, 20, "item"],
    [40, 100, 0, 0, "item"],
    [40, 90, 45, 5, "year"],
  ] as const)("claimed %i, item so far %i, year so far %i → %i (%s)", (claimed, item, year, awarded, by) => {
    expect(applyCaps(claimed, caps, item, year)).toEqual({ awarded, cappedBy: by });
  });
  it("no caps: the claim stands", () => {
    expect(applyCaps(500, { capPerItem: null, capPerYear: null }, 1000, 1000)).toEqual({ awarded: 500, cappedBy: null });
  });
});

describe("tiers and evaluation", () => {
  const tiers = DEFAULT_TIERS.map((t) => ({ tier: t.tier, name: t.name, minPoints: t.minPoints }));
  it.each([[0, null], [1, 4], [59, 4], [60, 3], [149, 3], [150, 2], [300, 1], [5000, 1]] as const)("%i points → tier %s", (points, tier) => {
    expect(tierForPoints(tiers, points)?.tier ?? null).toBe(tier);
  });
  it("minTier: tier 1 is the highest", () => {
    expect(tierAllows(3, 1)).toBe(true);
    expect(tierAllows(3, 3)).toBe(true);
    expect(tierAllows(3, 4)).toBe(false);
    expect(tierAllows(3, null)).toBe(false);
    expect(tierAllows(undefined, null)).toBe(true);
  });
  it("evaluation: by tier (default) or proportional, never above 8", () => {
    const s = parseTalentSettings({});
    expect(s.evaluation).toMatchObject({ mode: "TIER", max: 8, tierScores: [8, 6, 4, 2] });
    expect([1, 2, 3, 4, null].map((t) => evaluationScore(s.evaluation, 0, t))).toEqual([8, 6, 4, 2, 0]);
    const p = { ...s.evaluation, mode: "PROPORTIONAL" as const, pointsForMax: 400 };
    expect(evaluationScore(p, 200, 2)).toBe(4);
    expect(evaluationScore(p, 1000, 1)).toBe(8);
    expect(evaluationScore(p, 0, null)).toBe(0);
  });
});

describe("configuration schemas", () => {
  it("a level table with a repeated code is refused on that row", () => {
    const r = itemSchema.safeParse({ subject: "TALENT", code: "EDU", name: "学历分", levels: [{ code: "A", label: "甲", points: 1 }, { code: "A", label: "乙", points: 2 }], capPerItem: "", capPerYear: "", evidenceTypes: "", validityMonths: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.some((i) => i.path.join(".") === "levels.1.code")).toBe(true);
  });
  it("evidence types come one per line; empty caps mean none", () => {
    const r = itemSchema.parse({ subject: "TALENT", code: "EDU", name: "学历分", levels: [{ code: "A", label: "甲", points: "5" }], capPerItem: "", capPerYear: "30", evidenceTypes: "学历证书\n学位证书，学历证书", validityMonths: "" });
    expect(r).toMatchObject({ capPerItem: null, capPerYear: 30, evidenceTypes: ["学历证书", "学位证书"], validityMonths: null, levels: [{ points: 5 }] });
  });
  it("extra fields are refused (no mass assignment)", () => {
    expect(itemSchema.safeParse({ subject: "TALENT", code: "EDU", name: "x", levels: [{ code: "A", label: "甲", points: 1 }], capPerItem: "", capPerYear: "", evidenceTypes: "", validityMonths: "", programmeId: "x" }).success).toBe(false);
  });
  it("tier thresholds must fall from 一档 to 四档", () => {
    const tiersIn = DEFAULT_TIERS.map((t) => ({ tier: t.tier, name: t.name, minPoints: t.minPoints, quotas: [] }));
    expect(tiersSchema.safeParse({ tiers: tiersIn }).success).toBe(true);
    const bad = tiersIn.map((t, i) => (i === 2 ? { ...t, minPoints: 500 } : t));
    expect(tiersSchema.safeParse({ tiers: bad }).success).toBe(false);
  });
});
