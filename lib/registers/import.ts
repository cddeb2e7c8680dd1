// Bulk import of the registers from .xlsx or .csv with Chinese headers. Every row is parsed
// and validated with the same schemas as the forms; the preview reports new / update /
// invalid counts and a per-row error list (row number, column, reason). The file is read once,
// as a stream, at upload; writing happens in batches (a background job loops, import-jobs.ts),
// each batch reading only its own stored slice of parsed rows, so no server instance keeps
// state between batches and a batch costs the same at row 2,000 as at row 500,000. A batch
// writes set-based (one INSERT for its new rows, one UPDATE … FROM unnest for its existing
// ones; decision 0018); a row lands whole or not at all; re-importing matches on 户号 /
// 统一社会信用代码 and updates instead of duplicating.
import "server-only";
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ImportFileError, streamImportSheet, type ImportColumn, type ImportSource, type RawRow } from "@/lib/platform/exports/import-sheet";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { orgUnitInSubtree } from "@/lib/platform/org/scope";
import { createEnterpriseSchema, createHouseholdSchema, type RegisterKind } from "./schemas";
import { ENTERPRISE_EXCLUDED_KINDS, HOUSEHOLD_UNIT_KINDS } from "./mutations";
import { normalizeCreditCode } from "./credit-code";

/** Rows per stored slice and per written batch (one transaction and one audit row each). */
export const IMPORT_BATCH_SIZE = 2000;
/** A district's households: 500,000 rows are about 50 MB of CSV. */
export const IMPORT_MAX_MB = 64;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500_000;
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
export { ImportFileError, type ImportSource, type RawRow };

// ───────────── Reading the file ─────────────

