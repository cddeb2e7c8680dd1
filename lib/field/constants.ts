// The field app's names and headers that the browser needs without zod (the visit form loads
// zod only when it first validates: issue 16's budget). lib/field/schemas.ts re-exports them.

/**
 * What an officer can record offline, named by the contract of the action that records it
 * online. The outbox stores items under these names and the sync route maps each to its action.
 */
export const OUTBOX_KINDS = [
  "visit.create",
  "visit.photo.add",
  "event.create",
  "problem.transition",
  "request.intake",
  "household.create",
  "enterprise.create",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * A reference to another outbox item's server id, resolved on the device just before sending
 * ("local:<outbox item id>" → the id the server returned for it): a visit to a household
 * registered offline, a photo of a visit recorded offline.
 */
export const LOCAL_REF_PREFIX = "local:";
export const localRef = (outboxId: string) => `${LOCAL_REF_PREFIX}${outboxId}`;

/**
 * Header on every POST /api/field/sync: the user who recorded the item. The server refuses (401)
 * when the session is someone else's, so an outbox left on a shared phone is never recorded
 * under the next user's name.
 */
export const OUTBOX_USER_HEADER = "x-outbox-user";

/**
 * Marks the service worker's background fetch of a page to keep (warmOfflinePages). proxy.ts
 * drops the session cookie Auth.js would re-issue on that response: a warm fetch still in
 * flight when the officer signs out, or another user signs in, must not put the officer's
 * session back into the browser (it did: the next user's password change ran as the officer).
 */
export const WARM_PAGE_HEADER = "x-field-warm";
