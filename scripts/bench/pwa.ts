// The field app's budget (issue 16, goal 6): the JavaScript a first load of the officer home "/"
// and the visit form "/visits/new" downloads, gzip, against ≤ 150 kB; and, where Lighthouse can
// run (npx lighthouse@12.2.3 with the system Chromium, no network needed beyond the app),
// its performance score on its default mobile profile (simulated slow 4G, 4× CPU) against ≥ 90.
// A measurement, not a test.
//
// Lighthouse scores twice: with its default simulated throttling (the score the issue names: it
// replays an unthrottled trace through a model of a slow phone and network) and with applied
// throttling (--throttling-method=devtools: Chromium itself slowed 4× and the network shaped to
// the same profile, then measured as observed). The two differ most where the page's text is
// server-rendered and paints before its scripts run: the model charges the framework's chunks to
// LCP, the observed paint does not wait for them (bench/README.md, 2026-12-03 evening).
//
// The JS is what the page's HTML makes the browser fetch before it is interactive: every
// /_next/static script it references (<script src>, preloads), each file gzipped at level 6 as
// `next start` sends it, read from the build folder. Chunks a page imports lazily later (a
// dynamic import on use) are not in it, by design.
//
// Used by scripts/bench.ts (row "pwa", a scale officer), or alone against any running build:
//   DATABASE_URL=… AUTH_SECRET=<the server's> npx tsx scripts/bench/pwa.ts --base=http://127.0.0.1:3000 [--login=py.officer] [--lighthouse]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type pg from "pg";
import { sessionCookie } from "./session";

export const PWA_PAGES = ["/", "/visits/new"] as const;
const JS_BUDGET_BYTES = 150 * 1000;
const LIGHTHOUSE_RUNS = 3;

export type PwaRow = {
  page: string;
  scripts: number;
  /** gzip bytes of every script the HTML references. */
  jsGzip: number;
  /** The five largest, gzip bytes. */
  biggest: { file: string; gzip: number }[];
  /** Lighthouse mobile performance, 0–100, the median of the runs; null when it was not run or failed. */
  lighthouse: number | null;
  lighthouseRuns?: number[];
  /** The same with applied throttling (--throttling-method=devtools), median and runs. */
  lighthouseApplied?: number | null;
  lighthouseAppliedRuns?: number[];
  target: string;
};

const gzip = (b: Buffer) => gzipSync(b, { level: 6 }).length;

/**
 * The /_next/static scripts an HTML page makes a modern browser fetch, once each: script tags
 * (not `noModule` ones: Next's legacy polyfills, which only browsers without modules load) and
 * script preloads.
 */
export function referencedScripts(html: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    if (/\bnomodule\b/i.test(tag)) continue;
    if (tag.startsWith("<link") && !/\bas="script"/.test(tag)) continue;
    const url = /\b(?:src|href)="(\/_next\/static\/[^"?#]+\.js)/.exec(tag)?.[1];
    if (url) found.add(url);
  }
  return [...found];
}

type Throttling = "simulate" | "devtools";

