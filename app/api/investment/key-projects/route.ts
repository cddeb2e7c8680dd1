// GET /api/investment/key-projects?programme=…: the key-project battle map as .xlsx.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { NotFoundError } from "@/lib/errors";
import { exportKeyProjects } from "@/lib/investment/export";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  if (!can(user, "report.export") || !can(user, "keyProject.view")) return new Response(null, { status: 403 });
  const programmeId = new URL(request.url).searchParams.get("programme") ?? "";
  if (!programmeId) return new Response(null, { status: 400 });
  try {
    const { buffer, fileName } = await exportKeyProjects(user, programmeId, await getLocale());
    return new Response(buffer as ArrayBuffer, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response(null, { status: 404 });
    throw e;
  }
}
