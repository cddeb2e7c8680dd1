// GET /api/registers/households/export?… and /api/registers/enterprises/export?…: the
// filtered list as .xlsx (same filter parameters as the list page).
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { exportRegister } from "@/lib/registers/export";
import { parseEnterpriseFilter, parseHouseholdFilter } from "@/lib/registers/filters";
import { registerKindField } from "@/lib/registers/import-service";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const kind = registerKindField.safeParse((await params).kind);
  if (!kind.success) return new Response(null, { status: 404 });
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  const viewPermission = kind.data === "households" ? "household.view" : "enterprise.view";
  if (!can(user, "report.export") || !can(user, viewPermission)) return new Response(null, { status: 403 });
  const search = new URL(request.url).searchParams;
  const filter = kind.data === "households" ? parseHouseholdFilter(search) : parseEnterpriseFilter(search);
  const { stream, fileName } = await exportRegister(user, kind.data, filter, await getLocale());
  return new Response(stream, {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" },
  });
}
