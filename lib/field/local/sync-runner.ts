// Sending the outbox (issue 16): one item at a time, oldest first, an item only after what it
// depends on was accepted (its "local:<id>" references then resolve to server ids). Runs in a
// page (online/focus/timer, components/field/outbox-badge.tsx) and in the service worker
// (Background Sync, lib/field/sw.ts); a lock makes sure two of them — two tabs, a tab and the
// worker — never send the same item at once. Sending twice would still not create twice (the
// idempotency key), but problem.transition has no key, and a double send wastes a weak link.
import { nowMs } from "@/lib/platform/clock";
import { OUTBOX_USER_HEADER, type SyncAnswer } from "@/lib/field/schemas";
import { fieldDb, type OutboxItem } from "./db";
import { applyOutcome, nextSendable, renewLease, resolveRefs, startSending, takeLease, type Lease, type SendOutcome } from "./outbox-machine";
import { itemBlobs, newOutboxId, pruneSent, recoverInterruptedItems } from "./outbox";
import { requestOutboxSync } from "./sw-client";
import { promoteLocalPlace } from "./local-places";
import { isOffline, reportNetworkFailure, reportNetworkSuccess } from "./connectivity";

export const SYNC_URL = "/api/field/sync";
const LOCK_NAME = "zj-outbox-flush";
/** Where navigator.locks is missing: a lease in the meta table, renewed before each item (outbox-machine.ts). */
const LEASE_KEY = "outboxLease";

export type FlushResult = { sent: number; failed: boolean; locked: boolean };

type LockManagerLike = {
  request<T>(name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
};

type FlushOptions = {
  userId?: string;
  /** With a lease (no Web Locks): renews it before each item; false when it was lost, and the flush stops. */
  keep?: () => Promise<boolean>;
  /**
   * Send items still waiting out their back-off too: on the `online` event and on 立即同步.
   * Without it, an item whose answer was lost as the link dropped waited up to its back-off
   * after the link returned (the online event's flush found nothing due).
   */
  skipBackoff?: boolean;
};

/**
 * Sends every due item (of `userId` when given: a page knows its user; the worker sends all,
 * since the device holds one user's outbox — another user's sign-in wipes it — and the server
 * refuses an item whose user is not the session's). Returns at once when another flush holds
 * the lock. Never throws.
 */
export async function flushOutbox(options: FlushOptions = {}): Promise<FlushResult> {
  try {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    if (locks) {
      return await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) =>
        lock ? flushHoldingLock(options) : { sent: 0, failed: false, locked: true },
      );
    }
    return await withLease((keep) => flushHoldingLock({ ...options, keep }));
  } catch {
    // IndexedDB closed under us (a wipe, private mode): nothing to do now; the next trigger retries.
    return { sent: 0, failed: true, locked: false };
  }
}

/** Put something in the outbox? Then call this: Background Sync where there is one, and a flush now when online. */
export async function kickOutbox(userId: string): Promise<void> {
  await requestOutboxSync().catch(() => false);
  if (!isOffline()) void flushOutbox({ userId });
}

async function withLease(run: (keep: () => Promise<boolean>) => Promise<FlushResult>): Promise<FlushResult> {
  const db = fieldDb();
  const holder = newOutboxId();
  const update = (decide: (current: Lease | undefined, holder: string, now: number) => Lease | null) =>
    db.transaction("rw", db.meta, async () => {
      const next = decide((await db.meta.get(LEASE_KEY))?.value as Lease | undefined, holder, nowMs());
      if (next) await db.meta.put({ key: LEASE_KEY, value: next });
      return next !== null;
    });
  if (!(await update(takeLease))) return { sent: 0, failed: false, locked: true };
  try {
    return await run(() => update(renewLease));
  } finally {
    await db.transaction("rw", db.meta, async () => {
      const lease = (await db.meta.get(LEASE_KEY))?.value as Lease | undefined;
      if (lease?.holder === holder) await db.meta.delete(LEASE_KEY);
    });
  }
}

