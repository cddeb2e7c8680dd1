// GET /api/reports/<id>: a manager report's Excel file (lib/dashboards/reports.ts), for the
// report's owner only — anyone else's id answers 404 and leaves a DENIED audit row, as every
// route() refusal does; each download is audited as an export is.
import { z } from "zod";
import { appendAuditStandalone } from "@/lib/platform/audit/write";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { idParam, route } from "@/lib/platform/read";
import { storage } from "@/lib/platform/storage";
import { getManagerReportOrThrow, reportTranslator } from "@/lib/dashboards/reports";

export const GET = route(
  { name: "managerReport.download", params: z.object({ reportId: idParam }), permission: "managerReport.view" },
  async ({ user, params, meta, locale, fail }) => {
    const report = await getManagerReportOrThrow(user, params.reportId);
    const bytes = report.storageKey ? await storage().get(report.storageKey) : null;
    if (!bytes) return fail(404, "notFound");
    await appendAuditStandalone(
      { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
      {
        action: "managerReport.download", entityType: "ManagerReport", entityId: report.id, orgUnitId: report.orgUnitId,
        data: { period: report.period, from: report.periodStart, to: report.periodEnd },
      },
    );
    const t = reportTranslator(locale, "reports");
    const name = t("fileName", { period: report.period, unit: report.figures.unit.name, from: report.periodStart, to: report.periodEnd });
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(`${name}.xlsx`), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  },
);
