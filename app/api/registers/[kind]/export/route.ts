// GET /api/registers/households/export?… and /api/registers/enterprises/export?…: the
// filtered list as .xlsx (same filter parameters as the list page).
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { assertCan } from "@/lib/platform/authz/can";
import { exportRegister } from "@/lib/registers/export";
import { parseEnterpriseFilter, parseHouseholdFilter } from "@/lib/registers/filters";
import { registerKindField } from "@/lib/registers/import-service";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { filterParams, route } from "@/lib/platform/read";

export const GET = route(
  { name: "register.export", params: z.object({ kind: registerKindField }), permission: "report.export", query: filterParams },
  async ({ request, user, params }) => {
    assertCan(user, params.kind === "households" ? "household.view" : "enterprise.view");
    const search = new URL(request.url).searchParams;
    const filter = params.kind === "households" ? parseHouseholdFilter(search) : parseEnterpriseFilter(search);
    const { stream, fileName } = await exportRegister(user, params.kind, filter, await getLocale());
    return new Response(stream, {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" },
    });
  },
);
