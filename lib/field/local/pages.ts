// The service worker's page cache, seen from both sides (issue 16, docs/decisions/0022): which
// pages may be kept for offline use, the messages a page sends the worker, and the page-side
// helpers. Browser-only and tiny: lib/field/sw.ts imports the rules, the work-set refresh
// imports the helpers.

/** The officer pages the worker keeps (NetworkFirst); deleted whole on sign-out or owner change. */
export const PAGES_CACHE = "field-pages";
/** Precached at install; what a page not in the cache shows offline. */
export const OFFLINE_URL = "/offline";
/** The Background Sync tag the outbox registers (lib/field/local/sw-client.ts). */
export const OUTBOX_SYNC_TAG = "outbox";

/** What a page may ask of the worker (postMessage). */
export type SwMessage = { type: "flush" } | { type: "warm-pages"; urls: string[] };

/**
 * The pages kept: only the field work's (the pages the work set lists, lib/field/work-set.ts,
 * and the lists an officer opens on the way). An allow-list, not a deny-list: a manager's
 * request page may show a full phone number after an unmask, and admin, audit and talent
 * pages hold what no phone should keep; none of those may land in a cache that outlives the
 * session on a shared device.
 */
const KEPT = /^\/(?:|visits|visits\/new|field|problems|problems\/[^/]+|hotline\/new|registers\/(?:households|enterprises)\/new|campaigns|campaigns\/[^/]+\/(?:events|due))$/;

/** Whether a same-origin page at this path may go into the offline page cache. */
export function isOfflinePagePath(pathname: string): boolean {
  return KEPT.test(pathname);
}

/**
 * Whether a page's response may be kept: a 200 HTML page the server rendered for this request.
 * A redirect (signed out → /login, a page that moved) or an error page is never kept, so the
 * cache can only hold what the signed-in officer saw.
 */
export function isKeepablePageResponse(response: Pick<Response, "status" | "type" | "redirected" | "headers">): boolean {
  return (
    response.status === 200 &&
    (response.type === "basic" || response.type === "default") &&
    !response.redirected &&
    (response.headers.get("content-type") ?? "").startsWith("text/html")
  );
}

/**
 * Asks the service worker to fetch and keep these pages for offline use (the work-set refresh
 * calls it with the URLs the server lists). Resolves when the worker has them, or at once where
 * there is no worker (`next dev`, a browser without service workers).
 */
export async function warmOfflinePages(urls: string[]): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.active;
  if (!worker) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    const message: SwMessage = { type: "warm-pages", urls };
    worker.postMessage(message, [channel.port2]);
  });
}

/** Drops every kept page (they hold the signed-in officer's data). Works without the worker. */
export async function clearOfflinePages(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(PAGES_CACHE);
}
