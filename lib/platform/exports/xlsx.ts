// The one Excel writer behind every export. Each sheet declares typed columns (text, integer,
// decimal, date, datetime, percent, duration and amount with their unit), so a manager gets
// cells Excel and WPS can sort, filter and chart: numbers as numbers, dates as date cells
// showing the Shanghai wall-clock time, rates as fractions with a percent format, the unit of a
// duration or amount in its header. Every sheet has the caption (filters and export time) on
// row 1, the headers on row 2, the header frozen and an autofilter over the data.
//
// exceljs's WorkbookWriter writes rows as they come from an async source into a Node stream,
// so a large export never sits in memory. streamXlsx feeds a Response (a web stream) and
// writes the audit row (who, what, filters, row count) before the stream ends, so a completed
// download is always an audited one — and a download the client drops part way is audited too,
// with the rows written until then and `cancelled: true` (the rows before the drop have left).
// Callers check "report.export" (and their own view permission) first — exportRoute (./route.ts) does both for a route. xlsxBytes collects the
// same stream for a caller that wants the file whole (tests reading it back). The row cap is
// EXPORT_MAX_ROWS per sheet.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { once } from "node:events";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "use-intl/core";
import type { SessionUser } from "@/lib/platform/auth/session";
import { appendAuditStandalone } from "@/lib/platform/audit/write";
import { getRequestMeta } from "@/lib/platform/request";
import { formatDateTime } from "@/lib/platform/format/dates";
import { platformMessagesFor } from "@/lib/platform/i18n/messages";
import { toLocale } from "@/lib/platform/i18n/locales";

export const EXPORT_MAX_ROWS = Number(process.env.EXPORT_MAX_ROWS ?? 200_000);

/** A value as the caller has it: calendar dates as Date (UTC midnight) or "YYYY-MM-DD". */
export type Cell = string | number | Date | null | undefined;
/** A row, or a row written in bold (totals). */
export type Row = Cell[] | { cells: Cell[]; bold: true };

/**
 * A column's type decides how its cells are written. `unit` is the reader's word ("分钟",
 * "万元"), appended to the header unless the header already names it; duration and amount
 * must have one. Percent values are fractions (0.5 → 50.0%), or percentage points when
 * `scale: "points"` (50 → 50.0%), as the dashboard indicators compute them.
 */
export type Column =
  | { header: string; type: "text" | "date" | "datetime"; width?: number }
  | { header: string; type: "integer" | "decimal"; unit?: string; digits?: number; width?: number }
  | { header: string; type: "duration" | "amount"; unit: string; digits?: number; width?: number }
  | { header: string; type: "percent"; scale?: "fraction" | "points"; digits?: number; width?: number };
export type ColumnType = Column["type"];
type PlainType = "text" | "integer" | "decimal" | "date" | "datetime" | "percent";

/** Columns named by message keys, in order: typedColumns({ number: "text", createdAt: "datetime" }, (k) => t(`cols.${k}`)). */
export function typedColumns(types: Record<string, PlainType>, header: (key: string) => string): Column[] {
  return Object.entries(types).map(([key, type]) => ({ header: header(key), type }) as Column);
}

export type SheetSpec = { name: string; columns: Column[]; rows: AsyncIterable<Row> | Iterable<Row> };

export type ExportSpec = {
  /** Sheet and file name stem (Chinese is fine: attachment() encodes it). */
  name: string;
  /** "label=value" pairs already in the reader's words. */
  filters: { label: string; value: string }[];
  /** One sheet named `name`… */
  columns?: Column[];
  rows?: AsyncIterable<Row> | Iterable<Row>;
  /** …or several. */
  sheets?: SheetSpec[];
  /** Row cap per sheet (default EXPORT_MAX_ROWS). */
  maxRows?: number;
  /** The whole file name when it is not `name-YYYYMMDD.xlsx`. */
  fileName?: string;
  /**
   * The audit row, written once the last row is (or the client dropped the download: then with
   * `cancelled: true` and the rows written until then). `data` as an object is merged with the
   * filters and the rows written; as a function it is the whole data, for an export that
   * counts its own records (a report's groups, an investment workbook's task forces and leads).
   */
  audit: { action: string; entityType: string; entityId?: string | null; data: Record<string, unknown> | ((written: { rows: number; truncated: boolean }) => Record<string, unknown>) };
};
/** Rows written so far, over all sheets: what the audit row counts when the client drops the download. */
type Progress = { written: number; signal: AbortSignal };
export type ExportResult = { stream: ReadableStream<Uint8Array>; fileName: string; done: Promise<number> };

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991: Excel has no time zones,
// so a datetime cell holds the Shanghai wall-clock reading of the instant.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const SAMPLE_ROWS = 100;
const HEADER_ROW = 2;

