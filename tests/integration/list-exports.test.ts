// The visit, problem and hotline request lists export to .xlsx: exactly the rows the list query
// returns for the same filters (every page), the filters and export time on the first row;
// an officer gets 403; every export is audited.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/programmes/period";
import { listVisits } from "@/lib/visits/queries";
import { listProblems } from "@/lib/problems/queries";
import { listRequests } from "@/lib/hotline/queries";
import { GET as exportVisits } from "@/app/api/exports/visits/route";
import { GET as exportProblems } from "@/app/api/exports/problems/route";
import { GET as exportRequests } from "@/app/api/exports/requests/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { shanghaiYear, ymd } from "../support/time";

// The test's own programmes run over this year and next, around whatever day the suite runs.
const Y = shanghaiYear();

let programmeId: string;
const CATEGORY = "导出测试类";
const CATEGORY_LED = "导出测试类（牵头）";

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

beforeAll(async () => {
  const admin = await demoUser("admin");
  const officer = await demoUser("py.officer");
  const py = await unitByCode("XS-PY");
  programmeId = (await db.programme.create({
    data: { type: "VISIT_CAMPAIGN", name: "列表导出测试", startDate: dateOnly(ymd(Y, 1, 1)), endDate: dateOnly(ymd(Y + 1, 12, 31)), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  const xj = await unitByCode("XS-PY-XJ");
  const households = await db.household.findMany({ where: { orgUnitId: xj.id }, take: 3, orderBy: { householdKey: "asc" } });
  for (const [i, h] of households.entries()) {
    const visit = await db.visit.create({ data: { programmeId, orgUnitId: xj.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: h.id, visitedAt: new Date(Date.now() - (i + 1) * 60_000) } });
    await db.problem.create({ data: { programmeId, visitId: visit.id, orgUnitId: xj.id, title: `导出问题${i}`, category: "道路", status: i === 0 ? "RESOLVED" : "OPEN" } });
  }
  const hotlineId = (await db.programme.create({
    data: { type: "HOTLINE", name: "列表导出热线", startDate: dateOnly(ymd(Y, 1, 1)), endDate: dateOnly(ymd(Y + 1, 12, 31)), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  const due = new Date(Date.now() + 86_400_000);
  for (const n of [1, 2]) {
    await db.serviceRequest.create({
      data: {
        number: `LEX-${n}`, trackingCode: `lex${n}`, programmeId: hotlineId, orgUnitId: xj.id, channel: "PHONE", callerName: "来电人", callerPhone: "13812348000",
        category: CATEGORY, description: `导出诉求${n}`, receivedAt: new Date(Date.now() - n * 60_000), acceptDueAt: due, assignDueAt: due, respondDueAt: due, status: "RECEIVED",
      },
    });
  }
  // 良渚's request led by 浦阳: 浦阳's manager sees it on the list (the lead department's view),
  // but its caller is not in 浦阳's area — their page shows the phone masked with no unmask.
  const lz = await unitByCode("YH-LZ");
  const lzHotline = (await db.programme.create({
    data: { type: "HOTLINE", name: "列表导出热线（良渚）", startDate: dateOnly(ymd(Y, 1, 1)), endDate: dateOnly(ymd(Y + 1, 12, 31)), orgUnitId: lz.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  await db.serviceRequest.create({
    data: {
      number: "LEX-LZ", trackingCode: "lexlz", programmeId: lzHotline, orgUnitId: lz.id, leadDepartmentId: py.id, channel: "PHONE", callerName: "良渚来电人", callerPhone: "13900001234",
      category: CATEGORY_LED, description: "导出诉求（良渚，浦阳牵头）", receivedAt: new Date(Date.now() - 3 * 60_000), acceptDueAt: due, assignDueAt: due, respondDueAt: due, status: "ASSIGNED",
    },
  });
});
beforeEach(() => resetRequest());

describe("list exports", () => {
  it("an officer gets 403 from each export, nothing audited", async () => {
    const officer = await actAs("py.officer");
    for (const [get, path] of [[exportVisits, "visits"], [exportProblems, "problems"], [exportRequests, "requests"]] as const) {
      expect((await get(new Request(`http://localhost:3000/api/exports/${path}`))).status).toBe(403);
    }
    expect(await db.auditLog.count({ where: { actorId: officer.id, outcome: "OK", action: { in: ["visit.export", "problem.export", "request.export"] } } })).toBe(0);
  });

  it("no session: 401", async () => {
    expect((await exportVisits(new Request("http://localhost:3000/api/exports/visits"))).status).toBe(401);
  });

  it("visits: exactly the list's rows for the campaign filter, the filter on the first row, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportVisits(new Request(`http://localhost:3000/api/exports/visits?campaign=${programmeId}&kind=HOUSEHOLD`)));
    expect(String(rows[0]![0])).toContain("走访专项=列表导出测试");
    expect(String(rows[0]![0])).toContain("走访类型=入户走访");
    expect(String(rows[0]![0])).toMatch(/导出时间：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    expect(rows[1]![0]).toBe("走访时间");
    const list = await listVisits(await sessionUser("py.manager"), { programmeId, kind: "HOUSEHOLD" }, 1000);
    expect(rows.slice(2)).toHaveLength(list.rows.length);
    expect(list.rows).toHaveLength(3);
    expect(rows.slice(2).map((r) => r[2])).toEqual(list.rows.map((v) => v.household?.headName));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "visit.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 3, programmeId, kind: "HOUSEHOLD" });
  });

  it("problems: exactly the list's rows for campaign + status, statuses in words, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportProblems(new Request(`http://localhost:3000/api/exports/problems?campaign=${programmeId}&status=OPEN`)));
    expect(String(rows[0]![0])).toContain("走访专项=列表导出测试");
    expect(String(rows[0]![0])).toContain("状态=待处理");
    const list = await listProblems(await sessionUser("py.manager"), { programmeId, status: "OPEN" }, 1000);
    expect(list.rows).toHaveLength(2);
    expect(rows.slice(2).map((r) => r[1])).toEqual(list.rows.map((p) => p.title));
    expect(rows.slice(2).every((r) => r[3] === "待处理")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "problem.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 2, programmeId, status: "OPEN" });
  });

  it("hotline requests: exactly the list's rows for tab + category, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportRequests(new Request(`http://localhost:3000/api/exports/requests?tab=all&category=${encodeURIComponent(CATEGORY)}`)));
    expect(String(rows[0]![0])).toContain(`类别=${CATEGORY}`);
    expect(String(rows[0]![0])).toContain("视图=全部");
    const list = await listRequests(await sessionUser("py.manager"), { tab: "all", category: CATEGORY }, new Date(), 1000);
    expect(list.rows).toHaveLength(2);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.rows.map((r) => r.number));
    expect(rows.slice(2).every((r) => r[2] === "待受理")).toBe(true);
    expect(rows.slice(2).every((r) => r[9] === "13812348000")).toBe(true); // a manager may see personal data
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "request.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 2, tab: "all", category: CATEGORY, unmasked: 2 });
  });

  it("hotline requests: a request the list shows only as its lead department keeps the caller's phone masked (as on its page)", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportRequests(new Request(`http://localhost:3000/api/exports/requests?tab=all&category=${encodeURIComponent(CATEGORY_LED)}`)));
    expect(rows.slice(2).map((r) => [r[0], r[8], r[9]])).toEqual([["LEX-LZ", "良渚来电人", "139****1234"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "request.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 1, category: CATEGORY_LED, unmasked: 0 });
  });
});
