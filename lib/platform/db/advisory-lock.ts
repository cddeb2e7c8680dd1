// Transaction-scoped advisory locks for read-then-write checks that no unique index can
// express (a calendar year's confirmation against edits of its days; a programme lineage's
// free period). Held until the transaction ends, like the audit chain's lock in lib/platform/audit/write.
// The two-key form (namespace, hashtext(key)) lives in a different lock space from the audit
// chain's single bigint key, so the two never collide.
import type { Tx } from "@/lib/platform/db/client";

export const LOCK_NAMESPACE = {
  /** One calendar year: confirming it and editing its days. */
  calendarYear: 7_310_101,
  /** One programme lineage (type + owner unit): rollover's overlapping-period check. */
  programmeLineage: 7_310_102,
  /** One recipient on one external channel: the daily cap, same-day de-duplication and digests. */
  notificationRecipient: 7_310_103,
  /** One officer's overdue-visits notice of one day (lib/visits/overdue-notice.ts): sent once. */
  dailyNotice: 7_310_104,
} as const;

/**
 * Waits for, then holds until commit, the lock on `key` in `namespace`. Callers that lock
 * several keys lock them in ascending order, so two transactions never wait on each other.
 */
export async function advisoryXactLock(namespace: number, key: string | number, tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${namespace}::int, hashtext(${String(key)}))`;
}
