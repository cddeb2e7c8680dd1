import "server-only";
import { db, type Db } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { depthOf } from "@/lib/platform/org/path";
import { inSubtree, orgUnitInSubtree } from "@/lib/platform/org/scope";
import type { RefusalReason } from "./refusal";

export type AuditFilter = {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  /** DENIED rows only: every refusal, or those of one rule (lib/platform/audit/refusal.ts). */
  refusal?: "any" | RefusalReason;
  from?: string; // YYYY-MM-DD, Asia/Shanghai
  to?: string;
};

const PAGE_SIZE = 100;

/** Start of a calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * Audit rows newest first, keyset-paged by seq. An admin below the root sees rows about
 * org units in their subtree and rows by users of their subtree.
 */
export async function listAuditLog(actor: Actor, filter: AuditFilter, beforeSeq?: bigint, client: Db = db) {
  // The audit table has no foreign keys (rows outlive what they describe), so the scope is
  // an id list: a district's units and users number in the thousands at most.
  let scope = {};
  if (depthOf(actor.orgPath) > 0) {
    const units = await client.orgUnit.findMany({ where: orgUnitInSubtree(actor), select: { id: true } });
    const users = await client.user.findMany({ where: inSubtree(actor), select: { id: true } });
    scope = { OR: [{ orgUnitId: { in: units.map((u) => u.id) } }, { actorId: { in: users.map((u) => u.id) } }] };
  }
  const rows = await client.auditLog.findMany({
    where: {
      AND: [
        scope,
        filter.action ? { action: { startsWith: filter.action } } : {},
        filter.actor ? { actorName: { contains: filter.actor } } : {},
        filter.entityType ? { entityType: filter.entityType } : {},
        filter.entityId ? { entityId: filter.entityId } : {},
        filter.outcome ? { outcome: filter.outcome } : {},
        filter.refusal ? { outcome: "DENIED" } : {},
        filter.refusal && filter.refusal !== "any" ? { data: { path: ["reason"], equals: filter.refusal } } : {},
        filter.from ? { at: { gte: shanghaiDayStart(filter.from) } } : {},
        filter.to ? { at: { lt: new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000) } } : {},
        beforeSeq ? { seq: { lt: beforeSeq } } : {},
      ],
    },
    orderBy: { seq: "desc" },
    take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, nextBefore: rows.length > PAGE_SIZE ? page[page.length - 1]!.seq : undefined };
}
