// GET /hotline/reports/export?… — the report page's figures as .xlsx (same parameters).
// A programme outside the user's area is a 404 (NotFoundError from the export, audited).
import { getLocale } from "next-intl/server";
import { exportHotlineReport } from "@/lib/hotline/export";
import { parseReportParamsWithIgnored } from "@/lib/hotline/report-params";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { filterParams, route } from "@/lib/platform/read";

export const GET = route(
  { name: "hotline.reportExport", permission: ["report.export", "hotline.report"], query: filterParams },
  async ({ request, user }) => {
    // The page's parse: a parameter the page would ignore is ignored here too.
    const { filter, range } = parseReportParamsWithIgnored(new URL(request.url).searchParams);
    const { buffer, fileName } = await exportHotlineReport(user, filter, range.label, await getLocale());
    return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
