// The officer's device copy (issue 16): IndexedDB through Dexie. Browser-only (no "server-only"
// imports, nothing of Prisma); the service worker imports it too, to flush the outbox on a
// Background Sync event when no page is open.
//
// Two kinds of content with different lives:
// - the work set (places, campaigns, due, problems, meta "workSet"): a cache of what the server
//   says, replaced wholesale on every refresh, wiped on sign-out, on a 401 and when the owner's
//   fingerprint (user, role, org unit, session version) changes;
// - the outbox (outbox, blobs): what the officer recorded and the server has not yet accepted.
//   Wiped on sign-out only after the officer is warned about unsent items, and when another user
//   signs in on the device; never by a refresh.
import Dexie, { type EntityTable } from "dexie";
import type { OutboxKind, SyncReceipt, WorkSetPlace } from "@/lib/field/schemas";

export const FIELD_DB_NAME = "zj-field";

export type MetaRow = { key: string; value: unknown };

/** A household or enterprise of the officer's villages/grids: stored as the work set sends it. */
export type PlaceRow = WorkSetPlace;

/** Outbox item states (lib/field/local/outbox.ts holds the transitions). */
export type OutboxState = "queued" | "sending" | "refused" | "conflict" | "duplicate" | "sent";

export type OutboxItem = {
  /** Also the action's idempotency key for idempotent kinds: a resend can never create twice. */
  id: string;
  userId: string;
  kind: OutboxKind;
  /** The action's input as the online form would send it; may hold "local:<id>" references. */
  input: Record<string, unknown>;
  /** One line for the list ("走访 · 张三户 · 12-03 10:20"). */
  label: string;
  /** The form that can open this item to fix it (e.g. "/visits/new?outbox=<id>"). */
  fixHref?: string;
  /** What the fixing form needs to show beside the input, never sent (the visit form: the picked place's label). */
  context?: Record<string, unknown>;
  /** Items whose server ids this one needs first (a visit's household, a photo's visit). */
  dependsOn: string[];
  state: OutboxState;
  attempts: number;
  /** Epoch ms; a failed send waits until then (back-off). */
  nextAttemptAt: number;
  /** The server's message (zh-CN) for a refused item, and its field errors. */
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** household.create / enterprise.create answered with possible duplicates. */
  duplicates?: unknown[];
  /** problem.transition refused as stale: the server's current record, for the field-by-field choice. */
  conflict?: unknown;
  confirmedNew?: boolean;
  /** Queued again after a failed try: why (offline, server fault, signed out) — shown beside 待发送. */
  retryReason?: "network" | "server" | "signIn" | "changePassword";
  /** The server id once accepted (what "local:<id>" references resolve to). */
  resultId?: string;
  /** Once accepted: when, and what the answer gave to pass on (a hotline intake's number and tracking code). */
  sentAt?: number;
  receipt?: SyncReceipt;
  createdAt: number;
  updatedAt: number;
};

/** A photo waiting for its visit: compressed on the device before it is stored here. */
export type BlobRow = { id: string; outboxId: string; blob: Blob; name: string; type: string };

export type FieldDb = Dexie & {
  meta: EntityTable<MetaRow, "key">;
  places: EntityTable<PlaceRow, "id">;
  campaigns: EntityTable<{ programmeId: string } & Record<string, unknown>, "programmeId">;
  due: EntityTable<{ key: string; programmeId: string; placeId: string } & Record<string, unknown>, "key">;
  problems: EntityTable<{ id: string } & Record<string, unknown>, "id">;
  outbox: EntityTable<OutboxItem, "id">;
  blobs: EntityTable<BlobRow, "id">;
};

let instance: FieldDb | null = null;

/** The one Dexie instance of this page or worker (opened lazily: never during server rendering). */
export function fieldDb(): FieldDb {
  if (instance) return instance;
  const db = new Dexie(FIELD_DB_NAME) as FieldDb;
  db.version(1).stores({
    meta: "key",
    places: "id, type, orgUnitId",
    campaigns: "programmeId",
    due: "key, programmeId, placeId",
    problems: "id",
    outbox: "id, state, userId, createdAt",
    blobs: "id, outboxId",
  });
  instance = db;
  return db;
}
