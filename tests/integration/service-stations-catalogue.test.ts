// A service station's configuration: stations, the catalogue (人工 / 自助 items), "一类事"
// bundles and the catalogue's Excel round trip, scoped to the station's subtree and reserved to
// admins; and a SERVICE_STATION rollover moving the stations (with their catalogue) to the new
// programme while the finished cases stay with the old one (the open ones move with their
// station: tests/integration/service-stations-rollover.test.ts). Builds its own programme and
// station in 浦阳镇 (the demo's own station is not relied on).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { dateOnly, formatDateOnly } from "@/lib/programmes/period";
import {
  createBundleAction,
  createItemAction,
  createStationAction,
  importCatalogueAction,
  updateBundleAction,
  updateItemAction,
  updateStationAction,
} from "@/lib/service-stations/catalogue-actions";
import { catalogueSummary, getBundleOrThrow, listBundles, listDepartments, listItems } from "@/lib/service-stations/catalogue";
import { caseFormOptions } from "@/lib/service-stations/queries";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import { rolloverDefaults } from "@/lib/programmes/rollover-schema";
import { GET as exportCatalogue } from "@/app/api/exports/service-stations/catalogue/route";
import { requestState, resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { addDaysYmd, demoToday, demoYear } from "../support/time";

const key = () => crypto.randomUUID();
let programmeId: string;
let stationId: string;
let otherStationId: string;
const items: Record<string, string> = {};

/** Signs in as a demo user and returns them as the queries' actor. */
async function reader(username: string) {
  const user = await actAs(username);
  return { ...user, orgPath: user.orgUnit.path };
}

const item = (code: string, over: Record<string, unknown> = {}) => ({
  stationId, code, kind: "STAFFED", name: `事项${code}`, category: "市场准入", department: "市场监管所", documentsNeeded: "营业执照",
  standardMinutes: 20, usualMinutes: 60, sortOrder: 0, idempotencyKey: key(), ...over,
});

/** An update's input: the item's fields without the station and the create's idempotency key. */
const edit = (code: string, row: { id: string; version: number }, over: Record<string, unknown> = {}) => {
  const { stationId: _s, idempotencyKey: _k, ...fields } = item(code, over);
  return { ...fields, id: row.id, version: row.version, active: true, ...over };
};

async function fileOf(buffer: ArrayBuffer | Buffer, name = "目录.xlsx") {
  const data = new FormData();
  data.set("stationId", stationId);
  data.set("file", new File([new Uint8Array(buffer as ArrayBuffer)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  return data;
}

async function exported(): Promise<ArrayBuffer> {
  const response = await exportCatalogue(new Request(`http://localhost:3000/api/exports/service-stations/catalogue?station=${stationId}`));
  expect(response.status).toBe(200);
  return response.arrayBuffer();
}

const snapshot = async () => (await db.serviceItem.findMany({ where: { stationId }, orderBy: { code: "asc" } })).map(({ updatedAt: _u, ...rest }) => rest);

beforeEach(() => resetRequest());

beforeAll(async () => {
  const admin = await demoUser("admin");
  const py = await unitByCode("XS-PY");
  programmeId = (await db.programme.create({
    data: { type: "SERVICE_STATION", name: `${demoYear}年浦阳镇增值服务驿站测试`, startDate: dateOnly(`${demoYear}-01-01`), endDate: dateOnly(`${demoYear}-12-31`), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  // The station serves 新江村 (py.officer's village), inside the programme's 浦阳镇.
  const xj = await unitByCode("XS-PY-XJ");
  await actAs("admin");
  stationId = ok(await createStationAction({ programmeId, orgUnitId: xj.id, name: "浦阳驿站", address: "浦阳镇政府一楼", hours: "工作日 9:00-17:00", idempotencyKey: key() })).id;
  otherStationId = ok(await createStationAction({ programmeId, orgUnitId: xj.id, name: "浦阳第二驿站", address: "", hours: "", idempotencyKey: key() })).id;
  items.licence = ok(await createItemAction(item("RG-001", { name: "营业执照办理", department: "市场监管所" }))).id;
  items.food = ok(await createItemAction(item("RG-002", { name: "食品经营许可", department: "市场监管所", standardMinutes: 30, usualMinutes: 90 }))).id;
  items.fire = ok(await createItemAction(item("RG-003", { name: "消防安全检查", category: "消防安全", department: "消防救援大队", standardMinutes: 40, usualMinutes: 120 }))).id;
  items.sign = ok(await createItemAction(item("ZZ-001", { kind: "SELF_SERVICE", name: "户外招牌备案自助申报", category: "城市管理", department: "城管中队", standardMinutes: 5, usualMinutes: 30 }))).id;
  items.otherStation = ok(await createItemAction({ ...item("RG-001"), stationId: otherStationId })).id;
});

describe("stations and items", () => {
  it("creates a station and its items, audited; the counts and filters read them", async () => {
    const user = await reader("py.officer");
    expect(await db.auditLog.count({ where: { action: "serviceStation.station.create", entityId: stationId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "serviceStation.item.create", entityId: items.licence } })).toBe(1);
    const summary = await catalogueSummary(user, stationId);
    expect(summary).toMatchObject({ staffed: 3, selfService: 1 });
    expect(summary.departments).toEqual(["城管中队", "市场监管所", "消防救援大队"].sort());
    expect((await listItems(user, stationId, { kind: "SELF_SERVICE" })).map((i) => i.code)).toEqual(["ZZ-001"]);
    expect((await listItems(user, stationId, { department: "市场监管所" })).map((i) => i.code)).toEqual(["RG-001", "RG-002"]);
    expect((await listItems(user, stationId, { q: "消防" })).map((i) => i.code)).toEqual(["RG-003"]);
    expect((await listItems(user, stationId, { category: "城市管理" })).map((i) => i.code)).toEqual(["ZZ-001"]);
    expect(await listDepartments(user, stationId)).toContain("消防救援大队");
  });

  it("a code is unique per station: a second RG-001 is a zh-CN field error; another station may use it", async () => {
    await actAs("admin");
    const r = await createItemAction(item("RG-001"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.code?.[0]).toBe("该编码在本驿站已被使用");
    expect(await db.serviceItem.count({ where: { code: "RG-001" , stationId: { in: [stationId, otherStationId] } } })).toBe(2);
    // Renaming another item onto a taken code is refused the same way.
    const sign = await db.serviceItem.findUniqueOrThrow({ where: { id: items.sign! } });
    const clash = await updateItemAction(edit("RG-001", sign, { kind: "SELF_SERVICE" }));
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.fieldErrors?.code?.[0]).toBe("该编码在本驿站已被使用");
  });

  it("edits and switches off an item conditionally on its version; a stale edit is a conflict", async () => {
    await actAs("admin");
    const created = ok(await createItemAction(item("RG-099", { name: "临时事项" })));
    const row = await db.serviceItem.findUniqueOrThrow({ where: { id: created.id } });
    const change = edit("RG-099", row, { name: "临时事项（停用）", active: false });
    ok(await updateItemAction(change));
    expect(await db.serviceItem.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ active: false, version: row.version + 1, name: "临时事项（停用）" });
    const stale = await updateItemAction({ ...change, name: "又改" });
    expect(stale.ok).toBe(false);
    const user = await reader("py.officer");
    expect((await listItems(user, stationId)).map((i) => i.code)).not.toContain("RG-099");
    expect((await listItems(user, stationId, { state: "inactive" })).map((i) => i.code)).toEqual(["RG-099"]);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "serviceStation.item.update", entityId: row.id, outcome: "OK" } })).toMatchObject({ data: { before: { active: true }, after: { active: false } } });
  });

  it("officers and managers may not configure (forbidden); an admin outside the subtree gets not found; nothing written", async () => {
    const station = await db.serviceStation.findUniqueOrThrow({ where: { id: stationId } });
    const licence = await db.serviceItem.findUniqueOrThrow({ where: { id: items.licence! } });
    const before = await snapshot();
    for (const username of ["py.officer", "py.manager"]) {
      await actAs(username);
      const writes = [
        await createItemAction(item("RG-500")),
        await updateItemAction(edit("RG-001", licence, { active: false })),
        await updateStationAction({ id: station.id, version: station.version, name: "改名", address: "", hours: "", active: true }),
        await createBundleAction({ stationId, code: "B-9", name: "伪造", description: "", itemIds: [items.licence, items.fire], idempotencyKey: key() }),
        await importCatalogueAction(await fileOf(await new ExcelJS.Workbook().xlsx.writeBuffer())),
      ];
      for (const r of writes) expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/权限/) });
    }
    await actAs("yh.admin");
    const outside = [
      await createItemAction(item("RG-501")),
      await updateStationAction({ id: station.id, version: station.version, name: "改名", address: "", hours: "", active: true }),
      await createBundleAction({ stationId, code: "B-9", name: "伪造", description: "", itemIds: [items.licence, items.fire], idempotencyKey: key() }),
    ];
    for (const r of outside) expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/不存在|无权/) });
    const yhAdmin = await demoUser("yh.admin");
    await expect(listItems({ orgPath: yhAdmin.orgUnit.path }, stationId)).resolves.toEqual([]);
    await expect(getBundleOrThrow({ orgPath: yhAdmin.orgUnit.path }, "missing")).rejects.toThrow();
    const exportResponse = await exportCatalogue(new Request(`http://localhost:3000/api/exports/service-stations/catalogue?station=${stationId}`));
    expect(exportResponse.status).toBe(404);
    // Creating a station in a unit outside the admin's area is a field error, not a station.
    const py = await unitByCode("XS-PY");
    const r = await createStationAction({ programmeId, orgUnitId: py.id, name: "越界驿站", address: "", hours: "", idempotencyKey: key() });
    expect(r.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(await db.serviceStation.findUniqueOrThrow({ where: { id: stationId } })).toMatchObject({ name: "浦阳驿站", version: station.version });
    expect(await db.serviceStation.count({ where: { name: "越界驿站" } })).toBe(0);
  });

  it("a station's unit must lie within its programme's reach", async () => {
    await actAs("admin");
    const yh = await unitByCode("YH");
    const r = await createStationAction({ programmeId, orgUnitId: yh.id, name: "余杭驿站", address: "", hours: "", idempotencyKey: key() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.orgUnitId?.[0]).toBe("所选单位不在该专项的范围内");
  });
});

