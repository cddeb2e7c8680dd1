// 赛马 rankings on the real database (docs/decisions/0013-ranking-method.md): a unit is scored
// on its own figures and targets, so doing nothing scores nothing. The period is a year three
// years before the demo's, in which the seeded district has no activity at all; each test adds
// what it needs. Every assertion here failed on the min–max method it replaced (all five 浦阳
// villages at 88.89 with no activity; 0 breaches with no request scoring 100).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { messagesFor } from "@/lib/programmes/messages";
import { computeRanking, getRankingSchemeOrThrow, listRankingSchemes } from "@/lib/rankings/queries";
import { rankingTable } from "@/lib/rankings/view";
import { saveRankingSchemeAction } from "@/lib/rankings/actions";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { dateOnly } from "@/lib/programmes/period";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode } from "../support/fixtures";
import { demoYear, shanghaiInstant, ymd } from "../support/time";

const YEAR = demoYear - 3;
const PERIOD = parseDashboardPeriod({ period: "custom", from: ymd(YEAR, 1, 1), to: ymd(YEAR, 12, 31) });
const tr = (namespace: string) =>
  createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") as never, namespace: namespace as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;

async function manager() {
  const u = await demoUser("py.manager");
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}
async function pyScheme() {
  const m = await manager();
  return { user: m, id: (await listRankingSchemes(m)).find((s) => s.name === "浦阳镇村社民情双访“赛马”")!.id };
}
async function visitHouseholds(code: string, n: number, programmeId: string | null = null) {
  const unit = await unitByCode(code);
  const officer = await demoUser("py.officer");
  const households = await db.household.findMany({ where: { orgUnitId: unit.id }, take: n, orderBy: { householdKey: "asc" } });
  expect(households).toHaveLength(n);
  for (const h of households) {
    await db.visit.create({ data: { programmeId, orgUnitId: unit.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: h.id, visitedAt: shanghaiInstant(YEAR, 6, 15, 10) } });
  }
  return unit;
}

beforeEach(() => resetRequest());

describe("赛马 scores that do not reward doing nothing", () => {
  beforeAll(async () => {
    // The premise: nothing happened in 浦阳镇 that year.
    const py = await unitByCode("XS-PY");
    expect(await db.visit.count({ where: { orgUnit: { path: { startsWith: py.path } }, visitedAt: { gte: shanghaiInstant(YEAR, 1, 1), lt: shanghaiInstant(YEAR + 1, 1, 1) } } })).toBe(0);
  });

  it("nobody active: all five villages tie, nobody ranks above anyone, nobody scores above 0", async () => {
    const { user, id } = await pyScheme();
    const result = await computeRanking(user, id, PERIOD);
    expect(result.ranked).toHaveLength(5);
    expect(result.ranked.map((u) => u.rank)).toEqual([1, 1, 1, 1, 1]);
    expect(result.ranked.map((u) => u.score)).toEqual([0, 0, 0, 0, 0]);
    for (const u of result.ranked) {
      for (const p of u.parts) expect(p.score === null || p.score === 0, `${u.name} ${p.key} ${p.score}`).toBe(true);
      // Nothing solved: no days to solve, which is 无数据, not full marks for "fastest".
      expect(u.parts.find((p) => p.key === "problems.avgDaysToSolve")).toMatchObject({ value: null, score: null });
    }
  });

  it("a lower-is-better count with nothing that could go wrong is 无数据, not 100; a unit without any data gets no rank", async () => {
    await actAs("admin");
    const py = await unitByCode("XS-PY");
    const saved = await saveRankingSchemeAction({ name: "超时测试", parentOrgUnitId: py.id, active: true, weights: [{ indicatorKey: "hotline.breaches", weight: 1 }] });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const result = await computeRanking(await manager(), saved.data.id, PERIOD);
    expect(result.ranked.map((u) => [u.rank, u.score, u.parts[0]!.score])).toEqual(Array.from({ length: 5 }, () => [null, null, null]));
    // As the page and the export show it: 无数据 (null) for the rank, the total and the score.
    const table = rankingTable(result, tr("rankings"), tr("dashboards"));
    expect(table.headers.slice(0, 4)).toEqual(["名次", "单位", "总分", "计分权重"]);
    for (const r of table.rows) expect([r.cells[0], r.cells[2], r.cells[6]]).toEqual([null, null, null]);
  });

  it("one village active: it ranks first, alone; its own target decides its households score; the others share second place at 0", async () => {
    const admin = await demoUser("admin");
    const py = await unitByCode("XS-PY");
    const programme = await db.programme.create({
      data: {
        type: "VISIT_CAMPAIGN", name: "往年走访", startDate: dateOnly(ymd(YEAR, 1, 1)), endDate: dateOnly(ymd(YEAR, 12, 31)), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id,
        indicators: { create: [{ code: "households_visited", name: "走访农户", unit: "户" }] },
      },
      include: { indicators: true },
    });
    const active = await visitHouseholds("XS-PY-XJ", 3, programme.id);
    await db.programmeTarget.create({
      data: { indicatorId: programme.indicators[0]!.id, orgUnitId: active.id, period: String(YEAR), periodStart: dateOnly(ymd(YEAR, 1, 1)), periodEnd: dateOnly(ymd(YEAR, 12, 31)), value: 12 },
    });
    const { user, id } = await pyScheme();
    const result = await computeRanking(user, id, PERIOD);
    const first = result.ranked[0]!;
    expect([first.id, first.rank]).toEqual([active.id, 1]);
    // 3 of its target of 12 households: 25 on that indicator.
    expect(first.parts.find((p) => p.key === "visits.households")).toMatchObject({ value: 3, basis: "target", against: 12, score: 25 });
    expect(first.score).toBeGreaterThan(0);
    expect(result.ranked.slice(1).map((u) => [u.rank, u.score])).toEqual([[2, 0], [2, 0], [2, 0], [2, 0]]);
    // Coverage is a percentage of the village's registered households; it never tops 100.
    for (const u of result.ranked) {
      const coverage = u.parts.find((p) => p.key === "visits.coverage")!;
      if (coverage.value === 0) expect(coverage.score).toBe(0);
      if (coverage.value !== null) expect(coverage.score).toBe(Math.min(100, coverage.value));
    }
  });
});

