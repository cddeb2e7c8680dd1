// The field app's first download (issue 16, goal 5): an officer signs in on a slow 3G link and
// the device's work set (GET /api/field/work-set, stored in IndexedDB by the page's background
// refresh) must be in the Dexie tables within 60 s. Measured in Chromium (Playwright, the
// system /usr/bin/chromium) with CDP Network.emulateNetworkConditions at DevTools' "Slow 3G"
// figures as the issue states them: 400 kbit/s down and up, 400 ms round trip. The clock runs
// from opening the officer home with a fresh session (a new browser profile: nothing cached, no
// service worker) to the meta row "workSet" being written — the last write of the refresh's one
// transaction, so the tables are filled. Also reported: the work set's JSON size, raw and gzip
// (as the server sends it), for the busiest scale officer (the one with most households).
// A measurement, not a test.
//
// Used by scripts/bench.ts (row "field"). The e2e helper's sync row may sit beside this in the
// same file as its own function.
import { gzipSync } from "node:zlib";
import type pg from "pg";
import { sessionCookie, type SessionSubject } from "./session";

export type FieldWorkSetRow = {
  name: string;
  officer: string;
  households: number;
  enterprises: number;
  problems: number;
  jsonBytes: number;
  gzipBytes: number;
  /** Whether the server answered gzip when asked (content-encoding). */
  servedGzip: boolean;
  /** Sign-in (page open) → Dexie tables filled on Slow 3G, ms; null when it did not finish in 180 s. */
  slow3gMs: number | null;
  target: string;
};

const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const TIMEOUT_MS = 180_000;

/** The scale officer whose area holds the most active households (the largest work set). */
async function busiestOfficer(sql: pg.Client): Promise<SessionSubject & { username: string }> {
  const row = (await sql.query(`
    SELECT u.id, u.name, u.role, u."orgUnitId", u."sessionVersion", u.username
      FROM app_user u JOIN org_unit o ON o.id = u."orgUnitId"
     WHERE u.role = 'OFFICER' AND u.active AND NOT u."mustChangePassword"
     ORDER BY (SELECT count(*) FROM household h JOIN org_unit hu ON hu.id = h."orgUnitId"
                WHERE h.active AND hu.path LIKE o.path || '%') DESC, u.id
     LIMIT 1`)).rows[0];
  if (!row) throw new Error("no active officer");
  return row;
}

export async function benchFieldWorkSet(options: { base: string; secret: string; sql: pg.Client }): Promise<FieldWorkSetRow> {
  const { base, secret, sql } = options;
  const officer = await busiestOfficer(sql);
  const cookie = await sessionCookie(secret, officer);

  // The size: plain JSON, and what goes over the wire when the client accepts gzip.
  const plain = await fetch(`${base}/api/field/work-set`, { headers: { cookie, "accept-encoding": "identity" } });
  if (plain.status !== 200) throw new Error(`work set → ${plain.status}`);
  const body = Buffer.from(await plain.arrayBuffer());
  const workSet = JSON.parse(body.toString("utf8")) as { places: { type: string }[]; problems: unknown[] };
  const zipped = await fetch(`${base}/api/field/work-set`, { headers: { cookie, "accept-encoding": "gzip" }, method: "HEAD" }).catch(() => null);
  const servedGzip = (zipped?.headers.get("content-encoding") ?? "").includes("gzip");

  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  let slow3gMs: number | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const url = new URL(base);
    await context.addCookies(cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), domain: url.hostname, path: "/" };
    }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    const started = performance.now();
    await page.goto(`${base}/`, { waitUntil: "commit", timeout: TIMEOUT_MS });
    // The refresh writes meta "workSet" last, inside the transaction that fills the tables.
    await page.waitForFunction(
      () => new Promise<boolean>((resolve) => {
        const open = indexedDB.open("zj-field");
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains("meta")) { idb.close(); resolve(false); return; }
          const get = idb.transaction("meta", "readonly").objectStore("meta").get("workSet");
          get.onsuccess = () => { idb.close(); resolve(!!get.result); };
          get.onerror = () => { idb.close(); resolve(false); };
        };
      }),
      undefined,
      { timeout: TIMEOUT_MS, polling: 250 },
    ).then(() => { slow3gMs = Math.round(performance.now() - started); }).catch(() => {});
    await context.close();
  } finally {
    await browser.close();
  }

  const households = workSet.places.filter((p) => p.type === "HOUSEHOLD").length;
  return {
    name: "field work set: first download on Slow 3G (sign-in → Dexie filled)",
    officer: officer.username,
    households,
    enterprises: workSet.places.length - households,
    problems: workSet.problems.length,
    jsonBytes: body.length,
    gzipBytes: gzipSync(body, { level: 6 }).length,
    servedGzip,
    slow3gMs,
    target: "≤ 60 s",
  };
}

export function fieldTable(rows: FieldWorkSetRow[]): string {
  const kB = (n: number) => (n / 1000).toFixed(1);
  return [
    "| Field measure | Officer | Households / enterprises / problems | JSON (kB) | gzip (kB) | Served gzip | Slow 3G (s) | Target |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.name} | ${r.officer} | ${r.households} / ${r.enterprises} / ${r.problems} | ${kB(r.jsonBytes)} | ${kB(r.gzipBytes)} | ${r.servedGzip ? "yes" : "no"} | ${r.slow3gMs === null ? "did not finish" : (r.slow3gMs / 1000).toFixed(1)} | ${r.target} |`),
  ].join("\n");
}