describe("一类事 bundles", () => {
  it("a bundle needs at least two active items of its own station; its departments are its items' distinct departments", async () => {
    await actAs("admin");
    const one = await createBundleAction({ stationId, code: "B-1", name: "开一家餐馆", description: "", itemIds: [items.licence], idempotencyKey: key() });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.fieldErrors?.itemIds?.[0]).toBe("“一类事”至少包含两个事项");
    const twiceTheSame = await createBundleAction({ stationId, code: "B-1", name: "开一家餐馆", description: "", itemIds: [items.licence, items.licence], idempotencyKey: key() });
    if (!twiceTheSame.ok) expect(twiceTheSame.fieldErrors?.itemIds?.[0]).toBe("“一类事”至少包含两个事项");
    expect(twiceTheSame.ok).toBe(false);
    const foreign = await createBundleAction({ stationId, code: "B-1", name: "开一家餐馆", description: "", itemIds: [items.licence, items.otherStation], idempotencyKey: key() });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.fieldErrors?.itemIds?.[0]).toBe("只能选择本驿站启用中的事项");
    const inactive = await db.serviceItem.findFirstOrThrow({ where: { stationId, active: false } });
    const off = await createBundleAction({ stationId, code: "B-1", name: "开一家餐馆", description: "", itemIds: [items.licence, inactive.id], idempotencyKey: key() });
    expect(off.ok).toBe(false);

    const bundleId = ok(await createBundleAction({
      stationId, code: "B-1", name: "开一家餐馆", description: "执照、食品许可、消防、招牌", itemIds: [items.licence, items.food, items.fire, items.sign], idempotencyKey: key(),
    })).id;
    const user = await reader("py.officer");
    const [bundle] = await listBundles(user, stationId);
    expect(bundle).toMatchObject({ id: bundleId, name: "开一家餐馆", departments: ["市场监管所", "消防救援大队", "城管中队"], standardMinutes: 20 + 30 + 40 + 5, usualMinutes: 60 + 90 + 120 + 30 });
    expect(bundle!.items.map((i) => i.id)).toEqual([items.licence, items.food, items.fire, items.sign]);

    // Same code again in this station: a field error.
    await actAs("admin");
    const dup = await createBundleAction({ stationId, code: "B-1", name: "重复", description: "", itemIds: [items.licence, items.fire], idempotencyKey: key() });
    if (!dup.ok) expect(dup.fieldErrors?.code?.[0]).toBe("该编码在本驿站已被使用");
    expect(dup.ok).toBe(false);

    // Editing replaces the items, conditional on the version, audited with before/after.
    const row = await db.serviceBundle.findUniqueOrThrow({ where: { id: bundleId } });
    ok(await updateBundleAction({ id: bundleId, version: row.version, code: "B-1", name: "开一家餐馆", description: "", itemIds: [items.fire, items.licence], active: true }));
    const edited = await getBundleOrThrow(user, bundleId);
    expect(edited.items.map((i) => i.id)).toEqual([items.fire, items.licence]);
    expect(edited.departments).toEqual(["消防救援大队", "市场监管所"]);
    expect((await updateBundleAction({ id: bundleId, version: row.version, code: "B-1", name: "x", description: "", itemIds: [items.fire, items.licence], active: true })).ok).toBe(false);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "serviceStation.bundle.update", entityId: bundleId, outcome: "OK" } })).toMatchObject({ data: { before: { itemIds: [items.licence, items.food, items.fire, items.sign] }, after: { itemIds: [items.fire, items.licence] } } });
  });
});

