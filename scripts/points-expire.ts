// `npm run points:expire [YYYY-MM-DD]`: writes EXPIRY entries for grants whose validity has
// ended (run daily, e.g. from cron; lib/talent/points/expiry.ts). Idempotent.
import { db } from "@/lib/platform/db/client";
import { expirePoints } from "@/lib/talent/points/expiry";

const arg = process.argv[2];
const asOf = arg ? new Date(`${arg}T00:00:00Z`) : new Date();
if (Number.isNaN(asOf.getTime())) {
  console.error("usage: npm run points:expire [YYYY-MM-DD]");
  process.exit(2);
}
const r = await expirePoints(asOf);
await db.$disconnect();
console.log(`Expired ${r.expired} grants (${r.points} points) as of ${asOf.toISOString().slice(0, 10)}.`);
