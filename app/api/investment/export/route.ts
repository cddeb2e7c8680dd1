// GET /api/investment/export?programme=…&from=…&to=…: investment progress and leads as .xlsx.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { NotFoundError } from "@/lib/errors";
import { exportInvestment } from "@/lib/investment/export";
import { isoDate } from "@/lib/investment/schemas";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  if (!can(user, "report.export") || !can(user, "investment.view")) return new Response(null, { status: 403 });
  const search = new URL(request.url).searchParams;
  const programmeId = search.get("programme") ?? "";
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  if (!programmeId || !isoDate.safeParse(from).success || !isoDate.safeParse(to).success || from > to) return new Response(null, { status: 400 });
  try {
    const { buffer, fileName } = await exportInvestment(user, programmeId, { from, to }, await getLocale());
    return new Response(buffer as ArrayBuffer, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response(null, { status: 404 });
    throw e;
  }
}
