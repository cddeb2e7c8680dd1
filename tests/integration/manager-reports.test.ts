// 管理周报 / 月报 (issue 18): for a fixed clock — the Monday 08:30 (Shanghai) after the week the
// demo was seeded in, and the 1st 08:30 after its month — the report jobs make for each manager
// exactly the figures the dashboard computes for that period and subtree, once (a second run
// makes no second report and no second notice), with a workbook whose cells are those figures,
// which only the owner may download.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { storage } from "@/lib/platform/storage";
import { UNRESOLVED_STATUSES } from "@/lib/problems";
import { loadDashboard } from "@/lib/dashboards/view";
import { periodOf } from "@/lib/dashboards/period";
import { reportJobs } from "@/lib/dashboards";
import { runManagerReports } from "@/lib/dashboards/report-jobs";
import type { ReportFigures } from "@/lib/dashboards/reports";
import { GET as downloadReport } from "@/app/api/reports/[reportId]/route";
import ReportPage from "@/app/(app)/reports/[reportId]/page";
import ReportsPage from "@/app/(app)/reports/page";
import { ReportFiguresView } from "@/components/reports/report-figures";
import { messagesFor } from "@/lib/programmes/messages";
import { createTranslator } from "next-intl";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, sessionUser } from "../support/fixtures";
import { addDaysYmd, demoToday, shanghaiInstant } from "../support/time";

const at830 = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return shanghaiInstant(y, m, d, 8, 30);
};
// The week the demo was seeded in, and the Monday after it at 08:30.
const demoWeek = periodOf("week", demoToday);
const WEEKLY_AT = at830(addDaysYmd(demoWeek.from, 7));
// The month the demo was seeded in, and the 1st after it at 08:30.
const demoMonth = periodOf("month", demoToday);
const MONTHLY_AT = at830(addDaysYmd(demoMonth.to, 1));

const managerCount = () => db.user.count({ where: { role: "MANAGER", active: true } });

async function reportOf(username: string, period: "WEEK" | "MONTH") {
  const u = await demoUser(username);
  const rows = await db.managerReport.findMany({ where: { userId: u.id, period } });
  expect(rows).toHaveLength(1);
  return { ...rows[0]!, figures: rows[0]!.figures as ReportFigures };
}

/** The dashboard's own figures for `username` over the range, programme by programme, as the page shows them. */
async function dashboardFigures(username: string, range: { from: string; to: string }, now: Date) {
  const user = await sessionUser(username);
  const first = await loadDashboard(user, { period: "custom", from: range.from, to: range.to }, now);
  const out = [];
  for (const p of first.programmes) {
    const m = await loadDashboard(user, { period: "custom", from: range.from, to: range.to, programme: p.id }, now);
    out.push({
      id: p.id,
      headline: m.panel!.keys.slice(0, 4).map((k) => [k, m.panel!.values.get(k)?.get(m.unit.id) ?? null]),
      targets: m.targets.map((r) => { const c = r.cells.get(m.unit.id)!; return [r.indicatorId, r.period, c.value, c.target, c.percent]; }),
      children: m.targets.map((r) => new Map(m.children.map((c) => [c.id, r.cells.get(c.id)!]))),
      breaches: m.selected!.type === "HOTLINE" ? m.panel!.values.get("hotline.breaches")!.get(m.unit.id)! : null,
    });
  }
  return { unit: first.unit, programmes: out };
}

async function expectDashboardFigures(username: string, figures: ReportFigures, range: { from: string; to: string }, now: Date) {
  const dash = await dashboardFigures(username, range, now);
  expect(figures.unit.id).toBe(dash.unit.id);
  expect({ from: figures.from, to: figures.to }).toEqual(range);
  expect(figures.programmes.map((p) => p.id)).toEqual(dash.programmes.map((p) => p.id));
  for (const [i, p] of figures.programmes.entries()) {
    const d = dash.programmes[i]!;
    expect(p.headline.map((h) => [h.key, h.value]), p.name).toEqual(d.headline);
    expect(p.targets.map((r) => [r.indicatorId, r.period, r.value, r.target, r.percent]), p.name).toEqual(d.targets);
    // Each unit listed as behind carries the dashboard's cell for it.
    for (const b of p.behind) {
      const row = p.targets.findIndex((r) => r.indicatorId === b.indicatorId && r.period === b.period);
      const cell = d.children[row]!.get(b.unitId)!;
      expect([b.value, b.target, b.percent]).toEqual([cell.value, cell.target, cell.percent]);
    }
  }
  const hotline = dash.programmes.filter((p) => p.breaches !== null);
  expect(figures.hotline).toBe(hotline.length > 0);
  expect(figures.breachedClocks).toBe(hotline.reduce((s, p) => s + p.breaches!, 0));
}

