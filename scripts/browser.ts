// Which Chromium the end-to-end tests run in, and getting one onto a machine that has none, so
// that `npm test` works on a fresh machine by itself. Used by playwright.config.ts (findChromium)
// and scripts/test.ts (ensureChromium, before the e2e step).
//
// Order: PLAYWRIGHT_CHROMIUM_PATH (a binary you name), the system's Chromium (Debian/Ubuntu
// packages; works offline), then the browser Playwright downloaded itself (`npx playwright
// install chromium`, needs internet). When none is there, ensureChromium tries those two ways
// of installing one, in the order most likely to work: Playwright's download (anywhere the
// network allows it, no root), then apt-get (root or passwordless sudo on Debian/Ubuntu, which
// reaches a Debian mirror where the Playwright CDN is blocked). If both fail it returns one line
// saying what to run; the caller must count e2e as failed, never as passed.
//
//   npx tsx scripts/browser.ts            print the Chromium found (exit 1 if none)
//   npx tsx scripts/browser.ts --ensure   find or install one (exit 1 and the line if impossible)
//
// For testing only: ZJ_CHROMIUM_SYSTEM_PATHS (":"-separated) replaces the system paths looked
// at, and Playwright's own PLAYWRIGHT_BROWSERS_PATH moves where its download is looked for, so
// "no browser" can be simulated without uninstalling anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export type FoundChromium = { path: string; source: "PLAYWRIGHT_CHROMIUM_PATH" | "system" | "playwright" };

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The command to run when nothing worked: what a person types to get e2e going. */
export const MISSING_CHROMIUM_LINE =
  "end-to-end NOT run: no Chromium found and none could be installed — run `npx playwright install chromium` " +
  "(needs internet) or `sudo apt-get install chromium` (Debian/Ubuntu), or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary, then npm test again";

function systemPaths(): string[] {
  const override = process.env.ZJ_CHROMIUM_SYSTEM_PATHS;
  return override !== undefined ? override.split(":").filter(Boolean) : DEFAULT_SYSTEM_PATHS;
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Playwright's downloaded Chromium, when it is on disk (the path is computed, not checked, by Playwright). */
function playwrightChromium(): string | null {
  try {
    const file = chromium.executablePath();
    return file && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/** The first Chromium available, or null. A PLAYWRIGHT_CHROMIUM_PATH that does not exist is not silently replaced. */
export function findChromium(): FoundChromium | null {
  const named = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (named) return isExecutable(named) ? { path: named, source: "PLAYWRIGHT_CHROMIUM_PATH" } : null;
  const system = systemPaths().find(isExecutable);
  if (system) return { path: system, source: "system" };
  const own = playwrightChromium();
  return own ? { path: own, source: "playwright" } : null;
}

/** `sudo -n` when not root and sudo needs no password; [] as root; null when we may not. */
function rootPrefix(): string[] | null {
  if (typeof process.getuid === "function" && process.getuid() === 0) return [];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n"] : null;
}

function run(command: string[], timeoutMs: number): boolean {
  const [cmd, ...args] = command;
  const r = spawnSync(cmd!, args, {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: timeoutMs,
  });
  return r.status === 0;
}

/**
 * A Chromium for the e2e tests: the one found, or one installed now. `{ missing }` is the one
 * line to print when there is none; the e2e step must then count as failed.
 */
export function ensureChromium(log: (line: string) => void = console.log): { found: FoundChromium } | { missing: string } {
  const found = findChromium();
  if (found) return { found };
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) {
    return { missing: `end-to-end NOT run: PLAYWRIGHT_CHROMIUM_PATH=${process.env.PLAYWRIGHT_CHROMIUM_PATH} is not an executable file — fix or unset it, then npm test again` };
  }

  log("No Chromium found: trying `npx playwright install chromium` …");
  const playwrightBin = path.join(PROJECT_ROOT, "node_modules", ".bin", "playwright");
  // Ten minutes: a real download is ~150 MB; a blocked network fails well before that.
  if (run([playwrightBin, "install", "chromium"], 10 * 60_000)) {
    const now = findChromium();
    if (now) return { found: now };
  }

  const prefix = fs.existsSync("/usr/bin/apt-get") ? rootPrefix() : null;
  if (prefix) {
    log("Trying Debian's chromium: apt-get update && apt-get install -y chromium …");
    run([...prefix, "apt-get", "update", "-qq"], 10 * 60_000);
    const installed = run([...prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], 15 * 60_000);
    // Ubuntu's package of that name is a snap wrapper; its binary is chromium-browser.
    if (!installed) run([...prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium-browser"], 15 * 60_000);
    const now = findChromium();
    if (now) return { found: now };
  }
  return { missing: MISSING_CHROMIUM_LINE };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const result = process.argv.includes("--ensure") ? ensureChromium() : (() => {
    const found = findChromium();
    return found ? { found } : { missing: "no Chromium found (run with --ensure to install one)" };
  })();
  if ("found" in result) {
    console.log(`Chromium: ${result.found.path} (${result.found.source})`);
    process.exit(0);
  }
  console.log(result.missing);
  process.exit(1);
}
