// Reports of the talent-points scheme on the demo data: evaluation (tier by points earned,
// score up to 8), its Excel export (permission, Chinese headers, audited), and progress.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { evaluationRows, exportEvaluation } from "@/lib/talent/points/evaluation";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { pointsByPeriodAndUnit, quotaUse, talentsSolved, tierDistribution } from "@/lib/talent/points/progress";
import { GET as exportRoute } from "@/app/api/talent/evaluation/export/route";
import { resetRequest } from "../support/next-stubs";
import { actAs } from "../support/fixtures";
import { demoYear } from "../support/time";

// The seed's ledger spans the ten months before its anchor: early in a year most of it is last
// year's. The reports are read for whichever of the two years holds more of it.
let YEAR = demoYear;
beforeAll(async () => {
  const sums = await db.pointLedgerEntry.groupBy({ by: ["year"], where: { kind: "GRANT", year: { in: [demoYear - 1, demoYear] } }, _sum: { points: true } });
  YEAR = sums.sort((a, b) => (b._sum.points ?? 0) - (a._sum.points ?? 0))[0]?.year ?? demoYear;
});

beforeEach(() => resetRequest());

async function session(username: string) {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

describe("annual evaluation", () => {
  it("ranks enterprises by points earned in the year, with tier and score (max 8)", async () => {
    const user = await session("yh.manager");
    const programme = await getTalentProgrammeOrThrow(user);
    const rows = await evaluationRows(user, programme, { year: YEAR });
    expect(rows.map((r) => [r.name, r.tier, r.score, r.rank])).toEqual([
      ["杭州经开新材料股份有限公司", 1, 8, 1],
      ["杭州仁和智能装备有限公司", 2, 6, 2],
      ["杭州良渚文旅发展有限公司", 3, 4, 3],
      ["杭州獐山精密机械有限公司", 4, 2, 4],
      // Both earned nothing: they share 5th place, the name order puts neither above the other.
      ["杭州港南农业科技有限公司", null, 0, 5],
      ["杭州美丽洲包装材料有限公司", null, 0, 5],
    ]);
    // Tier 1 with a balance far below the tier-1 threshold: tiers follow points earned.
    expect(rows[0]!.balance).toBeLessThan(rows[0]!.earned);
    // lz.officer sees only 良渚's enterprises.
    const officer = await session("lz.officer");
    const mine = await evaluationRows(officer, await getTalentProgrammeOrThrow(officer), { year: YEAR });
    expect(mine.map((r) => r.name).sort()).toEqual(["杭州港南农业科技有限公司", "杭州美丽洲包装材料有限公司", "杭州良渚文旅发展有限公司"].sort());
  });

  it("exports to Excel with Chinese headers and the filters; audited; officers are refused", async () => {
    const user = await session("yh.manager");
    const programme = await getTalentProgrammeOrThrow(user);
    const { buffer, rows } = await exportEvaluation(user, programme, { year: YEAR, tier: 1 }, "zh-CN");
    expect(rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(`年度=${YEAR}`);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain("导出时间");
    expect(sheet.getRow(2).values).toEqual([undefined, "排名", "企业", "统一社会信用代码", "单位", "当年获得积分", "档位", "评价加分（分）", "积分余额"]);
    expect(sheet.getRow(3).getCell(2).value).toBe("杭州经开新材料股份有限公司");
    expect(await db.auditLog.count({ where: { action: "points.evaluation.export", actorId: user.id } })).toBe(1);

    await actAs("lz.officer");
    const denied = await exportRoute(new Request(`http://localhost:3000/api/talent/evaluation/export?year=${YEAR}`));
    expect(denied.status).toBe(403);
    await actAs("yh.manager");
    const okResponse = await exportRoute(new Request(`http://localhost:3000/api/talent/evaluation/export?year=${YEAR}`));
    expect(okResponse.status).toBe(200);
    expect(okResponse.headers.get("content-disposition")).toContain("filename*=UTF-8''");
  });
});

describe("progress", () => {
  it("counts points per unit and period, quota use, tiers and talents solved", async () => {
    const user = await session("yh.manager");
    const programme = await getTalentProgrammeOrThrow(user);
    const byMonth = await pointsByPeriodAndUnit(user.orgPath, YEAR, "month");
    const units = new Set(byMonth.map((r) => r.unitName));
    expect(units).toEqual(new Set(["余杭经开区", "良渚街道"]));
    const total = byMonth.reduce((s, r) => s + r.granted, 0);
    const ledger = await db.pointLedgerEntry.aggregate({ where: { kind: "GRANT", year: YEAR }, _sum: { points: true } });
    expect(total).toBe(ledger._sum.points);
    const byYear = await pointsByPeriodAndUnit(user.orgPath, YEAR, "year");
    expect(byYear.every((r) => r.period === String(YEAR))).toBe(true);
    expect(byYear.reduce((s, r) => s + r.redeemed, 0)).toBe(byMonth.reduce((s, r) => s + r.redeemed, 0));

    const solved = await talentsSolved(user.orgPath, YEAR);
    expect(solved).toEqual({ total: 7, housing: 4, schooling: 3 });
    const quotas = await quotaUse(programme.id, user.orgPath, String(YEAR));
    const apt = quotas.find((q) => q.code === "APARTMENT" && q.kind === "UNIT")!;
    expect(apt.total).toBe(30);
    expect(apt.used).toBe(4);
    const tiers = await tierDistribution(programme, user.orgPath, YEAR);
    expect(tiers).toEqual({ total: 6, byTier: [{ tier: 1, count: 1 }, { tier: 2, count: 1 }, { tier: 3, count: 1 }, { tier: 4, count: 1 }], none: 2 });
  });
});
