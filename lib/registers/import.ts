// Bulk import of the registers from .xlsx or .csv with Chinese headers. Every row is parsed
// and validated with the same schemas as the forms; the preview reports new / update /
// invalid counts and a per-row error list (row number, column, reason). Writing happens in
// batches (the client loops), each batch re-reading the stored upload, so no server instance
// keeps state between requests. A row is one INSERT or one UPDATE: it lands whole or not at
// all; re-importing matches on 户号 / 统一社会信用代码 and updates instead of duplicating.
import "server-only";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ImportFileError, readImportSheet, type ImportColumn, type RawRow } from "@/lib/platform/exports/import-sheet";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { orgUnitInSubtree } from "@/lib/platform/org/scope";
import { createEnterpriseSchema, createHouseholdSchema, type RegisterKind } from "./schemas";
import { ENTERPRISE_EXCLUDED_KINDS, HOUSEHOLD_UNIT_KINDS } from "./mutations";
import { normalizeCreditCode } from "./credit-code";

export const IMPORT_BATCH_SIZE = 500;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
/** Errors listed in a preview (counts stay exact beyond it). */
export const PREVIEW_MAX_ERRORS = 1000;

export const IMPORT_COLUMNS: Record<RegisterKind, ImportColumn[]> = {
  households: [
    { header: "户号", field: "householdKey", required: true },
    { header: "户主姓名", field: "headName", required: true },
    { header: "地址", field: "address" },
    { header: "村/社区", field: "orgUnit", required: true },
    { header: "联系电话", field: "phone" },
    { header: "家庭人口", field: "membersCount" },
    { header: "标签", field: "tags" },
  ],
  enterprises: [
    { header: "企业名称", field: "name", required: true },
    { header: "统一社会信用代码", field: "creditCode", required: true },
    { header: "地址", field: "address" },
    { header: "所属网格", field: "orgUnit", required: true },
    { header: "行业", field: "industry" },
    { header: "规模", field: "size" },
    { header: "联系人", field: "contactName" },
    { header: "联系电话", field: "contactPhone" },
    { header: "经济专员用户名", field: "commissioner" },
  ],
};

/** A problem with one cell; `reason` is a "@key" of the validation namespace or zod's own message. */
export type RowError = { row: number; column: string; reason: string };
export { ImportFileError, type RawRow };

// ───────────── Reading the file ─────────────

/** The data rows of the first sheet, keyed by column field; blank rows are skipped. */
export function readImportFile(kind: RegisterKind, buffer: Buffer): Promise<RawRow[]> {
  return readImportSheet(IMPORT_COLUMNS[kind], buffer, IMPORT_MAX_ROWS);
}

// ───────────── Validating rows ─────────────

type Unit = { id: string; name: string; code: string | null; kind: string; path: string; active: boolean };

export type HouseholdRow = z.infer<typeof createHouseholdSchema>;
export type EnterpriseRow = z.infer<typeof createEnterpriseSchema>;
export type ValidRow<T> = { row: number; op: "create" | "update"; existingId?: string; data: T; keepPhone: boolean };
export type Validated<T> = { valid: ValidRow<T>[]; errors: RowError[]; invalidRows: number };

const headerOf = (kind: RegisterKind, field: string) => IMPORT_COLUMNS[kind].find((c) => c.field === field)?.header ?? field;

async function unitResolver(client: Db | Tx, actor: Actor, allowed: (kind: string) => boolean) {
  const units: Unit[] = await client.orgUnit.findMany({
    where: orgUnitInSubtree(actor),
    select: { id: true, name: true, code: true, kind: true, path: true, active: true },
  });
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!.toUpperCase(), u]));
  const byName = new Map<string, Unit[]>();
  for (const u of units) if (u.active && allowed(u.kind)) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  return (text: string): { unit?: Unit; reason?: string } => {
    if (!text) return { reason: "@required" };
    const coded = byCode.get(text.toUpperCase());
    if (coded) {
      if (!allowed(coded.kind)) return { reason: "@registers.importUnitKind" };
      if (!coded.active) return { reason: "@orgUnitInactive" };
      return { unit: coded };
    }
    const named = byName.get(text) ?? [];
    if (named.length === 1) return { unit: named[0] };
    if (named.length > 1) return { reason: "@registers.importUnitAmbiguous" };
    return { reason: "@registers.importUnitNotFound" };
  };
}

