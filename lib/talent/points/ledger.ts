// The points ledger. Every change of a balance is one append-only entry (a trigger rejects
// UPDATE/DELETE), written in the same transaction as the single conditional UPDATE that
// moves the cached balance:
//   UPDATE point_account SET balance = balance + n WHERE id = a AND balance + n >= 0 RETURNING balance
// The RETURNING value is the entry's balanceAfter. No row back = the balance would go
// negative: "insufficient points", nothing written. Corrections are REVERSAL entries
// (reversesSeq is unique, so an entry can be reversed — or expire — only once).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { ConflictError, DomainError, NotFoundError } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import type { LedgerEntryKind, PointSubject } from "@/lib/generated/prisma/enums";
import { randomUUID } from "node:crypto";

export class InsufficientPointsError extends DomainError {
  constructor(values: Record<string, string | number> = {}) {
    super("points.insufficientPoints", values);
  }
}

/** The evaluation year of a moment, in Asia/Shanghai. */
export function shanghaiYear(at: Date = clockNow()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(at));
}

/** The talent's account (created on first use; concurrent callers get the same row). */
export async function ensureTalentAccount(talent: { id: string; orgUnitId: string }, tx: Tx): Promise<string> {
  // createdAt from the app clock, not SQL now(): now() into a timestamp column follows the
  // database's TimeZone setting (see lib/platform/auth/lockout.ts), and a pinned clock should reach it.
  await tx.$executeRaw`
    INSERT INTO point_account (id, subject, "talentId", "orgUnitId", balance, "createdAt")
    VALUES (${randomUUID()}, 'TALENT'::"PointSubject", ${talent.id}, ${talent.orgUnitId}, 0, ${clockNow()}::timestamp)
    ON CONFLICT ("talentId") DO NOTHING`;
  const account = await tx.pointAccount.findUniqueOrThrow({ where: { talentId: talent.id }, select: { id: true } });
  return account.id;
}

export async function ensureEnterpriseAccount(enterprise: { id: string; orgUnitId: string }, tx: Tx): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO point_account (id, subject, "enterpriseId", "orgUnitId", balance, "createdAt")
    VALUES (${randomUUID()}, 'ENTERPRISE'::"PointSubject", ${enterprise.id}, ${enterprise.orgUnitId}, 0, ${clockNow()}::timestamp)
    ON CONFLICT ("enterpriseId") DO NOTHING`;
  const account = await tx.pointAccount.findUniqueOrThrow({ where: { enterpriseId: enterprise.id }, select: { id: true } });
  return account.id;
}

export function ensureAccount(subject: PointSubject, holder: { id: string; orgUnitId: string }, tx: Tx) {
  return subject === "TALENT" ? ensureTalentAccount(holder, tx) : ensureEnterpriseAccount(holder, tx);
}

export type EntryInput = {
  accountId: string;
  kind: LedgerEntryKind;
  /** Signed: grants and returns positive, redemptions and expiries negative. */
  points: number;
  year: number;
  itemId?: string | null;
  applicationId?: string | null;
  redemptionId?: string | null;
  reversesSeq?: bigint | null;
  expiresOn?: Date | null;
  reason?: string;
  actorId?: string | null;
  /** Only for demo history; the app always records now(). */
  at?: Date;
};

/**
 * Moves the balance by `points` with one conditional UPDATE and appends the entry carrying
 * the resulting balance. Throws InsufficientPointsError (nothing written) when the balance
 * would go below zero.
 */
export async function postEntry(input: EntryInput, tx: Tx) {
  if (!Number.isInteger(input.points)) throw new Error("points must be an integer");
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE point_account SET balance = balance + ${input.points}::int
    WHERE id = ${input.accountId} AND balance + ${input.points}::int >= 0
    RETURNING balance`;
  if (rows.length === 0) {
    const exists = await tx.pointAccount.findUnique({ where: { id: input.accountId }, select: { balance: true } });
    if (!exists) throw new NotFoundError();
    throw new InsufficientPointsError({ needed: -input.points, balance: exists.balance });
  }
  try {
    return await tx.pointLedgerEntry.create({
      data: {
        accountId: input.accountId, kind: input.kind, points: input.points, balanceAfter: Number(rows[0]!.balance), year: input.year,
        itemId: input.itemId ?? null, applicationId: input.applicationId ?? null, redemptionId: input.redemptionId ?? null,
        reversesSeq: input.reversesSeq ?? null, expiresOn: input.expiresOn ?? null, reason: input.reason ?? "", actorId: input.actorId ?? null, ...(input.at ? { at: input.at } : {}),
      },
    });
  } catch (error) {
    if (input.reversesSeq != null && isUniqueViolation(error)) throw new ConflictError("points.alreadyReversed");
    throw error;
  }
}

