// `npm run points:verify`: recomputes every points balance from the ledger; exit 1 lists the
// accounts whose cached balance differs from the sum of their entries (or from the last
// entry's balanceAfter).
import { db } from "@/lib/platform/db/client";
import { findLedgerMismatches } from "@/lib/talent/points/ledger";

const report = await findLedgerMismatches();
await db.$disconnect();
if (report.mismatches.length === 0) {
  console.log(`Points ledger consistent: ${report.accounts} accounts, ${report.entries} entries.`);
} else {
  for (const m of report.mismatches) {
    console.error(`account ${m.accountId}: balance ${m.balance}, ledger sum ${m.ledgerSum}, last balanceAfter ${m.lastBalanceAfter ?? "—"}`);
  }
  console.error(`Points ledger MISMATCH in ${report.mismatches.length} of ${report.accounts} accounts.`);
  process.exit(1);
}
