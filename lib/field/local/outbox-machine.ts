// The outbox's state machine (issue 16), pure: no Dexie, no fetch, no clock of its own (the
// caller passes `now`), so every transition is unit-tested (tests/unit/outbox-machine.test.ts)
// and the Dexie layer (outbox.ts) and the sender (sync-runner.ts) only store what it decides.
//
//   queued ──send──▶ sending ──answer ok────────────▶ sent
//     ▲                 │ ├──refused (message, fields)─▶ refused   ─┐
//     │                 │ ├──refused, conflict: true ──▶ conflict  ─┤ edit / resolve:
//     │                 │ ├──{ duplicates } ───────────▶ duplicate ─┤ back to queued,
//     │                 │ │                                          │ SAME id (= key)
//     └── back-off ◀────┘ └─ network error, 5xx, 401, server fault ◀┘
//
// Why the same id: for idempotent kinds the item's id IS the idempotency key, so a send whose
// answer was lost (network dropped after the server committed) is answered "already done, here
// is its id" on the next try instead of creating a second record. A refused send committed
// nothing (the action's transaction rolled back, key included), so the fixed item may reuse it.
import { LOCAL_REF_PREFIX, type SyncAnswer, type SyncReceipt } from "@/lib/field/schemas";
import type { OutboxItem, OutboxState } from "./db";

/** First retry after 5 s, doubling, never more than 5 minutes apart. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** Wait before the next try after `attempts` failed tries (1 → 5 s, 2 → 10 s … capped). */
export function backoffDelay(attempts: number): number {
  if (attempts <= 0) return 0;
  // 2^17 × 5 s is far past the cap already; bounding the exponent avoids Infinity.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts - 1, 16));
}

/** States the officer must act on (the badge turns red, the list offers 修改 / resolve). */
export const NEEDS_ACTION: readonly OutboxState[] = ["refused", "conflict", "duplicate"];
/** States still waiting for the server: "N 条待同步". */
export const PENDING: readonly OutboxState[] = ["queued", "sending"];

export const isUnsent = (item: Pick<OutboxItem, "state">) => item.state !== "sent";

/** What one send attempt came back with. */
export type SendOutcome =
  /** HTTP 200 with the sync route's answer. */
  | { type: "answer"; answer: SyncAnswer }
  /** fetch threw (offline, aborted, DNS, connection reset): nothing known, try again. */
  | { type: "network" }
  /** Any other HTTP status: 401 (signed out), 5xx (server), 4xx (a broken request), with the body's message if any. */
  | { type: "http"; status: number; error?: string; refusal?: "mustChangePassword" };

/** Why a queued item is waiting to be retried (shown beside 待发送). */
export type RetryReason = "network" | "server" | "signIn" | "changePassword";

export type NewOutboxItem = Pick<OutboxItem, "id" | "userId" | "kind" | "input" | "label"> &
  Partial<Pick<OutboxItem, "fixHref" | "dependsOn" | "confirmedNew" | "context">>;