function lighthouseScore(url: string, cookie: string, throttling: Throttling): number | null {
  const out = path.join(os.tmpdir(), `zj-lighthouse-${process.pid}.json`);
  const r = spawnSync("npx", ["-y", "lighthouse@12.2.3", url, "--only-categories=performance", "--form-factor=mobile", `--throttling-method=${throttling}`, "--output=json", `--output-path=${out}`, "--quiet",
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
  { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 });
  if (r.status !== 0 || !fs.existsSync(out)) {
    console.warn(`lighthouse ${url}: ${r.stderr?.toString().slice(-300)}`);
    return null;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.rmSync(out, { force: true });
  const score = report.categories?.performance?.score;
  return typeof score === "number" ? Math.round(score * 100) : null;
}

export async function measurePwa({ base, cookie, distDir, lighthouse }: { base: string; cookie: string; distDir: string; lighthouse: boolean }): Promise<PwaRow[]> {
  const rows: PwaRow[] = [];
  for (const page of PWA_PAGES) {
    const r = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
    const html = await r.text();
    if (r.status !== 200) throw new Error(`${page} → ${r.status}`);
    const files = referencedScripts(html).map((src) => {
      const file = path.join(distDir, "static", src.slice("/_next/static/".length));
      return { file: src.slice("/_next/static/".length), gzip: gzip(fs.readFileSync(file)) };
    });
    const jsGzip = files.reduce((sum, f) => sum + f.gzip, 0);
    rows.push({
      page,
      scripts: files.length,
      jsGzip,
      biggest: [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 5),
      lighthouse: null,
      target: `JS ≤ ${JS_BUDGET_BYTES / 1000} kB gzip; Lighthouse ≥ 90`,
    });
  }
  // After every fetch above: a Lighthouse run outlasts the server's keep-alive, and a fetch on the
  // socket it closed meanwhile fails.
  // Lighthouse's simulated mobile throttling scales with the CPU it measured, so a busy machine
  // moves a single score by 20 points: the median of LIGHTHOUSE_RUNS, the runs in the note.
  if (lighthouse) {
    const median = (page: string, throttling: Throttling) => {
      const scores = Array.from({ length: LIGHTHOUSE_RUNS }, () => lighthouseScore(`${base}${page}`, cookie, throttling)).filter((x): x is number => x !== null).sort((a, b) => a - b);
      return { median: scores.length ? scores[Math.floor(scores.length / 2)]! : null, scores };
    };
    for (const row of rows) {
      ({ median: row.lighthouse, scores: row.lighthouseRuns } = median(row.page, "simulate"));
      ({ median: row.lighthouseApplied, scores: row.lighthouseAppliedRuns } = median(row.page, "devtools"));
    }
  }
  return rows;
}

/** The session of the scale data's first officer (the one scripts/bench/bytes.ts measures as). */
export async function scaleOfficerCookie(secret: string, sql: pg.Client): Promise<string> {
  const officer = (await sql.query(`SELECT id, name, role, "orgUnitId", "sessionVersion" FROM app_user
                                    WHERE id LIKE 'scu%' AND role = 'OFFICER' AND active AND NOT "mustChangePassword" ORDER BY id LIMIT 1`)).rows[0];
  if (!officer) throw new Error("no scale officer (sc.officer*)");
  return sessionCookie(secret, officer);
}

const kB = (n: number) => (n / 1000).toFixed(1);
const score = (median: number | null | undefined, runs: number[] | undefined) => `${median ?? "—"}${runs?.length ? ` (${runs.join(", ")})` : ""}`;

export function pwaTable(rows: PwaRow[]): string {
  return [
    "| Page (officer, first load) | Scripts | JS gzip (kB) | Lighthouse mobile, simulated | Lighthouse mobile, applied throttling | Largest chunks (gzip kB) | Target |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.page} | ${r.scripts} | ${kB(r.jsGzip)} | ${score(r.lighthouse, r.lighthouseRuns)} | ${score(r.lighthouseApplied, r.lighthouseAppliedRuns)} | ${r.biggest.map((b) => `${b.file.replace(/^chunks\//, "")} ${kB(b.gzip)}`).join(", ")} | ${r.target} |`),
  ].join("\n");
}

// Alone: an officer's session on a running build.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const base = arg("base") ?? "http://127.0.0.1:3000";
  const login = arg("login") ?? "py.officer";
  const { default: pg } = await import("pg");
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  const user = (await sql.query(`SELECT id, name, role, "orgUnitId", "sessionVersion" FROM app_user WHERE username = $1`, [login])).rows[0];
  await sql.end();
  if (!user) throw new Error(`no user ${login}`);
  const cookie = await sessionCookie(process.env.AUTH_SECRET!, user);
  const rows = await measurePwa({ base, cookie, distDir: path.resolve(process.env.NEXT_DIST_DIR || ".next"), lighthouse: process.argv.includes("--lighthouse") });
  console.log(JSON.stringify(rows, null, 2));
  console.log(`\n${pwaTable(rows)}\n`);
}
