// GET /api/talent/evaluation/export?year=&org=&tier=: the year's enterprise evaluation as
// .xlsx (report.export; declared in lib/talent/points/evaluation.ts, audited as it streams).
import { exportRoute } from "@/lib/platform/exports/route";
import { evaluationExport, parseEvaluationFilter } from "@/lib/talent/points/evaluation";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { filterParams } from "@/lib/platform/read";

export const GET = exportRoute(
  { name: "points.evaluation.export", permission: ["report.export", "talent.view"], query: filterParams, buffered: true },
  async ({ user, search, locale }) => {
    const programme = await getTalentProgrammeOrThrow(user);
    return evaluationExport(user, programme, parseEvaluationFilter(search, shanghaiYear()), locale);
  },
);
