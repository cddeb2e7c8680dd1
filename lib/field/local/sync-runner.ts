// Stub (issue 16): the outbox work fills this in.
/** Sends every due outbox item, in dependency order; safe to call from a page or the service worker, and twice at once. */
export async function flushOutbox(): Promise<void> {}