describe("赛马 scheme thresholds", () => {
  it("rows saved before thresholds load with the default; a threshold is saved, used, and refused in zh-CN when it makes no sense", async () => {
    const admin = await actAs("admin");
    const adminUser = (await loadSessionUser(admin.id, admin.sessionVersion))!;
    const { id } = await pyScheme();
    // The seeded scheme predates thresholds: every row is NULL, and it still ranks.
    const before = await getRankingSchemeOrThrow(adminUser, id);
    expect(before.weights.every((w) => w.threshold === null)).toBe(true);
    const defaults = await computeRanking(adminUser, id, PERIOD);
    expect(defaults.weights.map((w) => [w.key, w.threshold])).toEqual([
      ["visits.households", 50], ["visits.coverage", 100], ["problems.solved", 10], ["problems.avgDaysToSolve", 30], ["visits.guided", 20],
    ]);

    const py = await unitByCode("XS-PY");
    const input = { name: "阈值测试", parentOrgUnitId: py.id, active: true, weights: [{ indicatorKey: "visits.households", weight: 1, threshold: "4" }] };
    const saved = await saveRankingSchemeAction(input);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect((await db.rankingWeight.findFirstOrThrow({ where: { schemeId: saved.data.id } })).threshold?.toNumber()).toBe(4);
    const unit = await visitHouseholds("XS-PY-JY", 2);
    const result = await computeRanking(adminUser, saved.data.id, PERIOD);
    expect(result.ranked[0]!.id).toBe(unit.id);
    expect(result.ranked[0]!.parts[0]).toMatchObject({ value: 2, basis: "threshold", against: 4, score: 50 });

    const bad = await saveRankingSchemeAction({ ...input, weights: [{ indicatorKey: "visits.coverage", weight: 1, threshold: "120" }, { indicatorKey: "visits.count", weight: 1, threshold: "多" }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors).toMatchObject({ "weights.1.threshold": ["请输入数字"] });
    const tooHigh = await saveRankingSchemeAction({ ...input, weights: [{ indicatorKey: "visits.coverage", weight: 1, threshold: "120" }] });
    expect(tooHigh.ok).toBe(false);
    if (!tooHigh.ok) expect(tooHigh.fieldErrors).toMatchObject({ "weights.0.threshold": ["比率的满分线不能超过 100%"] });
    // A direction from the client is ignored: coverage stays "higher is better".
    const flipped = await saveRankingSchemeAction({ ...input, name: "方向测试", weights: [{ indicatorKey: "visits.coverage", weight: 1, direction: "LOWER_IS_BETTER" }] });
    if (!flipped.ok) throw new Error(JSON.stringify(flipped));
    expect((await db.rankingWeight.findFirstOrThrow({ where: { schemeId: flipped.data.id } })).direction).toBe("HIGHER_IS_BETTER");
  });
});