/** A masked phone (from an export) or an empty cell keeps what is stored. */
const keepsPhone = (v: string) => v === "" || v.includes("*");

function zodRowErrors(kind: RegisterKind, row: number, issues: z.core.$ZodIssue[]): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const column = headerOf(kind, field === "orgUnitId" ? "orgUnit" : field === "commissionerId" ? "commissioner" : field);
    if (seen.has(column)) continue;
    seen.add(column);
    out.push({ row, column, reason: issue.message });
  }
  return out;
}

const SIZE_WORDS: Record<string, "ABOVE_SCALE" | "SMALL_MICRO"> = {
  "": "SMALL_MICRO", 规上: "ABOVE_SCALE", 规上企业: "ABOVE_SCALE", 规模以上: "ABOVE_SCALE", ABOVE_SCALE: "ABOVE_SCALE",
  小微: "SMALL_MICRO", 小微企业: "SMALL_MICRO", SMALL_MICRO: "SMALL_MICRO",
};

/**
 * Validates all rows for duplicates within the file, and rows [from, to) fully (schema,
 * org unit, commissioner, existing record in or out of scope).
 */
export async function validateHouseholdRows(
  actor: Actor, rows: RawRow[], from = 0, to = rows.length, client: Db | Tx = db,
): Promise<Validated<HouseholdRow>> {
  const resolveUnit = await unitResolver(client, actor, (k) => HOUSEHOLD_UNIT_KINDS.includes(k));
  const firstRowOfKey = new Map<string, number>();
  for (const r of rows) {
    const key = r.cells.householdKey?.trim();
    if (key && !firstRowOfKey.has(key)) firstRowOfKey.set(key, r.row);
  }
  const slice = rows.slice(from, to);
  const keys = [...new Set(slice.map((r) => r.cells.householdKey?.trim()).filter((k): k is string => !!k))];
  const existing = new Map(
    (await client.household.findMany({ where: { householdKey: { in: keys } }, select: { id: true, householdKey: true, orgUnit: { select: { path: true } } } }))
      .map((h) => [h.householdKey, h]),
  );

  const result: Validated<HouseholdRow> = { valid: [], errors: [], invalidRows: 0 };
  for (const r of slice) {
    const c = r.cells;
    const errors: RowError[] = [];
    const unit = resolveUnit(c.orgUnit ?? "");
    if (unit.reason) errors.push({ row: r.row, column: headerOf("households", "orgUnit"), reason: unit.reason });
    const keepPhone = keepsPhone(c.phone ?? "");
    const parsed = createHouseholdSchema.safeParse({
      householdKey: c.householdKey ?? "", headName: c.headName ?? "", address: c.address ?? "", orgUnitId: unit.unit?.id ?? "-",
      phone: keepPhone ? "" : (c.phone ?? ""), membersCount: c.membersCount || "1", tags: c.tags ?? "",
    });
    if (!parsed.success) errors.push(...zodRowErrors("households", r.row, parsed.error.issues).filter((e) => e.column !== headerOf("households", "orgUnit")));
    const key = c.householdKey?.trim() ?? "";
    const found = existing.get(key);
    if (key && firstRowOfKey.get(key) !== r.row) {
      errors.push({ row: r.row, column: headerOf("households", "householdKey"), reason: "@import.duplicateInFile" });
    } else if (found && !isWithinSubtree(found.orgUnit.path, actor.orgPath)) {
      errors.push({ row: r.row, column: headerOf("households", "householdKey"), reason: "@registers.householdKeyTaken" });
    }
    if (errors.length || !parsed.success) {
      result.invalidRows += 1;
      result.errors.push(...errors);
      continue;
    }
    result.valid.push({ row: r.row, op: found ? "update" : "create", existingId: found?.id, data: parsed.data, keepPhone });
  }
  return result;
}