function numberFormat(c: Column): string | undefined {
  const decimals = (digits: number) => (digits > 0 ? `0.${"0".repeat(digits)}` : "0");
  switch (c.type) {
    case "text":
      return undefined;
    case "date":
      return "yyyy-mm-dd";
    case "datetime":
      return "yyyy-mm-dd hh:mm";
    case "integer":
      return "0";
    case "percent":
      return `${decimals(c.digits ?? 1)}%`;
    case "amount":
      return `#,##${decimals(c.digits ?? 2)}`;
    default:
      return decimals(c.digits ?? (c.type === "decimal" ? 2 : 0));
  }
}

export function headerText(c: Column): string {
  if (!("unit" in c) || !c.unit) return c.header;
  return c.header.includes(`（${c.unit}）`) || c.header.includes(`(${c.unit})`) ? c.header : `${c.header}（${c.unit}）`;
}

const toNumber = (v: Cell): number | string | null => {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const n = Number(v);
  // A value that is not a number stays visible as text rather than vanishing.
  return Number.isFinite(n) ? n : String(v);
};

function cellValue(c: Column, v: Cell): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  switch (c.type) {
    case "text":
      return v instanceof Date ? formatDateTime(v, "zh-CN") : v;
    case "date":
      if (v instanceof Date) return v;
      return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? new Date(`${String(v)}T00:00:00Z`) : String(v);
    case "datetime":
      return v instanceof Date ? new Date(v.getTime() + SHANGHAI_OFFSET_MS) : String(v);
    case "percent": {
      const n = toNumber(v);
      return typeof n === "number" && c.scale === "points" ? n / 100 : n;
    }
    default:
      return toNumber(v);
  }
}

/** Display width of a string: CJK and full-width characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function shownWidth(c: Column, v: ExcelJS.CellValue): number {
  if (v === null || v === undefined) return 0;
  if (c.type === "date") return 10;
  if (c.type === "datetime") return 16;
  if (typeof v === "number") return (c.type === "percent" ? (v * 100).toFixed(c.digits ?? 1).length + 1 : String(Math.round(v * 100) / 100).length) + 2;
  return displayWidth(String(v));
}

const cellsOf = (row: Row): Cell[] => (Array.isArray(row) ? row : row.cells);

/** Writes one sheet: caption, header (frozen, filtered), rows; returns the data rows written. */
async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec, caption: string, maxRows: number, truncatedText: string, drain: () => Promise<void>, progress: Progress,
): Promise<{ written: number; truncated: boolean }> {
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }] });
  const columns = spec.columns;
  const formats = columns.map(numberFormat);
  const iterator = (Symbol.asyncIterator in spec.rows ? spec.rows[Symbol.asyncIterator]() : (spec.rows as Iterable<Row>)[Symbol.iterator]()) as AsyncIterator<Row> | Iterator<Row>;
  // Widths come from the header and the first rows, which are held back until the columns
  // (written before the first row) are known.
  const sample: Row[] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < SAMPLE_ROWS) {
    sample.push(next.value);
    next = await iterator.next();
  }
  sheet.columns = columns.map((c, i) => {
    const widest = Math.max(displayWidth(headerText(c)), ...sample.map((r) => shownWidth(c, cellValue(c, cellsOf(r)[i]))));
    return { key: String(i), width: c.width ?? Math.min(50, Math.max(8, widest + 2)), style: formats[i] ? { numFmt: formats[i] } : {} };
  });
  sheet.addRow([caption]).commit();
  const header = sheet.addRow(columns.map(headerText));
  header.font = { bold: true };
  header.commit();

  let written = 0;
  let truncated = false;
  const add = async (row: Row) => {
    const cells = cellsOf(row);
    const added = sheet.addRow(columns.map((c, i) => cellValue(c, cells[i])));
    added.eachCell((cell, col) => {
      const fmt = formats[col - 1];
      if (fmt) cell.numFmt = fmt;
    });
    if (!Array.isArray(row)) added.font = { bold: true };
    added.commit();
    written += 1;
    progress.written += 1;
    await drain();
  };
  try {
    for (const row of sample) {
      if (written >= maxRows) break;
      await add(row);
    }
    while (!next.done) {
      if (written >= maxRows) {
        truncated = true;
        break;
      }
      await add(next.value);
      next = await iterator.next();
    }
  } finally {
    // A source left part way (the cap, a dropped download, an error) is closed, so a generator
    // reading page by page stops rather than waiting to be collected.
    if (!next.done) await iterator.return?.();
  }
  if (sample.length > maxRows) truncated = true;
  if (columns.length) sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + written, column: columns.length } };
  if (truncated) sheet.addRow([truncatedText]).commit();
  sheet.commit();
  return { written, truncated };
}

