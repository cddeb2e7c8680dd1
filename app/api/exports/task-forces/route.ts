// GET /api/exports/task-forces?programme=: every task force the task-force list shows for the
// chosen investment programme (same scoping, same order), read 500 at a time, as .xlsx; the
// target investment as a number of 万元 (Decimal(18,2), exact in a double). Permission
// "report.export" and "investment.view"; audited with the programme and row count.
import { z } from "zod";
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listTaskForces } from "@/lib/investment/queries";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam } from "@/lib/platform/read";

const cols = { name: "text", kind: "text", unit: "text", leader: "text", members: "text", sectors: "text", active: "text", targetTrips: "integer", targetEnterprises: "integer", targetProjects: "integer" } as const;

export const GET = exportRoute(
  { name: "taskForce.export", permission: ["report.export", "investment.view"], namespace: "investment", query: z.object({ programme: idParam.optional() }) },
  async ({ user, query, t, tx, replica }) => {
    const { chosen } = await pickProgramme(investmentKind, user, query.programme);
    if (!chosen) throw new NotFoundError({ entityType: "Programme", entityId: query.programme ?? null });
    return {
      name: `${chosen.name}-${t("taskForcesSheet")}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("programme"), value: chosen.name }],
      columns: [
        ...typedColumns(cols, (c) => t(`taskForceCols.${c}`)),
        { header: t("taskForceCols.targetInvestment"), type: "amount", unit: tx("units.wan") },
      ],
      rows: pagedRows((skip, take) => listTaskForces(user, chosen.id, { skip, take }, replica), (tf) => [
        tf.name, t(`kind.${tf.kind}`), tf.orgUnit.name, tf.leader.name, tf.members.map((m) => m.user.name).join("、"), tf.sectors.join("、"),
        tf.active ? t("active") : t("inactive"), tf.targetTrips, tf.targetEnterprises, tf.targetProjects, Number(tf.targetInvestmentWan.toFixed(2)),
      ]),
      audit: { action: "taskForce.export", entityType: "Programme", entityId: chosen.id, data: { programmeId: chosen.id } },
    };
  },
);
