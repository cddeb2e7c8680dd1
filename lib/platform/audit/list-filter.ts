// The audit log's query string (app/(app)/admin/audit/page.tsx), one schema per parameter of
// its filter form; a bad value is ignored and named (lib/platform/url-filters.ts).
import { z } from "zod";
import { filterDay, filterEnum, filterText, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";
import { AUDIT_ENTITY_TYPES } from "./labels";
import type { AuditFilter } from "./queries";

export const AUDIT_OUTCOMES = ["OK", "FAILED", "DENIED"] as const;
/** "any": every DENIED row; or one rule's (lib/platform/audit/refusal.ts). */
export const AUDIT_REFUSALS = ["any", "permission", "scope"] as const;

export const auditFilterShape = {
  action: filterText(64),
  actor: filterText(40),
  entityType: filterEnum(AUDIT_ENTITY_TYPES),
  entityId: filterText(64),
  outcome: filterEnum(AUDIT_OUTCOMES),
  refusal: filterEnum(AUDIT_REFUSALS),
  from: filterDay,
  to: filterDay,
  /** The keyset cursor: the sequence number the next page starts below. */
  before: z.string().regex(/^\d{1,18}$/).transform((v) => BigInt(v)),
};

export function parseAuditFilter(params: SearchParamsRecord): { filter: AuditFilter; before?: bigint; ignored: string[] } {
  const { filter: f, ignored } = parseFilters(auditFilterShape, params);
  const { before, ...filter } = f;
  return { filter, before, ignored };
}
