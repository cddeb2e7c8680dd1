// GET /api/investment/key-projects?programme=…: the key-project battle map as .xlsx.
import { z } from "zod";
import { keyProjectsExport } from "@/lib/investment/export";
import { exportRoute } from "@/lib/platform/exports/route";
import { idParam } from "@/lib/platform/read";

export const GET = exportRoute(
  { name: "keyProject.export", permission: ["report.export", "keyProject.view"], query: z.object({ programme: idParam }), buffered: true },
  async ({ user, query, locale }) => keyProjectsExport(user, query.programme, locale),
);
