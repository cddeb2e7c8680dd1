// A fingerprint of every business table, to prove an action changed nothing. The audit log
// is left out on purpose: refused attempts are audited.
import { createHash } from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export async function businessSnapshot(): Promise<string> {
  const tables = await Promise.all([
    db.orgUnit.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.programme.findMany({ orderBy: { id: "asc" } }),
    db.programmeOrgUnit.findMany({ orderBy: [{ programmeId: "asc" }, { orgUnitId: "asc" }] }),
    db.programmeIndicator.findMany({ orderBy: { id: "asc" } }),
    db.programmeTarget.findMany({ orderBy: { id: "asc" } }),
    db.idempotencyKey.findMany({ orderBy: { key: "asc" } }),
  ]);
  return createHash("sha256").update(JSON.stringify(tables)).digest("hex");
}

// Tables a refused call may legitimately touch: the audit log (refusals are audited), sign-in
// throttling and revoked sessions (not business data), and the migration ledger.
const NOT_BUSINESS = new Set(["audit_log", "rate_limit", "revoked_session", "_prisma_migrations"]);

/**
 * One line per table of the whole schema ("visit:<md5 of all its rows>"), so a comparison
 * names the table that changed. Every business table counts, including ones added later.
 */
export async function databaseSnapshot(): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const lines = await Promise.all(
    tables
      .filter((t) => !NOT_BUSINESS.has(t.tablename))
      .map(async ({ tablename }) => {
        // The name comes from pg_tables, not from input; an identifier cannot be a bound parameter.
        const [row] = await db.$queryRaw<{ h: string | null }[]>`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${Prisma.raw(`"${tablename}"`)} t`;
        return `${tablename}:${row?.h ?? "empty"}`;
      }),
  );
  return lines.join("\n");
}
