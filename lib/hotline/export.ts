// The hotline report as .xlsx, declared for the shared writer (lib/platform/exports/xlsx.ts):
// Chinese headers, the filters and the export time on the first line, rates as percents, times
// in minutes, the overall line in bold; audited with the filter and the number of groups.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { NotFoundError } from "@/lib/platform/errors";
import { xlsxBytes, type Cell, type Column, type ExportSpec } from "@/lib/platform/exports/xlsx";
import { visibleProgrammeName } from "@/lib/programmes";
import { hotlineReport, type ReportFilter, type ReportRow } from "./reports";

/** The report's workbook, for exportRoute or xlsxBytes. */
export async function hotlineReportExport(user: SessionUser, filter: ReportFilter, rangeLabel: string, locale: string, now = clockNow()): Promise<ExportSpec> {
  const t = await getTranslations({ locale, namespace: "hotline" });
  const { rows, overall } = await hotlineReport(user, filter, now);
  // The programme named in the header goes through the user's scope: another area's id is
  // refused exactly like an unknown one, so the file never names a programme the user may not see.
  const programme = filter.programmeId ? { name: await visibleProgrammeName(user, filter.programmeId) } : null;
  if (filter.programmeId && !programme?.name) throw new NotFoundError({ entityType: "Programme", entityId: filter.programmeId });
  const tx = await getTranslations({ locale, namespace: "exports" });
  const stages = ["ACCEPT", "ASSIGN", "RESPOND"] as const;
  const stageLabel = (s: (typeof stages)[number]) => t(`stage.${s}`);
  const filters = [
    { label: t("report.period"), value: rangeLabel },
    { label: t("report.groupBy"), value: t(`report.groupByOptions.${filter.groupBy}`) },
    { label: t("report.programme"), value: programme?.name ?? t("report.allProgrammes") },
    { label: t("report.scope"), value: user.orgName },
  ];
  const count = (header: string): Column => ({ header, type: "integer" });
  const minutes = (header: string): Column => ({ header, type: "duration", unit: tx("units.minutes") });
  const columns: Column[] = [
    { header: t("report.group"), type: "text" }, count(t("report.total")),
    ...stages.flatMap((s): Column[] => [
      { header: t("report.rate", { stage: stageLabel(s) }), type: "percent" }, minutes(t("report.avg", { stage: stageLabel(s) })), minutes(t("report.p90", { stage: stageLabel(s) })),
    ]),
    { header: t("report.satisfactionAvg"), type: "decimal", unit: tx("units.score") }, count(t("report.satisfactionCount")),
    ...["1", "2", "3", "4", "5"].map(count), count(t("report.closed")), { header: t("report.reopenRate"), type: "percent" },
  ];
  const mins = (v: number | null) => (v === null ? null : Math.round(v));
  const line = (label: string, r: ReportRow): Cell[] => [
    label, r.total,
    ...stages.flatMap((s) => {
      const st = s === "ACCEPT" ? r.accept : s === "ASSIGN" ? r.assign : r.respond;
      return [st.rate, mins(st.avgMinutes), mins(st.p90Minutes)];
    }),
    r.satisfaction.average === null ? null : Math.round(r.satisfaction.average * 100) / 100, r.satisfaction.count, ...r.satisfaction.distribution, r.closed, r.reopenRate,
  ];
  return {
    name: t("report.sheetByGroup"),
    fileName: `亲企办热线统计_${rangeLabel.replace(/[^\w-]+/g, "_")}.xlsx`,
    filters,
    columns,
    rows: [
      ...rows.map((r) => line(filter.groupBy === "department" ? (r.label ?? t("report.noDepartment")) : r.key, r)),
      { cells: line(t("report.overall"), overall), bold: true as const },
    ],
    audit: {
      action: "hotline.reportExport", entityType: "ServiceRequest",
      // The groups, not the sheet's lines (the overall line is not a group).
      data: () => ({ filter: { ...filter, from: filter.from.toISOString(), to: filter.to.toISOString() }, rows: rows.length }),
    },
  };
}

/** The report as a whole file, written and audited (the report tests read it back). */
export async function exportHotlineReport(user: SessionUser, filter: ReportFilter, rangeLabel: string, locale: string, now = clockNow()) {
  const { buffer, fileName } = await xlsxBytes(user, await hotlineReportExport(user, filter, rangeLabel, locale, now), locale, now);
  return { buffer, fileName };
}
