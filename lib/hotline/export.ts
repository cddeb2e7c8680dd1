// The hotline report as .xlsx: Chinese headers, the filters and the export time on the first
// line, audited. Aggregates only (no personal data), so small enough to build in memory.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { appendAuditStandalone } from "@/lib/audit/write";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/dates";
import { visibleProgrammeName } from "@/lib/programmes/queries";
import { getRequestMeta } from "@/lib/request";
import { hotlineReport, type ReportFilter, type ReportRow } from "./reports";

export async function exportHotlineReport(user: SessionUser, filter: ReportFilter, rangeLabel: string, locale: string, now = clockNow()) {
  const t = await getTranslations({ locale, namespace: "hotline" });
  const { rows, overall } = await hotlineReport(user, filter, now);
  // The programme named in the header goes through the user's scope: another area's id is
  // refused exactly like an unknown one, so the file never names a programme the user may not see.
  const programme = filter.programmeId ? { name: await visibleProgrammeName(user, filter.programmeId) } : null;
  if (filter.programmeId && !programme?.name) throw new NotFoundError({ entityType: "Programme", entityId: filter.programmeId });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t("report.sheetByGroup"));
  const stages = ["ACCEPT", "ASSIGN", "RESPOND"] as const;
  const stageLabel = (s: (typeof stages)[number]) => t(`stage.${s}`);
  const filters = [
    `${t("report.period")}=${rangeLabel}`,
    `${t("report.groupBy")}=${t(`report.groupByOptions.${filter.groupBy}`)}`,
    `${t("report.programme")}=${programme?.name ?? t("report.allProgrammes")}`,
    `${t("report.scope")}=${user.orgName}`,
  ].join("；");
  sheet.addRow([`${t("report.filters")}：${filters}　${t("report.exportTime")}：${formatDateTime(now, locale)}（${t("report.timeZone")}）`]);
  const header = sheet.addRow([
    t("report.group"), t("report.total"),
    ...stages.flatMap((s) => [t("report.rate", { stage: stageLabel(s) }), t("report.avg", { stage: stageLabel(s) }), t("report.p90", { stage: stageLabel(s) })]),
    t("report.satisfactionAvg"), t("report.satisfactionCount"), "1", "2", "3", "4", "5", t("report.closed"), t("report.reopenRate"),
  ]);
  header.font = { bold: true };
  const pct = (v: number | null) => (v === null ? "" : Math.round(v * 1000) / 10);
  const mins = (v: number | null) => (v === null ? "" : Math.round(v));
  const line = (label: string, r: ReportRow) => [
    label, r.total,
    ...stages.flatMap((s) => {
      const st = s === "ACCEPT" ? r.accept : s === "ASSIGN" ? r.assign : r.respond;
      return [pct(st.rate), mins(st.avgMinutes), mins(st.p90Minutes)];
    }),
    r.satisfaction.average === null ? "" : Math.round(r.satisfaction.average * 100) / 100, r.satisfaction.count, ...r.satisfaction.distribution, r.closed, pct(r.reopenRate),
  ];
  for (const r of rows) sheet.addRow(line(filter.groupBy === "department" ? (r.label ?? t("report.noDepartment")) : r.key, r));
  sheet.addRow(line(t("report.overall"), overall)).font = { bold: true };
  sheet.columns.forEach((c, i) => { c.width = i === 0 ? 22 : 12; });
  const buffer = await wb.xlsx.writeBuffer();
  const meta = await getRequestMeta();
  await appendAuditStandalone(
    { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
    { action: "hotline.reportExport", entityType: "ServiceRequest", orgUnitId: user.orgUnitId, data: { filter: { ...filter, from: filter.from.toISOString(), to: filter.to.toISOString() }, rows: rows.length } },
  );
  return { buffer: Buffer.from(buffer), fileName: `亲企办热线统计_${rangeLabel.replace(/[^\w-]+/g, "_")}.xlsx` };
}
