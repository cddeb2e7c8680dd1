// Export of a filtered register list to .xlsx, streamed (exceljs WorkbookWriter) so 200,000
// rows never sit in memory. The first line states the filters and the export time
// (Asia/Shanghai); phones are masked unless the user may unmask; the export is audited.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { appendAuditStandalone } from "@/lib/audit/write";
import { getRequestMeta } from "@/lib/request";
import { formatDateTime } from "@/lib/format/dates";
import { maskPhone } from "@/lib/privacy/mask";
import { enterpriseWhere, householdWhere, type EnterpriseFilter, type HouseholdFilter } from "./queries";
import type { RegisterKind } from "./schemas";

export const EXPORT_MAX_ROWS = Number(process.env.REGISTER_EXPORT_MAX_ROWS ?? 200_000);
const CHUNK = 1000;

type Filter = HouseholdFilter | EnterpriseFilter;

async function describeFilter(user: SessionUser, kind: RegisterKind, filter: Filter, locale: string) {
  const t = await getTranslations({ locale, namespace: "registers" });
  const parts: string[] = [];
  if (filter.orgUnitId) {
    const unit = await db.orgUnit.findFirst({ where: { id: filter.orgUnitId, path: { startsWith: user.orgPath } }, select: { name: true } });
    parts.push(`${t("filterUnit")}=${unit?.name ?? "-"}`);
  } else parts.push(`${t("filterUnit")}=${user.orgName}`);
  if (filter.q) parts.push(`${t(kind === "households" ? "searchHousehold" : "searchEnterprise")}=${filter.q}`);
  if (filter.addr) parts.push(`${t("address")}=${filter.addr}`);
  if ("tag" in filter && filter.tag) parts.push(`${t("tags")}=${filter.tag}`);
  if ("size" in filter && filter.size) parts.push(`${t("size")}=${t(`sizes.${filter.size}`)}`);
  parts.push(`${t("status")}=${filter.active === undefined ? t("statusAll") : filter.active ? t("statusActive") : t("statusInactive")}`);
  return { t, text: parts.join("；") };
}

export type ExportResult = { stream: ReadableStream<Uint8Array>; fileName: string; done: Promise<number> };

/** Starts the export; the returned stream yields the workbook, `done` resolves with the row count once written and audited. */
export async function exportRegister(user: SessionUser, kind: RegisterKind, filter: Filter, locale: string, now = clockNow()): Promise<ExportResult> {
  const unmasked = can(user, "personalData.unmask");
  const { t, text } = await describeFilter(user, kind, filter, locale);
  const meta = await getRequestMeta();
  const stamp = formatDateTime(now, locale);
  // The workbook writes into `zip`, which feeds the response `out`; `out` ends only after the
  // audit row is written, so a completed download is always an audited one.
  const zip = new PassThrough();
  const out = new PassThrough();
  zip.pipe(out, { end: false });
  const zipEnded = new Promise<void>((resolve, reject) => {
    zip.once("end", resolve);
    zip.once("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(kind === "households" ? t("households") : t("enterprises"));
  const phone = (p: string | null) => (unmasked ? (p ?? "") : maskPhone(p));

  const headers =
    kind === "households"
      ? [t("householdKey"), t("headName"), t("address"), t("village"), t("phone"), t("membersCount"), t("tags"), t("status")]
      : [t("enterpriseName"), t("creditCode"), t("address"), t("grid"), t("industry"), t("size"), t("contactName"), t("contactPhone"), t("commissioner"), t("status")];

  const run = async (): Promise<number> => {
    let written = 0;
    let truncated = false;
    sheet.addRow([`${t("exportFilters")}：${text}　${t("exportTime")}：${stamp}（${t("timeZone")}）`]).commit();
    const headerRow = sheet.addRow(headers);
    headerRow.font = { bold: true };
    headerRow.commit();
    let after: string | undefined;
    const householdFilter = kind === "households" ? await householdWhere(user, filter as HouseholdFilter) : null;
    const enterpriseFilter = kind === "enterprises" ? await enterpriseWhere(user, filter as EnterpriseFilter) : null;
    for (;;) {
      const take = Math.min(CHUNK, EXPORT_MAX_ROWS - written);
      if (take <= 0) {
        truncated = true;
        break;
      }
      const status = (active: boolean) => (active ? t("statusActive") : t("statusInactive"));
      let ids: string[];
      if (householdFilter) {
        const where = householdFilter;
        const rows = await db.household.findMany({
          where: { AND: [where, ...(after ? [{ id: { gt: after } }] : [])] }, orderBy: { id: "asc" }, take,
          select: { id: true, householdKey: true, headName: true, address: true, phone: true, membersCount: true, tags: true, active: true, orgUnit: { select: { name: true } } },
        });
        for (const r of rows) sheet.addRow([r.householdKey, r.headName, r.address, r.orgUnit.name, phone(r.phone), r.membersCount, r.tags.join("、"), status(r.active)]).commit();
        ids = rows.map((r) => r.id);
      } else {
        const where = enterpriseFilter!;
        const rows = await db.enterprise.findMany({
          where: { AND: [where, ...(after ? [{ id: { gt: after } }] : [])] }, orderBy: { id: "asc" }, take,
          select: {
            id: true, name: true, creditCode: true, address: true, industry: true, size: true, contactName: true, contactPhone: true, active: true,
            orgUnit: { select: { name: true } }, commissioner: { select: { name: true, username: true } },
          },
        });
        for (const r of rows) {
          sheet.addRow([
            r.name, r.creditCode, r.address, r.orgUnit.name, r.industry, t(`sizes.${r.size}`), r.contactName, phone(r.contactPhone),
            r.commissioner ? `${r.commissioner.name}（${r.commissioner.username}）` : "", status(r.active),
          ]).commit();
        }
        ids = rows.map((r) => r.id);
      }
      written += ids.length;
      if (ids.length < take) break;
      after = ids.at(-1);
      // Let the response drain before reading the next chunk.
      if (zip.writableNeedDrain) await new Promise((resolve) => zip.once("drain", resolve));
    }
    if (truncated) sheet.addRow([t("exportTruncated", { max: EXPORT_MAX_ROWS })]).commit();
    sheet.commit();
    await workbook.commit();
    await zipEnded;
    await appendAuditStandalone(
      { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
      {
        action: "register.export", entityType: kind === "households" ? "Household" : "Enterprise", orgUnitId: user.orgUnitId,
        data: { filters: { ...filter }, rows: written, truncated, unmasked },
      },
    );
    out.end();
    return written;
  };

  const done = run().catch((error) => {
    console.error(`[register.export] request ${meta.requestId}`, error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  done.catch(() => {});
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replaceAll("-", "");
  return {
    stream: Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>,
    fileName: `${kind === "households" ? t("households") : t("enterprises")}-${day}.xlsx`,
    done,
  };
}
