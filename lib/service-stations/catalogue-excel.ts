// The service catalogue as an Excel workbook, both ways. The export is the platform's workbook
// (lib/platform/exports: caption on row 1, headers on row 2); the import reads that same file
// back (lib/platform/exports/import-sheet.ts skips the caption), checks every row with the
// item form's own schema and writes in one transaction: every row or none. Items are matched
// by their code within the station, so re-importing an unchanged export changes nothing.
//
// The headers and the words in the 类型 / 启用 columns are the file's format, the same in every
// language (an English user's export imports back into a Chinese colleague's station).
import "server-only";
import { z } from "zod";
import { db, type Client, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { DomainError } from "@/lib/platform/errors";
import { readImportSheet, type ImportColumn, type RawRow } from "@/lib/platform/exports/import-sheet";
import type { Column, ExportSpec, Row } from "@/lib/platform/exports/xlsx";
import { zodErrorMap } from "@/lib/platform/i18n/zod";
import type { Locale } from "@/lib/platform/i18n/locales";
import { activeBundlesHolding, heldByActiveBundles, itemData, listItems } from "./catalogue";
import { CATALOGUE_IMPORT_MAX_BYTES, itemFields, type ServiceItemKindValue } from "./schemas";

export { CATALOGUE_IMPORT_MAX_BYTES };
export const CATALOGUE_IMPORT_MAX_ROWS = 2000;
/** Row errors reported at most (the count stays exact beyond it). */
export const CATALOGUE_IMPORT_MAX_ERRORS = 200;

type Field = keyof typeof itemFields | "active";

/** The file's columns, in order: the export writes them, the import reads them by header. */
export const CATALOGUE_COLUMNS: (ImportColumn & { field: Field; type: "text" | "integer" })[] = [
  { header: "编码", field: "code", required: true, type: "text" },
  { header: "类型(人工/自助)", field: "kind", required: true, type: "text" },
  { header: "名称", field: "name", required: true, type: "text" },
  { header: "类别", field: "category", type: "text" },
  { header: "责任部门", field: "department", type: "text" },
  { header: "所需材料", field: "documentsNeeded", type: "text" },
  { header: "承诺时限(分钟)", field: "standardMinutes", required: true, type: "integer" },
  { header: "常规办理时长(分钟)", field: "usualMinutes", required: true, type: "integer" },
  { header: "排序", field: "sortOrder", type: "integer" },
  { header: "启用", field: "active", type: "text" },
];

const headerOf = (field: string) => CATALOGUE_COLUMNS.find((c) => c.field === field)?.header ?? field;

const KIND_WORDS: Record<ServiceItemKindValue, string> = { STAFFED: "人工", SELF_SERVICE: "自助" };
const KINDS: Record<string, ServiceItemKindValue> = {
  人工: "STAFFED", 人工服务: "STAFFED", 人工服务事项: "STAFFED", STAFFED: "STAFFED",
  自助: "SELF_SERVICE", 自助服务: "SELF_SERVICE", 自助服务事项: "SELF_SERVICE", SELF_SERVICE: "SELF_SERVICE",
};
const YES = "是";
const NO = "否";
/** An empty 启用 cell means 是: a new row is an item in use. */
const ACTIVE: Record<string, boolean> = { "": true, 是: true, 启用: true, Y: true, YES: true, TRUE: true, "1": true, 否: false, 停用: false, N: false, NO: false, FALSE: false, "0": false };

// ── Export ────────────────────────────────────────────────────────────────────────────────

/** The workbook of a station's whole catalogue (inactive items too, marked 否), in the list's order. */
export async function catalogueExportSpec(
  actor: Pick<Actor, "orgPath">,
  station: { id: string; name: string },
  labels: { sheet: string; station: string },
  client: Client = db,
): Promise<ExportSpec> {
  const items = await listItems(actor, station.id, { state: "all" }, client);
  const columns: Column[] = CATALOGUE_COLUMNS.map((c) => ({ header: c.header, type: c.type, ...(c.field === "documentsNeeded" ? { width: 40 } : {}) }) as Column);
  const rows: Row[] = items.map((i) => [
    i.code, KIND_WORDS[i.kind], i.name, i.category, i.department, i.documentsNeeded, i.standardMinutes, i.usualMinutes, i.sortOrder, i.active ? YES : NO,
  ]);
  return {
    name: `${station.name}-${labels.sheet}`,
    filters: [{ label: labels.station, value: station.name }],
    columns,
    rows,
    audit: { action: "serviceStation.catalogue.export", entityType: "ServiceStation", entityId: station.id, data: { stationId: station.id } },
  };
}

// ── Import ────────────────────────────────────────────────────────────────────────────────

/** A problem with one cell: `reason` is a "@key" of the validation namespace or zod's message. */
export type CatalogueRowError = { row: number; column: string; reason: string };

/**
 * The file had bad rows and nothing was written. Its field errors are keyed
 * `rows.<row number>.<column header>` so the import form can show them as a table; the action
 * wrapper translates each reason into the user's language.
 */
export class CatalogueImportRejected extends DomainError {
  constructor(readonly rowErrors: CatalogueRowError[], invalidRows: number) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of rowErrors.slice(0, CATALOGUE_IMPORT_MAX_ERRORS)) (fieldErrors[`rows.${e.row}.${e.column}`] ??= []).push(e.reason);
    super("serviceStation.importRejected", { rows: invalidRows }, fieldErrors);
  }
}

