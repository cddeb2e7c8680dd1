// The outbox (issue 16): what the officer recorded and the server has not yet accepted, in the
// device's IndexedDB (lib/field/local/db.ts). Browser-only. The transitions are decided by the
// pure outbox-machine.ts; this file stores them, and sync-runner.ts sends.
//
// Used by: the forms (components/forms/use-action-form.ts `offline`), the visit form's photos,
// the /field page (outbox-list, outbox-badge), the conflict/duplicate resolution
// (components/field/outbox-resolve.tsx) and the service worker (through sync-runner.ts).
import { liveQuery } from "dexie";
import { nowMs } from "@/lib/platform/clock";
import { newIdempotencyKey } from "@/components/forms/idempotency";
import { useEffect, useState } from "react";
import { localRef, type OutboxKind, type DuplicateCandidate } from "@/lib/field/schemas";
import { fieldDb, type BlobRow, type OutboxItem } from "./db";
import { promoteLocalPlace } from "./local-places";
import {
  createItem,
  dependantsOf,
  localRefsIn,
  outboxCounts,
  prunable,
  receiptOf,
  recoverInterrupted,
  redirectDependant,
  requeue,
} from "./outbox-machine";

export type { OutboxItem, OutboxState } from "./db";

/**
 * Kinds whose action takes an idempotency key (their contracts say `idempotent: true`;
 * tests/unit/outbox-machine.test.ts checks this list against them). For these the item's id is
 * sent as `input.idempotencyKey`. problem.transition is guarded by the problem's version instead.
 */
export const IDEMPOTENT_KINDS: ReadonlySet<OutboxKind> = new Set<OutboxKind>([
  "visit.create",
  "visit.photo.add",
  "event.create",
  "request.intake",
  "household.create",
  "enterprise.create",
]);

export type EnqueueBlob = { blob: Blob; name: string; type?: string };

export type EnqueueInput = {
  userId: string;
  kind: OutboxKind;
  /** The action's input as the online form would send it; may hold "local:<outbox id>" references. */
  input: Record<string, unknown>;
  /** One line for the list ("走访 · 张三户 · 12-03 10:20"). */
  label: string;
  /** The form that opens this item to fix it; "<id>" in it is replaced by the item's id. */
  fixHref?: string;
  /** Outbox items this one needs sent first ("local:<id>" references in input are added anyway). */
  dependsOn?: string[];
  /** Shown by the fixing form, never sent (e.g. the picked place's label). */
  context?: Record<string, unknown>;
  /** visit.photo.add: the (already compressed) photo. */
  blobs?: EnqueueBlob[];
  /**
   * The item's id, which is also its idempotency key: pass the form's key so a submit that may
   * have reached the server before the network dropped is the SAME item. A new UUID otherwise.
   */
  id?: string;
};

// The device's own clock (the one clock module, client-safe): back-off and ordering only, never a record's date.
const now = () => nowMs();

/** A v4 UUID (an idempotency key must be one): the forms' own key helper, http-safe. */
export function newOutboxId(): string {
  return newIdempotencyKey();
}

/** Puts an item in the outbox; returns its id (= the idempotency key for idempotent kinds). */
export async function enqueue(fields: EnqueueInput): Promise<string> {
  const id = fields.id ?? newOutboxId();
  const input = IDEMPOTENT_KINDS.has(fields.kind) ? { ...fields.input, idempotencyKey: id } : { ...fields.input };
  const item = createItem(
    {
      id,
      userId: fields.userId,
      kind: fields.kind,
      input,
      label: fields.label,
      fixHref: fields.fixHref?.replaceAll("<id>", id),
      dependsOn: fields.dependsOn ?? [],
      ...(fields.context ? { context: fields.context } : {}),
    },
    now(),
  );
  const db = fieldDb();
  await db.transaction("rw", [db.outbox, db.blobs], async () => {
    await db.outbox.put(item);
    for (const [n, b] of (fields.blobs ?? []).entries()) {
      const row: BlobRow = { id: `${id}:${n}`, outboxId: id, blob: b.blob, name: b.name, type: b.type ?? b.blob.type };
      await db.blobs.put(row);
    }
  });
  return id;
}

/** The user's items, oldest first (the order they are sent in). */
export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  return fieldDb().outbox.where("userId").equals(userId).sortBy("createdAt");
}

export async function getItem(id: string): Promise<OutboxItem | undefined> {
  return fieldDb().outbox.get(id);
}

/** The stored photos of an item (visit.photo.add: one). */
export async function itemBlobs(id: string): Promise<BlobRow[]> {
  return fieldDb().blobs.where("outboxId").equals(id).toArray();
}

/**
 * The user's items, live (re-rendered on every change, from any tab or the service worker).
 * undefined while loading or on the server.
 */
export function useOutbox(userId: string): OutboxItem[] | undefined {
  const [items, setItems] = useState<OutboxItem[] | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(() => listOutbox(userId)).subscribe({
      next: setItems,
      // IndexedDB unavailable (private mode on some browsers): show an empty outbox, not a crash.
      error: () => setItems([]),
    });
    return () => sub.unsubscribe();
  }, [userId]);
  return items;
}

/** Badge figures, live. */
export function useOutboxCounts(userId: string) {
  const items = useOutbox(userId);
  return items ? outboxCounts(items) : { pending: 0, needsAction: 0, unsent: 0 };
}

