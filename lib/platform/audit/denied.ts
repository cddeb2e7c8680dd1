// The DENIED audit row of a refusal (see refusal.ts for who calls it and why), apart from the
// pages' not-found helpers: no Next.js imports, so the worker process — which cannot import
// next/navigation under the react-server condition — can record a background job's refusal.
import "server-only";
import { ForbiddenError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { appendAuditStandalone, type AuditMeta } from "./write";

/** data.reason of a DENIED row: which rule refused. */
export type RefusalReason = "permission" | "scope";

/**
 * Writes the DENIED row for a ForbiddenError or NotFoundError, or a RuleViolation that
 * carries a refused lookup (a form field naming a record outside the user's area); other
 * errors are not refusals and are ignored. Never throws: a failed audit write must not turn
 * a refusal into a 500.
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
    } else if (error instanceof NotFoundError || (error instanceof RuleViolation && error.refused)) {
      const target = error instanceof NotFoundError ? error.target : error.refused;
      await appendAuditStandalone(meta, {
        action,
        entityType: target?.entityType ?? "Unknown",
        entityId: target?.entityId ?? null,
        outcome: "DENIED",
        data: { reason: "scope" satisfies RefusalReason },
      });
    }
  } catch (auditError) {
    console.error(`[audit] could not record the refusal of ${action}`, auditError);
  }
}
