// `npm run audit:verify`: recomputes the audit hash chain; exit 1 names the first bad row.
import { db } from "@/lib/platform/db/client";
import { verifyAuditChain } from "@/lib/platform/audit/verify";

const report = await verifyAuditChain();
await db.$disconnect();
if (report.ok) {
  console.log(`Audit chain intact: ${report.rows} rows verified.`);
} else {
  console.error(`Audit chain BROKEN at seq ${report.brokenAtSeq} (${report.reason} mismatch) after ${report.rows} good rows.`);
  process.exit(1);
}
