// Issue 14 item 4: an id or filter from the URL is looked up through the user's scope, so
// an export never names a record of another area. Another area's id behaves exactly like an
// unknown one. One test per class of leak found (exports that named a foreign record in
// their header line).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser, type SessionUser } from "@/lib/platform/auth/session";
import { NotFoundError } from "@/lib/platform/errors";
import { exportHotlineReport } from "@/lib/hotline/export";
import { exportEvaluation } from "@/lib/talent/points/evaluation";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { GET as exportHotlineRoute } from "@/app/(app)/hotline/reports/export/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";
import { demoNow, demoYear } from "../support/time";

const UNKNOWN_ID = "c0000000000000000000unknown";

async function session(username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

/** Every cell of every sheet, as one string: what a reader of the file can see. */
async function workbookText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join("\n");
}

/** The file's filter line without the export time, which differs from call to call. */
async function filterLine(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return String(wb.worksheets[0]!.getRow(1).getCell(1).value).replace(/导出时间.*$/, "");
}

let lzHotline: { id: string; name: string };

beforeAll(async () => {
  lzHotline = await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", status: "ACTIVE", orgUnit: { code: "YH-LZ" } }, select: { id: true, name: true } });
});
beforeEach(() => resetRequest());

describe("hotline report export: the programme filter", () => {
  const range = { from: new Date(demoNow.getTime() - 400 * 86_400_000), to: new Date(demoNow.getTime() + 86_400_000), groupBy: "department" as const };

  it("names the programme to a manager who may see it", async () => {
    const yh = await session("yh.manager");
    const { buffer } = await exportHotlineReport(yh, { ...range, programmeId: lzHotline.id }, String(demoYear), "zh-CN");
    expect(await filterLine(buffer)).toContain(`热线=${lzHotline.name}`);
  });

  it("refuses 浦阳镇's manager 良渚's programme exactly as an unknown id, and the route answers 404 for both", async () => {
    const py = await session("py.manager");
    const foreign = await exportHotlineReport(py, { ...range, programmeId: lzHotline.id }, String(demoYear), "zh-CN").then(
      async (r) => ({ leaked: await workbookText(r.buffer) }),
      (e: unknown) => e,
    );
    const unknown = await exportHotlineReport(py, { ...range, programmeId: UNKNOWN_ID }, String(demoYear), "zh-CN").catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect((foreign as NotFoundError).messageKey).toBe((unknown as NotFoundError).messageKey);

    await actAs("py.manager");
    const viaRoute = await exportHotlineRoute(new Request(`http://localhost:3000/hotline/reports/export?programme=${lzHotline.id}`));
    const unknownViaRoute = await exportHotlineRoute(new Request(`http://localhost:3000/hotline/reports/export?programme=${UNKNOWN_ID}`));
    expect(viaRoute.status).toBe(404);
    expect(unknownViaRoute.status).toBe(404);
    expect(await viaRoute.text()).toBe(await unknownViaRoute.text());
  });
});

describe("talent evaluation export: the unit filter", () => {
  it("never names another area's unit: it reads like an unknown unit", async () => {
    const yh = await session("yh.manager");
    const programme = await getTalentProgrammeOrThrow(yh);
    const puyang = await unitByCode("XS-PY"); // 萧山区浦阳镇, outside 余杭区
    const foreign = await exportEvaluation(yh, programme, { year: demoYear, orgUnitId: puyang.id }, "zh-CN");
    const unknown = await exportEvaluation(yh, programme, { year: demoYear, orgUnitId: UNKNOWN_ID }, "zh-CN");
    expect(await workbookText(foreign.buffer)).not.toContain(puyang.name);
    expect(await filterLine(foreign.buffer)).toBe(await filterLine(unknown.buffer));
    expect(foreign.rows).toBe(0);
    // A unit of the manager's own area is named (the filter line is not blank by accident).
    const liangzhu = await unitByCode("YH-LZ");
    const own = await exportEvaluation(yh, programme, { year: demoYear, orgUnitId: liangzhu.id }, "zh-CN");
    expect(await filterLine(own.buffer)).toContain(`单位=${liangzhu.name}`);
  });
});
