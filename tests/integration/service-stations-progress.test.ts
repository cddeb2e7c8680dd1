// 增值服务驿站 progress: every figure of the progress page against an independent count of the
// rows the test wrote (a case finished at 23:59 Shanghai on a month's last day is that month's,
// one at 00:00 on the 1st the next month's); the dashboard family for the street and its
// district (enterprises distinct per station, summed up the tree); 赛马 on the station
// indicators; the export's cells equal to the page's tables; 一企一档; scoping (another area's
// manager sees nothing). Two stations are built here, in 良渚街道 and in 仁和街道 (under
// 余杭经开区), both in 余杭区; the demo's own station is not used.
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/platform/dates";
import { messagesFor } from "@/lib/programmes/messages";
import { loadDashboard } from "@/lib/dashboards/view";
import { INDICATOR_BY_KEY } from "@/lib/dashboards/indicators";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking } from "@/lib/rankings/queries";
import { saveRankingSchemeAction } from "@/lib/rankings/actions";
import { stationProgress, type StationProgress } from "@/lib/service-stations/progress";
import { progressTables } from "@/lib/service-stations/progress-view";
import { enterpriseStationCases } from "@/lib/service-stations/enterprise-cases";
import { GET as exportProgress } from "@/app/api/exports/service-stations/progress/route";
import StationProgressPage from "@/app/(app)/service-stations/[stationId]/progress/page";
import { requestState, resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { demoYear, shanghaiInstant, ymd } from "../support/time";

// A year wholly past whatever day the suite runs: every month of it is in the trend.
const Y = demoYear - 1;
const YEAR = { from: ymd(Y, 1, 1), to: ymd(Y, 12, 31) };
const lastDay = (month: number) => new Date(Date.UTC(Y, month, 0)).getUTCDate();
const HOUR = 3_600_000;

const tz = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") as never, namespace: "serviceStation.progress" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;

type CaseSpec = {
  station: "A" | "B"; enterprise: number; staff: "lz" | "yh"; items: string[];
  status: "SCHEDULED" | "IN_PROGRESS" | "ROUND_TABLE" | "FINISHED" | "CANCELLED";
  createdAt: Date; finishedAt?: Date; saved?: number;
};

let programmeId: string;
const station: Record<"A" | "B", { id: string; orgUnitId: string }> = {} as never;
const itemIds: Record<string, string> = {};
const enterprises: { id: string; name: string }[] = [];
const caseIds: string[] = [];
let roundTableOpenedAt: Date;

// Case finish instants, by month boundaries in Shanghai.
const marchLast = () => shanghaiInstant(Y, 3, lastDay(3), 23, 59);
const aprilFirst = () => shanghaiInstant(Y, 4, 1, 0, 0);

function specs(): CaseSpec[] {
  return [
    { station: "A", enterprise: 0, staff: "lz", items: ["A1", "A2"], status: "FINISHED", createdAt: shanghaiInstant(Y, 3, lastDay(3), 22), finishedAt: marchLast(), saved: 60 },
    { station: "A", enterprise: 1, staff: "lz", items: ["A1"], status: "FINISHED", createdAt: shanghaiInstant(Y, 3, lastDay(3), 23, 30), finishedAt: aprilFirst(), saved: 30 },
    { station: "A", enterprise: 0, staff: "yh", items: ["A3"], status: "FINISHED", createdAt: shanghaiInstant(Y, 4, 15, 9), finishedAt: shanghaiInstant(Y, 4, 15, 10), saved: 25 },
    // Took longer than usual: a negative saving counts as it is.
    { station: "A", enterprise: 2, staff: "lz", items: ["A1"], status: "FINISHED", createdAt: shanghaiInstant(Y, 5, 10, 9), finishedAt: shanghaiInstant(Y, 5, 10, 11), saved: -5 },
    { station: "A", enterprise: 1, staff: "lz", items: ["A1"], status: "CANCELLED", createdAt: shanghaiInstant(Y, 4, 20, 9) },
    { station: "A", enterprise: 2, staff: "lz", items: ["A1", "A2"], status: "ROUND_TABLE", createdAt: shanghaiInstant(Y, 11, 2, 9) },
    { station: "A", enterprise: 0, staff: "yh", items: ["A2"], status: "IN_PROGRESS", createdAt: shanghaiInstant(Y, 12, 30, 9) },
    { station: "A", enterprise: 1, staff: "lz", items: ["A3"], status: "SCHEDULED", createdAt: shanghaiInstant(Y, 12, 31, 23, 59) },
    // The year before: 23:59 on 31 December is not the next year's.
    { station: "A", enterprise: 0, staff: "lz", items: ["A1"], status: "FINISHED", createdAt: shanghaiInstant(Y - 1, 12, 31, 20), finishedAt: shanghaiInstant(Y - 1, 12, 31, 23, 59), saved: 45 },
    // Station B: one enterprise also served at A.
    { station: "B", enterprise: 0, staff: "yh", items: ["B1"], status: "FINISHED", createdAt: shanghaiInstant(Y, 4, 10, 9), finishedAt: shanghaiInstant(Y, 4, 10, 10), saved: 40 },
    { station: "B", enterprise: 3, staff: "yh", items: ["B1"], status: "FINISHED", createdAt: shanghaiInstant(Y, 6, 1, 9), finishedAt: shanghaiInstant(Y, 6, 1, 9, 30), saved: 36 },
  ];
}

beforeAll(async () => {
  const admin = await demoUser("admin");
  const yh = await unitByCode("YH");
  const staff = { lz: (await demoUser("lz.officer")).id, yh: (await demoUser("yh.manager")).id };
  programmeId = (await db.programme.create({
    data: {
      type: "SERVICE_STATION", name: "驿站进度测试", startDate: dateOnly(YEAR.from), endDate: dateOnly(ymd(demoYear, 12, 31)), orgUnitId: yh.id, status: "ACTIVE", createdById: admin.id,
      indicators: {
        create: [
          { code: "station_cases", name: "办件数", unit: "件" },
          { code: "station_enterprises", name: "服务企业", unit: "家" },
          { code: "station_minutes_saved", name: "节省时间", unit: "分钟" },
        ],
      },
    },
  })).id;
  for (const [key, code, items] of [
    ["A", "YH-LZ", [["A1", "STAFFED", "市场监管所"], ["A2", "STAFFED", "消防救援站"], ["A3", "SELF_SERVICE", ""]]],
    ["B", "YH-RH", [["B1", "STAFFED", "市场监管所"]]],
  ] as const) {
    const unit = await unitByCode(code);
    const s = await db.serviceStation.create({ data: { programmeId, orgUnitId: unit.id, name: `${unit.name}测试驿站` } });
    station[key] = { id: s.id, orgUnitId: unit.id };
    for (const [i, [itemCode, kind, department]] of items.entries()) {
      itemIds[itemCode] = (await db.serviceItem.create({
        data: { stationId: s.id, code: itemCode, kind, name: `事项${itemCode}`, department, standardMinutes: 20, usualMinutes: 60, sortOrder: i },
      })).id;
    }
  }
  enterprises.push(...(await db.enterprise.findMany({ take: 4, orderBy: { id: "asc" }, select: { id: true, name: true } })));
  for (const [n, c] of specs().entries()) {
    const s = station[c.station];
    const started = c.finishedAt ? new Date(c.finishedAt.getTime() - HOUR) : null;
    const row = await db.serviceCase.create({
      data: {
        programmeId, stationId: s.id, orgUnitId: s.orgUnitId, number: `TEST-${Y}-${String(n + 1).padStart(4, "0")}`, channel: "WALK_IN",
        enterpriseId: enterprises[c.enterprise]!.id, staffId: staff[c.staff], createdById: staff[c.staff], status: c.status, createdAt: c.createdAt,
        startedAt: started ?? (c.status === "SCHEDULED" ? null : c.createdAt), finishedAt: c.finishedAt ?? null,
        outcome: c.status === "FINISHED" ? "COMPLETED" : null,
        usualMinutes: c.saved === undefined ? null : 60 + c.saved, actualMinutes: c.saved === undefined ? null : 60, savedMinutes: c.saved ?? null,
        items: { create: c.items.map((code) => ({ itemId: itemIds[code]!, standardMinutes: 20, usualMinutes: 60 })) },
      },
    });
    caseIds.push(row.id);
  }
  // The round-table case waits on one of its two departments.
  roundTableOpenedAt = shanghaiInstant(Y, 11, 2, 10);
  await db.roundTable.create({
    data: {
      caseId: caseIds[5]!, topic: "餐饮开店联合审查", openedById: staff.lz, openedAt: roundTableOpenedAt,
      opinions: { create: [{ department: "市场监管所", verdict: "AGREE", answeredById: staff.lz, answeredAt: shanghaiInstant(Y, 11, 2, 11) }, { department: "消防救援站" }] },
    },
  });
});
beforeEach(() => resetRequest());
afterEach(() => unpinClock());

/** The figures, counted in plain code from the rows as written (not the SQL under test). */
async function expected(stationIds: string[], from: string, to: string) {
  const start = shanghaiInstant(Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10)));
  const end = new Date(shanghaiInstant(Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))).getTime() + 24 * HOUR);
  const rows = await db.serviceCase.findMany({ where: { stationId: { in: stationIds } }, include: { items: { include: { item: true } }, staff: true } });
  const inRange = (d: Date | null) => d !== null && d >= start && d < end;
  const finished = rows.filter((r) => r.status === "FINISHED" && inRange(r.finishedAt));
  const minutes = finished.reduce((s, r) => s + r.savedMinutes!, 0);
  const items = new Map<string, number>();
  for (const r of finished) for (const i of r.items) items.set(i.item.code, (items.get(i.item.code) ?? 0) + 1);
  const byStatus: Record<string, number> = { SCHEDULED: 0, IN_PROGRESS: 0, ROUND_TABLE: 0, FINISHED: 0, CANCELLED: 0 };
  for (const r of rows.filter((x) => inRange(x.createdAt))) byStatus[r.status]! += 1;
  const byMonth = new Map<string, number>();
  for (const r of finished) {
    const local = new Date(r.finishedAt!.getTime() + 8 * HOUR).toISOString().slice(0, 7);
    byMonth.set(local, (byMonth.get(local) ?? 0) + 1);
  }
  return {
    finished: finished.length,
    enterprises: new Set(finished.map((r) => r.enterpriseId)).size,
    minutes,
    average: finished.length ? Math.round((minutes / finished.length) * 10) / 10 : null,
    items,
    byStatus,
    byMonth,
    staff: new Map([...new Set(finished.map((r) => r.staffId))].map((id) => [id, finished.filter((r) => r.staffId === id).length])),
  };
}

