// The manager dashboard: who may open it and export from it, drill-down scope, children
// adding up to the parent, and the export carrying exactly the rows of the table on screen.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { loadDashboard, panelTable } from "@/lib/dashboards/view";
import { INDICATOR_BY_KEY } from "@/lib/dashboards/indicators";
import { dateOnly } from "@/lib/programmes/period";
import { messagesFor } from "@/lib/programmes/messages";
import { createTranslator } from "next-intl";
import DashboardPage from "@/app/(app)/dashboard/page";
import { GET as exportDashboard } from "@/app/api/exports/dashboard/route";
import { GET as exportRanking } from "@/app/api/exports/rankings/route";
import { computeRanking, listRankingSchemes } from "@/lib/rankings/queries";
import { saveRankingSchemeAction } from "@/lib/rankings/actions";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { demoNow, shanghaiInstant, shanghaiYear, shanghaiYmd, ymd } from "../support/time";

let programmeId: string;
const NOW = new Date();
const t = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") as never, namespace: "dashboards" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;

beforeAll(async () => {
  const admin = await demoUser("admin");
  const py = await unitByCode("XS-PY");
  programmeId = (await db.programme.create({
    data: {
      type: "VISIT_CAMPAIGN", name: "看板导出测试", startDate: dateOnly(ymd(shanghaiYear(), 1, 1)), endDate: dateOnly(ymd(shanghaiYear() + 1, 12, 31)), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id,
      indicators: { create: [{ code: "households_visited", name: "走访农户", unit: "户" }] },
    },
  })).id;
  const officer = await demoUser("py.officer");
  // A few visits this month in three villages, to seeded households: a minute ago, but never
  // before today began (Shanghai), so they are this month's even just after midnight on the 1st.
  const [y, m, d] = shanghaiYmd().split("-").map(Number) as [number, number, number];
  const today = new Date(Math.max(Date.now() - 60_000, shanghaiInstant(y, m, d).getTime()));
  for (const [code, n] of [["XS-PY-XJ", 3], ["XS-PY-JY", 2], ["XS-PY-SH", 1]] as const) {
    const unit = await unitByCode(code);
    const households = await db.household.findMany({ where: { orgUnitId: unit.id }, take: n, orderBy: { householdKey: "asc" } });
    for (const h of households) {
      await db.visit.create({ data: { programmeId, orgUnitId: unit.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: h.id, visitedAt: today } });
    }
  }
});
beforeEach(() => resetRequest());

async function rowsOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("spreadsheetml");
  expect(response.headers.get("content-disposition")).toContain("attachment");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("access", () => {
  it("an officer gets the forbidden page and a 403 from the export", async () => {
    await actAs("py.officer");
    await expect(DashboardPage({ searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_FORBIDDEN");
    const denied = await exportDashboard(new Request("http://localhost:3000/api/exports/dashboard?table=panel"));
    expect(denied.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "dashboard.export", outcome: "OK" } })).toBe(0); // the refusal itself is a DENIED row
  });

  it("no session: 401, nothing exported", async () => {
    const response = await exportDashboard(new Request("http://localhost:3000/api/exports/dashboard"));
    expect(response.status).toBe(401);
  });

  it("a manager may not drill outside their subtree (a unit of another district is not found)", async () => {
    const yh = await sessionUser("yh.manager");
    const py = await unitByCode("XS-PY");
    await expect(loadDashboard(yh, { unit: py.id })).rejects.toThrow("notFound");
    await actAs("yh.manager");
    const response = await exportDashboard(new Request(`http://localhost:3000/api/exports/dashboard?unit=${py.id}`));
    expect(response.status).toBe(404);
  });
});

describe("drill-down", () => {
  it("district → town → village; children of additive indicators add up to the parent", async () => {
    const admin = await sessionUser("admin");
    const xs = await unitByCode("XS");
    const py = await unitByCode("XS-PY");
    const xj = await unitByCode("XS-PY-XJ");
    const town = await loadDashboard(admin, { unit: py.id, programme: programmeId, period: "month" });
    expect(town.breadcrumb.map((b) => b.id).slice(-2)).toEqual([xs.id, py.id]);
    expect(town.selected?.id).toBe(programmeId);
    expect(town.children.map((c) => c.id)).toContain(xj.id);
    const panel = town.panel!;
    expect(panel.values.get("visits.count")!.get(py.id)).toBe(6);
    expect(panel.values.get("visits.households")!.get(xj.id)).toBe(3);
    for (const key of panel.keys.filter((k) => INDICATOR_BY_KEY.get(k)!.additive)) {
      const sum = town.children.reduce((s, c) => s + (panel.values.get(key)!.get(c.id) ?? 0), 0);
      expect({ key, sum }).toEqual({ key, sum: panel.values.get(key)!.get(py.id) ?? 0 });
    }
    // The village page's own total equals its row on the town page.
    const village = await loadDashboard(admin, { unit: xj.id, programme: programmeId, period: "month" });
    expect(village.children).toHaveLength(0);
    for (const key of panel.keys) expect(village.panel!.values.get(key)!.get(xj.id)).toEqual(panel.values.get(key)!.get(xj.id));
    // Trend: the month's weekly buckets add up to the period total.
    const weekly = town.panel!.trend.values.get("visits.count")!;
    expect(weekly.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(6);
  });
});

describe("export", () => {
  it("contains exactly the table's rows, with the filters and export time; audited with the row count", async () => {
    const manager = await actAs("py.manager");
    const py = await unitByCode("XS-PY");
    const rows = await rowsOf(await exportDashboard(new Request(`http://localhost:3000/api/exports/dashboard?unit=${py.id}&programme=${programmeId}&period=month&table=panel`)));
    expect(String(rows[0]![0])).toContain("浦阳镇");
    expect(String(rows[0]![0])).toContain("看板导出测试");
    expect(String(rows[0]![0])).toMatch(/导出时间：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    const model = await loadDashboard(await sessionUser("py.manager"), { unit: py.id, programme: programmeId, period: "month" }, NOW);
    const expected = panelTable(model, t);
    expect(rows[1]).toEqual(expected.headers);
    // Percent cells hold fractions (45.5 on screen is 0.455 formatted as 45.5%).
    const asWritten = (c: (typeof expected.rows)[number]["cells"][number], i: number) => (typeof c === "number" && expected.columns[i]?.type === "percent" ? c / 100 : (c ?? null));
    expect(rows.slice(2).map((r) => Array.from(r, (c) => (c === "" || c === undefined ? null : c)))).toEqual(expected.rows.map((r) => r.cells.map(asWritten)).map((r) => { while (r.length && r.at(-1) === null) r.pop(); return r; }));
    expect(rows.slice(2)).toHaveLength(6); // the town and its five villages
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dashboard.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 6, programmeId, table: "panel", unitId: py.id });
  });
});

