// Reading an uploaded spreadsheet (.xlsx, or .csv in UTF-8 or GB18030) whose first sheet has a
// header row of Chinese column names: the rows keyed by the caller's fields, each with its row
// number as Excel shows it. Shared by every import (the registers, the service catalogue), so
// they agree on what a header is, which blank rows are skipped and how a cell reads as text.
// A file this app exported opens with a caption line (lib/platform/exports/xlsx.ts): the header
// is the first row that names a known column, so an export imports back as it is.
import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

export type ImportColumn = { header: string; field: string; required?: boolean };
export type RawRow = { row: number; cells: Record<string, string> };

/** A file that cannot be imported at all; `messageKey` is in the "validation" namespace. */
export class ImportFileError extends Error {
  constructor(readonly messageKey: string, readonly values: Record<string, string | number> = {}) {
    super(messageKey);
  }
}

function decodeText(buffer: Buffer): string {
  // Excel on Chinese Windows saves "CSV" in GB18030; everything else is UTF-8.
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("gb18030").decode(buffer);
  }
  return text.replace(/^\uFEFF/, "");
}

function isXlsx(buffer: Buffer) {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** Headers match ignoring white space and the width of brackets ("时限（分钟）" is "时限(分钟)"). */
const headerKey = (text: string) => text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
const sameHeader = (a: string, b: string) => headerKey(a) === headerKey(b);

function cellText(value: unknown, text: () => string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return text();
  } catch {
    return String(value);
  }
}

/**
 * The data rows of the first sheet, keyed by column field; blank rows are skipped. Throws
 * ImportFileError for an unreadable or empty file, missing required headers, or more than
 * `maxRows` rows.
 */
export async function readImportSheet(columns: readonly ImportColumn[], buffer: Buffer, maxRows: number): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (isXlsx(buffer)) {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      sheet = await workbook.csv.read(Readable.from([decodeText(buffer)]), { map: (v: unknown) => v } as never);
    }
  } catch {
    throw new ImportFileError("import.unreadable");
  }
  if (!sheet) throw new ImportFileError("import.empty");

  const columnOf = new Map<number, string>();
  let headerRow = 0;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: Record<number, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col] = cellText(cell.value, () => cell.text).replace(/^\uFEFF/, "").trim();
    });
    if (Object.values(values).every((v) => v === "")) return;
    if (!headerRow) {
      for (const [col, text] of Object.entries(values)) {
        const spec = columns.find((s) => sameHeader(s.header, text));
        if (spec) columnOf.set(Number(col), spec.field);
      }
      // An exported file opens with a line of filters: the header is the first row naming a column.
      if (columnOf.size || rowNumber > 1) headerRow = rowNumber;
      return;
    }
    const cells: Record<string, string> = {};
    for (const [col, field] of columnOf) cells[field] = values[col] ?? "";
    rows.push({ row: rowNumber, cells });
  });
  if (!headerRow) throw new ImportFileError("import.empty");
  const present = new Set(columnOf.values());
  const missing = columns.filter((s) => s.required && !present.has(s.field)).map((s) => s.header);
  if (missing.length) throw new ImportFileError("import.missingHeaders", { headers: missing.join("、") });
  if (rows.length > maxRows) throw new ImportFileError("import.tooManyRows", { max: maxRows });
  return rows;
}
