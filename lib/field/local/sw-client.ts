// The outbox's way to wake the service worker (issue 16). Browser-only.
import { OUTBOX_SYNC_TAG, type SwMessage } from "./pages";

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/**
 * Asks for a Background Sync of the outbox: where the browser has it (Chromium), the worker
 * flushes the outbox when the network returns, even with every tab closed. Returns false where
 * it has not (Safari, Firefox, no worker): the page then relies on its own online/focus/timer
 * flushes.
 */
export async function requestOutboxSync(): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
  if (!registration?.active || !registration.sync) return false;
  try {
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    // Refused (permission policy, private mode): the page's own flushes still run.
    return false;
  }
}

/** Asks the worker to flush the outbox now (e.g. from a page that has no Dexie code loaded). */
export async function flushOutboxInWorker(): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  const worker = (await navigator.serviceWorker.getRegistration())?.active;
  if (!worker) return false;
  const message: SwMessage = { type: "flush" };
  worker.postMessage(message);
  return true;
}