/** The data rows of the first sheet, keyed by column field, as they are read; blank rows are skipped. */
export function streamImportFile(kind: RegisterKind, source: ImportSource): AsyncGenerator<RawRow> {
  return streamImportSheet(IMPORT_COLUMNS[kind], source, IMPORT_MAX_ROWS);
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

/** The key a row is matched on (户号, or the normalised credit code); "" when the cell is blank. */
export function importKeyOf(kind: RegisterKind, r: RawRow): string {
  return kind === "households" ? (r.cells.householdKey?.trim() ?? "") : normalizeCreditCode(r.cells.creditCode ?? "");
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
 * `slice` validated fully (schema, org unit, commissioner, existing record in or out of scope);
 * `firstRowOfKey` holds the whole file's first row of each of the slice's keys (kept at upload
 * as the file streams by), so a later row with the same key is a duplicate.
 */
export function validateSlice(
  actor: Actor, kind: RegisterKind, slice: RawRow[], firstRowOfKey: ReadonlyMap<string, number>, client: Db | Tx = db,
): Promise<Validated<HouseholdRow> | Validated<EnterpriseRow>> {
  return kind === "households" ? validateHouseholdSlice(actor, slice, firstRowOfKey, client) : validateEnterpriseSlice(actor, slice, firstRowOfKey, client);
}

async function validateHouseholdSlice(
  actor: Actor, slice: RawRow[], firstRowOfKey: ReadonlyMap<string, number>, client: Db | Tx,
): Promise<Validated<HouseholdRow>> {
  const resolveUnit = await unitResolver(client, actor, (k) => HOUSEHOLD_UNIT_KINDS.includes(k));
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

async function validateEnterpriseSlice(
  actor: Actor, slice: RawRow[], firstRowOfCode: ReadonlyMap<string, number>, client: Db | Tx,
): Promise<Validated<EnterpriseRow>> {
  const resolveUnit = await unitResolver(client, actor, (k) => !ENTERPRISE_EXCLUDED_KINDS.includes(k));
  const codeOf = (r: RawRow) => importKeyOf("enterprises", r);
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

/** A preview summed slice by slice as the upload streams by; errors beyond PREVIEW_MAX_ERRORS are counted only. */
export function emptyPreview(): ImportPreview {
  return { totalRows: 0, newRows: 0, updateRows: 0, invalidRows: 0, errors: [], errorsTruncated: false };
}

export function addToPreview(preview: ImportPreview, rows: number, v: Validated<unknown>): void {
  preview.totalRows += rows;
  for (const r of v.valid) {
    if (r.op === "create") preview.newRows += 1;
    else preview.updateRows += 1;
  }
  preview.invalidRows += v.invalidRows;
  const room = PREVIEW_MAX_ERRORS - preview.errors.length;
  preview.errors.push(...v.errors.slice(0, Math.max(0, room)));
  if (v.errors.length > room) preview.errorsTruncated = true;
}

export type BatchResult = {
  processed: number; created: number; updated: number; invalid: number; firstRow: number | null; lastRow: number | null;
  /** The invalid rows' errors, reasons untranslated ("@key" or zod's message). */
  errors: RowError[];
};

/**
 * `n` ids shaped like the client's cuid() defaults ("c", the time in base 36, a counter, then
 * random): a raw INSERT gets no client-side default, and ids that sort by creation keep an
 * import's rows in file order wherever lists page by id, as rows created through the client do.
 */
function recordIds(n: number, at: Date): string[] {
  const time = at.getTime().toString(36).padStart(8, "0");
  const random = randomBytes(n * 8);
  return Array.from({ length: n }, (_, i) =>
    `c${time}${i.toString(36).padStart(4, "0")}${random.readBigUInt64BE(i * 8).toString(36).padStart(13, "0").slice(0, 12)}`);
}

/**
 * Validates and writes one batch: `slice` is the stored rows of the batch, `firstRows` the
 * whole file's first row of each of their keys (kept at upload). Set-based: the
 * new rows in one INSERT, the existing ones in one UPDATE … FROM unnest(arrays) — each row
 * its own values and version bump, the row triggers (address bigrams, register rollups)
 * firing per row as for a form's save. 500 statements per batch were most of a 10,000-row
 * import's time (decision 0018).
 */
export async function writeImportBatch(
  actor: Actor, kind: RegisterKind, slice: RawRow[], firstRows: ReadonlyMap<string, number>, at: Date, tx: Tx,
): Promise<BatchResult> {
  const out: BatchResult = { processed: slice.length, created: 0, updated: 0, invalid: 0, firstRow: slice[0]?.row ?? null, lastRow: slice.at(-1)?.row ?? null, errors: [] };
  if (kind === "households") {
    const v = await validateHouseholdSlice(actor, slice, firstRows, tx);
    out.invalid = v.invalidRows;
    out.errors = v.errors;
    const creates = v.valid.filter((r) => r.op === "create");
    const updates = v.valid.filter((r) => r.op === "update");
    if (creates.length) {
      const col = <T>(f: (r: ValidRow<HouseholdRow>) => T) => creates.map(f);
      out.created = await tx.$executeRaw`
        INSERT INTO household (id, "householdKey", "headName", address, "orgUnitId", "membersCount", tags, phone, "createdAt", "updatedAt")
        SELECT u.id, u."householdKey", u."headName", u.address, u."orgUnitId", u."membersCount", ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.phone, ${at}, ${at}
        FROM unnest(${recordIds(creates.length, at)}::text[], ${col((r) => r.data.householdKey)}::text[], ${col((r) => r.data.headName)}::text[], ${col((r) => r.data.address)}::text[],
                    ${col((r) => r.data.orgUnitId)}::text[], ${col((r) => r.data.membersCount)}::int[], ${col((r) => JSON.stringify(r.data.tags))}::text[], ${col((r) => r.data.phone)}::text[])
             AS u(id, "householdKey", "headName", address, "orgUnitId", "membersCount", tags, phone)`;
    }
    if (updates.length) {
      const col = <T>(f: (r: ValidRow<HouseholdRow>) => T) => updates.map(f);
      out.updated = await tx.$executeRaw`
        UPDATE household h SET "headName" = u."headName", address = u.address, "orgUnitId" = u."orgUnitId", "membersCount" = u."membersCount",
               tags = ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), phone = CASE WHEN u."keepPhone" THEN h.phone ELSE u.phone END,
               version = h.version + 1, "updatedAt" = ${at}
        FROM unnest(${col((r) => r.existingId!)}::text[], ${col((r) => r.data.headName)}::text[], ${col((r) => r.data.address)}::text[],
                    ${col((r) => r.data.orgUnitId)}::text[], ${col((r) => r.data.membersCount)}::int[], ${col((r) => JSON.stringify(r.data.tags))}::text[],
                    ${col((r) => r.data.phone)}::text[], ${col((r) => r.keepPhone)}::boolean[])
             AS u(id, "headName", address, "orgUnitId", "membersCount", tags, phone, "keepPhone")
        WHERE h.id = u.id`;
    }
  } else {
    const v = await validateEnterpriseSlice(actor, slice, firstRows, tx);
    out.invalid = v.invalidRows;
    out.errors = v.errors;
    const creates = v.valid.filter((r) => r.op === "create");
    const updates = v.valid.filter((r) => r.op === "update");
    if (creates.length) {
      const col = <T>(f: (r: ValidRow<EnterpriseRow>) => T) => creates.map(f);
      out.created = await tx.$executeRaw`
        INSERT INTO enterprise (id, "creditCode", name, address, "orgUnitId", industry, size, "contactName", "commissionerId", "contactPhone", "createdAt", "updatedAt")
        SELECT u.id, u."creditCode", u.name, u.address, u."orgUnitId", u.industry, u.size::"EnterpriseSize", u."contactName", u."commissionerId", u."contactPhone", ${at}, ${at}
        FROM unnest(${recordIds(creates.length, at)}::text[], ${col((r) => r.data.creditCode)}::text[], ${col((r) => r.data.name)}::text[], ${col((r) => r.data.address)}::text[],
                    ${col((r) => r.data.orgUnitId)}::text[], ${col((r) => r.data.industry)}::text[], ${col((r) => r.data.size)}::text[],
                    ${col((r) => r.data.contactName)}::text[], ${col((r) => r.data.commissionerId)}::text[], ${col((r) => r.data.contactPhone)}::text[])
             AS u(id, "creditCode", name, address, "orgUnitId", industry, size, "contactName", "commissionerId", "contactPhone")`;
    }
    if (updates.length) {
      const col = <T>(f: (r: ValidRow<EnterpriseRow>) => T) => updates.map(f);
      out.updated = await tx.$executeRaw`
        UPDATE enterprise e SET name = u.name, address = u.address, "orgUnitId" = u."orgUnitId", industry = u.industry, size = u.size::"EnterpriseSize",
               "contactName" = u."contactName", "commissionerId" = u."commissionerId",
               "contactPhone" = CASE WHEN u."keepPhone" THEN e."contactPhone" ELSE u."contactPhone" END,
               version = e.version + 1, "updatedAt" = ${at}
        FROM unnest(${col((r) => r.existingId!)}::text[], ${col((r) => r.data.name)}::text[], ${col((r) => r.data.address)}::text[],
                    ${col((r) => r.data.orgUnitId)}::text[], ${col((r) => r.data.industry)}::text[], ${col((r) => r.data.size)}::text[],
                    ${col((r) => r.data.contactName)}::text[], ${col((r) => r.data.commissionerId)}::text[],
                    ${col((r) => r.data.contactPhone)}::text[], ${col((r) => r.keepPhone)}::boolean[])
             AS u(id, name, address, "orgUnitId", industry, size, "contactName", "commissionerId", "contactPhone", "keepPhone")
        WHERE e.id = u.id`;
    }
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