describe("the catalogue's Excel round trip", () => {
  it("exports the catalogue; importing the same file changes nothing", async () => {
    await actAs("admin");
    const bytes = await exported();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["编码", "类型(人工/自助)", "名称", "类别", "责任部门", "所需材料", "承诺时限(分钟)", "常规办理时长(分钟)", "排序", "启用"]);
    const count = await db.serviceItem.count({ where: { stationId } });
    expect(sheet.rowCount).toBe(count + 2);
    expect(await db.auditLog.count({ where: { action: "serviceStation.catalogue.export", entityId: stationId, outcome: "OK" } })).toBe(1);

    const before = await snapshot();
    const r = ok(await importCatalogueAction(await fileOf(bytes)));
    expect(r).toEqual({ rows: count, created: 0, updated: 0, unchanged: count });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "serviceStation.catalogue.import", entityId: stationId, outcome: "OK" } })).toMatchObject({ data: { created: 0, updated: 0, unchanged: count } });
  });

  it("one edited cell updates one item; a new row creates one", async () => {
    await actAs("admin");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported());
    const sheet = wb.worksheets[0]!;
    let edited = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === "RG-002") {
        row.getCell(8).value = 100;
        edited += 1;
      }
    });
    expect(edited).toBe(1);
    const food = await db.serviceItem.findUniqueOrThrow({ where: { id: items.food! } });
    const total = await db.serviceItem.count({ where: { stationId } });
    expect(ok(await importCatalogueAction(await fileOf(await wb.xlsx.writeBuffer())))).toEqual({ rows: total, created: 0, updated: 1, unchanged: total - 1 });
    expect(await db.serviceItem.findUniqueOrThrow({ where: { id: food.id } })).toMatchObject({ usualMinutes: 100, version: food.version + 1, standardMinutes: food.standardMinutes });

    sheet.addRow(["ZZ-002", "自助", "社保缴费证明打印", "社保医保", "人社所", "", 3, 40, 5, "是"]);
    expect(ok(await importCatalogueAction(await fileOf(await wb.xlsx.writeBuffer())))).toMatchObject({ created: 1, updated: 0 });
    expect(await db.serviceItem.findFirstOrThrow({ where: { stationId, code: "ZZ-002" } })).toMatchObject({ kind: "SELF_SERVICE", usualMinutes: 40, active: true });
  });

  it("a bad row is reported by row, column and reason in zh-CN, and nothing is written", async () => {
    await actAs("admin");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported());
    const sheet = wb.worksheets[0]!;
    sheet.getRow(3).getCell(8).value = 99;
    const bad = sheet.addRow(["ZZ-003", "机器", "", "", "", "", -5, 30, 0, "也许"]);
    const badRow = bad.number;
    sheet.addRow(["ZZ-004", "自助", "新事项", "", "", "", 3, 10, 0, "是"]);
    const before = await snapshot();
    const auditsBefore = await db.auditLog.count({ where: { action: "serviceStation.catalogue.import", outcome: "OK" } });
    const r = await importCatalogueAction(await fileOf(await wb.xlsx.writeBuffer()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("文件中有 1 行有误，未导入任何数据。请按下表修改后重新导入。");
    expect(r.fieldErrors).toMatchObject({
      [`rows.${badRow}.类型(人工/自助)`]: ["类型应为“人工”或“自助”"],
      [`rows.${badRow}.启用`]: ["启用应为“是”或“否”"],
      [`rows.${badRow}.名称`]: [expect.stringMatching(/必填/)],
      [`rows.${badRow}.承诺时限(分钟)`]: [expect.stringMatching(/分钟数应在/)],
    });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "serviceStation.catalogue.import", outcome: "OK" } })).toBe(auditsBefore);

    // The same code twice in the file names the second row.
    const dup = new ExcelJS.Workbook();
    const s = dup.addWorksheet("目录");
    s.addRow(["编码", "类型(人工/自助)", "名称", "类别", "责任部门", "所需材料", "承诺时限(分钟)", "常规办理时长(分钟)", "排序", "启用"]);
    s.addRow(["ZZ-010", "自助", "甲", "", "", "", 1, 2, 0, "是"]);
    s.addRow(["ZZ-010", "自助", "乙", "", "", "", 1, 2, 0, "是"]);
    const d = await importCatalogueAction(await fileOf(await dup.xlsx.writeBuffer()));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.fieldErrors?.["rows.3.编码"]).toEqual(["与文件中前面的行重复"]);

    // A file that is not a workbook, or lacks a required header, is one message on the file.
    const junk = await importCatalogueAction(await fileOf(Buffer.from("\u0000\u0001garbage")));
    expect(junk.ok).toBe(false);
    const headerless = new ExcelJS.Workbook();
    headerless.addWorksheet("x").addRow(["编码", "名称"]);
    const h = await importCatalogueAction(await fileOf(await headerless.xlsx.writeBuffer()));
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.fieldErrors?.file?.[0]).toMatch(/缺少必需的表头：类型\(人工\/自助\)、承诺时限\(分钟\)、常规办理时长\(分钟\)/);
    expect(await snapshot()).toEqual(before);
  });

  it("an English user gets the reasons in English", async () => {
    await actAs("admin");
    requestState.locale = "en";
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("目录");
    s.addRow(["编码", "类型(人工/自助)", "名称", "类别", "责任部门", "所需材料", "承诺时限(分钟)", "常规办理时长(分钟)", "排序", "启用"]);
    s.addRow(["ZZ-020", "机器", "甲", "", "", "", 1, 2, 0, "是"]);
    const r = await importCatalogueAction(await fileOf(await wb.xlsx.writeBuffer()));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.["rows.2.类型(人工/自助)"]?.[0]).toMatch(/Kind must be/);
  });
});