export async function validateEnterpriseRows(
  actor: Actor, rows: RawRow[], from = 0, to = rows.length, client: Db | Tx = db,
): Promise<Validated<EnterpriseRow>> {
  const resolveUnit = await unitResolver(client, actor, (k) => !ENTERPRISE_EXCLUDED_KINDS.includes(k));
  const codeOf = (r: RawRow) => normalizeCreditCode(r.cells.creditCode ?? "");
  const firstRowOfCode = new Map<string, number>();
  for (const r of rows) {
    const code = codeOf(r);
    if (code && !firstRowOfCode.has(code)) firstRowOfCode.set(code, r.row);
  }
  const slice = rows.slice(from, to);
  const codes = [...new Set(slice.map(codeOf).filter(Boolean))];
  const existing = new Map(
    (await client.enterprise.findMany({ where: { creditCode: { in: codes } }, select: { id: true, creditCode: true, orgUnit: { select: { path: true } } } }))
      .map((e) => [e.creditCode, e]),
  );
  const usernames = [...new Set(slice.map((r) => r.cells.commissioner?.trim()).filter((u): u is string => !!u))];
  const commissioners = new Map(
    (await client.user.findMany({ where: { username: { in: usernames }, orgUnit: { path: { startsWith: actor.orgPath } } }, select: { id: true, username: true, active: true } }))
      .map((u) => [u.username, u]),
  );

  const result: Validated<EnterpriseRow> = { valid: [], errors: [], invalidRows: 0 };
  for (const r of slice) {
    const c = r.cells;
    const errors: RowError[] = [];
    const unit = resolveUnit(c.orgUnit ?? "");
    if (unit.reason) errors.push({ row: r.row, column: headerOf("enterprises", "orgUnit"), reason: unit.reason });
    const size = SIZE_WORDS[(c.size ?? "").replace(/\s+/g, "").toUpperCase()];
    if (!size) errors.push({ row: r.row, column: headerOf("enterprises", "size"), reason: "@registers.importSize" });
    const username = c.commissioner?.trim() ?? "";
    const commissioner = username ? commissioners.get(username) : undefined;
    if (username && !commissioner) errors.push({ row: r.row, column: headerOf("enterprises", "commissioner"), reason: "@registers.commissionerOutOfScope" });
    else if (commissioner && !commissioner.active) errors.push({ row: r.row, column: headerOf("enterprises", "commissioner"), reason: "@registers.commissionerInactive" });
    const keepPhone = keepsPhone(c.contactPhone ?? "");
    const parsed = createEnterpriseSchema.safeParse({
      name: c.name ?? "", creditCode: c.creditCode ?? "", address: c.address ?? "", orgUnitId: unit.unit?.id ?? "-",
      industry: c.industry ?? "", size: size ?? "SMALL_MICRO", contactName: c.contactName ?? "",
      contactPhone: keepPhone ? "" : (c.contactPhone ?? ""), commissionerId: commissioner?.id ?? "",
    });
    if (!parsed.success) {
      const skip = new Set([headerOf("enterprises", "orgUnit"), headerOf("enterprises", "commissioner"), headerOf("enterprises", "size")]);
      errors.push(...zodRowErrors("enterprises", r.row, parsed.error.issues).filter((e) => !skip.has(e.column)));
    }
    const code = codeOf(r);
    const found = existing.get(code);
    if (code && firstRowOfCode.get(code) !== r.row) {
      errors.push({ row: r.row, column: headerOf("enterprises", "creditCode"), reason: "@import.duplicateInFile" });
    } else if (found && !isWithinSubtree(found.orgUnit.path, actor.orgPath)) {
      errors.push({ row: r.row, column: headerOf("enterprises", "creditCode"), reason: "@registers.creditCodeTaken" });
    }
    if (errors.length || !parsed.success) {
      result.invalidRows += 1;
      result.errors.push(...errors);
      continue;
    }
    result.valid.push({ row: r.row, op: found ? "update" : "create", existingId: found?.id, data: parsed.data, keepPhone });
  }
  return result;
}

// ───────────── Preview and writing ─────────────

export type ImportPreview = {
  totalRows: number;
  newRows: number;
  updateRows: number;
  invalidRows: number;
  errors: RowError[];
  errorsTruncated: boolean;
};