async function flushHoldingLock({ userId, skipBackoff = false, keep }: FlushOptions): Promise<FlushResult> {
  const db = fieldDb();
  // Holding the lock, any "sending" item is one whose sender died (page closed mid-send).
  await recoverInterruptedItems();
  let sent = 0;
  for (;;) {
    const all = await db.outbox.toArray();
    const mine = userId ? all.filter((i) => i.userId === userId) : all;
    // skipBackoff: every queued item is due now (the back-off only spaces out retries while
    // nothing has changed; the link coming back or the officer asking is a change).
    const next = nextSendable(mine, skipBackoff ? Number.POSITIVE_INFINITY : nowMs());
    if (!next) break;
    const byId = new Map(all.map((i) => [i.id, i]));
    const refs = resolveRefs(next.input, byId);
    // nextSendable checked the dependencies; a reference it could not see is a bug, not a retry.
    if (refs.missing.length > 0) break;
    // The lease ran out and another tab holds it now: it sends the rest.
    if (keep && !(await keep())) return { sent, failed: false, locked: true };
    await db.outbox.put(startSending(next, nowMs()));
    const outcome = await send(next, refs.input);
    const after = applyOutcome({ ...next, state: "sending" }, outcome, nowMs());
    // The item may have been discarded meanwhile (the officer, another tab): do not bring it back.
    await db.transaction("rw", db.outbox, async () => {
      if (await db.outbox.get(next.id)) await db.outbox.put(after);
    });
    if (after.state === "sent") sent += 1;
    // A registration accepted: its place on the device takes the server's id (local-places.ts).
    if (after.state === "sent" && after.resultId && (after.kind === "household.create" || after.kind === "enterprise.create")) {
      await promoteLocalPlace(after.id, after.resultId).catch(() => {});
    }
    // Offline, signed out, or the server failing: the rest would fare the same — wait for a trigger.
    if (after.state === "queued") {
      await pruneSent();
      return { sent, failed: true, locked: false };
    }
  }
  await pruneSent();
  return { sent, failed: false, locked: false };
}

async function send(item: OutboxItem, input: Record<string, unknown>): Promise<SendOutcome> {
  let body: BodyInit;
  const headers: Record<string, string> = { [OUTBOX_USER_HEADER]: item.userId };
  if (item.kind === "visit.photo.add") {
    const [blob] = await itemBlobs(item.id);
    // The photo's blob is gone (storage cleared under us): the server's refusal says so.
    const form = new FormData();
    form.set("kind", item.kind);
    form.set("visitId", String(input.visitId ?? ""));
    form.set("idempotencyKey", String(input.idempotencyKey ?? item.id));
    if (blob) form.set("photo", new File([blob.blob], blob.name, { type: blob.type }));
    body = form;
  } else {
    headers["content-type"] = "application/json";
    body = JSON.stringify({ kind: item.kind, input, ...(item.confirmedNew ? { confirmedNew: true } : {}) });
  }
  let response: Response;
  try {
    response = await fetch(SYNC_URL, { method: "POST", headers, body, credentials: "same-origin", cache: "no-store" });
  } catch {
    reportNetworkFailure();
    return { type: "network" };
  }
  reportNetworkSuccess();
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A proxy's HTML error page or a cut-off body: the status says enough.
    if (response.ok) return { type: "network" };
  }
  if (response.status === 200 && json && typeof json === "object" && ("result" in json || "duplicates" in json)) {
    return { type: "answer", answer: json as SyncAnswer };
  }
  // A 200 that is no answer (a captive portal's page): treat as no network.
  if (response.ok) return { type: "network" };
  const failure = json && typeof json === "object" ? (json as { error?: unknown; refusal?: unknown }) : {};
  return {
    type: "http",
    status: response.status,
    error: typeof failure.error === "string" ? failure.error : undefined,
    ...(failure.refusal === "mustChangePassword" ? { refusal: "mustChangePassword" as const } : {}),
  };
}

/**
 * For the service worker's Background Sync event: rejects when items could not be sent (offline
 * again, server failing), so the browser schedules another sync event later instead of
 * considering the sync done.
 */
export async function flushForBackgroundSync(): Promise<void> {
  const result = await flushOutbox();
  if (result.failed) throw new Error("outbox: some items could not be sent yet");
}