describe("an item an active bundle holds", () => {
  const held = "该事项属于启用中的“一类事”“开一家餐馆”，不能停用。请先从这些“一类事”中移除该事项，或先停用它们";

  it("is not switched off, in the form or by the import (a row error on 启用), naming the bundle; once the bundle is off, it may be", async () => {
    await actAs("admin");
    const licence = await db.serviceItem.findUniqueOrThrow({ where: { id: items.licence! } });
    const r = await updateItemAction(edit("RG-001", licence, { name: licence.name, active: false }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.active).toEqual([held]);
    expect(await db.serviceItem.findUniqueOrThrow({ where: { id: licence.id } })).toMatchObject({ active: true, version: licence.version });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported());
    let rowNumber = 0;
    wb.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).text === "RG-001") {
        row.getCell(10).value = "否";
        rowNumber = row.number;
      }
    });
    const before = await snapshot();
    const imported = await importCatalogueAction(await fileOf(await wb.xlsx.writeBuffer()));
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.fieldErrors).toEqual({ [`rows.${rowNumber}.启用`]: [held] });
    expect(await snapshot()).toEqual(before);

    // The bundle switched off first, the item may go.
    const bundle = await db.serviceBundle.findFirstOrThrow({ where: { stationId, code: "B-1" }, include: { items: { orderBy: { sortOrder: "asc" } } } });
    const bundleInput = { id: bundle.id, code: bundle.code, name: bundle.name, description: bundle.description, itemIds: bundle.items.map((i) => i.itemId) };
    ok(await updateBundleAction({ ...bundleInput, version: bundle.version, active: false }));
    ok(await updateItemAction(edit("RG-001", licence, { name: licence.name, active: false })));
    // …and an active bundle cannot take it back while it is off; switched on again, it can.
    const reopen = await updateBundleAction({ ...bundleInput, version: bundle.version + 1, active: true });
    expect(reopen.ok).toBe(false);
    ok(await updateItemAction(edit("RG-001", { id: licence.id, version: licence.version + 1 }, { name: licence.name, active: true })));
    ok(await updateBundleAction({ ...bundleInput, version: bundle.version + 1, active: true }));
  });

  it("the new-case form does not offer an active bundle that holds an inactive item (one switched off before the rule)", async () => {
    await actAs("admin");
    const bundle = await db.serviceBundle.findFirstOrThrow({ where: { stationId, code: "B-1" } });
    expect((await caseFormOptions(stationId)).bundles.map((b) => b.id)).toContain(bundle.id);
    await db.serviceItem.update({ where: { id: items.licence! }, data: { active: false } });
    try {
      const options = await caseFormOptions(stationId);
      expect(options.bundles.map((b) => b.id)).not.toContain(bundle.id);
      expect(options.items.map((i) => i.id)).not.toContain(items.licence);
    } finally {
      await db.serviceItem.update({ where: { id: items.licence! }, data: { active: true } });
    }
  });
});