describe("赛马 rankings", () => {
  it("ranks the seeded 浦阳镇 villages on the scheme's weights, with each unit's breakdown", async () => {
    const manager = await sessionUser("py.manager");
    const schemes = await listRankingSchemes(manager);
    expect(schemes.map((x) => x.name)).toEqual(["浦阳镇村社民情双访“赛马”"]);
    // The demo's month: its targets are the demo year's (at 00:00 on 1 January the month running
    // is the new year's, whose programmes the demo has not set up).
    const result = await computeRanking(manager, schemes[0]!.id, parseDashboardPeriod({ period: "month" }, demoNow), demoNow);
    expect(result.ranked).toHaveLength(5);
    // Each village is scored on its own figures: households against its own target of 400 for
    // the year (to date, as on the dashboard), never scaled against its siblings
    // (docs/decisions/0013-ranking-method.md; tests/integration/rankings.test.ts).
    const households = result.ranked.map((u) => u.parts.find((p) => p.key === "visits.households")!);
    for (const p of households) expect(p).toMatchObject({ basis: "target", against: 400, score: Math.min(100, Math.round((p.value! / 400) * 10000) / 100) });
    for (let i = 1; i < result.ranked.length; i++) expect(result.ranked[i - 1]!.score ?? -1).toBeGreaterThanOrEqual(result.ranked[i]!.score ?? -1);
    // Each score is the sum of its contributions.
    for (const u of result.ranked) expect(u.parts.reduce((s, p) => s + (p.contribution ?? 0), 0)).toBeCloseTo(u.score ?? 0, 1);
    // yh.manager sees only 余杭区's scheme; the 浦阳镇 one is not found for them.
    const yh = await sessionUser("yh.manager");
    expect((await listRankingSchemes(yh)).map((x) => x.name)).toEqual(["余杭区镇街“赛马”综合排名"]);
    await expect(computeRanking(yh, schemes[0]!.id, parseDashboardPeriod({}))).rejects.toThrow("notFound");
  });

  it("only an admin configures schemes; unknown indicators and stale versions are refused", async () => {
    const py = await unitByCode("XS-PY");
    const input = { name: "测试方案", parentOrgUnitId: py.id, active: true, weights: [{ indicatorKey: "visits.count", weight: 2, direction: "HIGHER_IS_BETTER" }] };
    await actAs("py.manager");
    expect(await saveRankingSchemeAction(input)).toMatchObject({ ok: false });
    await actAs("admin");
    const bad = await saveRankingSchemeAction({ ...input, weights: [{ indicatorKey: "nope.nothing", weight: 1, direction: "HIGHER_IS_BETTER" }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["weights.0.indicatorKey"]);
    expect((await saveRankingSchemeAction({ ...input, createdById: "x" })).ok).toBe(false); // strict: no extra fields
    const created = await saveRankingSchemeAction(input);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await db.rankingScheme.findUniqueOrThrow({ where: { id: created.data.id }, include: { weights: true } });
    expect(row.weights.map((w) => [w.indicatorKey, w.weight.toNumber()])).toEqual([["visits.count", 2]]);
    const edit = { ...input, id: row.id, version: row.version, weights: [{ indicatorKey: "problems.solved", weight: 1, direction: "HIGHER_IS_BETTER" }] };
    expect((await saveRankingSchemeAction(edit)).ok).toBe(true);
    expect(await saveRankingSchemeAction(edit)).toMatchObject({ ok: false }); // stale version
    expect(await db.auditLog.count({ where: { entityType: "RankingScheme", entityId: row.id } })).toBe(2);
  });

  it("the ranking export: officer 403, manager gets every sibling with the breakdown", async () => {
    const manager = await sessionUser("py.manager");
    const scheme = (await listRankingSchemes(manager)).find((x) => x.name === "浦阳镇村社民情双访“赛马”")!;
    await actAs("py.officer");
    expect((await exportRanking(new Request(`http://localhost:3000/api/exports/rankings?scheme=${scheme.id}`))).status).toBe(403);
    await actAs("py.manager");
    const rows = await rowsOf(await exportRanking(new Request(`http://localhost:3000/api/exports/rankings?scheme=${scheme.id}&period=month`)));
    expect(rows[1]!.slice(0, 3)).toEqual(["名次", "单位", "总分"]);
    const ranking = await computeRanking(manager, scheme.id, parseDashboardPeriod({ period: "month" }));
    expect(rows.slice(2).map((r) => r[1])).toEqual(ranking.ranked.map((u) => u.name));
  });
});
