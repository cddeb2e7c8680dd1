"use server";
// Corrections: a manager reverses a grant (points.reverse). The original entry stays; a
// REVERSAL entry of the opposite sign is appended; an entry can be reversed only once.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { reverseEntry } from "./ledger";
import { reverseGrantContract } from "./schemas";

export const reverseGrantAction = action(
  reverseGrantContract, { revalidate: ["/talent"] },
  async (input, { user, tx, audit }) => {
    const entry = await tx.pointLedgerEntry.findFirst({
      where: {
        seq: BigInt(input.seq),
        account: { OR: [{ talent: { orgUnit: { path: { startsWith: user.orgPath } } } }, { enterprise: { orgUnit: { path: { startsWith: user.orgPath } } } }] },
      },
      include: { account: { include: { talent: { select: { orgUnit: { select: { path: true } } } }, enterprise: { select: { orgUnit: { select: { path: true } } } } } } },
    });
    if (!entry) throw new NotFoundError();
    const orgPath = entry.account.talent?.orgUnit.path ?? entry.account.enterprise?.orgUnit.path ?? "";
    assertCan(user, "points.reverse", { orgPath });
    if (entry.kind !== "GRANT") throw new DomainError("points.notReversible");
    const reversal = await reverseEntry(entry.seq, input.reason, user.id, undefined, tx);
    await audit({
      action: "points.reverse", entityType: "PointLedgerEntry", entityId: String(entry.seq), orgUnitId: entry.account.orgUnitId,
      data: { reversedSeq: String(entry.seq), points: entry.points, reason: input.reason, balanceAfter: reversal.balanceAfter },
    });
    return { seq: String(reversal.seq), balanceAfter: reversal.balanceAfter };
  },
);