export async function previewRows(actor: Actor, kind: RegisterKind, rows: RawRow[], client: Db | Tx = db): Promise<ImportPreview> {
  const v = kind === "households" ? await validateHouseholdRows(actor, rows, undefined, undefined, client) : await validateEnterpriseRows(actor, rows, undefined, undefined, client);
  return {
    totalRows: rows.length,
    newRows: v.valid.filter((r) => r.op === "create").length,
    updateRows: v.valid.filter((r) => r.op === "update").length,
    invalidRows: v.invalidRows,
    errors: v.errors.slice(0, PREVIEW_MAX_ERRORS),
    errorsTruncated: v.errors.length > PREVIEW_MAX_ERRORS,
  };
}

export type BatchResult = { processed: number; created: number; updated: number; invalid: number; firstRow: number | null; lastRow: number | null };

/**
 * Validates and writes rows [offset, offset + limit): the new rows in one INSERT (500
 * single-row INSERTs made a batch's transaction outlast its timeout on a loaded machine), the
 * existing ones one UPDATE each (each row its own values and version bump).
 */
export async function writeImportBatch(actor: Actor, kind: RegisterKind, rows: RawRow[], offset: number, limit = IMPORT_BATCH_SIZE, tx: Tx): Promise<BatchResult> {
  const to = Math.min(rows.length, offset + limit);
  const slice = rows.slice(offset, to);
  const out: BatchResult = { processed: slice.length, created: 0, updated: 0, invalid: 0, firstRow: slice[0]?.row ?? null, lastRow: slice.at(-1)?.row ?? null };
  if (kind === "households") {
    const v = await validateHouseholdRows(actor, rows, offset, to, tx);
    out.invalid = v.invalidRows;
    const creates = [];
    for (const r of v.valid) {
      const d = r.data;
      const fields = { headName: d.headName, address: d.address, orgUnitId: d.orgUnitId, membersCount: d.membersCount, tags: d.tags };
      if (r.op === "create") {
        creates.push({ householdKey: d.householdKey, phone: d.phone, ...fields });
      } else {
        await tx.household.update({ where: { id: r.existingId }, data: { ...fields, ...(r.keepPhone ? {} : { phone: d.phone }), version: { increment: 1 } } });
        out.updated += 1;
      }
    }
    if (creates.length) out.created = (await tx.household.createMany({ data: creates })).count;
  } else {
    const v = await validateEnterpriseRows(actor, rows, offset, to, tx);
    out.invalid = v.invalidRows;
    const creates = [];
    for (const r of v.valid) {
      const d = r.data;
      const fields = { name: d.name, address: d.address, orgUnitId: d.orgUnitId, industry: d.industry, size: d.size, contactName: d.contactName, commissionerId: d.commissionerId };
      if (r.op === "create") {
        creates.push({ creditCode: d.creditCode, contactPhone: d.contactPhone, ...fields });
      } else {
        await tx.enterprise.update({ where: { id: r.existingId }, data: { ...fields, ...(r.keepPhone ? {} : { contactPhone: d.contactPhone }), version: { increment: 1 } } });
        out.updated += 1;
      }
    }
    if (creates.length) out.created = (await tx.enterprise.createMany({ data: creates })).count;
  }
  return out;
}

// ───────────── Templates ─────────────

const TEMPLATE_EXAMPLES: Record<RegisterKind, string[]> = {
  households: ["XJ-0001", "谢建国", "萧山区浦阳镇谢家村1组12号", "谢家村", "13812345678", "4", "困难家庭、新居民"],
  enterprises: ["杭州示例科技有限公司", "91350100M000100Y43", "西湖区古荡街道文一西路1号", "云州国际中心网格", "软件和信息技术服务业", "小微", "王经理", "13912345678", "gd.officer"],
};

/** An .xlsx with the import headers and one example row. */
export async function importTemplate(kind: RegisterKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind === "households" ? "农户" : "企业");
  const header = sheet.addRow(IMPORT_COLUMNS[kind].map((c) => c.header));
  header.font = { bold: true };
  sheet.addRow(TEMPLATE_EXAMPLES[kind]);
  sheet.columns.forEach((col) => {
    col.width = 20;
    col.numFmt = "@";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