function expectMatches(p: StationProgress, e: Awaited<ReturnType<typeof expected>>) {
  expect(p.totals).toEqual({ finished: e.finished, enterprises: e.enterprises, minutesSaved: e.minutes, averageMinutes: e.average, hoursSaved: Math.round((e.minutes / 60) * 10) / 10 });
  expect(p.byStatus).toEqual(e.byStatus);
  expect(p.opened).toBe(Object.values(e.byStatus).reduce((a, b) => a + b, 0));
  expect(new Map(p.items.map((i) => [i.code, i.cases]))).toEqual(e.items);
  expect(new Map(p.trend.filter((b) => b.finished).map((b) => [b.bucket.slice(0, 7), b.finished]))).toEqual(e.byMonth);
  expect(p.trend.reduce((s, b) => s + b.finished, 0)).toBe(e.finished);
  expect(p.trend.reduce((s, b) => s + b.minutesSaved, 0)).toBe(e.minutes);
  expect(new Map(p.staff.filter((s) => s.finished).map((s) => [s.id, s.finished]))).toEqual(e.staff);
}

describe("progress figures", () => {
  it("a station over a year: every figure equals the count from its rows", async () => {
    const manager = await sessionUser("yh.manager");
    const p = await stationProgress(manager, station.A.id, YEAR);
    expectMatches(p, await expected([station.A.id], YEAR.from, YEAR.to));
    // And what that is: 4 done (not the cancelled one, not last year's), 3 enterprises, 110 minutes.
    expect(p.totals).toEqual({ finished: 4, enterprises: 3, minutesSaved: 110, averageMinutes: 27.5, hoursSaved: 1.8 });
    expect(p.trend.map((b) => b.bucket)).toEqual(Array.from({ length: 12 }, (_, i) => ymd(Y, i + 1, 1)));
    expect(p.topItems.map((i) => [i.code, i.cases])).toEqual([["A1", 3], ["A2", 1], ["A3", 1]]);
    const lz = p.staff.find((s) => s.name === "周海峰")!;
    expect(lz).toMatchObject({ finished: 3, minutesSaved: 85, averageMinutes: 28.3, inHand: 1 });
  });

  it("month boundaries are Shanghai's: 23:59 on the last day of March is March's, 00:00 on 1 April is April's", async () => {
    const manager = await sessionUser("yh.manager");
    for (const [from, to] of [[ymd(Y, 3, 1), ymd(Y, 3, lastDay(3))], [ymd(Y, 4, 1), ymd(Y, 4, 30)], [ymd(Y - 1, 12, 1), ymd(Y - 1, 12, 31)]] as const) {
      const p = await stationProgress(manager, station.A.id, { from, to });
      expectMatches(p, await expected([station.A.id], from, to));
    }
    expect((await stationProgress(manager, station.A.id, { from: ymd(Y, 3, 1), to: ymd(Y, 3, lastDay(3)) })).totals.finished).toBe(1);
    expect((await stationProgress(manager, station.A.id, { from: ymd(Y, 4, 1), to: ymd(Y, 4, 30) })).totals.finished).toBe(2);
  });

  it("all stations the manager sees: enterprises are distinct across stations", async () => {
    const manager = await sessionUser("yh.manager");
    const p = await stationProgress(manager, null, YEAR);
    expect(p.station).toBeNull();
    expectMatches(p, await expected([station.A.id, station.B.id], YEAR.from, YEAR.to));
    // The enterprise served at both stations counts once here.
    expect(p.totals.enterprises).toBe(4);
  });

  it("waiting round-tables: open ones only, with their age and the departments yet to answer", async () => {
    pinClock(new Date(roundTableOpenedAt.getTime() + 50 * HOUR + 59 * 60_000));
    const p = await stationProgress(await sessionUser("yh.manager"), station.A.id, YEAR);
    expect(p.roundTables).toHaveLength(1);
    expect(p.roundTables[0]).toMatchObject({ caseId: caseIds[5], waitingHours: 50, departments: 2, answered: 1, waitingOn: ["消防救援站"], enterpriseName: enterprises[2]!.name });
    const row = progressTables(p, tz, "zh-CN").find((x) => x.key === "roundTables")!.rows[0]!;
    expect(row).toContain(50);
    expect(row).toContain("1/2");
  });
});