/** A fresh item, due now. */
export function createItem(fields: NewOutboxItem, now: number): OutboxItem {
  return {
    ...fields,
    dependsOn: fields.dependsOn ?? [],
    state: "queued",
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** Marks the item as on its way (written before the request, so a page closed mid-send is found at start-up). */
export function startSending(item: OutboxItem, now: number): OutboxItem {
  if (item.state !== "queued") throw new Error(`outbox item ${item.id} is ${item.state}, not queued`);
  return { ...item, state: "sending", updatedAt: now };
}

function retry(item: OutboxItem, now: number, reason: RetryReason, error?: string): OutboxItem {
  const attempts = item.attempts + 1;
  return {
    ...item,
    state: "queued",
    attempts,
    nextAttemptAt: now + backoffDelay(attempts),
    retryReason: reason,
    // A server fault's message (with its request id) helps support; a network blip says nothing.
    error: reason === "server" ? error : undefined,
    fieldErrors: undefined,
    updatedAt: now,
  };
}

/** The item after one send attempt's outcome. */
export function applyOutcome(item: OutboxItem, outcome: SendOutcome, now: number): OutboxItem {
  const base = { ...item, updatedAt: now, retryReason: undefined };
  if (outcome.type === "network") return retry(item, now, "network");
  if (outcome.type === "http") {
    if (outcome.status === 401) return retry(item, now, "signIn");
    // The officer must set a new password first (403 with refusal): nothing is wrong with the item.
    if (outcome.refusal === "mustChangePassword") return retry(item, now, "changePassword");
    if (outcome.status >= 500 || outcome.status === 408 || outcome.status === 429) return retry(item, now, "server", outcome.error);
    // 400/403/413…: this request will never be accepted as it is; the officer must see it.
    return { ...base, state: "refused", attempts: item.attempts + 1, error: outcome.error ?? `HTTP ${outcome.status}`, fieldErrors: undefined };
  }
  const answer = outcome.answer;
  if ("duplicates" in answer) {
    return { ...base, state: "duplicate", attempts: item.attempts + 1, duplicates: answer.duplicates, error: undefined, fieldErrors: undefined };
  }
  const result = answer.result;
  if (result.ok) {
    return {
      ...base,
      state: "sent",
      attempts: item.attempts + 1,
      resultId: result.data.id,
      sentAt: now,
      receipt: receiptOf(result.data),
      error: undefined,
      fieldErrors: undefined,
      duplicates: undefined,
      conflict: undefined,
    };
  }
  // "unexpected" carries the request id: the server failed, not the input — try again later.
  if (result.requestId) return retry(item, now, "server", result.error);
  if (result.conflict) {
    return { ...base, state: "conflict", attempts: item.attempts + 1, error: result.error, fieldErrors: result.fieldErrors };
  }
  return { ...base, state: "refused", attempts: item.attempts + 1, error: result.error, fieldErrors: result.fieldErrors };
}

/**
 * At start-up: an item left "sending" was cut off (page closed, worker killed). Its request may
 * or may not have reached the server; sending it again is safe (same idempotency key).
 */
export function recoverInterrupted(item: OutboxItem, now: number): OutboxItem {
  return item.state === "sending" ? { ...item, state: "queued", nextAttemptAt: now, updatedAt: now } : item;
}

/**
 * The officer fixed the item (fix form, conflict or duplicate choice): new input, queued now,
 * attempts reset, SAME id (so the same idempotency key).
 */
export function requeue(item: OutboxItem, now: number, changes: Partial<Pick<OutboxItem, "input" | "confirmedNew" | "label" | "context">> = {}): OutboxItem {
  if (item.state === "sent") throw new Error(`outbox item ${item.id} was already accepted`);
  return {
    ...item,
    ...changes,
    state: "queued",
    attempts: 0,
    nextAttemptAt: now,
    retryReason: undefined,
    error: undefined,
    fieldErrors: undefined,
    duplicates: undefined,
    conflict: undefined,
    updatedAt: now,
  };
}

/** Every "local:<id>" string in a value (deep), as outbox ids. */
export function localRefsIn(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      if (v.startsWith(LOCAL_REF_PREFIX)) out.add(v.slice(LOCAL_REF_PREFIX.length));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}

/** `value` with every "local:<id>" replaced by map(id); ids map returns undefined for are left as they are. */
export function replaceRefs<T>(value: T, map: (outboxId: string) => string | undefined): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith(LOCAL_REF_PREFIX)) return map(v.slice(LOCAL_REF_PREFIX.length)) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * The input to send: every "local:<id>" replaced by the server id that item got. `missing`
 * lists references not yet resolvable (the item is not sent, or unknown): then nothing is sent.
 */
export function resolveRefs(
  input: Record<string, unknown>,
  byId: ReadonlyMap<string, Pick<OutboxItem, "state" | "resultId">>,
): { input: Record<string, unknown>; missing: string[] } {
  const missing: string[] = [];
  for (const ref of localRefsIn(input)) {
    const target = byId.get(ref);
    if (!target || target.state !== "sent" || !target.resultId) missing.push(ref);
  }
  if (missing.length > 0) return { input, missing };
  return { input: replaceRefs(input, (ref) => byId.get(ref)!.resultId), missing };
}

/** Whether the item may be sent now: queued, due, and everything it depends on accepted. */
export function isSendable(item: OutboxItem, byId: ReadonlyMap<string, OutboxItem>, now: number): boolean {
  if (item.state !== "queued" || item.nextAttemptAt > now) return false;
  const deps = new Set([...item.dependsOn, ...localRefsIn(item.input)]);
  for (const dep of deps) {
    const d = byId.get(dep);
    // A dependency gone from the outbox was discarded (or pruned after its dependants ran): a
    // discard takes its dependants with it, so a missing one here means "never".
    if (!d || d.state !== "sent" || !d.resultId) return false;
  }
  return true;
}

/**
 * The next item to send: the oldest sendable record, and only when none is left, the oldest
 * sendable photo. On a weak link a photo (≈ 300 KB) takes several seconds where a visit's
 * record takes a fraction of one; in recording order, the last visit of a day waited behind
 * every photo before it (90 s for 15 visits on Slow 3G), so a manager's figures lagged the
 * photos. Records first, photos after: a photo only ever depends on its own visit, which is a
 * record, so dependencies still go first.
 */
export function nextSendable(items: readonly OutboxItem[], now: number): OutboxItem | null {
  const byId = new Map(items.map((i) => [i.id, i]));
  const ordered = [...items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const sendable = ordered.filter((i) => isSendable(i, byId, now));
  return sendable.find((i) => i.kind !== "visit.photo.add") ?? sendable[0] ?? null;
}

/** When the next queued item falls due (for the retry timer), or null if none is waiting on time alone. */
export function nextDueAt(items: readonly OutboxItem[]): number | null {
  let at: number | null = null;
  for (const i of items) if (i.state === "queued" && (at === null || i.nextAttemptAt < at)) at = i.nextAttemptAt;
  return at;
}

/** Ids of the items depending on `id`, transitively (a discard takes them too). */
export function dependantsOf(id: string, items: readonly OutboxItem[]): string[] {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const i of items) {
      if (out.has(i.id)) continue;
      if (i.dependsOn.includes(cur) || localRefsIn(i.input).includes(cur)) {
        out.add(i.id);
        stack.push(i.id);
      }
    }
  }
  return [...out];
}

