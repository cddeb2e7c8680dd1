// GET /api/registers/households/export?… and /api/registers/enterprises/export?…: the
// filtered list as .xlsx (same filter parameters as the list page).
import { z } from "zod";
import { assertCan } from "@/lib/platform/authz/can";
import { exportRoute } from "@/lib/platform/exports/route";
import { registerExport } from "@/lib/registers/export";
import { parseEnterpriseFilter, parseHouseholdFilter } from "@/lib/registers/filters";
import { registerKindField } from "@/lib/registers/import-service";
import { filterParams } from "@/lib/platform/read";

export const GET = exportRoute(
  { name: "register.export", params: z.object({ kind: registerKindField }), permission: "report.export", query: filterParams },
  async ({ user, params, search, locale }) => {
    assertCan(user, params.kind === "households" ? "household.view" : "enterprise.view");
    const filter = params.kind === "households" ? parseHouseholdFilter(search) : parseEnterpriseFilter(search);
    return registerExport(user, params.kind, filter, locale);
  },
);