describe("dashboards and 赛马", () => {
  it("the street's row is its station's figures; the district's is the sum of its streets' (enterprises distinct per station)", async () => {
    const yh = await unitByCode("YH");
    const lz = await unitByCode("YH-LZ");
    const etdz = await unitByCode("YH-ETDZ");
    const manager = await sessionUser("yh.manager");
    const model = await loadDashboard(manager, { unit: yh.id, programme: programmeId, period: "custom", from: YEAR.from, to: YEAR.to });
    expect(model.selected?.id).toBe(programmeId);
    const panel = model.panel!;
    expect(panel.keys).toEqual(["serviceStation.cases", "serviceStation.enterprises", "serviceStation.minutesSaved"]);
    const a = await stationProgress(manager, station.A.id, YEAR);
    const b = await stationProgress(manager, station.B.id, YEAR);
    const value = (key: string, unit: string) => panel.values.get(key)!.get(unit);
    for (const [unit, p] of [[lz.id, a], [etdz.id, b]] as const) {
      expect([value("serviceStation.cases", unit), value("serviceStation.enterprises", unit), value("serviceStation.minutesSaved", unit)])
        .toEqual([p.totals.finished, p.totals.enterprises, p.totals.minutesSaved]);
    }
    expect(value("serviceStation.cases", yh.id)).toBe(a.totals.finished + b.totals.finished);
    expect(value("serviceStation.minutesSaved", yh.id)).toBe(a.totals.minutesSaved + b.totals.minutesSaved);
    // 5 = 3 at 良渚 + 2 at 仁和: the enterprise served at both counts at each (the label says "按驿站去重").
    expect(value("serviceStation.enterprises", yh.id)).toBe(a.totals.enterprises + b.totals.enterprises);
    expect(value("serviceStation.enterprises", yh.id)).toBe(5);
    for (const key of panel.keys) expect(INDICATOR_BY_KEY.get(key)).toMatchObject({ programmeType: "SERVICE_STATION", additive: true, direction: "HIGHER_IS_BETTER" });
    // The street's own dashboard shows the same as its row on the district's.
    const street = await loadDashboard(manager, { unit: lz.id, programme: programmeId, period: "custom", from: YEAR.from, to: YEAR.to });
    for (const key of panel.keys) expect(street.panel!.values.get(key)!.get(lz.id)).toBe(value(key, lz.id));
    // The trend (months of the year) adds up to the period's figure.
    expect(model.panel!.trend.values.get("serviceStation.cases")!.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(a.totals.finished + b.totals.finished);
  });

  it("a 赛马 scheme ranks the district's units on the station indicators", async () => {
    const yh = await unitByCode("YH");
    await actAs("admin");
    const saved = await saveRankingSchemeAction({
      name: "驿站赛马", parentOrgUnitId: yh.id, active: true,
      weights: [{ indicatorKey: "serviceStation.cases", weight: 1 }, { indicatorKey: "serviceStation.minutesSaved", weight: 1 }, { indicatorKey: "serviceStation.enterprises", weight: 1 }],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const result = await computeRanking(await sessionUser("yh.manager"), saved.data.id, parseDashboardPeriod({ period: "custom", from: YEAR.from, to: YEAR.to }));
    const lz = await unitByCode("YH-LZ");
    const part = (unitId: string, key: string) => result.ranked.find((u) => u.id === unitId)!.parts.find((p) => p.key === key)!;
    expect(part(lz.id, "serviceStation.cases").value).toBe(4);
    expect(part(lz.id, "serviceStation.minutesSaved").value).toBe(110);
    expect(result.ranked[0]!.id).toBe(lz.id);
  });
});

describe("export", () => {
  async function sheets(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { name: ws.name, rows };
    });
  }

  it("over all stations, the caption and the enterprises row say enterprises are distinct across stations (the dashboards count per station)", async () => {
    await actAs("yh.manager");
    const all = await sheets(await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?period=custom&from=${YEAR.from}&to=${YEAR.to}`)));
    expect(String(all[0]!.rows[0]![0])).toContain(`计数口径=${tz("countingNoteAllStations")}`);
    expect(tz("countingNoteAllStations")).toContain("在全部驿站间合并去重");
    expect(all[0]!.rows[3]!.slice(0, 2)).toEqual(["服务企业（全部驿站合并去重）", 4]);
    // One station: its own rule, and the plain label.
    const one = await sheets(await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?station=${station.A.id}&period=custom&from=${YEAR.from}&to=${YEAR.to}`)));
    expect(String(one[0]!.rows[0]![0])).toContain(`计数口径=${tz("countingNote")}`);
    expect(one[0]!.rows[3]![0]).toBe("服务企业");
  });

  it("one sheet per table of the page, each cell the page's; audited", async () => {
    const manager = await actAs("yh.manager");
    const q = `station=${station.A.id}&period=custom&from=${YEAR.from}&to=${YEAR.to}`;
    const written = await sheets(await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?${q}`)));
    const tables = progressTables(await stationProgress(await sessionUser("yh.manager"), station.A.id, YEAR), tz, "zh-CN");
    expect(written.map((s) => s.name)).toEqual(tables.map((x) => x.title));
    for (const [i, table] of tables.entries()) {
      const rows = written[i]!.rows;
      expect(String(rows[0]![0])).toContain(YEAR.from);
      const body = rows.slice(2).map((r) => Array.from({ length: table.columns.length }, (_, c) => (r[c] === undefined || r[c] === "" ? null : r[c])));
      expect({ table: table.key, body }).toEqual({ table: table.key, body: table.rows });
    }
    // The summary's first rows are the headline.
    expect(written[0]!.rows.slice(2, 6).map((r) => r[1])).toEqual([4, 3, 27.5, 110]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "serviceStation.progress.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ entityType: "ServiceStation", entityId: station.A.id });
    expect(audit.data).toMatchObject({ from: YEAR.from, to: YEAR.to, finished: 4 });
  });

  it("an officer without report.export gets 403; another area's manager 404; without a station, only the stations in the area", async () => {
    await actAs("lz.officer");
    expect((await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?station=${station.A.id}`))).status).toBe(403);
    await actAs("py.manager");
    expect((await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?station=${station.A.id}`))).status).toBe(404);
    const all = await sheets(await exportProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?period=custom&from=${YEAR.from}&to=${YEAR.to}`)));
    expect(all[0]!.rows[2]![1]).toBe(0);
    // Items, round-tables and staff: the caption and the headers, no row.
    expect(all.slice(2).map((s) => s.rows.length)).toEqual([2, 2, 2]);
  });
});

