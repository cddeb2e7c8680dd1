// GET /hotline/reports/export?… — the report page's figures as .xlsx (same parameters).
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { NotFoundError } from "@/lib/errors";
import { exportHotlineReport } from "@/lib/hotline/export";
import { parseReportParams } from "@/lib/hotline/report-params";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  if (!can(user, "report.export") || !can(user, "hotline.report")) return new Response(null, { status: 403 });
  const { filter, range } = parseReportParams(new URL(request.url).searchParams);
  const exported = await exportHotlineReport(user, filter, range.label, await getLocale()).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!exported) return new Response(null, { status: 404 });
  const { buffer, fileName } = exported;
  return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
}
