// GET /api/talent/evaluation/export?year=&org=&tier=: the year's enterprise evaluation as
// .xlsx (report.export; audited in lib/talent/points/evaluation.ts).
import { getLocale } from "next-intl/server";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { exportEvaluation, parseEvaluationFilter } from "@/lib/talent/points/evaluation";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { filterParams, route } from "@/lib/platform/read";

export const GET = route(
  { name: "points.evaluation.export", permission: ["report.export", "talent.view"], query: filterParams },
  async ({ request, user }) => {
    const programme = await getTalentProgrammeOrThrow(user);
    const filter = parseEvaluationFilter(new URL(request.url).searchParams, shanghaiYear());
    const { buffer, fileName } = await exportEvaluation(user, programme, filter, await getLocale());
    return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
