// The generic streaming Excel export behind every dashboard and ranking table: exceljs's
// WorkbookWriter writes rows as they come from an async source into a Node stream that feeds
// the Response (a web stream), so a large export never sits in memory. The first row states
// the filters and the export time (Asia/Shanghai), the second the Chinese headers. The audit
// row (who, what, filters, row count) is written before the stream ends, so a completed
// download is always an audited one. Callers check "report.export" (and their own view
// permission) before calling; the row cap is EXPORT_MAX_ROWS.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { appendAuditStandalone } from "@/lib/audit/write";
import { getRequestMeta } from "@/lib/request";
import { formatDateTime } from "@/lib/format/dates";

export const EXPORT_MAX_ROWS = Number(process.env.EXPORT_MAX_ROWS ?? 200_000);

export type Cell = string | number | null;
export type ExportSpec = {
  /** Sheet and file name stem (Chinese is fine: attachment() encodes it). */
  name: string;
  /** "label=value" pairs already in the reader's words. */
  filters: { label: string; value: string }[];
  headers: string[];
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>;
  audit: { action: string; entityType: string; entityId?: string | null; data: Record<string, unknown> };
};
export type ExportResult = { stream: ReadableStream<Uint8Array>; fileName: string; done: Promise<number> };

export async function streamXlsx(user: SessionUser, spec: ExportSpec, locale: string, now = clockNow()): Promise<ExportResult> {
  const t = await getTranslations({ locale, namespace: "exports" });
  const meta = await getRequestMeta();
  const stamp = formatDateTime(now, locale);
  const zip = new PassThrough();
  const out = new PassThrough();
  zip.pipe(out, { end: false });
  const zipEnded = new Promise<void>((resolve, reject) => {
    zip.once("end", resolve);
    zip.once("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
  const filterText = spec.filters.map((f) => `${f.label}=${f.value}`).join("；");

  const run = async (): Promise<number> => {
    let written = 0;
    let truncated = false;
    sheet.addRow([`${t("filters")}：${filterText || t("none")}　${t("time")}：${stamp}（${t("timeZone")}）`]).commit();
    const header = sheet.addRow(spec.headers);
    header.font = { bold: true };
    header.commit();
    for await (const row of spec.rows) {
      if (written >= EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      sheet.addRow(row.map((c) => c ?? "")).commit();
      written += 1;
      // Let the response drain before producing more.
      if (zip.writableNeedDrain) await new Promise((resolve) => zip.once("drain", resolve));
    }
    if (truncated) sheet.addRow([t("truncated", { max: EXPORT_MAX_ROWS })]).commit();
    sheet.commit();
    await workbook.commit();
    await zipEnded;
    await appendAuditStandalone(
      { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
      {
        action: spec.audit.action, entityType: spec.audit.entityType, entityId: spec.audit.entityId ?? null, orgUnitId: user.orgUnitId,
        data: { ...spec.audit.data, filters: Object.fromEntries(spec.filters.map((f) => [f.label, f.value])), rows: written, truncated },
      },
    );
    out.end();
    return written;
  };

  const done = run().catch((error) => {
    console.error(`[${spec.audit.action}] request ${meta.requestId}`, error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  done.catch(() => {});
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replaceAll("-", "");
  return { stream: Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, fileName: `${spec.name}-${day}.xlsx`, done };
}
