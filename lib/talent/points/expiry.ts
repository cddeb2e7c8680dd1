// Expiry of points with a validity period: each GRANT whose expiresOn has passed gets one
// EXPIRY entry (reversesSeq = the grant, so a grant expires — or is reversed — only once).
// Points already spent are not clawed back: the expiry takes what is left, at most the
// grant's points, so a balance never goes negative. One transaction per grant, audited.
import "server-only";
import { now, shanghaiYmd } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db/client";
import { appendAudit } from "@/lib/platform/audit/write";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { postEntry } from "./ledger";
import { ConflictError } from "@/lib/platform/errors";

export async function expirePoints(asOf: Date = now(), limit = 10_000): Promise<{ expired: number; points: number }> {
  // expiresOn is a Shanghai calendar day (@db.Date, UTC midnight) and the grant is valid through
  // it: it expires once that day is over in Shanghai, whatever hour the job runs. Comparing the
  // date with the instant expired it at 08:00 Shanghai on its last valid day.
  const today = new Date(`${shanghaiYmd(asOf)}T00:00:00.000Z`);
  const due = await db.pointLedgerEntry.findMany({
    where: { kind: "GRANT", expiresOn: { lt: today }, reversedBy: null },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, accountId: true, points: true, year: true, itemId: true, applicationId: true, account: { select: { orgUnitId: true } } },
  });
  let expired = 0;
  let total = 0;
  for (const grant of due) {
    try {
      await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ balance: number }[]>`SELECT balance FROM point_account WHERE id = ${grant.accountId} FOR UPDATE`;
        const amount = Math.min(grant.points, rows[0]?.balance ?? 0);
        const entry = await postEntry({
          accountId: grant.accountId, kind: "EXPIRY", points: -amount, year: grant.year, itemId: grant.itemId, applicationId: grant.applicationId,
          reversesSeq: grant.seq, reason: amount < grant.points ? `积分到期（已使用 ${grant.points - amount} 分）` : "积分到期", actorId: null,
        }, tx);
        await appendAudit({ actorId: null, actorName: "system", requestId: null, ip: null }, {
          action: "points.expire", entityType: "PointLedgerEntry", entityId: String(entry.seq), orgUnitId: grant.account.orgUnitId,
          data: { grantSeq: String(grant.seq), points: -amount, balanceAfter: entry.balanceAfter },
        }, tx);
        total += amount;
      });
      expired += 1;
    } catch (e) {
      // Reversed or expired by someone else in the meantime: nothing to do.
      if (e instanceof ConflictError || isUniqueViolation(e)) continue;
      throw e;
    }
  }
  return { expired, points: total };
}
