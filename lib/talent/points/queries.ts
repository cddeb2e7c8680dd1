// Reads for the points pages. Callers have already loaded the account's holder in scope
// (getTalentOrThrow / getEnterpriseOrThrow); these only read by that account.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { parseEligibility, parseLevels } from "./rules";

export async function accountLedger(accountId: string, take = 200, client: Db | Tx = db) {
  const rows = await client.pointLedgerEntry.findMany({
    where: { accountId },
    orderBy: { seq: "desc" },
    take,
    select: {
      seq: true, kind: true, points: true, balanceAfter: true, year: true, reason: true, at: true, expiresOn: true, reversesSeq: true,
      item: { select: { name: true } }, application: { select: { id: true, number: true } }, redemption: { select: { id: true, number: true } },
      reversedBy: { select: { seq: true, kind: true } },
    },
  });
  return rows.map((r) => ({ ...r, seq: String(r.seq), reversesSeq: r.reversesSeq === null ? null : String(r.reversesSeq), reversedBy: r.reversedBy ? { seq: String(r.reversedBy.seq), kind: r.reversedBy.kind } : null }));
}

/** Active items of a subject with their level tables (for the application form). */
export async function itemOptions(programmeId: string, client: Db | Tx = db) {
  const items = await client.pointItem.findMany({ where: { programmeId, active: true }, orderBy: [{ subject: "asc" }, { sortOrder: "asc" }, { name: "asc" }] });
  return items.map((i) => ({ id: i.id, subject: i.subject, code: i.code, name: i.name, levels: parseLevels(i.levels), capPerItem: i.capPerItem, capPerYear: i.capPerYear, evidenceTypes: i.evidenceTypes, validityMonths: i.validityMonths }));
}

export async function resourceOptions(programmeId: string, client: Db | Tx = db) {
  const rows = await client.pointResource.findMany({ where: { programmeId, active: true }, orderBy: { code: "asc" } });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, pointsCost: r.pointsCost, eligibility: parseEligibility(r.eligibility) }));
}
