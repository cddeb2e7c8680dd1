// The field app's service worker (issue 16, docs/decisions/0022-field-app-offline.md). Not part
// of the Next bundle: scripts/build-sw.mjs compiles it with esbuild after every `next build`
// (next.config.js runAfterProductionCompile) into <distDir>/sw.js, with the precache list
// injected as __SW_MANIFEST; app/sw.js/route.ts serves it at /sw.js (scope "/").
//
// - The app shell (Next's static chunks and CSS, the icons, /offline) is precached.
// - Officer pages: NetworkFirst with a 4 s timeout into PAGES_CACHE, so a weak signal falls back
//   to the last copy; only 200 HTML pages are kept, never a redirect, /login or /api.
// - A page neither online nor kept → the precached /offline page, not the browser's error.
// - RSC fetches (client navigation) are left to the network: when they fail, Next falls back to a
//   full navigation, which the page rule above answers.
// - POSTs (server actions, /api/*) are never routed here: they always go to the network.
// - Background Sync "outbox" and the "flush" message run the outbox (Dexie works in a worker).
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { flushForBackgroundSync, flushOutbox } from "@/lib/field/local/sync-runner";
import { WARM_PAGE_HEADER } from "@/lib/field/schemas";
import { OFFLINE_URL, OUTBOX_SYNC_TAG, PAGES_CACHE, isKeepablePageResponse, isOfflinePagePath, type SwMessage } from "@/lib/field/local/pages";

/** Replaced at build time by the precache list (scripts/build-sw.mjs). */
declare const __SW_MANIFEST: (PrecacheEntry | string)[];

// The few worker APIs used here, typed locally: the DOM and WebWorker libs cannot share one
// tsconfig, and the rest of the app needs DOM.
type WaitUntil = { waitUntil(promise: Promise<unknown>): void };
type SwScope = {
  location: Location;
  addEventListener(type: "sync", listener: (event: WaitUntil & { tag: string }) => void): void;
  addEventListener(type: "message", listener: (event: WaitUntil & { data: unknown; ports: readonly MessagePort[] }) => void): void;
};
const sw = globalThis as unknown as SwScope;

/** Keeps only what the signed-in officer was shown (see isKeepablePageResponse). */
const keepPagesOnly: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (isKeepablePageResponse(response) ? response : null),
};

const serwist = new Serwist({
  precacheEntries: __SW_MANIFEST,
  // A new build's worker takes over at once: its precache matches the server's chunks.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.mode === "navigate" && isOfflinePagePath(url.pathname),
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        networkTimeoutSeconds: 4,
        plugins: [keepPagesOnly, new ExpirationPlugin({ maxEntries: 200 })],
        // The kept copy answers whatever Vary says: only navigations and warm-ups (plain GETs
        // without RSC headers) are ever stored here.
        matchOptions: { ignoreVary: true },
      }),
    },
    // Other navigations (/login, /service…) are never kept, but offline they too get /offline.
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate", handler: new NetworkOnly() },
    // Chunks left out of the precache (the large ones only some pages use) are kept once loaded:
    // their names change with their content.
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "field-static", plugins: [new ExpirationPlugin({ maxEntries: 100 })] }),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.mode === "navigate" }] },
});
serwist.addEventListeners();

/** Fetches the work set's pages one by one (a weak link: no burst) and keeps those the server rendered. */
async function warmPages(urls: string[]): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  for (const href of new Set(urls)) {
    const url = new URL(href, sw.location.origin);
    if (url.origin !== sw.location.origin || !isOfflinePagePath(url.pathname)) continue;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { [WARM_PAGE_HEADER]: "1" } });
      if (isKeepablePageResponse(response)) await cache.put(url.href, response);
    } catch {
      // Offline again: the next refresh warms them.
    }
  }
}

sw.addEventListener("sync", (event) => {
  // Rejects when items are left, so the browser schedules the sync again.
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(flushForBackgroundSync());
});

sw.addEventListener("message", (event) => {
  const message = event.data as SwMessage | null;
  if (message?.type === "flush") event.waitUntil(flushOutbox());
  if (message?.type === "warm-pages" && Array.isArray(message.urls)) {
    const reply = event.ports[0];
    event.waitUntil(warmPages(message.urls.filter((u) => typeof u === "string")).finally(() => reply?.postMessage({ done: true })));
  }
});