/**
 * Reverses one entry: a new REVERSAL entry of the opposite sign (same account, item and
 * year), the original untouched. A second reversal of the same entry is refused (and the
 * unique index on reversesSeq refuses it under concurrency too). Returns the new entry.
 */
export async function reverseEntry(seq: bigint, reason: string, actorId: string | null, extra: { redemptionId?: string } = {}, tx: Tx) {
  const original = await tx.pointLedgerEntry.findUnique({ where: { seq }, include: { reversedBy: { select: { seq: true } } } });
  if (!original) throw new NotFoundError();
  if (original.kind === "REVERSAL" || original.kind === "EXPIRY") throw new ConflictError("points.notReversible");
  if (original.reversedBy) throw new ConflictError("points.alreadyReversed");
  return postEntry({
    accountId: original.accountId, kind: "REVERSAL", points: -original.points, year: original.year, itemId: original.itemId,
    applicationId: original.applicationId, redemptionId: extra.redemptionId ?? original.redemptionId, reversesSeq: original.seq,
    reason, actorId,
  }, tx);
}

/** Net points of one item already held by an account (all years, and in `year`): grants less their reversals and expiries. */
export async function itemPointsSoFar(accountId: string, itemId: string, year: number, tx: Tx | Db = db) {
  const rows = await tx.$queryRaw<{ total: bigint | null; in_year: bigint | null }[]>`
    SELECT COALESCE(SUM(points), 0) AS total, COALESCE(SUM(points) FILTER (WHERE year = ${year}::int), 0) AS in_year
    FROM point_ledger_entry WHERE "accountId" = ${accountId} AND "itemId" = ${itemId}`;
  return { total: Number(rows[0]?.total ?? 0), inYear: Number(rows[0]?.in_year ?? 0) };
}

/**
 * Points EARNED in an evaluation year per account: grants of that year less the reversals
 * of those grants. Redemptions and expiries do not reduce what was earned (an enterprise
 * that redeemed most of its points keeps its tier).
 */
export async function earnedInYear(accountIds: string[], year: number, client: Db | Tx = db): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ accountId: string; earned: bigint }[]>`
    SELECT e."accountId", SUM(e.points) AS earned
    FROM point_ledger_entry e
    LEFT JOIN point_ledger_entry o ON o.seq = e."reversesSeq"
    WHERE e."accountId" = ANY(${accountIds}) AND e.year = ${year}::int
      AND (e.kind = 'GRANT' OR (e.kind = 'REVERSAL' AND o.kind = 'GRANT'))
    GROUP BY e."accountId"`;
  return new Map(rows.map((r) => [r.accountId, Number(r.earned)]));
}

export type LedgerMismatch = { accountId: string; balance: number; ledgerSum: number; lastBalanceAfter: number | null };

/** Accounts whose cached balance differs from the sum of their entries or from the last entry's balanceAfter. */
export async function findLedgerMismatches(client: Db | Tx = db): Promise<{ accounts: number; entries: number; mismatches: LedgerMismatch[] }> {
  const rows = await client.$queryRaw<{ accountId: string; balance: number; ledger_sum: bigint; last_after: number | null; n: bigint }[]>`
    SELECT a.id AS "accountId", a.balance,
           COALESCE((SELECT SUM(points) FROM point_ledger_entry e WHERE e."accountId" = a.id), 0) AS ledger_sum,
           (SELECT "balanceAfter" FROM point_ledger_entry e WHERE e."accountId" = a.id ORDER BY seq DESC LIMIT 1) AS last_after,
           (SELECT COUNT(*) FROM point_ledger_entry e WHERE e."accountId" = a.id) AS n
    FROM point_account a`;
  const mismatches = rows
    .filter((r) => Number(r.ledger_sum) !== r.balance || (r.last_after !== null && r.last_after !== r.balance) || (r.last_after === null && r.balance !== 0))
    .map((r) => ({ accountId: r.accountId, balance: r.balance, ledgerSum: Number(r.ledger_sum), lastBalanceAfter: r.last_after }));
  return { accounts: rows.length, entries: rows.reduce((s, r) => s + Number(r.n), 0), mismatches };
}

/** Numbers come from the shared database counter. */
export { nextSequence } from "@/lib/platform/db/sequence";