/** The answer's receipt (a hotline intake's number and tracking code); undefined when it has none. */
export function receiptOf(data: { number?: unknown; trackingCode?: unknown }): SyncReceipt | undefined {
  const receipt: SyncReceipt = {
    ...(typeof data.number === "string" && data.number ? { number: data.number } : {}),
    ...(typeof data.trackingCode === "string" && data.trackingCode ? { trackingCode: data.trackingCode } : {}),
  };
  return Object.keys(receipt).length ? receipt : undefined;
}

/**
 * How long, and how many, accepted items stay on the device as "最近已同步": the officer can
 * open what was recorded offline and read a hotline intake's tracking code to the caller, which
 * exists only once the server has accepted the call. Sign-out wipes them with the rest.
 */
export const RECENT_KEPT_MS = 3 * 24 * 60 * 60 * 1000;
export const RECENT_KEPT_MAX = 30;

/** Accepted items the officer may look back at: not photos (they show on their visit), newest first. */
export function recentlySent(items: readonly OutboxItem[]): OutboxItem[] {
  return items
    .filter((i) => i.state === "sent" && i.kind !== "visit.photo.add")
    .sort((a, b) => (b.sentAt ?? b.updatedAt) - (a.sentAt ?? a.updatedAt));
}

/**
 * Sent items safe to delete at `now`: nothing unsent still needs them (their refs have all been
 * resolved), and they are past the recent list (a sent photo at once: its blob is the bulk).
 */
export function prunable(items: readonly OutboxItem[], now: number): string[] {
  const needed = new Set<string>();
  for (const i of items) {
    if (i.state === "sent") continue;
    for (const d of i.dependsOn) needed.add(d);
    for (const d of localRefsIn(i.input)) needed.add(d);
  }
  const recent = new Set(
    recentlySent(items)
      .filter((i) => now - (i.sentAt ?? i.updatedAt) < RECENT_KEPT_MS)
      .slice(0, RECENT_KEPT_MAX)
      .map((i) => i.id),
  );
  return items.filter((i) => i.state === "sent" && !needed.has(i.id) && !recent.has(i.id)).map((i) => i.id);
}

/**
 * A duplicate registration merged into an existing register record: its dependants' references
 * point at that record instead and no longer wait for it.
 */
export function redirectDependant(item: OutboxItem, fromId: string, toServerId: string, now: number): OutboxItem {
  return {
    ...item,
    input: replaceRefs(item.input, (ref) => (ref === fromId ? toServerId : undefined)),
    dependsOn: item.dependsOn.filter((d) => d !== fromId),
    updatedAt: now,
  };
}

/** Counts for the badge. */
export function outboxCounts(items: readonly Pick<OutboxItem, "state">[]): { pending: number; needsAction: number; unsent: number } {
  let pending = 0;
  let needsAction = 0;
  for (const i of items) {
    if (PENDING.includes(i.state)) pending += 1;
    else if (NEEDS_ACTION.includes(i.state)) needsAction += 1;
  }
  return { pending, needsAction, unsent: pending + needsAction };
}

/**
 * Where the browser has no Web Locks (Safari before 15.4), one flush at a time is kept by a
 * lease in IndexedDB (sync-runner.ts). It lasts LEASE_MS and its holder renews it before each
 * item it sends: a day's photos on a slow link outlast any fixed lease, and a second tab taking
 * an expired one would reset the first tab's item in flight and send it again.
 */
export type Lease = { holder: string; until: number };
export const LEASE_MS = 120_000;

/** The lease `holder` has from `now` (taken or renewed), or null while another holder's runs. */
export function takeLease(current: Lease | undefined, holder: string, now: number): Lease | null {
  if (current && current.holder !== holder && current.until > now) return null;
  return { holder, until: now + LEASE_MS };
}

/** Renewing: only the holder of the lease now may; a lease lost meanwhile (it ran out and another took it) is not taken back. */
export function renewLease(current: Lease | undefined, holder: string, now: number): Lease | null {
  return current?.holder === holder ? takeLease(current, holder, now) : null;
}