describe("rollover of a service-station programme", () => {
  it("moves the stations (with their catalogue and bundles) to the new programme; a finished case stays with the old one", async () => {
    const admin = await actAs("admin");
    const source = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const stations = await db.serviceStation.findMany({ where: { programmeId }, select: { id: true } });
    const enterprise = await db.enterprise.findFirstOrThrow();
    const caseRow = await db.serviceCase.create({
      data: {
        stationId, programmeId, orgUnitId: (await unitByCode("XS-PY-XJ")).id, number: `PY-${demoYear}-99999`, channel: "WALK_IN", enterpriseId: enterprise.id,
        staffId: admin.id, createdById: admin.id, status: "FINISHED", startedAt: dateOnly(addDaysYmd(demoToday, -1)), finishedAt: dateOnly(demoToday),
      },
    });
    const itemsBefore = await db.serviceItem.count({ where: { stationId } });
    const input = rolloverDefaults({ id: source.id, version: source.version, name: source.name, startDate: formatDateOnly(source.startDate), endDate: formatDateOnly(source.endDate), periods: [] });
    const r = ok(await rolloverProgrammeAction(input));
    expect(await db.serviceStation.findMany({ where: { programmeId: r.id }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(stations.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.serviceStation.count({ where: { programmeId } })).toBe(0);
    expect(await db.serviceItem.count({ where: { stationId } })).toBe(itemsBefore);
    expect(await db.serviceBundle.count({ where: { stationId } })).toBeGreaterThan(0);
    expect(await db.serviceCase.findUniqueOrThrow({ where: { id: caseRow.id } })).toMatchObject({ programmeId, stationId });
    expect(await db.programme.findUniqueOrThrow({ where: { id: programmeId } })).toMatchObject({ status: "CLOSED" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "programme.rollover", entityId: r.id } });
    expect(audit.data).toMatchObject({ copied: { stationsMoved: stations.length }, notCopied: ["cases", "roundTables"] });
  });
});
