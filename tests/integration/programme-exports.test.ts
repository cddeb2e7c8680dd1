// The mentorship pairing list, a showcase session's entries, and the investment trip and task
// force lists export to .xlsx: exactly the list query's rows, an officer gets 403, every export
// is audited, and an OPEN showcase session's export reveals no score or rank.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/programmes/period";
import { listPairings } from "@/lib/mentorship/queries";
import { listTaskForces, listTrips } from "@/lib/investment/queries";
import { GET as exportPairings } from "@/app/api/exports/pairings/route";
import { GET as exportShowcase } from "@/app/api/exports/showcase/route";
import { GET as exportTrips } from "@/app/api/exports/trips/route";
import { GET as exportTaskForces } from "@/app/api/exports/task-forces/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { shanghaiYear } from "../support/time";

// The test's own programmes and records are in this year (and the programmes run into next).
const Y = shanghaiYear();

let mentorshipId: string;
let investmentId: string;
let openSessionId: string;
let closedSessionId: string;
const BASE = "http://localhost:3000/api/exports";

async function rowsOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  const admin = await demoUser("admin");
  const manager = await demoUser("py.manager");
  const py = await unitByCode("XS-PY");
  const xj = await unitByCode("XS-PY-XJ");
  const base = { startDate: dateOnly(`${Y}-01-01`), endDate: dateOnly(`${Y + 1}-12-31`), orgUnitId: py.id, status: "ACTIVE" as const, createdById: admin.id };
  mentorshipId = (await db.programme.create({ data: { ...base, type: "MENTORSHIP", name: "导出结对测试" } })).id;
  const people = await db.user.findMany({ where: { orgUnit: { path: { startsWith: py.path } }, active: true, role: "OFFICER" }, orderBy: { username: "asc" }, take: 4 });
  for (const [i, trainee] of people.slice(1).entries()) {
    await db.pairing.create({
      data: { programmeId: mentorshipId, orgUnitId: xj.id, mentorId: people[0]!.id, traineeId: trainee.id, startDate: dateOnly(`${Y}-0${i + 1}-01`), endDate: dateOnly(`${Y}-12-31`), createdById: admin.id },
    });
  }
  const showcaseId = (await db.programme.create({ data: { ...base, type: "SHOWCASE", name: "导出晾晒测试" } })).id;
  openSessionId = (await db.showcaseSession.create({ data: { programmeId: showcaseId, orgUnitId: py.id, quarter: `${Y}Q3`, heldOn: dateOnly(`${Y}-09-01`) } })).id;
  closedSessionId = (await db.showcaseSession.create({ data: { programmeId: showcaseId, orgUnitId: py.id, quarter: `${Y}Q2`, heldOn: dateOnly(`${Y}-06-01`), status: "CLOSED", closedAt: new Date() } })).id;
  for (const [i, p] of people.slice(0, 2).entries()) {
    // A stray score on the open session must still never be exported.
    await db.showcaseEntry.create({ data: { sessionId: openSessionId, officerId: p.id, orgUnitId: p.orgUnitId, topic: `开放主题${i}`, finalScore: "91.5", rank: i + 1 } });
    await db.showcaseEntry.create({ data: { sessionId: closedSessionId, officerId: p.id, orgUnitId: p.orgUnitId, topic: `已结主题${i}`, finalScore: i === 0 ? "88.25" : "92.75", rank: 2 - i } });
  }
  investmentId = (await db.programme.create({ data: { ...base, type: "INVESTMENT", name: "导出招商测试" } })).id;
  const tf = await db.taskForce.create({
    data: { programmeId: investmentId, orgUnitId: py.id, name: "导出小分队", kind: "DEPARTMENT", leaderId: manager.id, sectors: ["智能制造"], targetInvestmentWan: "123456.78" },
  });
  await db.taskForce.create({ data: { programmeId: investmentId, orgUnitId: py.id, name: "导出小分队二", kind: "LEADERSHIP", leaderId: manager.id, targetInvestmentWan: "8500" } });
  for (const n of [1, 2, 3]) {
    await db.investmentTrip.create({
      data: { programmeId: investmentId, taskForceId: tf.id, orgUnitId: py.id, startDate: dateOnly(`${Y}-0${n}-10`), endDate: dateOnly(`${Y}-0${n}-12`), destinationCity: `城市${n}`, createdById: manager.id },
    });
  }
});
beforeEach(() => resetRequest());