/** The strings of a server page's own element tree (its text and titles; child components are not rendered). */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string" || typeof node === "number") out.push(String(node));
  else if (Array.isArray(node)) for (const n of node) textsOf(n, out);
  else if (node && typeof node === "object" && "props" in node) {
    const props = (node as { props: Record<string, unknown> }).props;
    for (const k of ["title", "description", "label", "children"]) textsOf(props[k], out);
  }
  return out;
}

describe("the page in English", () => {
  it("writes its own words and punctuation from the messages: no Chinese colon or brackets around the figures", async () => {
    await actAs("yh.manager");
    requestState.locale = "en";
    const texts = textsOf(await StationProgressPage({ params: Promise.resolve({ stationId: station.A.id }), searchParams: Promise.resolve({ period: "custom", from: YEAR.from, to: YEAR.to }) }));
    const opened = texts.find((x) => x.includes("new cases in the period"));
    expect(opened).toMatch(/^\d+ new cases in the period \(by their status now\): \S+ \d+ · /);
    expect(texts).toContain("Round-tables waiting (1)");
    expect(texts.filter((x) => /^[：（）]|[：（）]$/.test(x))).toEqual([]);
  });
});

/** The props of every element in a server page's tree that carries a `format` prop (the data tables), in page order. */
function tablesOf(node: unknown, out: { caption: string; format: (c: unknown, col: number) => unknown }[] = []) {
  if (Array.isArray(node)) for (const n of node) tablesOf(n, out);
  else if (node && typeof node === "object" && "props" in node) {
    const props = (node as { props: Record<string, unknown> }).props;
    if (typeof props.format === "function") out.push(props as never);
    tablesOf(props.children, out);
  }
  return out;
}

