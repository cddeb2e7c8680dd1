// The audit chain: each row's hash covers the previous row's hash and the row's own
// content, so changing, removing or reordering any row breaks every hash after it.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  outcome: string;
  data: unknown;
  requestId: string | null;
  ip: string | null;
};

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditHash(prevHash: string, row: AuditContent): string {
  const canonical = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash("sha256").update(prevHash).update(canonical).digest("hex");
}
