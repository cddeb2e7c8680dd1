// The talents, point applications and redemptions lists export to .xlsx: exactly the rows the
// list query returns for the same filters; an officer gets 403; every export is audited; ID
// numbers appear in full only for a user holding "personalData.unmask", masked otherwise.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { createTalentAction } from "@/lib/talent/actions";
import { listTalentsForExport } from "@/lib/talent/queries";
import { makeIdNumber } from "@/lib/talent/id-number";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { listApplications } from "@/lib/talent/points/applications";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { GET as exportTalents } from "@/app/api/exports/talents/route";
import { GET as exportApplications } from "@/app/api/exports/point-applications/route";
import { GET as exportRedemptions } from "@/app/api/exports/redemptions/route";
import { resetRequest } from "../support/next-stubs";
import { actAs } from "../support/fixtures";

async function sessionOf(username: string) {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

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

let enterpriseId: string;
const idNumbers: string[] = [];

beforeAll(async () => {
  resetRequest();
  await actAs("lz.officer");
  const e = await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } });
  enterpriseId = e.id;
  for (const n of [0, 1]) {
    const idNumber = makeIdNumber("330110", "19880304", 900 + n);
    idNumbers.push(idNumber);
    const r = await createTalentAction({ enterpriseId, name: `导出人才${n}`, idNumber, phone: "", education: "", title: "", position: "", joinedOn: "", idempotencyKey: crypto.randomUUID() });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
});
beforeEach(() => resetRequest());

describe("talent-points list exports", () => {
  it("an officer gets 403 from each export, nothing audited", async () => {
    const officer = await actAs("lz.officer");
    for (const [get, path] of [[exportTalents, "talents"], [exportApplications, "point-applications"], [exportRedemptions, "redemptions"]] as const) {
      expect((await get(new Request(`http://localhost:3000/api/exports/${path}`))).status).toBe(403);
    }
    expect(await db.auditLog.count({ where: { actorId: officer.id, outcome: "OK", action: { in: ["talent.export", "pointApplication.export", "redemption.export"] } } })).toBe(0);
  });

  it("no session: 401", async () => {
    expect((await exportTalents(new Request("http://localhost:3000/api/exports/talents"))).status).toBe(401);
  });

  it("talents: exactly the list's rows for the search, IDs in full for a manager (who may unmask), audited", async () => {
    const manager = await actAs("yh.manager");
    const actor = await sessionOf("yh.manager");
    expect(can(actor, "personalData.unmask")).toBe(true);
    const rows = await rowsOf(await exportTalents(new Request(`http://localhost:3000/api/exports/talents?q=${encodeURIComponent("导出人才")}&enterprise=${enterpriseId}`)));
    expect(String(rows[0]![0])).toContain("搜索=导出人才");
    expect(rows[1]![0]).toBe("姓名");
    expect(rows[1]![1]).toBe("身份证号");
    const programme = await getTalentProgrammeOrThrow(actor);
    const list = await listTalentsForExport(actor, { q: "导出人才", enterpriseId, reach: programme.reach }, true);
    expect(list).toHaveLength(2);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.map((p) => p.name));
    expect(rows.slice(2).map((r) => r[1]).sort()).toEqual([...idNumbers].sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "talent.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: 2, q: "导出人才", enterpriseId, unmasked: true });
  });

  it("talents: without personalData.unmask the export query masks IDs (no raw number anywhere)", async () => {
    const actor = await sessionOf("yh.manager");
    const programme = await getTalentProgrammeOrThrow(actor);
    const masked = await listTalentsForExport(actor, { q: "导出人才", enterpriseId, reach: programme.reach }, false);
    expect(masked).toHaveLength(2);
    const text = JSON.stringify(masked);
    for (const id of idNumbers) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(id.slice(0, 14));
    }
    expect(masked.every((p) => /^\*{14}[0-9X]{4}$/.test(p.idNumber))).toBe(true);
    // The only role able to export without unmask would get masked IDs: every role that may export may also unmask today.
    const officer = await sessionOf("lz.officer");
    expect(can(officer, "personalData.unmask")).toBe(false);
  });

  it("point applications: exactly the list's rows (all and by status), audited", async () => {
    const manager = await actAs("yh.manager");
    const actor = await sessionOf("yh.manager");
    const rows = await rowsOf(await exportApplications(new Request("http://localhost:3000/api/exports/point-applications")));
    expect(rows[1]![0]).toBe("申报编号");
    const list = await listApplications(actor, {}, 100_000);
    expect(list.length).toBeGreaterThan(0);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.map((a) => a.number));
    const approved = await rowsOf(await exportApplications(new Request("http://localhost:3000/api/exports/point-applications?status=APPROVED")));
    expect(String(approved[0]![0])).toContain("状态=已通过");
    const approvedList = await listApplications(actor, { status: ["APPROVED"] }, 100_000);
    expect(approved.slice(2).map((r) => r[0])).toEqual(approvedList.map((a) => a.number));
    expect(approved.slice(2).every((r) => r[4] === "已通过")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "pointApplication.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: approvedList.length, status: "APPROVED" });
  });

  it("redemptions: exactly the list's rows, audited", async () => {
    const manager = await actAs("yh.manager");
    const actor = await sessionOf("yh.manager");
    const rows = await rowsOf(await exportRedemptions(new Request("http://localhost:3000/api/exports/redemptions")));
    expect(rows[1]![0]).toBe("兑换编号");
    const list = await listRedemptions(actor, {}, 100_000);
    expect(list.length).toBeGreaterThan(0);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.map((r) => r.number));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "redemption.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: list.length, status: null });
  });
});
