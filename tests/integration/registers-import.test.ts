// Register import (streamed preview with per-row errors, the background job's batches and its
// progress row, re-import updates, a 10,000-row file) and export (the filtered rows exactly,
// masked phones, audited).
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { db } from "@/lib/platform/db/client";
import { now } from "@/lib/platform/clock";
import { checkRollups } from "@/lib/dashboards/consistency";
import { discardImportAction, startImportAction } from "@/lib/registers/import-actions";
import { IMPORT_JOB, runImport, stopOrphanedImports } from "@/lib/registers/import-jobs";
import { singletonJobId } from "@/lib/platform/jobs/enqueue";
import { IMPORT_BATCH_SIZE } from "@/lib/registers/import";
import { importProgress, purgeStaleUploads, receiveImportUpload, UPLOAD_KEPT_MS } from "@/lib/registers/import-service";
import { makeCreditCode } from "@/lib/registers/credit-code";
import type { RegisterKind } from "@/lib/registers/schemas";
import { POST as uploadRoute } from "@/app/api/registers/import/route";
import { GET as exportRoute } from "@/app/api/registers/[kind]/export/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), "registers-import-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));
beforeEach(() => resetRequest());

const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(",")).join("\n"), "utf8");
const HH_HEADERS = ["户号", "户主姓名", "地址", "村/社区", "联系电话", "家庭人口", "标签"];

/** Confirms an upload as the wizard does, then works its job here (no worker runs in tests). */
async function confirmAndRun(username: string, kind: RegisterKind, importId: string) {
  await actAs(username);
  const started = await startImportAction({ kind, importId });
  if (!started.ok) throw new Error(JSON.stringify(started));
  await runImport(importId);
  return db.registerImport.findUniqueOrThrow({ where: { id: importId } });
}

/** Upload, confirm and run the import; returns the preview and the progress row's totals. */
async function importFile(username: string, kind: RegisterKind, file: Buffer, fileName = "import.csv") {
  const user = await sessionUser(username);
  await actAs(username);
  const upload = await receiveImportUpload(user, kind, fileName, file);
  if (!upload.ok) throw new Error(upload.error);
  const done = await confirmAndRun(username, kind, upload.importId);
  expect(done.status).toBe("DONE");
  return { upload, totals: { created: done.created, updated: done.updated, invalid: done.invalid, batches: done.nextBatch }, progress: done };
}

