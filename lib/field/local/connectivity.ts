// Whether the field app can reach its server (issue 16). `navigator.onLine` alone is not that: it
// says whether the device has a network interface, so a phone showing signal bars with no data
// (a village's weak cell, a basement, a captive Wi-Fi) reports "online" — and Chromium 150 no
// longer turns it off for a network emulated offline either. So a request to the server that
// fails on the way marks the app offline, a probe (HEAD /api/health, no cache) settles it on a
// page the service worker may have answered from its cache, and while offline the probe repeats
// until the server answers; any answer (even a 503) means the link is back.
//
// Browser-only state, per page: which page is offline is a fact about this device's link, not
// something to share between server instances.
type Listener = () => void;

const PROBE_URL = "/api/health";
/** While offline, how often to look whether the link is back. */
export const PROBE_EVERY_MS = 15_000;

let failed = false;
let probeTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();
const reconnectListeners = new Set<Listener>();

function notify() {
  for (const l of listeners) l();
}

/** Known offline: the device says so, or the last request to the server failed on the way. */
export function isOffline(): boolean {
  return (typeof navigator !== "undefined" && navigator.onLine === false) || failed;
}

/** A request to the server failed on the network (not an HTTP error answer). */
export function reportNetworkFailure(): void {
  if (!failed) {
    failed = true;
    notify();
  }
  scheduleProbe();
}

/** The server answered (whatever the status): the link works. */
export function reportNetworkSuccess(): void {
  if (!failed) return;
  failed = false;
  if (probeTimer !== undefined) clearTimeout(probeTimer);
  probeTimer = undefined;
  notify();
  for (const l of reconnectListeners) l();
}

/** Ask the server; true when it answered. Updates the state either way. */
export async function probeConnectivity(): Promise<boolean> {
  try {
    await fetch(PROBE_URL, { method: "HEAD", cache: "no-store", credentials: "omit" });
    reportNetworkSuccess();
    return true;
  } catch {
    reportNetworkFailure();
    return false;
  }
}

function scheduleProbe() {
  if (probeTimer !== undefined || typeof window === "undefined") return;
  probeTimer = setTimeout(() => {
    probeTimer = undefined;
    void probeConnectivity();
  }, PROBE_EVERY_MS);
}

// The device's own events, handled once for every subscriber: "offline" and "online" change
// isOffline(); "online" after a failed request asks the server (its answer is the reconnect),
// otherwise it is the reconnect itself — so a reconnect runs its listeners once, not twice.
let deviceEventsOn = false;
function onDeviceOnline() {
  notify();
  if (failed) void probeConnectivity();
  else for (const l of reconnectListeners) l();
}
function listenToDevice() {
  if (deviceEventsOn) return;
  deviceEventsOn = true;
  window.addEventListener("online", onDeviceOnline);
  window.addEventListener("offline", notify);
}

/** For useSyncExternalStore: changes of isOffline(), the device's online/offline events included. */
export function subscribeConnectivity(listener: Listener): () => void {
  listenToDevice();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The link is back: the device's "online" event, or the server answering after a failure. */
export function onReconnect(listener: Listener): () => void {
  listenToDevice();
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