/** Base rows: the problems of the user's subtree (or escalated into it) unresolved and due before the day after `to`. */
async function overdueFromRows(username: string, to: string) {
  const u = await demoUser(username);
  const tree = { path: { startsWith: u.orgUnit.path } };
  return db.problem.count({
    where: { OR: [{ orgUnit: tree }, { escalatedTo: tree }], status: { in: [...UNRESOLVED_STATUSES] }, dueDate: { lt: new Date(`${addDaysYmd(to, 1)}T00:00:00.000Z`) } },
  });
}

async function sheetRows(buffer: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const sheet = wb.getWorksheet(name)!;
  expect(sheet, name).toBeTruthy();
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  process.env.STORAGE_DIR = await mkdtemp(path.join(tmpdir(), "manager-reports-"));
});
beforeEach(() => resetRequest());
afterAll(() => unpinClock());

describe("weekly report", () => {
  const range = { from: demoWeek.from, to: demoWeek.to };

  it("is the week before the Monday it runs on, once per manager, with the dashboard's figures", async () => {
    pinClock(WEEKLY_AT);
    const weekly = reportJobs.find((j) => j.name === "reports.weekly")!;
    expect(weekly.cron).toBe("30 8 * * 1");
    // The cron tick carries no data: the pinned clock is "now".
    await weekly.handler(undefined);
    expect(await db.managerReport.count({ where: { period: "WEEK" } })).toBe(await managerCount());

    for (const username of ["yh.manager", "py.manager"]) {
      const report = await reportOf(username, "WEEK");
      expect([report.periodStart, report.periodEnd]).toEqual([range.from, range.to]);
      expect(report.figures.programmes.length).toBeGreaterThan(0);
      await expectDashboardFigures(username, report.figures, range, WEEKLY_AT);
      expect(report.figures.overdueProblems).toBe(await overdueFromRows(username, range.to));
    }
  });

  it("counts the visits of the week from the visit rows (py.manager's 民情双访)", async () => {
    const report = await reportOf("py.manager", "WEEK");
    const campaign = report.figures.programmes.find((p) => p.type === "VISIT_CAMPAIGN")!;
    expect(campaign).toBeTruthy();
    const py = await demoUser("py.manager");
    const visits = await db.visit.count({
      where: {
        programmeId: campaign.id, orgUnit: { path: { startsWith: py.orgUnit.path } },
        visitedAt: { gte: shanghaiInstant(...(range.from.split("-").map(Number) as [number, number, number])), lt: shanghaiInstant(...(addDaysYmd(range.to, 1).split("-").map(Number) as [number, number, number])) },
      },
    });
    expect(campaign.headline.find((h) => h.key === "visits.count")?.value).toBe(visits);
  });

  it("notifies each manager once, with the three numbers in the text; a second run changes nothing", async () => {
    const yh = await demoUser("yh.manager");
    const report = await reportOf("yh.manager", "WEEK");
    const notices = await db.notification.findMany({ where: { userId: yh.id, kind: "reports.weekly" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ titleKey: "reports.notify.weekly", link: `/reports/${report.id}`, urgent: false, programmeId: null });
    const params = notices[0]!.params as Record<string, string | number>;
    expect(params).toMatchObject({ from: range.from, to: range.to, overdue: report.figures.overdueProblems, breaches: report.figures.breachedClocks });

    // The text the notification centre and DingTalk render carries the three numbers.
    for (const locale of ["zh-CN", "en"] as const) {
      const text = createTranslator({ locale, messages: messagesFor(locale) as never })("reports.notify.weekly" as never, params as never) as string;
      expect(text).toContain(`${report.figures.overdueProblems}`);
      expect(text).toContain(`${report.figures.breachedClocks}`);
      if (params.lead === "yes") expect(text).toContain(`${params.indicator}`);
    }

    const again = await runManagerReports("WEEK", WEEKLY_AT);
    expect(again.made).toEqual([]);
    expect(again.existing).toBe(await managerCount());
    expect(await db.managerReport.count({ where: { period: "WEEK" } })).toBe(await managerCount());
    expect(await db.notification.count({ where: { userId: yh.id, kind: "reports.weekly" } })).toBe(1);
    // The same row: the second run did not replace the figures or the file.
    expect((await reportOf("yh.manager", "WEEK")).storageKey).toBe(report.storageKey);
  });

  it("stores a workbook whose cells are the figures", async () => {
    const report = await reportOf("yh.manager", "WEEK");
    const buffer = (await storage().get(report.storageKey!))!;
    expect(buffer).toBeTruthy();
    const targets = await sheetRows(buffer, "指标与目标");
    const expected = report.figures.programmes.flatMap((p) => p.targets.map((r) => [p.name, r.name, r.period, r.unitLabel, r.value, r.target, r.percent === null ? null : r.percent / 100]));
    expect(targets.map((row) => expected[0]!.map((_, i) => row[i] ?? null))).toEqual(expected);
    const issues = await sheetRows(buffer, "问题与时限");
    expect(issues).toEqual([["逾期问题", report.figures.overdueProblems], ["超时时限", report.figures.breachedClocks]]);
    const headline = await sheetRows(buffer, "主要指标");
    expect(headline.map((r) => r[3] ?? null)).toEqual(report.figures.programmes.flatMap((p) => p.headline.map((h) => h.value)));
    expect(await db.auditLog.count({ where: { action: "managerReport.generate", entityId: report.id } })).toBe(1);
  });

  it("only the owner downloads it and opens its page; anyone else gets a 404", async () => {
    const report = await reportOf("yh.manager", "WEEK");
    await actAs("yh.manager");
    const ok = await downloadReport(new Request(`http://localhost:3000/api/reports/${report.id}`), { params: Promise.resolve({ reportId: report.id }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("spreadsheetml");
    expect(Buffer.from(await ok.arrayBuffer()).equals((await storage().get(report.storageKey!))!)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "managerReport.download", entityId: report.id, outcome: "OK" } })).toBe(1);
    await expect(ReportPage({ params: Promise.resolve({ reportId: report.id }) })).resolves.toBeTruthy();
    await expect(ReportsPage()).resolves.toBeTruthy();
    // The page shows the stored numbers.
    const view = await ReportFiguresView({ figures: report.figures, period: "WEEK" });
    const tile = (id: string) => elementText(findElements(view, (e) => (e.props as { testId?: string }).testId === id)[0]);
    expect(tile("report-overdue")).toBe(String(report.figures.overdueProblems));
    expect(tile("report-breaches")).toBe(report.figures.hotline ? String(report.figures.breachedClocks) : "—");

    resetRequest();
    await actAs("py.manager");
    const foreign = await downloadReport(new Request(`http://localhost:3000/api/reports/${report.id}`), { params: Promise.resolve({ reportId: report.id }) });
    expect(foreign.status).toBe(404);
    await expect(ReportPage({ params: Promise.resolve({ reportId: report.id }) })).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await db.auditLog.count({ where: { action: "managerReport.download", entityId: report.id, outcome: "OK" } })).toBe(1);

    resetRequest();
    await actAs("py.officer");
    const officer = await downloadReport(new Request(`http://localhost:3000/api/reports/${report.id}`), { params: Promise.resolve({ reportId: report.id }) });
    expect(officer.status).toBe(403);
  });
});

describe("monthly report", () => {
  const range = { from: demoMonth.from, to: demoMonth.to };

  it("is the month before the 1st it runs on, with the dashboard's figures, once", async () => {
    pinClock(MONTHLY_AT);
    const monthly = reportJobs.find((j) => j.name === "reports.monthly")!;
    expect(monthly.cron).toBe("30 8 1 * *");
    await monthly.handler({ at: MONTHLY_AT.toISOString() });
    await monthly.handler({ at: MONTHLY_AT.toISOString() });
    expect(await db.managerReport.count({ where: { period: "MONTH" } })).toBe(await managerCount());
    const report = await reportOf("yh.manager", "MONTH");
    expect([report.periodStart, report.periodEnd]).toEqual([range.from, range.to]);
    await expectDashboardFigures("yh.manager", report.figures, range, MONTHLY_AT);
    expect(report.figures.overdueProblems).toBe(await overdueFromRows("yh.manager", range.to));
    const yh = await demoUser("yh.manager");
    expect(await db.notification.count({ where: { userId: yh.id, kind: "reports.monthly", link: `/reports/${report.id}` } })).toBe(1);
  });
});
