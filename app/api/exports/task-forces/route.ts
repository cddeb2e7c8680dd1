// GET /api/exports/task-forces?programme=: every task force the task-force list shows for the
// chosen investment programme (same scoping, same order), read 500 at a time, as .xlsx; the
// target investment as a number of 万元 (Decimal(18,2), exact in a double). Permission
// "report.export" and "investment.view"; audited with the programme and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { listTaskForces, pickInvestmentProgramme } from "@/lib/investment/queries";
import { z } from "zod";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam, route } from "@/lib/platform/read";

const PAGE = 500;

async function* taskForceRows(user: SessionUser, programmeId: string, t: (key: string) => string): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await listTaskForces(user, programmeId, { skip, take: PAGE });
    for (const tf of page) {
      yield [
        tf.name, t(`kind.${tf.kind}`), tf.orgUnit.name, tf.leader.name, tf.members.map((m) => m.user.name).join("、"), tf.sectors.join("、"),
        tf.active ? t("active") : t("inactive"), tf.targetTrips, tf.targetEnterprises, tf.targetProjects, Number(tf.targetInvestmentWan.toFixed(2)),
      ];
    }
    if (page.length < PAGE) return;
  }
}

export const GET = route(
  { name: "taskForce.export", permission: ["report.export", "investment.view"], query: z.object({ programme: idParam.optional() }) },
  async ({ user, query }) => {
    const { chosen } = await pickInvestmentProgramme(user, query.programme);
    if (!chosen) throw new NotFoundError({ entityType: "Programme", entityId: query.programme ?? null });
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "investment" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const cols = { name: "text", kind: "text", unit: "text", leader: "text", members: "text", sectors: "text", active: "text", targetTrips: "integer", targetEnterprises: "integer", targetProjects: "integer" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${chosen.name}-${t("taskForcesSheet")}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("programme"), value: chosen.name }],
      columns: [
        ...typedColumns(cols, (c) => t(`taskForceCols.${c}`)),
        { header: t("taskForceCols.targetInvestment"), type: "amount", unit: tx("units.wan") },
      ],
      rows: taskForceRows(user, chosen.id, (k) => t(k)),
      audit: { action: "taskForce.export", entityType: "Programme", entityId: chosen.id, data: { programmeId: chosen.id } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
