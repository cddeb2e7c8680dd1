// Recomputes the audit chain from the first row. Used by `npm run audit:verify` and tests.
import "server-only";
import { db, type Db } from "@/lib/platform/db/client";
import { auditHash, GENESIS_HASH } from "./chain";

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtSeq: bigint; reason: "prevHash" | "hash" };

export async function verifyAuditChain(batchSize = 5000, client: Db = db): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq: bigint | undefined;
  let rows = 0;
  for (;;) {
    const batch = await client.auditLog.findMany({
      where: afterSeq === undefined ? {} : { seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtSeq: row.seq, reason: "prevHash" };
      const expected = auditHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        orgUnitId: row.orgUnitId,
        outcome: row.outcome,
        data: row.data,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (expected !== row.hash) return { ok: false, rows, brokenAtSeq: row.seq, reason: "hash" };
      prevHash = row.hash;
      rows += 1;
      afterSeq = row.seq;
    }
  }
}
