// Refusals leave a trace. A caller without the permission, or one asking for a record that
// is not in their area (or does not exist: the two are one answer to the user), gets a
// DENIED audit row in its own transaction, since the refused work was rolled back. Every
// wrapper (lib/action.ts for writes, the read and route wrappers for reads) and the pages'
// not-found path call this one function, so the admin's audit log filter "refusals" sees
// them all.
import "server-only";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { appendAuditStandalone, type AuditMeta } from "./write";

/** data.reason of a DENIED row: which rule refused. */
export type RefusalReason = "permission" | "scope";

/**
 * Writes the DENIED row for a ForbiddenError or NotFoundError; other errors are not refusals
 * and are ignored. Never throws: a failed audit write must not turn a refusal into a 500.
 */
export async function auditRefusal(meta: AuditMeta, action: string, error: unknown): Promise<void> {
  try {
    if (error instanceof ForbiddenError) {
      await appendAuditStandalone(meta, {
        action,
        entityType: "Permission",
        outcome: "DENIED",
        data: { reason: "permission" satisfies RefusalReason, permission: error.permission ?? null },
      });
    } else if (error instanceof NotFoundError) {
      await appendAuditStandalone(meta, {
        action,
        entityType: error.target?.entityType ?? "Unknown",
        entityId: error.target?.entityId ?? null,
        outcome: "DENIED",
        data: { reason: "scope" satisfies RefusalReason },
      });
    }
  } catch (auditError) {
    console.error(`[audit] could not record the refusal of ${action}`, auditError);
  }
}