const rowSchema = z.strictObject(itemFields);
type ItemRow = z.infer<typeof rowSchema> & { active: boolean };

/** Every row checked; the valid ones parsed. `locale`: the language of zod's own messages. */
export function validateCatalogueRows(rows: RawRow[], locale: Locale = "zh-CN") {
  const errors: CatalogueRowError[] = [];
  const valid: { row: number; data: ItemRow }[] = [];
  const firstRowOfCode = new Map<string, number>();
  let invalidRows = 0;
  for (const r of rows) {
    const c = r.cells;
    const rowErrors: CatalogueRowError[] = [];
    const kind = KINDS[(c.kind ?? "").replace(/\s+/g, "").toUpperCase()];
    if (!kind) rowErrors.push({ row: r.row, column: headerOf("kind"), reason: "@serviceStation.importKind" });
    const active = ACTIVE[(c.active ?? "").replace(/\s+/g, "").toUpperCase()];
    if (active === undefined) rowErrors.push({ row: r.row, column: headerOf("active"), reason: "@serviceStation.importActive" });
    const parsed = rowSchema.safeParse(
      {
        code: c.code ?? "", kind: kind ?? "STAFFED", name: c.name ?? "", category: c.category ?? "", department: c.department ?? "",
        documentsNeeded: c.documentsNeeded ?? "", standardMinutes: c.standardMinutes ?? "", usualMinutes: c.usualMinutes ?? "", sortOrder: c.sortOrder || "0",
      },
      { error: zodErrorMap(locale) },
    );
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = headerOf(String(issue.path[0] ?? ""));
        if (seen.has(column)) continue;
        seen.add(column);
        rowErrors.push({ row: r.row, column, reason: issue.message });
      }
    }
    const code = (c.code ?? "").trim();
    if (code && firstRowOfCode.has(code)) rowErrors.push({ row: r.row, column: headerOf("code"), reason: "@import.duplicateInFile" });
    else if (code) firstRowOfCode.set(code, r.row);
    if (rowErrors.length || !parsed.success) {
      invalidRows += 1;
      errors.push(...rowErrors);
      continue;
    }
    valid.push({ row: r.row, data: { ...parsed.data, active: active! } });
  }
  return { valid, errors, invalidRows };
}

export type CatalogueImportResult = { rows: number; created: number; updated: number; unchanged: number };

/**
 * Reads the upload and writes it into the station's catalogue in `tx`: new codes are created,
 * known ones updated when a cell differs (their version moves), the rest left alone. Throws
 * CatalogueImportRejected (nothing written) when any row is bad, ImportFileError for a file
 * that cannot be read at all.
 */
export async function importCatalogue(station: { id: string }, bytes: Buffer, locale: Locale, tx: Tx): Promise<CatalogueImportResult> {
  const rows = await readImportSheet(CATALOGUE_COLUMNS, bytes, CATALOGUE_IMPORT_MAX_ROWS);
  const { valid, errors, invalidRows } = validateCatalogueRows(rows, locale);
  if (invalidRows) throw new CatalogueImportRejected(errors, invalidRows);

  const existing = new Map(
    (await tx.serviceItem.findMany({ where: { stationId: station.id }, select: { id: true, code: true, kind: true, name: true, category: true, department: true, documentsNeeded: true, standardMinutes: true, usualMinutes: true, sortOrder: true, active: true } }))
      .map((i) => [i.code, i]),
  );
  const result: CatalogueImportResult = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  const creates = [];
  const switchedOff: { row: number; id: string }[] = [];
  for (const { row, data } of valid) {
    const fields = { ...itemData(data), active: data.active };
    const found = existing.get(data.code);
    if (!found) {
      creates.push({ stationId: station.id, ...fields });
      continue;
    }
    const { id: _id, ...stored } = found;
    if ((Object.keys(fields) as (keyof typeof fields)[]).every((k) => stored[k] === fields[k])) {
      result.unchanged += 1;
      continue;
    }
    await tx.serviceItem.update({ where: { id: found.id }, data: { ...fields, version: { increment: 1 } } });
    result.updated += 1;
    if (found.active && !fields.active) switchedOff.push({ row, id: found.id });
  }
  // As in the item form: an item an active bundle holds stays on. Checked after the rows are
  // written (locked), for the same reason as updateItem; the rejection rolls the import back.
  const holding = await activeBundlesHolding(switchedOff.map((s) => s.id), tx);
  const held = switchedOff.filter((s) => holding.has(s.id));
  if (held.length) {
    throw new CatalogueImportRejected(held.map((s) => ({ row: s.row, column: headerOf("active"), reason: heldByActiveBundles(holding.get(s.id)!) })), held.length);
  }
  if (creates.length) result.created = (await tx.serviceItem.createMany({ data: creates })).count;
  return result;
}