describe("the page's number cells", () => {
  it("show a decimal column's digit on every row (34.0 beside 29.4), whole numbers elsewhere", async () => {
    await actAs("yh.manager");
    requestState.locale = "zh-CN";
    const tables = tablesOf(await StationProgressPage({ params: Promise.resolve({ stationId: station.A.id }), searchParams: Promise.resolve({ period: "custom", from: YEAR.from, to: YEAR.to }) }));
    const trend = tables[0]!;
    // Columns: month, finished, minutes saved, average minutes saved (decimal, one digit).
    expect([trend.format(34, 3), trend.format(29.4, 3), trend.format(1234, 2), trend.format(null, 3)]).toEqual(["34.0", "29.4", "1,234", "—"]);
  });
});

describe("scoping", () => {
  it("another area's manager: the station is not found, the page is a 404, all stations show nothing", async () => {
    const py = await sessionUser("py.manager");
    await expect(stationProgress(py, station.A.id, YEAR)).rejects.toThrow("notFound");
    const nothing = await stationProgress(py, null, YEAR);
    expect(nothing.totals).toEqual({ finished: 0, enterprises: 0, minutesSaved: 0, averageMinutes: null, hoursSaved: 0 });
    expect([nothing.items, nothing.roundTables, nothing.staff]).toEqual([[], [], []]);
    await actAs("py.manager");
    await expect(StationProgressPage({ params: Promise.resolve({ stationId: station.A.id }), searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("the street officer sees their station, not the other street's", async () => {
    const officer = await sessionUser("lz.officer");
    expect((await stationProgress(officer, null, YEAR)).totals.finished).toBe(4);
    await expect(stationProgress(officer, station.B.id, YEAR)).rejects.toThrow("notFound");
  });
});

describe("一企一档", () => {
  it("the enterprise's cases, only at the stations the viewer sees", async () => {
    const e = enterprises[0]!.id;
    // The demo's own station (上城区) may serve it too: 余杭区's viewers never see those.
    const all = await db.serviceCase.findMany({ where: { enterpriseId: e, stationId: { in: [station.A.id, station.B.id] } }, select: { id: true, stationId: true } });
    const manager = await enterpriseStationCases(await sessionUser("yh.manager"), e);
    expect(manager.total).toBe(all.length);
    expect(new Set(manager.cases.map((c) => c.id))).toEqual(new Set(all.map((c) => c.id)));
    const officer = await enterpriseStationCases(await sessionUser("lz.officer"), e);
    expect(new Set(officer.cases.map((c) => c.id))).toEqual(new Set(all.filter((c) => c.stationId === station.A.id).map((c) => c.id)));
    expect(await enterpriseStationCases(await sessionUser("py.manager"), e)).toEqual({ total: 0, cases: [] });
    const first = manager.cases.find((c) => c.id === caseIds[0])!;
    expect(first).toMatchObject({ number: `TEST-${Y}-0001`, status: "FINISHED", savedMinutes: 60, items: ["事项A1", "事项A2"], station: { id: station.A.id } });
  });
});