describe("programme exports", () => {
  it("an officer gets 403 from each export, nothing audited", async () => {
    const officer = await actAs("py.officer");
    for (const [get, url] of [
      [exportPairings, `${BASE}/pairings?programme=${mentorshipId}`], [exportShowcase, `${BASE}/showcase?session=${closedSessionId}`],
      [exportTrips, `${BASE}/trips?programme=${investmentId}`], [exportTaskForces, `${BASE}/task-forces?programme=${investmentId}`],
    ] as const) {
      expect((await get(new Request(url))).status).toBe(403);
    }
    expect(await db.auditLog.count({ where: { actorId: officer.id, outcome: "OK", action: { in: ["pairing.export", "showcase.export", "trip.export", "taskForce.export"] } } })).toBe(0);
  });

  it("pairings: exactly the list's rows, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportPairings(new Request(`${BASE}/pairings?programme=${mentorshipId}&status=ACTIVE`)));
    expect(rows[1]![0]).toBe("导师");
    const list = await listPairings(await sessionUser("py.manager"), mentorshipId, { status: "ACTIVE" });
    expect(list).toHaveLength(3);
    expect(rows.slice(2).map((r) => r[1])).toEqual(list.map((p) => p.trainee.name));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "pairing.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 3, programmeId: mentorshipId, status: "ACTIVE" });
  });

  it("showcase: a closed session exports ranks and final scores in leaderboard order", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportShowcase(new Request(`${BASE}/showcase?session=${closedSessionId}`)));
    expect(rows[1]).toEqual(["名次", "参评人", "所属单位", "晾晒主题", "最终得分"]);
    expect(rows.slice(2).map((r) => [r[0], r[3], r[4]])).toEqual([[1, "已结主题1", 92.75], [2, "已结主题0", 88.25]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "showcase.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 2, sessionId: closedSessionId, scores: true });
  });

  it("showcase: an OPEN session's export has no score or rank", async () => {
    await actAs("py.manager");
    const rows = await rowsOf(await exportShowcase(new Request(`${BASE}/showcase?session=${openSessionId}`)));
    expect(rows[1]).toEqual(["参评人", "所属单位", "晾晒主题"]);
    expect(rows.slice(2)).toHaveLength(2);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("91.5");
    expect(text).not.toContain("名次");
    expect(rows.slice(2).every((r) => r.length === 3)).toBe(true);
  });

  it("trips: exactly the list's rows, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportTrips(new Request(`${BASE}/trips?programme=${investmentId}`)));
    const list = await listTrips(await sessionUser("py.manager"), { programmeId: investmentId }, 1000);
    expect(list).toHaveLength(3);
    expect(rows.slice(2).map((r) => r[2])).toEqual(list.map((t) => t.destinationCity));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "trip.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 3, programmeId: investmentId });
  });

  it("task forces: exactly the list's rows, target investment as a number of 万元, audited", async () => {
    const manager = await actAs("py.manager");
    const rows = await rowsOf(await exportTaskForces(new Request(`${BASE}/task-forces?programme=${investmentId}`)));
    const list = await listTaskForces(await sessionUser("py.manager"), investmentId);
    expect(list).toHaveLength(2);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.map((t) => t.name));
    expect(rows[1]![10]).toBe("目标投资额（万元）");
    expect(rows.slice(2).map((r) => Number(r[10])).sort((a, b) => a - b)).toEqual([8500, 123456.78]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "taskForce.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 2, programmeId: investmentId });
  });
});
