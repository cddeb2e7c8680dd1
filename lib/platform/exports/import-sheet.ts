// Reading an uploaded spreadsheet (.xlsx, or .csv in UTF-8 or GB18030) whose first sheet has a
// header row of Chinese column names: the rows keyed by the caller's fields, each with its row
// number as Excel shows it. Shared by every import (the registers, the service catalogue), so
// they agree on what a header is, which blank rows are skipped and how a cell reads as text.
// A file this app exported opens with a caption line (lib/platform/exports/xlsx.ts): the header
// is the first row that names a known column, so an export imports back as it is.
// The rows stream: an .xlsx through exceljs' streaming WorkbookReader, a .csv through a
// line-by-line reader, so a district's 500,000-row register never sits in memory as a workbook
// (loading it whole took gigabytes); a caller that wants every row collects them (readImportSheet).
import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

export type ImportColumn = { header: string; field: string; required?: boolean };
export type RawRow = { row: number; cells: Record<string, string> };
/** The uploaded file: its bytes, or a Blob (an uploaded File) read as a stream. */
export type ImportSource = Buffer | Blob;

/** A file that cannot be imported at all; `messageKey` is in the "validation" namespace. */
export class ImportFileError extends Error {
  constructor(readonly messageKey: string, readonly values: Record<string, string | number> = {}) {
    super(messageKey);
  }
}

/** Bytes of a CSV's head that decide its encoding (its header row is Chinese). */
const ENCODING_SNIFF_BYTES = 64 * 1024;

async function* bytesOf(source: ImportSource): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(source)) {
    yield source;
    return;
  }
  for await (const chunk of source.stream() as unknown as AsyncIterable<Uint8Array>) yield chunk;
}

async function headBytes(source: ImportSource, n: number): Promise<Uint8Array> {
  return Buffer.isBuffer(source) ? source.subarray(0, n) : new Uint8Array(await source.slice(0, n).arrayBuffer());
}

/**
 * The text of a CSV, chunk by chunk. Excel on Chinese Windows saves "CSV" in GB18030; everything
 * else is UTF-8. The head decides (the header row is Chinese, so GB18030 bytes are not valid
 * UTF-8 there); a UTF-8 file with invalid bytes further on is unreadable rather than misread.
 */
async function* decodedText(source: ImportSource): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let first = true;
  const emit = (text: string) => {
    if (first && text) {
      first = false;
      return text.replace(/^\uFEFF/, "");
    }
    return text;
  };
  const choose = (head: Uint8Array) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
      return new TextDecoder("utf-8", { fatal: true });
    } catch {
      return new TextDecoder("gb18030");
    }
  };
  for await (const chunk of bytesOf(source)) {
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < ENCODING_SNIFF_BYTES) continue;
      const head = Buffer.concat(pending);
      pending = [];
      decoder = choose(head);
      yield emit(decoder.decode(head, { stream: true }));
      continue;
    }
    yield emit(decoder.decode(chunk, { stream: true }));
  }
  if (!decoder) {
    const head = Buffer.concat(pending);
    decoder = choose(head);
    yield emit(decoder.decode(head, { stream: true }));
  }
  yield emit(decoder.decode());
}