describe("household import", () => {
  it("previews new/update/invalid with row, column and reason; imports valid rows only; re-import updates", async () => {
    const existing = await db.household.findUniqueOrThrow({ where: { householdKey: "JY-0001" } });
    const lzKey = "LZWH-0001"; // exists, but in 良渚: outside 浦阳镇
    const file = csv([
      HH_HEADERS,
      ["PY-IMP-1", "王小明", "谢家村9组1号", "谢家村", "13811110001", "3", "困难家庭、新居民"],
      ["PY-IMP-2", "李小红", "径游村2组", "XS-PY-JY", "", "", ""], // unit by code, members default 1
      ["JY-0001", "径游村更新", "径游村新址", "径游村", "", "4", "新居民"], // update, keeps phone
      ["PY-IMP-3", "", "无名", "谢家村", "123", "0", ""], // head missing, bad phone, members 0
      ["PY-IMP-4", "张三", "", "不存在村", "", "2", ""], // unknown unit
      ["PY-IMP-1", "重复行", "", "谢家村", "", "1", ""], // duplicate key in file
      [lzKey, "越权", "", "谢家村", "", "1", ""], // key owned outside scope
      [],
      ["PY-IMP-5", "赵六", "安山村", "良渚文化村社区", "", "1", ""], // a unit outside the manager's subtree
    ]);
    const user = await sessionUser("py.manager");
    const preview = await receiveImportUpload(user, "households", "农户.csv", file);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.preview).toMatchObject({ totalRows: 8, newRows: 2, updateRows: 1, invalidRows: 5 });
    const errs = preview.preview.errors;
    expect(errs).toEqual(expect.arrayContaining([
      { row: 5, column: "户主姓名", reason: "必填" },
      { row: 5, column: "联系电话", reason: "请输入 11 位手机号码" },
      { row: 5, column: "家庭人口", reason: "家庭人口至少为 1" },
      { row: 6, column: "村/社区", reason: "在您的管辖范围内找不到该单位（可填名称或编码）" },
      { row: 7, column: "户号", reason: "与文件中前面的行重复" },
      { row: 8, column: "户号", reason: "该户号已被使用" },
      { row: 10, column: "村/社区", reason: "在您的管辖范围内找不到该单位（可填名称或编码）" },
    ]));
    expect(await db.household.count({ where: { householdKey: { startsWith: "PY-IMP" } } })).toBe(0); // preview writes nothing

    const auditBefore = await db.auditLog.count({ where: { action: "register.import" } });
    const r = await confirmAndRun("py.manager", "households", preview.importId);
    expect(r).toMatchObject({ status: "DONE", created: 2, updated: 1, invalid: 5, totalRows: 8, doneRows: 8 });
    expect(await db.auditLog.count({ where: { action: "register.import" } })).toBe(auditBefore + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "register.import" }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ fileName: "农户.csv", created: 2, updated: 1, invalid: 5, final: true });

    const imported = await db.household.findMany({ where: { householdKey: { startsWith: "PY-IMP" } }, orderBy: { householdKey: "asc" } });
    expect(imported.map((h) => h.householdKey)).toEqual(["PY-IMP-1", "PY-IMP-2"]);
    expect(imported[0]).toMatchObject({ headName: "王小明", phone: "13811110001", membersCount: 3, tags: ["困难家庭", "新居民"], orgUnitId: (await unitByCode("XS-PY-XJ")).id });
    expect(imported[1]).toMatchObject({ headName: "李小红", membersCount: 1, orgUnitId: (await unitByCode("XS-PY-JY")).id, phone: null });
    const updated = await db.household.findUniqueOrThrow({ where: { id: existing.id } });
    expect(updated).toMatchObject({ headName: "径游村更新", address: "径游村新址", membersCount: 4, phone: existing.phone, version: existing.version + 1 });
    // Nothing half-imported from the bad rows, nothing touched outside scope.
    expect(await db.household.count({ where: { householdKey: { in: ["PY-IMP-3", "PY-IMP-4", "PY-IMP-5"] } } })).toBe(0);
    expect((await db.household.findUniqueOrThrow({ where: { householdKey: lzKey } })).headName).not.toBe("越权");

    // The same file again: the two new rows and JY-0001 are updates now; no duplicates.
    const count = await db.household.count();
    const again = await importFile("py.manager", "households", file);
    expect(again.upload.preview).toMatchObject({ newRows: 0, updateRows: 3, invalidRows: 5 });
    expect(again.totals).toMatchObject({ created: 0, updated: 3, invalid: 5 });
    expect(await db.household.count()).toBe(count);
  });

  it("reads .xlsx too, and refuses a file without the required headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("农户");
    sheet.addRow(HH_HEADERS);
    sheet.addRow(["PY-XLSX-1", "钱七", "森海社区", "森海社区", 13811112222, 2, "新居民"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const { totals } = await importFile("py.manager", "households", xlsx, "农户.xlsx");
    expect(totals).toMatchObject({ created: 1, invalid: 0 });
    expect(await db.household.findUniqueOrThrow({ where: { householdKey: "PY-XLSX-1" } })).toMatchObject({ phone: "13811112222", membersCount: 2 });

    const user = await sessionUser("py.manager");
    const bad = await receiveImportUpload(user, "households", "x.csv", csv([["姓名", "地址"], ["a", "b"]]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toBe("缺少必需的表头：户号、户主姓名、村/社区");
  });

  it("the upload route checks Origin, session and permission", async () => {
    const form = () => {
      const f = new FormData();
      f.set("kind", "households");
      f.set("file", new File([new Uint8Array(csv([HH_HEADERS, ["PY-ROUTE-1", "孙八", "", "谢家村", "", "1", ""]]))], "a.csv"));
      return f;
    };
    const request = (origin?: string) => new Request("http://localhost:3000/api/registers/import", { method: "POST", body: form(), headers: { host: "localhost:3000", ...(origin ? { origin } : {}) } });
    await actAs("py.manager");
    expect((await uploadRoute(request("http://evil.example"))).status).toBe(403);
    expect((await uploadRoute(request())).status).toBe(403);
    const ok = await uploadRoute(request("http://localhost:3000"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, preview: { newRows: 1 } });
    await actAs("py.officer");
    expect((await uploadRoute(request("http://localhost:3000"))).status).toBe(403);
  });

  it("another user cannot confirm someone else's upload", async () => {
    const user = await sessionUser("py.manager");
    const upload = await receiveImportUpload(user, "households", "a.csv", csv([HH_HEADERS, ["PY-OWN-1", "周九", "", "谢家村", "", "1", ""]]));
    if (!upload.ok) throw new Error(upload.error);
    await actAs("admin");
    const r = await startImportAction({ kind: "households", importId: upload.importId });
    expect(r.ok).toBe(false);
    expect(await db.registerImport.count({ where: { id: upload.importId } })).toBe(0);
    expect(await db.household.count({ where: { householdKey: "PY-OWN-1" } })).toBe(0);
  });

  it("a confirmed upload cannot be discarded: its job still writes every row", async () => {
    const user = await sessionUser("py.manager");
    const upload = await receiveImportUpload(user, "households", "d.csv", csv([HH_HEADERS, ["PY-DISC-1", "吴十", "", "谢家村", "", "1", ""]]));
    if (!upload.ok) throw new Error(upload.error);
    await actAs("py.manager");
    expect((await startImportAction({ kind: "households", importId: upload.importId })).ok).toBe(true);
    const discarded = await discardImportAction({ importId: upload.importId });
    expect(discarded.ok).toBe(false);
    await runImport(upload.importId);
    expect((await db.registerImport.findUniqueOrThrow({ where: { id: upload.importId } })).status).toBe("DONE");
    expect(await db.household.count({ where: { householdKey: "PY-DISC-1" } })).toBe(1);
  });

  it("the set-based batch keeps the row triggers: address bigrams, per-unit rollups (a moved household too), version and ids in file order", async () => {
    const xj = await unitByCode("XS-PY-XJ");
    const jy = await unitByCode("XS-PY-JY");
    const moved = await db.household.findFirstOrThrow({ where: { orgUnitId: jy.id, active: true } });
    const rollup = async (orgUnitId: string) => Number((await db.$queryRaw<{ n: number }[]>`SELECT households AS n FROM rollup_register_unit WHERE "orgUnitId" = ${orgUnitId}`)[0]?.n ?? 0);
    const [xjBefore, jyBefore] = [await rollup(xj.id), await rollup(jy.id)];
    const { totals } = await importFile("py.manager", "households", csv([
      HH_HEADERS,
      ["PY-TRG-1", "吴一", "浦阳镇谢家村新村路", "谢家村", "", "2", "困难家庭、新居民"],
      ["PY-TRG-2", "吴二", "", "谢家村", "", "1", ""],
      [moved.householdKey, "搬迁户", "谢家村安置区", "谢家村", "", "3", ""], // moves from 径游村 to 谢家村
    ]));
    expect(totals).toMatchObject({ created: 2, updated: 1, invalid: 0 });
    const created = await db.household.findMany({ where: { householdKey: { in: ["PY-TRG-1", "PY-TRG-2"] } }, orderBy: { id: "asc" } });
    expect(created.map((h) => h.householdKey)).toEqual(["PY-TRG-1", "PY-TRG-2"]);
    expect(created[0]!.addressBigrams).toEqual(expect.arrayContaining(["浦阳", "新村", "村路"]));
    expect(created[0]!.tags).toEqual(["困难家庭", "新居民"]);
    const after = await db.household.findUniqueOrThrow({ where: { id: moved.id } });
    expect(after).toMatchObject({ orgUnitId: xj.id, headName: "搬迁户", phone: moved.phone, version: moved.version + 1 });
    expect(after.addressBigrams).toEqual(expect.arrayContaining(["安置", "置区"]));
    expect([await rollup(xj.id), await rollup(jy.id)]).toEqual([xjBefore + 3, jyBefore - 1]);
    const report = await checkRollups();
    for (const [table, r] of Object.entries(report)) expect({ table, ...r }).toEqual({ table, mismatches: 0, sample: [] });
  });

  it("a generated 10,000-row CSV completes in batches", { timeout: 120_000 }, async () => {
    const villages = ["谢家村", "径游村", "传化农创村", "安山村", "森海社区"];
    const rows: (string | number)[][] = [HH_HEADERS];
    for (let i = 0; i < 10_000; i++) {
      rows.push([`BULK-${String(i).padStart(5, "0")}`, `批量${i}`, `浦阳镇第${i}号`, villages[i % 5]!, `139${String(10_000_000 + i).padStart(8, "0")}`, (i % 6) + 1, i % 7 === 0 ? "困难家庭" : ""]);
    }
    rows[5001] = ["BULK-BAD", "", "", "谢家村", "", "1", ""]; // one invalid row in the middle
    // How long it takes is measured by `npm run bench -- --only=import`, not asserted here: a
    // wall-clock bound fails on a busy machine and says nothing about whether the rows landed.
    const { upload, totals } = await importFile("py.manager", "households", csv(rows));
    expect(upload.preview).toMatchObject({ totalRows: 10_000, newRows: 9_999, invalidRows: 1 });
    expect(totals).toMatchObject({ created: 9_999, invalid: 1, batches: Math.ceil(10_000 / IMPORT_BATCH_SIZE) });
    expect(await db.household.count({ where: { householdKey: { startsWith: "BULK-" } } })).toBe(9_999);
  });
});

describe("import housekeeping (the hourly sweep)", () => {
  // The stored files of one upload, as the sweep sees them.
  const uploadFiles = (userId: string, importId: string) => {
    const dir = path.join(process.env.STORAGE_DIR!, "imports", userId);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${importId}.`)).map((f) => path.join(dir, f)) : [];
  };
  const setJobState = (importId: string, state: "failed" | "completed") =>
    db.$executeRaw`UPDATE pgboss.job SET state = ${state}::pgboss.job_state WHERE name = ${IMPORT_JOB} AND id = ${singletonJobId(IMPORT_JOB, importId)}::uuid`;

  it("an import whose job died on its last attempt is stopped with a reason, not left running; one whose job waits is left alone", async () => {
    const user = await sessionUser("py.manager");
    const started: string[] = [];
    for (const key of ["PY-LOST-1", "PY-LIVE-1"]) {
      const upload = await receiveImportUpload(user, "households", `${key}.csv`, csv([HH_HEADERS, [key, "郑一", "", "谢家村", "", "1", ""]]));
      if (!upload.ok) throw new Error(upload.error);
      await actAs("py.manager");
      expect((await startImportAction({ kind: "households", importId: upload.importId })).ok).toBe(true);
      started.push(upload.importId);
    }
    const [lost, live] = started as [string, string];
    // What pg-boss leaves when the worker running the last attempt is killed: the job expires,
    // no retry is left, and no handler ever ran the give-up path.
    await setJobState(lost, "failed");
    await db.registerImport.update({ where: { id: lost }, data: { status: "RUNNING" } });

    expect(await stopOrphanedImports()).toBe(1);
    const progress = await importProgress(user, lost);
    expect(progress).toMatchObject({ status: "FAILED", doneRows: 0, failure: "导入任务多次中断（如服务器重启）后已停止；已写入的行保留，其余行请重新上传。" });
    expect(uploadFiles(user.id, lost)).toEqual([]);
    // The waiting one keeps its row, its upload and its job, and still imports.
    expect((await db.registerImport.findUniqueOrThrow({ where: { id: live } })).status).toBe("QUEUED");
    expect(uploadFiles(user.id, live).length).toBeGreaterThan(0);
    await runImport(live);
    expect(await db.household.count({ where: { householdKey: { in: ["PY-LOST-1", "PY-LIVE-1"] } } })).toBe(1);
    await setJobState(live, "completed");
    expect(await stopOrphanedImports()).toBe(0);
  });

  it("deletes uploads nobody will import a day after their last write, never one whose import is queued", async () => {
    // A storage of its own: the other tests' uploads are not this test's to count.
    process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "registers-sweep-"));
    onTestFinished(() => {
      rmSync(process.env.STORAGE_DIR!, { recursive: true, force: true });
      process.env.STORAGE_DIR = storageDir;
    });
    const user = await sessionUser("py.manager");
    const upload = async (key: string) => {
      const u = await receiveImportUpload(user, "households", `${key}.csv`, csv([HH_HEADERS, [key, "王二", "", "谢家村", "", "1", ""]]));
      if (!u.ok) throw new Error(u.error);
      return u.importId;
    };
    const abandoned = await upload("PY-STALE-1");
    const confirmed = await upload("PY-STALE-2");
    await actAs("py.manager");
    expect((await startImportAction({ kind: "households", importId: confirmed })).ok).toBe(true);
    // A reading cut off before the meta was written: one slice, no meta.
    const cutOff = "0f0e0d0c-0b0a-4908-8706-050403020100";
    writeFileSync(path.join(process.env.STORAGE_DIR!, "imports", user.id, `${cutOff}.0.rows.json`), "{}");
    // The files' times are set from the suite's clock (a week back), and the sweep is asked
    // about instants measured from them: no dependence on the day the suite runs.
    const written = new Date(now().getTime() - 7 * UPLOAD_KEPT_MS);
    for (const id of [abandoned, confirmed, cutOff]) for (const f of uploadFiles(user.id, id)) utimesSync(f, written, written);

    expect(await purgeStaleUploads(new Date(written.getTime() + UPLOAD_KEPT_MS - 60_000))).toBe(0);
    expect(uploadFiles(user.id, abandoned).length).toBeGreaterThan(1);

    expect(await purgeStaleUploads(new Date(written.getTime() + UPLOAD_KEPT_MS + 60_000))).toBe(2);
    expect(uploadFiles(user.id, abandoned)).toEqual([]);
    expect(uploadFiles(user.id, cutOff)).toEqual([]);
    // The confirmed one is still the job's to read, and imports.
    await runImport(confirmed);
    expect((await db.registerImport.findUniqueOrThrow({ where: { id: confirmed } })).status).toBe("DONE");
    expect(await db.household.count({ where: { householdKey: "PY-STALE-2" } })).toBe(1);
  });
});

describe("enterprise import", () => {
  it("validates credit codes, size, grid and commissioner; re-import updates by credit code", async () => {
    const good = makeCreditCode(880_001, "330106");
    const good2 = makeCreditCode(880_002, "330106");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const existing = await db.enterprise.findFirstOrThrow({ where: { orgUnit: { code: "GD-G03" } } });
    const file = csv([
      ["企业名称", "统一社会信用代码", "地址", "所属网格", "行业", "规模", "联系人", "联系电话", "经济专员用户名"],
      ["杭州导入一号有限公司", good, "文一路1号", "GD-G01", "软件", "规上", "甲", "13800001111", "gd.officer"],
      ["杭州导入二号有限公司", good2.toLowerCase(), "", "西溪国际网格", "", "小微", "", "", ""],
      ["坏代码公司", bad, "", "GD-G01", "", "小微", "", "", ""],
      ["规模不明公司", makeCreditCode(880_003, "330106"), "", "GD-G01", "", "中型", "", "", ""],
      ["专员越界公司", makeCreditCode(880_004, "330106"), "", "GD-G01", "", "小微", "", "", "py.officer"],
      [existing.name + "（更名）", existing.creditCode, existing.address, "GD-G03", existing.industry, "规上", "", "138****0000", ""],
    ]);
    // A throwaway manager of 古荡街道: py.officer (浦阳镇) is outside their subtree.
    const gd = await unitByCode("XH-GD");
    await db.user.create({ data: { username: "gd.manager.test", name: "古荡测试经理", role: "MANAGER", orgUnitId: gd.id, passwordHash: "x" } });
    const { upload, totals } = await importFile("gd.manager.test", "enterprises", file, "企业.csv");
    expect(upload.preview).toMatchObject({ newRows: 2, updateRows: 1, invalidRows: 3 });
    expect(upload.preview.errors).toEqual(expect.arrayContaining([
      { row: 4, column: "统一社会信用代码", reason: "统一社会信用代码无效（应为 18 位且校验码正确）" },
      { row: 5, column: "规模", reason: "规模应为“规上”或“小微”" },
      { row: 6, column: "经济专员用户名", reason: "该用户不存在或不在您的管辖范围内" },
    ]));
    expect(totals).toMatchObject({ created: 2, updated: 1, invalid: 3 });
    const one = await db.enterprise.findUniqueOrThrow({ where: { creditCode: good } });
    expect(one).toMatchObject({ size: "ABOVE_SCALE", commissionerId: (await demoUser("gd.officer")).id, contactPhone: "13800001111" });
    expect(await db.enterprise.count({ where: { creditCode: good2 } })).toBe(1);
    const renamed = await db.enterprise.findUniqueOrThrow({ where: { id: existing.id } });
    expect(renamed).toMatchObject({ name: existing.name + "（更名）", size: "ABOVE_SCALE", contactPhone: existing.contactPhone });

    // For 余杭区's admin every 古荡 grid (and the existing 古荡 credit code) is out of scope.
    const yh = await importFile("yh.admin", "enterprises", file, "企业.csv").catch((e: Error) => e);
    expect(yh).not.toBeInstanceOf(Error);
    if (!(yh instanceof Error)) expect(yh.upload.preview).toMatchObject({ newRows: 0, updateRows: 0, invalidRows: 6 });
  });
});

describe("export", () => {
  async function exportRows(kind: RegisterKind, query: string) {
    const response = await exportRoute(new Request(`http://localhost:3000/api/registers/${kind}/export?${query}`), { params: Promise.resolve({ kind }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    return rows;
  }

  it("exports exactly the filtered rows with the filter line and export time, audited with filters and row count", async () => {
    const manager = await actAs("py.manager");
    const as = await unitByCode("XS-PY-AS");
    const rows = await exportRows("households", `org=${as.id}&tag=${encodeURIComponent("困难家庭")}`);
    expect(rows[0]![0]).toContain("安山村");
    expect(rows[0]![0]).toContain("困难家庭");
    expect(rows[0]![0]).toMatch(/导出时间：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    expect(rows[1]).toEqual(["户号", "户主姓名", "地址", "村/社区", "联系电话", "家庭人口", "标签", "状态"]);
    const expected = await db.household.findMany({ where: { orgUnitId: as.id, tags: { has: "困难家庭" }, active: true }, orderBy: { id: "asc" } });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.slice(2).map((r) => r[0])).toEqual(expected.map((h) => h.householdKey));
    // Managers hold personalData.unmask: their export carries full numbers, and says so in the audit.
    const withPhone = expected.find((h) => h.phone);
    if (withPhone) expect(rows.find((r) => r[0] === withPhone.householdKey)![4]).toBe(withPhone.phone);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "register.export", actorId: manager.id }, orderBy: { seq: "desc" } });
    expect(audit.data).toMatchObject({ rows: expected.length, unmasked: true, filters: { orgUnitId: as.id, tag: "困难家庭", active: true } });
  });

  it("officers may not export; an enterprise export stays in the actor's scope", async () => {
    await actAs("py.officer");
    const denied = await exportRoute(new Request("http://localhost:3000/api/registers/households/export"), { params: Promise.resolve({ kind: "households" }) });
    expect(denied.status).toBe(403);
    await actAs("yh.manager");
    const rows = await exportRows("enterprises", "size=ABOVE_SCALE");
    const yh = await sessionUser("yh.manager");
    const expected = await db.enterprise.findMany({ where: { size: "ABOVE_SCALE", active: true, orgUnit: { path: { startsWith: yh.orgPath } } }, orderBy: { id: "asc" } });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.slice(2).map((r) => r[1])).toEqual(expected.map((e) => e.creditCode));
    expect(rows.slice(2).every((r) => r[5] === "规上")).toBe(true);
  });
});
