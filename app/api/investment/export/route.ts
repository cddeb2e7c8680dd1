// GET /api/investment/export?programme=…&from=…&to=…: investment progress and leads as .xlsx.
import { z } from "zod";
import { investmentExport } from "@/lib/investment/export";
import { isoDate } from "@/lib/platform/schema-fields";
import { exportRoute } from "@/lib/platform/exports/route";
import { idParam } from "@/lib/platform/read";

const querySchema = z
  .object({ programme: idParam, from: isoDate, to: isoDate })
  // Compared only when both are dates: a bad "from" is one error, not two.
  .refine((q) => q.from <= q.to, { message: "@endBeforeStart", path: ["to"], when: (payload) => payload.issues.length === 0 });

export const GET = exportRoute(
  { name: "investment.export", permission: ["report.export", "investment.view"], query: querySchema, buffered: true },
  async ({ user, query, locale }) => investmentExport(user, query.programme, { from: query.from, to: query.to }, locale),
);
