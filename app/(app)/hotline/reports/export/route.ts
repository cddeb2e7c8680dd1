// GET /hotline/reports/export?… — the report page's figures as .xlsx (same parameters).
// A programme outside the user's area is a 404 (NotFoundError from the export, audited).
import { hotlineReportExport } from "@/lib/hotline/export";
import { parseReportParamsWithIgnored } from "@/lib/hotline/report-params";
import { exportRoute } from "@/lib/platform/exports/route";
import { filterParams } from "@/lib/platform/read";

export const GET = exportRoute(
  { name: "hotline.reportExport", permission: ["report.export", "hotline.report"], query: filterParams, buffered: true },
  async ({ user, search, locale }) => {
    // The page's parse: a parameter the page would ignore is ignored here too.
    const { filter, range } = parseReportParamsWithIgnored(search);
    return hotlineReportExport(user, filter, range.label, locale);
  },
);