/** Writes the workbook into `zip` and ends it; the data rows written over all sheets. */
async function writeWorkbook(zip: PassThrough, sheets: SheetSpec[], caption: string, maxRows: number, truncatedText: string, progress: Progress) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip as Writable, useStyles: true, useSharedStrings: false });
  // Let the reader drain before producing more; a reader that went away never drains, so the
  // wait ends with the signal (and the writer stops) instead of holding the export forever.
  const drain = async () => {
    progress.signal.throwIfAborted();
    if (zip.writableNeedDrain) await once(zip, "drain", { signal: progress.signal });
  };
  let written = 0;
  let truncated = false;
  for (const spec of sheets) {
    const r = await writeSheet(workbook, spec, caption, maxRows, truncatedText, drain, progress);
    written += r.written;
    truncated ||= r.truncated;
  }
  await workbook.commit();
  return { written, truncated };
}

const fileDay = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replaceAll("-", "");

/** The caption on row 1: the filters and the export time (Asia/Shanghai). */
async function captionOf(filters: ExportSpec["filters"], locale: string, now: Date) {
  // The platform's own catalogue rather than next-intl's request config: a workbook is also
  // written by background jobs (the managers' weekly reports), outside any request.
  const l = toLocale(locale);
  const t = createTranslator({ locale: l, messages: platformMessagesFor(l) as never, namespace: "exports" as never }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const filterText = filters.map((f) => `${f.label}=${f.value}`).join("；");
  return { t, caption: `${t("filters")}：${filterText || t("none")}　${t("time")}：${formatDateTime(now, locale)}（${t("timeZone")}）` };
}

const sheetsOf = (spec: Pick<ExportSpec, "name" | "columns" | "rows" | "sheets">): SheetSpec[] =>
  spec.sheets ?? [{ name: spec.name, columns: spec.columns ?? [], rows: spec.rows ?? [] }];

export async function streamXlsx(user: SessionUser, spec: ExportSpec, locale: string, now = clockNow()): Promise<ExportResult> {
  const { t, caption } = await captionOf(spec.filters, locale, now);
  const meta = await getRequestMeta();
  const maxRows = spec.maxRows ?? EXPORT_MAX_ROWS;
  // The workbook writes into `zip`, which feeds the response `out`; `out` ends only after the
  // audit row is written.
  const zip = new PassThrough();
  const out = new PassThrough();
  zip.pipe(out, { end: false });
  const zipEnded = new Promise<void>((resolve, reject) => {
    zip.once("end", resolve);
    zip.once("error", reject);
  });
  // `out` closes before it is ended only when the client dropped the download (Node destroys
  // the stream behind a cancelled web stream): the writer stops at its next row.
  const dropped = new AbortController();
  let ended = false;
  out.once("close", () => {
    if (!ended) dropped.abort(new Error("export download cancelled by the client"));
  });
  const progress: Progress = { written: 0, signal: dropped.signal };
  const untilDropped = new Promise<never>((_, reject) => dropped.signal.addEventListener("abort", () => reject(dropped.signal.reason), { once: true }));
  untilDropped.catch(() => {});

  const auditRow = (written: number, truncated: boolean, cancelled: boolean) => {
    const data = typeof spec.audit.data === "function"
      ? spec.audit.data({ rows: written, truncated })
      : { filters: Object.fromEntries(spec.filters.map((f) => [f.label, f.value])), ...spec.audit.data, rows: written, truncated };
    return appendAuditStandalone(
      { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
      {
        action: spec.audit.action, entityType: spec.audit.entityType, entityId: spec.audit.entityId ?? null, orgUnitId: user.orgUnitId,
        data: cancelled ? { ...data, cancelled: true } : data,
      },
    );
  };

  const run = async (): Promise<number> => {
    try {
      const { written, truncated } = await writeWorkbook(zip, sheetsOf(spec), caption, maxRows, t("truncated", { max: maxRows }), progress);
      // The last rows are still on their way out: a drop now is a drop too.
      await Promise.race([zipEnded, untilDropped]);
      await auditRow(written, truncated, false);
      ended = true;
      out.end();
      return written;
    } catch (error) {
      if (!dropped.signal.aborted) throw error;
      // The rows written before the drop may have reached the client: audited as what they are.
      // `zip` (and the unfinished workbook) is left to be collected: nothing reads or writes it.
      await auditRow(progress.written, false, true);
      return progress.written;
    }
  };

  const done = run().catch((error) => {
    console.error(`[${spec.audit.action}] request ${meta.requestId}`, error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  done.catch(() => {});
  return { stream: Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, fileName: spec.fileName ?? `${spec.name}-${fileDay(now)}.xlsx`, done };
}

/** The streamed workbook collected whole, once written and audited: for a caller that wants the bytes. */
export async function xlsxBytes(user: SessionUser, spec: ExportSpec, locale: string, now = clockNow()): Promise<{ buffer: Buffer; fileName: string; rows: number }> {
  const { stream, fileName, done } = await streamXlsx(user, spec, locale, now);
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  return { buffer, fileName, rows: await done };
}
