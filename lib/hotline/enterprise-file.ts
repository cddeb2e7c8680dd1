// 一企一档: what the app knows about one enterprise, for its file page. Each list is scoped to
// the reader's subtree (a department user reaching the page sees only what they may see).
// The timeline is one UNION over visits, hotline requests and problems raised on visits,
// newest first, limited (the sections link to the full lists).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { problemReadScope } from "@/lib/problems";
import { requestsOfEnterprise } from "./queries";
import { listCounts } from "@/lib/visits";

export type TimelineItem = { kind: "visit" | "request" | "problem"; id: string; at: Date; status: string; title: string; detail: string };

export const FILE_LIST_LIMIT = 20;
export const TIMELINE_LIMIT = 50;

export async function enterpriseTimeline(actor: Actor, enterpriseId: string, limit = TIMELINE_LIMIT, client: Db | Tx = db): Promise<TimelineItem[]> {
  const path = actor.orgPath;
  return client.$queryRaw<TimelineItem[]>`
    SELECT * FROM (
      SELECT 'visit' AS kind, v.id, v."visitedAt" AS at, v.kind::text AS status, u.name AS title, left(v.notes, 80) AS detail
        FROM visit v JOIN org_unit ou ON ou.id = v."orgUnitId" JOIN app_user u ON u.id = v."officerId"
       WHERE v."enterpriseId" = ${enterpriseId} AND starts_with(ou.path, ${path})
      UNION ALL
      SELECT 'request', sr.id, sr."receivedAt", sr.status::text, sr.number, sr.category || '：' || left(sr.description, 80)
        FROM service_request sr JOIN org_unit ou ON ou.id = sr."orgUnitId" LEFT JOIN org_unit ld ON ld.id = sr."leadDepartmentId"
       WHERE sr."enterpriseId" = ${enterpriseId} AND (starts_with(ou.path, ${path}) OR starts_with(ld.path, ${path}) OR sr."assigneeId" = ${actor.id})
      UNION ALL
      SELECT 'problem', p.id, p."createdAt", p.status::text, p.title, p.category
        FROM problem p JOIN visit v ON v.id = p."visitId" JOIN org_unit ou ON ou.id = p."orgUnitId" LEFT JOIN org_unit esc ON esc.id = p."escalatedToOrgUnitId"
       WHERE v."enterpriseId" = ${enterpriseId} AND (starts_with(ou.path, ${path}) OR starts_with(esc.path, ${path}))
    ) AS items
    ORDER BY at DESC, id DESC
    LIMIT ${limit}`;
}

export async function enterpriseVisits(actor: Actor, enterpriseId: string, take = FILE_LIST_LIMIT, client: Db | Tx = db) {
  const visits = await client.visit.findMany({
    where: { enterpriseId, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, visitedAt: true, kind: true, notes: true, officer: { select: { name: true } } },
  });
  // Page-scoped counts (see listCounts: Prisma's `_count` would aggregate the whole table).
  const counts = await listCounts(visits.map((v) => v.id), client);
  return visits.map((v) => ({ ...v, _count: { problems: counts.get(v.id)?.problems ?? 0 } }));
}

export async function enterpriseProblems(actor: Actor, enterpriseId: string, take = FILE_LIST_LIMIT, client: Db | Tx = db) {
  return client.problem.findMany({
    where: { AND: [{ visit: { enterpriseId } }, problemReadScope(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, category: true, status: true, createdAt: true, escalatedTo: { select: { name: true } } },
  });
}

export { requestsOfEnterprise as enterpriseRequests };
