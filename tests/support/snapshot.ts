// A fingerprint of every business table, to prove an action changed nothing. The audit log
// is left out on purpose: refused attempts are audited.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";

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
