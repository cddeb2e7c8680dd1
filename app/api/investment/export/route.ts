// GET /api/investment/export?programme=…&from=…&to=…: investment progress and leads as .xlsx.
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { exportInvestment } from "@/lib/investment/export";
import { isoDate } from "@/lib/investment/schemas";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { idParam, route } from "@/lib/platform/read";

const querySchema = z
  .object({ programme: idParam, from: isoDate, to: isoDate })
  // Compared only when both are dates: a bad "from" is one error, not two.
  .refine((q) => q.from <= q.to, { message: "@endBeforeStart", path: ["to"], when: (payload) => payload.issues.length === 0 });

export const GET = route(
  { name: "investment.export", permission: ["report.export", "investment.view"], query: querySchema },
  async ({ user, query }) => {
    const { buffer, fileName } = await exportInvestment(user, query.programme, { from: query.from, to: query.to }, await getLocale());
    return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
