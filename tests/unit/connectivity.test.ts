// The field app's "can I reach the server" state (lib/field/local/connectivity.ts): a device that
// says it is online but whose requests fail (signal bars, no data) is offline for the app; the
// server answering again — any status — brings it back and tells the outbox to send.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Connectivity = typeof import("@/lib/field/local/connectivity");
let c: Connectivity;
let answer: "network-error" | number;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  vi.stubGlobal("window", new EventTarget());
  vi.stubGlobal("navigator", { onLine: true });
  answer = 200;
  vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
    expect([url, init.method, init.cache]).toEqual(["/api/health", "HEAD", "no-store"]);
    if (answer === "network-error") throw new TypeError("Failed to fetch");
    return new Response(null, { status: answer });
  }));
  c = await import("@/lib/field/local/connectivity");
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("connectivity", () => {
  it("the device saying offline is offline", () => {
    expect(c.isOffline()).toBe(false);
    (navigator as { onLine: boolean }).onLine = false;
    expect(c.isOffline()).toBe(true);
  });

  it("online by the device, but a request failed on the way: offline until the server answers, then the reconnect listeners run", async () => {
    const changes = vi.fn();
    const reconnected = vi.fn();
    c.subscribeConnectivity(changes);
    c.onReconnect(reconnected);
    answer = "network-error";
    c.reportNetworkFailure();
    expect(c.isOffline()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(1);

    // The probe repeats while the link is gone…
    await vi.advanceTimersByTimeAsync(c.PROBE_EVERY_MS);
    expect(c.isOffline()).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    // …and a server answer, even a 503 from a database in trouble, means the link is back.
    answer = 503;
    await vi.advanceTimersByTimeAsync(c.PROBE_EVERY_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(c.isOffline()).toBe(false);
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledTimes(2);
    // Back online, no more probes.
    await vi.advanceTimersByTimeAsync(c.PROBE_EVERY_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("a probe on a page the service worker answered from its cache finds the link gone", async () => {
    answer = "network-error";
    expect(await c.probeConnectivity()).toBe(false);
    expect(c.isOffline()).toBe(true);
    answer = 200;
    expect(await c.probeConnectivity()).toBe(true);
    expect(c.isOffline()).toBe(false);
  });

  it("the device's online event after a failure asks the server at once", async () => {
    const reconnected = vi.fn();
    c.subscribeConnectivity(() => {});
    c.onReconnect(reconnected);
    answer = "network-error";
    c.reportNetworkFailure();
    answer = 200;
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(c.isOffline()).toBe(false);
    // Once: the server answering is the reconnect (the device's event only asked).
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it("the device's online event with no failed request is the reconnect itself", () => {
    const reconnected = vi.fn();
    c.onReconnect(reconnected);
    window.dispatchEvent(new Event("online"));
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(fetch).not.toHaveBeenCalled();
  });
});
