// Register import at district scale: the streaming reader (.xlsx through exceljs' stream
// reader, .csv line by line, either from bytes or an uploaded File), slices cut as the file is
// read, and the background job that writes the batches and keeps the progress row (decision
// 0018). Sizes stay a few thousand rows: 500,000 rows belong in the bench.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { csvRecords } from "@/lib/platform/exports/import-sheet";
import { IMPORT_BATCH_SIZE, streamImportFile, type RawRow } from "@/lib/registers/import";
import { startImportAction } from "@/lib/registers/import-actions";
import { registerImportJobs, runImport, runImportBatch } from "@/lib/registers/import-jobs";
import { importProgress, loadImportMeta, receiveImportUpload } from "@/lib/registers/import-service";
import { GET as progressRoute } from "@/app/api/registers/import/[importId]/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), "registers-import-stream-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));
beforeEach(() => resetRequest());

const HH_HEADERS = ["户号", "户主姓名", "地址", "村/社区", "联系电话", "家庭人口", "标签"];
const csvLine = (r: (string | number)[]) => r.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(",");
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map(csvLine).join("\n"), "utf8");

/** `text` in GB18030 (as Excel on Chinese Windows saves CSV): ASCII as is, the rest from the decoder's two-byte table. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

async function rowsOf(source: Buffer | Blob): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of streamImportFile("households", source)) rows.push(row);
  return rows;
}

async function upload(username: string, file: Buffer | Blob, fileName = "农户.csv") {
  const result = await receiveImportUpload(await sessionUser(username), "households", fileName, file);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("streaming reader", () => {
  it("reads CSV records across any chunking: quoted commas, doubled quotes, line breaks in a field, CRLF, blank lines", async () => {
    const text = '户号,户主姓名,地址\r\nA-1,"王,小明","谢家村""一组""\r\n12号"\r\n\r\nA-2,李四,\nA-3,"",末行';
    const whole: { row: number; values: string[] }[] = [];
    for await (const r of csvRecords((async function* () { yield text; })())) whole.push(r);
    expect(whole).toEqual([
      { row: 1, values: ["户号", "户主姓名", "地址"] },
      { row: 2, values: ["A-1", "王,小明", '谢家村"一组"\r\n12号'] },
      { row: 3, values: [""] },
      { row: 4, values: ["A-2", "李四", ""] },
      { row: 5, values: ["A-3", "", "末行"] },
    ]);
    // One character at a time: a quote, a CR or a doubled quote split across chunks reads the same.
    const split: typeof whole = [];
    for await (const r of csvRecords((async function* () { for (const ch of text) yield ch; })())) split.push(r);
    expect(split).toEqual(whole);
  });

  it("reads a CSV from an uploaded File, in UTF-8 with a BOM or in GB18030, numbering rows as a spreadsheet does", async () => {
    const lines = [HH_HEADERS, ["PY-S-1", "王小明", "谢家村", "谢家村", "13811110001", "3", ""], [], ["PY-S-2", "李小红", "", "谢家村", "", "", ""]];
    const utf8 = new File([new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(lines)]))], "a.csv");
    const gbText = lines.map(csvLine).join("\r\n");
    const gb = gb18030(gbText);
    for (const source of [utf8, new File([new Uint8Array(gb)], "b.csv")]) {
      const rows = await rowsOf(source);
      expect(rows.map((r) => [r.row, r.cells.householdKey, r.cells.headName])).toEqual([[2, "PY-S-1", "王小明"], [4, "PY-S-2", "李小红"]]);
    }
  });

  it("streams an .xlsx: a bad row's error is keyed by its row and column, numbers read as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("农户");
    sheet.addRow(["萧山区浦阳镇 农户台账"]); // an export's caption line before the header
    sheet.addRow(HH_HEADERS);
    sheet.addRow(["PY-SX-1", "钱七", "森海社区", "森海社区", 13811112222, 2, "新居民"]);
    sheet.addRow(["PY-SX-2", "", "", "森海社区", "", 0, ""]);
    const file = new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "农户.xlsx");
    const rows = await rowsOf(file);
    expect(rows[0]).toEqual({ row: 3, cells: { householdKey: "PY-SX-1", headName: "钱七", address: "森海社区", orgUnit: "森海社区", phone: "13811112222", membersCount: "2", tags: "新居民" } });
    await actAs("py.manager");
    const up = await upload("py.manager", file, "农户.xlsx");
    expect(up.preview).toMatchObject({ totalRows: 2, newRows: 1, invalidRows: 1 });
    expect(up.preview.errors).toEqual([
      { row: 4, column: "户主姓名", reason: "必填" },
      { row: 4, column: "家庭人口", reason: "家庭人口至少为 1" },
    ]);
  });

  it("refuses an unreadable file and stores nothing of it", async () => {
    const user = await sessionUser("py.manager");
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const stored = () => readdirSync(storageDir, { recursive: true }).length;
    const before = stored();
    expect(await receiveImportUpload(user, "households", "x.xlsx", junk)).toEqual({ ok: false, error: "无法读取该文件，请上传 .xlsx 或 .csv 文件" });
    // A file that breaks off after its first slices: the slices written so far go again.
    const rows: (string | number)[][] = [HH_HEADERS];
    for (let i = 0; i < IMPORT_BATCH_SIZE + 1; i++) rows.push([`PY-UNR-${i}`, "某", "", "谢家村", "", "1", ""]);
    const broken = Buffer.concat([csv(rows), Buffer.from('\nPY-UNR-X,"未闭合的引号,谢家村')]);
    expect(await receiveImportUpload(user, "households", "y.csv", broken)).toMatchObject({ ok: false });
    expect(stored()).toBe(before);
  });

  it("cuts slices as it reads: the duplicate check and the preview span the whole file", { timeout: 60_000 }, async () => {
    const rows: (string | number)[][] = [HH_HEADERS];
    for (let i = 0; i < IMPORT_BATCH_SIZE + 5; i++) rows.push([`PY-SL-${i}`, `切片${i}`, "", "谢家村", "", "1", ""]);
    rows.push(["PY-SL-1", "重复", "", "谢家村", "", "1", ""]); // repeats row 3, one slice back
    const up = await upload("py.manager", csv(rows));
    expect(up.preview).toMatchObject({ totalRows: IMPORT_BATCH_SIZE + 6, newRows: IMPORT_BATCH_SIZE + 5, invalidRows: 1 });
    expect(up.preview.errors).toEqual([{ row: IMPORT_BATCH_SIZE + 7, column: "户号", reason: "与文件中前面的行重复" }]);
    expect(await loadImportMeta((await demoUser("py.manager")).id, up.importId)).toMatchObject({ totalRows: IMPORT_BATCH_SIZE + 6, sliceSize: IMPORT_BATCH_SIZE });
  });
});

describe("import job", () => {
  it("moves the progress row to DONE batch by batch; a rerun or a second job at once writes no batch twice; the error report", { timeout: 120_000 }, async () => {
    const total = 2 * IMPORT_BATCH_SIZE + 10;
    const rows: (string | number)[][] = [HH_HEADERS];
    for (let i = 0; i < total; i++) rows.push([`PY-JOB-${i}`, `任务${i}`, `浦阳镇${i}号`, "谢家村", "", "2", ""]);
    rows[3] = ["PY-JOB-BAD", "", "", "谢家村", "123", "1", ""]; // file row 4
    const up = await upload("py.manager", csv(rows));
    await actAs("py.manager");
    const started = await startImportAction({ kind: "households", importId: up.importId });
    expect(started.ok).toBe(true);
    expect(await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } })).toMatchObject({ status: "QUEUED", nextBatch: 0, doneRows: 0, totalRows: total });
    // Confirming twice is refused: the job is queued once.
    expect(await startImportAction({ kind: "households", importId: up.importId })).toMatchObject({ ok: false, error: "该文件已确认导入，请勿重复提交。" });

    expect(await runImportBatch(up.importId)).toBe("more");
    expect(await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } })).toMatchObject({
      status: "RUNNING", nextBatch: 1, doneRows: IMPORT_BATCH_SIZE, created: IMPORT_BATCH_SIZE - 1, invalid: 1, errorCount: 2,
    });
    // A retried job and the first one at once: each takes the next unwritten batch.
    await Promise.all([runImport(up.importId), runImport(up.importId)]);
    await runImport(up.importId); // and once more after the end: nothing left to do
    const done = await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } });
    expect(done).toMatchObject({ status: "DONE", nextBatch: 3, doneRows: total, created: total - 1, updated: 0, invalid: 1 });
    expect(done.finishedAt).not.toBeNull();
    expect(await db.household.count({ where: { householdKey: { startsWith: "PY-JOB-" } } })).toBe(total - 1);
    const audits = await db.auditLog.findMany({ where: { action: "register.import", data: { path: ["importId"], equals: up.importId } }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => (a.data as { batch: number }).batch)).toEqual([0, 1, 2]);
    expect(audits.at(-1)!.data).toMatchObject({ final: true, rows: { from: 2 * IMPORT_BATCH_SIZE + 2, to: total + 1 } });
    expect(await db.auditLog.count({ where: { action: "register.import.start", data: { path: ["importId"], equals: up.importId } } })).toBe(1);
    // The stored rows go once the import is done.
    expect(await loadImportMeta((await demoUser("py.manager")).id, up.importId)).toBeNull();

    // The report, translated for its reader; only the uploader finds it.
    const progress = await importProgress(await sessionUser("py.manager"), up.importId);
    expect(progress).toMatchObject({ status: "DONE", totalRows: total, doneRows: total, created: total - 1, invalid: 1, errorsTruncated: false, failure: null });
    expect(progress!.errors).toEqual([{ row: 4, column: "户主姓名", reason: "必填" }, { row: 4, column: "联系电话", reason: "请输入 11 位手机号码" }]);
    const get = () => progressRoute(new Request(`http://localhost:3000/api/registers/import/${up.importId}`), { params: Promise.resolve({ importId: up.importId }) });
    const own = await get();
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ status: "DONE", created: total - 1 });
    await actAs("yh.manager");
    expect((await get()).status).toBe(404);
  });

  it("a batch that fails on every attempt: retried from that batch, and after the last retry the row is FAILED and the page says how far it got", { timeout: 60_000 }, async () => {
    const total = IMPORT_BATCH_SIZE + 3;
    const rows: (string | number)[][] = [HH_HEADERS];
    for (let i = 0; i < total; i++) rows.push([`PY-GIVEUP-${i}`, `重试${i}`, "", "谢家村", "", "1", ""]);
    const up = await upload("py.manager", csv(rows));
    await actAs("py.manager");
    expect((await startImportAction({ kind: "households", importId: up.importId })).ok).toBe(true);
    // The first batch's transaction goes through; every later one fails as a lost database would.
    const real = db.$transaction.bind(db);
    let calls = 0;
    const spy = vi.spyOn(db, "$transaction").mockImplementation(((...args: Parameters<typeof db.$transaction>) => {
      calls += 1;
      return calls === 1 ? real(...args) : Promise.reject(new Error("connection terminated"));
    }) as typeof db.$transaction);
    const [importJob] = registerImportJobs;
    try {
      // Not the last attempt: the job fails for pg-boss to retry, the row stays RUNNING at batch 1.
      await expect(importJob.handler({ importId: up.importId }, { retryCount: 1, retryLimit: 2 })).rejects.toThrow("connection terminated");
      expect(await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } })).toMatchObject({ status: "RUNNING", nextBatch: 1, doneRows: IMPORT_BATCH_SIZE, failure: null });
      // The last attempt fails too: the row is FAILED, the first batch stays written.
      await expect(importJob.handler({ importId: up.importId }, { retryCount: 2, retryLimit: 2 })).rejects.toThrow("connection terminated");
    } finally {
      spy.mockRestore();
    }
    const failed = await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } });
    expect(failed).toMatchObject({ status: "FAILED", failure: "registers.importGaveUp", nextBatch: 1, doneRows: IMPORT_BATCH_SIZE, created: IMPORT_BATCH_SIZE });
    expect(failed.finishedAt).not.toBeNull();
    expect(await db.household.count({ where: { householdKey: { startsWith: "PY-GIVEUP-" } } })).toBe(IMPORT_BATCH_SIZE);
    // The stored rows are gone and a later run (an expired duplicate) does nothing.
    expect(await loadImportMeta((await demoUser("py.manager")).id, up.importId)).toBeNull();
    await runImport(up.importId);
    expect(await db.household.count({ where: { householdKey: { startsWith: "PY-GIVEUP-" } } })).toBe(IMPORT_BATCH_SIZE);
    // What the page polls.
    const res = await progressRoute(new Request(`http://localhost:3000/api/registers/import/${up.importId}`), { params: Promise.resolve({ importId: up.importId }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "FAILED", doneRows: IMPORT_BATCH_SIZE, totalRows: total, created: IMPORT_BATCH_SIZE,
      failure: "服务器写入时多次出错，重试后仍未成功，导入已停止。",
    });
  });

  it("an officer cannot import; the job stops, writing nothing, when the uploader's unit changes after confirming", { timeout: 60_000 }, async () => {
    const file = csv([HH_HEADERS, ["PY-STOP-1", "周九", "", "谢家村", "", "1", ""]]);
    const officerUpload = await receiveImportUpload(await sessionUser("py.officer"), "households", "a.csv", file);
    if (!officerUpload.ok) throw new Error(officerUpload.error);
    await actAs("py.officer");
    expect((await startImportAction({ kind: "households", importId: officerUpload.importId })).ok).toBe(false);
    expect(await db.registerImport.count({ where: { id: officerUpload.importId } })).toBe(0);

    // A throwaway manager of 浦阳镇, moved to 良渚 after confirming (the move ends their sessions).
    const py = await unitByCode("XS-PY");
    const lz = await unitByCode("YH-LZ");
    const manager = await db.user.create({ data: { username: "py.manager.move", name: "浦阳测试经理", role: "MANAGER", orgUnitId: py.id, passwordHash: "x" } });
    const up = await upload("py.manager.move", file);
    await actAs("py.manager.move");
    expect((await startImportAction({ kind: "households", importId: up.importId })).ok).toBe(true);
    await db.user.update({ where: { id: manager.id }, data: { orgUnitId: lz.id, sessionVersion: { increment: 1 } } });
    await runImport(up.importId);
    expect(await db.registerImport.findUniqueOrThrow({ where: { id: up.importId } })).toMatchObject({ status: "FAILED", failure: "registers.importStopped", doneRows: 0, created: 0 });
    expect(await db.household.count({ where: { householdKey: "PY-STOP-1" } })).toBe(0);
    const moved = (await loadSessionUser(manager.id, manager.sessionVersion + 1))!;
    expect((await importProgress(moved, up.importId))!.failure).toBe("您的账号、角色或所属单位已变更，导入已停止。");
  });
});