async function change(id: string, fn: (item: OutboxItem) => OutboxItem): Promise<OutboxItem> {
  const db = fieldDb();
  return db.transaction("rw", db.outbox, async () => {
    const item = await db.outbox.get(id);
    if (!item) throw new Error(`outbox item ${id} is gone`);
    const next = fn(item);
    await db.outbox.put(next);
    return next;
  });
}

/**
 * The officer fixed a refused item (the fix form): new input, queued now, SAME id and key.
 * For idempotent kinds the key is kept whatever the form sends.
 */
export async function updateItem(
  id: string,
  input: Record<string, unknown>,
  extra: { label?: string; context?: Record<string, unknown> } = {},
): Promise<OutboxItem> {
  return change(id, (item) => {
    const next = IDEMPOTENT_KINDS.has(item.kind) ? { ...input, idempotencyKey: item.id } : input;
    return requeue(item, now(), {
      input: next,
      ...(extra.label !== undefined ? { label: extra.label } : {}),
      ...(extra.context !== undefined ? { context: extra.context } : {}),
    });
  });
}

/** Removes an item, everything that depends on it (a discarded visit's photos) and their photos. */
export async function discardItem(id: string): Promise<void> {
  const db = fieldDb();
  await db.transaction("rw", [db.outbox, db.blobs, db.places], async () => {
    const all = await db.outbox.toArray();
    const ids = [id, ...dependantsOf(id, all)];
    await db.outbox.bulkDelete(ids);
    await db.blobs.where("outboxId").anyOf(ids).delete();
    // A discarded registration must not stay pickable in the visit form's search.
    await db.places.bulkDelete(ids.map(localRef));
  });
}

/** How many items discarding `id` removes (itself included): the confirm dialog says so. */
export async function discardCount(id: string): Promise<number> {
  return 1 + dependantsOf(id, await fieldDb().outbox.toArray()).length;
}

/**
 * The server accepted the item some other way (the fix form sent it online and got `resultId`):
 * it becomes "sent" so its dependants (a visit's photos) can resolve "local:<id>", and is pruned
 * once they have gone.
 */
export async function markAccepted(id: string, resultId: string | undefined, answer?: { number?: unknown; trackingCode?: unknown }): Promise<void> {
  const item = await fieldDb().outbox.get(id);
  const at = now();
  await change(id, (i) => ({ ...i, state: "sent", resultId, sentAt: at, receipt: answer && receiptOf(answer), error: undefined, fieldErrors: undefined, updatedAt: at }));
  // A registration fixed and sent from its form: its place takes the server's id, as after a
  // sync (sync-runner), so a visit picked from it later never waits on a pruned item.
  if (resultId && (item?.kind === "household.create" || item?.kind === "enterprise.create")) await promoteLocalPlace(id, resultId).catch(() => {});
  await pruneSent();
}

/**
 * A household.create / enterprise.create answered with possible duplicates:
 * - `{ mergeInto: placeId }`: it IS that register record — the item is dropped and its
 *   dependants ("local:<id>" in a visit) point at placeId instead;
 * - `{ confirmedNew: true }`: the officer says it is new — sent again with confirmedNew.
 */
export async function resolveDuplicate(
  id: string,
  choice: { mergeInto: string } | { confirmedNew: true },
): Promise<void> {
  const db = fieldDb();
  if ("confirmedNew" in choice) {
    await change(id, (item) => requeue(item, now(), { confirmedNew: true }));
    return;
  }
  await db.transaction("rw", [db.outbox, db.blobs], async () => {
    const all = await db.outbox.toArray();
    const t = now();
    for (const item of all) {
      if (item.id === id) continue;
      if (item.dependsOn.includes(id) || localRefsIn(item.input).includes(id)) {
        await db.outbox.put(redirectDependant(item, id, choice.mergeInto, t));
      }
    }
    await db.outbox.delete(id);
    await db.blobs.where("outboxId").equals(id).delete();
  });
}

/** A conflict resolved field by field: the chosen values, sent again (same id). */
export async function resolveConflict(id: string, newInput: Record<string, unknown>): Promise<void> {
  await updateItem(id, newInput);
}

/** The candidates a duplicate item was answered with. */
export function duplicatesOf(item: OutboxItem): DuplicateCandidate[] {
  return (item.duplicates ?? []) as DuplicateCandidate[];
}

/**
 * At start-up (page load, service worker sync): items left "sending" by a page closed mid-send
 * go back to the queue. Only call while holding the send lock (sync-runner.ts does), or another
 * tab's send in flight would be doubled — harmless with a key, wasteful without.
 */
export async function recoverInterruptedItems(): Promise<void> {
  const db = fieldDb();
  await db.transaction("rw", db.outbox, async () => {
    const sending = await db.outbox.where("state").equals("sending").toArray();
    const t = now();
    await db.outbox.bulkPut(sending.map((i) => recoverInterrupted(i, t)));
  });
}

/** Deletes accepted items nothing still needs and past the recent list; an accepted item's photos go at once. */
export async function pruneSent(): Promise<void> {
  const db = fieldDb();
  await db.transaction("rw", [db.outbox, db.blobs], async () => {
    const items = await db.outbox.toArray();
    const ids = prunable(items, now());
    if (ids.length) await db.outbox.bulkDelete(ids);
    const sent = items.filter((i) => i.state === "sent").map((i) => i.id);
    if (sent.length) await db.blobs.where("outboxId").anyOf(sent).delete();
  });
}

/** Unsent items of this user (the sign-out warning). */
export async function unsentCount(userId: string): Promise<number> {
  return outboxCounts(await listOutbox(userId)).unsent;
}
