// The field app's wire formats (issue 16), client-safe: what the officer's device downloads
// (the work set, GET /api/field/work-set) and what its outbox sends (POST /api/field/sync).
// The server never trusts the device: a synced item goes through the very action the online
// form calls (lib/platform/action.ts: sign-in, zod, scoped load, permission, audit,
// idempotency), chosen by the action's contract name.
import { z } from "zod";

export * from "./constants";
import { OUTBOX_KINDS } from "./constants";

/** The JSON body of POST /api/field/sync for every kind but photos (those are multipart). */
export const syncEnvelopeSchema = z.strictObject({
  kind: z.enum(OUTBOX_KINDS),
  /** The action's input, exactly as the online form would send it (idempotencyKey included). */
  input: z.record(z.string(), z.unknown()),
  /**
   * household.create / enterprise.create: the officer has seen the register's possible
   * duplicates and says this is a new one. Without it, a possible duplicate is answered with
   * its candidates instead of a second record.
   */
  confirmedNew: z.boolean().optional(),
});
export type SyncEnvelope = z.infer<typeof syncEnvelopeSchema>;

/** A register record an offline registration may duplicate (masked as on screen). */
export type DuplicateCandidate = {
  id: string;
  type: "HOUSEHOLD" | "ENTERPRISE";
  name: string;
  address: string;
  orgUnitName: string;
  /** Masked ("138****5678") or "". */
  phoneMasked: string;
  /** The field(s) that matched: "householdKey" | "phone" | "creditCode" | "nameAddress" | "name". */
  matchedOn: string[];
  /**
   * The 户号/信用代码 is held by a record outside the officer's area: every other field is blank
   * (no cross-area leak) and there is nothing to merge with — the officer changes the key.
   */
  outOfScope?: true;
};

/**
 * What an accepted item's answer carries for the officer to pass on: a hotline intake's request
 * number and the caller's tracking code (the request stores only its hash; a replayed answer
 * after a cut-off sync repeats both from the idempotency key's encrypted receipt).
 */
export type SyncReceipt = { number?: string; trackingCode?: string };

/**
 * What the sync route answers (HTTP 200; 4xx/5xx only for a broken request or no session):
 * - `result`: the action's own ActionResult (ok, or refused with its zh-CN message and field errors);
 * - `duplicates`: a registration that may already be in the register, not written.
 */
export type SyncAnswer =
  | { result: { ok: true; data: SyncReceipt & { id?: string; version?: number }; duplicate?: boolean } }
  | { result: { ok: false; error: string; fieldErrors?: Record<string, string[]>; requestId?: string; conflict?: boolean } }
  | { duplicates: DuplicateCandidate[] };

// ── The work set (GET /api/field/work-set) ─────────────────────────────────────────────

/** The most households (and, apart, enterprises) one work set carries; beyond it `capped` says so. */
export const WORK_SET_PLACES_CAP = 20_000;

/** A household or enterprise of the officer's area as the device keeps it (no ID numbers, masked phone). */
export type WorkSetPlace = {
  id: string;
  type: "HOUSEHOLD" | "ENTERPRISE";
  name: string;
  address: string;
  orgUnitId: string;
  orgUnitName: string;
  /** 户号 or 统一社会信用代码. */
  code: string;
  phoneMasked: string;
};

/** What the visit form offers for a campaign (app/(app)/visits/new), plus its frequency rules. */
export type WorkSetCampaign = {
  id: string;
  name: string;
  checkItems: { id: string; label: string }[];
  participantIds: string[];
  mentors: { id: string; name: string }[];
  mentorOf: Record<string, string>;
  problemDueDays: number;
  rules: { id: string; kind: string; period: string; minVisits: number; dueSoonDays: number }[];
};

/** One of the officer's visits due (the officer home's list). */
export type WorkSetDue = {
  key: string;
  programmeId: string;
  programmeName: string;
  /** The enterprise for an enterprise rule, "" for the officer's own quota. */
  placeId: string;
  subjectType: "OFFICER" | "ENTERPRISE";
  subjectName: string;
  status: string;
  required: number;
  count: number;
  daysLeft: number;
  periodLastDay: string;
};

/** An open problem of the officer's, with the moves its page would offer them. */
export type WorkSetProblem = {
  id: string;
  title: string;
  status: string;
  version: number;
  placeName: string;
  orgUnitName: string;
  dueDate: string | null;
  /** The statuses the user may move it to (lib/problems/authority: allowedTransitions). */
  next: { to: string; needs?: string }[];
};

export type WorkSetOwner = {
  userId: string;
  /** HMAC of user, role, org unit and session version: changes when any of them does. */
  fingerprint: string;
};

export type WorkSet = {
  owner: WorkSetOwner;
  /** Server clock, ISO. */
  generatedAt: string;
  places: WorkSetPlace[];
  /** Households or enterprises beyond WORK_SET_PLACES_CAP were left out. */
  capped: boolean;
  campaigns: WorkSetCampaign[];
  due: WorkSetDue[];
  problems: WorkSetProblem[];
  /** Pages this user may open that the device should keep for offline use. */
  offlinePages: string[];
};
