// Writing audit rows. Always inside the transaction of the change it records, so a change
// and its audit row commit or roll back together.
import "server-only";
import { now } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";
import { auditHash, GENESIS_HASH, type AuditContent } from "./chain";

// One advisory lock serialises appends so two transactions never chain onto the same
// predecessor. It is taken as the last step of a transaction and held until commit.
const AUDIT_CHAIN_LOCK = 7_310_001;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  outcome?: "OK" | "DENIED" | "FAILED";
  /** Before/after summary or other context. Never put passwords or full ID numbers here. */
  data?: Record<string, unknown>;
};

export type AuditMeta = {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
};

/** JSON-safe copy (Dates → ISO strings, Decimals → strings) so the stored jsonb hashes the same. */
function toJsonSafe(value: unknown): unknown {
  return value === undefined ? {} : JSON.parse(JSON.stringify(value));
}

export async function appendAudit(meta: AuditMeta, entry: AuditEntry, tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: now(),
    actorId: meta.actorId,
    actorName: meta.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    orgUnitId: entry.orgUnitId ?? null,
    outcome: entry.outcome ?? "OK",
    data: toJsonSafe(entry.data ?? {}),
    requestId: meta.requestId,
    ip: meta.ip,
  };
  await tx.auditLog.create({
    data: {
      ...content,
      data: content.data as object,
      prevHash,
      hash: auditHash(prevHash, content),
    },
  });
}

/** For events with no business transaction of their own: sign-in attempts, denials. */
export async function appendAuditStandalone(meta: AuditMeta, entry: AuditEntry): Promise<void> {
  await db.$transaction((tx) => appendAudit(meta, entry, tx));
}