/**
 * CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), each
 * with its record number: a blank line is a record of its own, as a spreadsheet numbers it.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<{ row: number; values: string[] }> {
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let quoteInQuotes = false; // a quote seen inside quotes: closing, or the first of a doubled one
  let afterCR = false;
  let fieldStarted = false;
  let row = 0;
  for await (const text of chunks) {
    const out: { row: number; values: string[] }[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (afterCR) {
        afterCR = false;
        if (ch === "\n") continue;
      }
      if (inQuotes) {
        if (quoteInQuotes) {
          quoteInQuotes = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // the quote closed the field: fall through to read `ch` outside quotes
        } else if (ch === '"') {
          quoteInQuotes = true;
          continue;
        } else {
          // Copy the run up to the next quote at once: most of a quoted field.
          const next = text.indexOf('"', i);
          const end = next === -1 ? text.length : next;
          field += text.slice(i, end);
          i = end - 1;
          continue;
        }
      }
      if (ch === ",") {
        record.push(field);
        field = "";
        fieldStarted = false;
      } else if (ch === "\n" || ch === "\r") {
        record.push(field);
        out.push({ row: ++row, values: record });
        record = [];
        field = "";
        fieldStarted = false;
        afterCR = ch === "\r";
      } else if (ch === '"' && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
      } else {
        field += ch;
        fieldStarted = true;
      }
    }
    yield* out;
  }
  if (inQuotes && !quoteInQuotes) throw new ImportFileError("import.unreadable");
  if (field !== "" || record.length || fieldStarted || quoteInQuotes) {
    record.push(field);
    yield { row: ++row, values: record };
  }
}

function isXlsx(head: Uint8Array) {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
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

/** The first sheet's rows as text cells by column number (1-based), in file order. */
async function* sheetRows(source: ImportSource): AsyncGenerator<{ row: number; values: Record<number, string> }> {
  if (isXlsx(await headBytes(source, 4))) {
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : Readable.fromWeb(source.stream() as never);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values: Record<number, string> = {};
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          values[col] = cellText(cell.value, () => cell.text);
        });
        yield { row: row.number, values };
      }
      return; // the first sheet only
    }
    return;
  }
  for await (const record of csvRecords(decodedText(source))) {
    const values: Record<number, string> = {};
    record.values.forEach((v, i) => {
      if (v !== "") values[i + 1] = v;
    });
    yield { row: record.row, values };
  }
}

/**
 * The data rows of the first sheet, keyed by column field, as they are read; blank rows are
 * skipped. Throws ImportFileError for an unreadable or empty file, missing required headers
 * (before the first row), or more than `maxRows` rows (as the row after the limit is read).
 */
export async function* streamImportSheet(columns: readonly ImportColumn[], source: ImportSource, maxRows: number): AsyncGenerator<RawRow> {
  const columnOf = new Map<number, string>();
  let headerRow = 0;
  let count = 0;
  const rows = sheetRows(source);
  for (;;) {
    let next: IteratorResult<{ row: number; values: Record<number, string> }>;
    try {
      next = await rows.next();
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      throw new ImportFileError("import.unreadable");
    }
    if (next.done) break;
    const { row: rowNumber, values: raw } = next.value;
    const values: Record<number, string> = {};
    for (const [col, text] of Object.entries(raw)) values[Number(col)] = text.replace(/^\uFEFF/, "").trim();
    if (Object.values(values).every((v) => v === "")) continue;
    if (!headerRow) {
      for (const [col, text] of Object.entries(values)) {
        const spec = columns.find((s) => sameHeader(s.header, text));
        if (spec) columnOf.set(Number(col), spec.field);
      }
      // An exported file opens with a line of filters: the header is the first row naming a column.
      if (columnOf.size || rowNumber > 1) {
        headerRow = rowNumber;
        const present = new Set(columnOf.values());
        const missing = columns.filter((s) => s.required && !present.has(s.field)).map((s) => s.header);
        if (missing.length) throw new ImportFileError("import.missingHeaders", { headers: missing.join("、") });
      }
      continue;
    }
    if (++count > maxRows) throw new ImportFileError("import.tooManyRows", { max: maxRows });
    const cells: Record<string, string> = {};
    for (const [col, field] of columnOf) cells[field] = values[col] ?? "";
    yield { row: rowNumber, cells };
  }
  if (!headerRow) throw new ImportFileError("import.empty");
}

/** Every data row of the first sheet (streamImportSheet, collected): for imports small enough to hold. */
export async function readImportSheet(columns: readonly ImportColumn[], source: ImportSource, maxRows: number): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of streamImportSheet(columns, source, maxRows)) rows.push(row);
  return rows;
}
