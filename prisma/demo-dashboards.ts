// Demo records of the Dashboards module, seeded last (after every programme module): two 赛马
// schemes — 余杭区's streets and zones, and 浦阳镇's villages. The dashboard rollups need no
// seeding: the triggers kept them current while the other modules' demo records went in.
import type { Db, Tx } from "@/lib/platform/db/client";

type Weight = { indicatorKey: string; weight: number; direction?: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" };

const SCHEMES: { name: string; parent: string; weights: Weight[] }[] = [
  {
    name: "余杭区镇街“赛马”综合排名",
    parent: "yh",
    weights: [
      { indicatorKey: "visits.coverage", weight: 3 },
      { indicatorKey: "problems.solvedRate", weight: 2 },
      { indicatorKey: "hotline.respondOnTime", weight: 2 },
      { indicatorKey: "hotline.satisfaction", weight: 1 },
      { indicatorKey: "hotline.breaches", weight: 1, direction: "LOWER_IS_BETTER" },
      { indicatorKey: "points.granted", weight: 1 },
    ],
  },
  {
    name: "浦阳镇村社民情双访“赛马”",
    parent: "py",
    weights: [
      { indicatorKey: "visits.households", weight: 3 },
      { indicatorKey: "visits.coverage", weight: 2 },
      { indicatorKey: "problems.solved", weight: 2 },
      { indicatorKey: "problems.avgDaysToSolve", weight: 1, direction: "LOWER_IS_BETTER" },
      { indicatorKey: "visits.guided", weight: 1 },
    ],
  },
];

export async function seedDemoDashboards(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>): Promise<void> {
  for (const s of SCHEMES) {
    await db.rankingScheme.create({
      data: {
        name: s.name, parentOrgUnitId: ids[s.parent]!, createdById: userIds.admin!,
        weights: { create: s.weights.map((w, sortOrder) => ({ indicatorKey: w.indicatorKey, weight: w.weight, direction: w.direction ?? "HIGHER_IS_BETTER", sortOrder })) },
      },
    });
  }
}
