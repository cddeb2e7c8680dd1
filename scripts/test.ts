// `npm test`: the whole suite, in the order a failure is cheapest to find —
// typecheck, lint, unit + integration (Vitest, real PostgreSQL), production build,
// end-to-end (Playwright, Chromium), end-to-end on two app instances sharing one database
// (playwright.twin.config.ts), then unit + integration again at two other dates under
// libfaketime (scripts/shifted-clock.ts). Every step runs even if an earlier one failed (except
// e2e, which needs the build), and the run ends with one summary line:
//   "Tests: N passed, M failed"
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./browser";
import { TEST_DIST_DIR } from "./dist-dir";
import { PROJECT_ROOT } from "./db/embedded";
import { findFaketime, installFaketime, shiftedEnv, shiftedRuns, underFaketime } from "./shifted-clock";
import { ensureOpenpyxl } from "./system-packages";
import { playwrightFailures, vitestFailures, type PlaywrightReport, type VitestReport } from "./test-report";

const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules", ".bin", name);
// The tests build into their own folder so a demo running from `.next` keeps working meanwhile.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: TEST_DIST_DIR };
const failures: string[] = [];
let passed = 0;
let failed = 0;
let dateShiftMissing: string | undefined;
let chromiumMissing: string | undefined;
/** Each failed test as one line, printed last: CI shows only the tail of a long run, and a
 *  failure must name itself there (scripts/test-report.ts). */
const failedTests: string[] = [];

function step(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  const started = Date.now();
  console.log(`\n━━ ${name}: ${path.basename(command)} ${args.join(" ")}`);
  const r = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  console.log(`━━ ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8"));
  } catch {
    return undefined;
  }
}

fs.rmSync(path.join(PROJECT_ROOT, "test-results"), { recursive: true, force: true });

/**
 * A step run beside others: its output is held and printed whole when it ends, so two steps'
 * lines never interleave. For steps that each keep one core busy (tsc and eslint are single-
 * threaded): on CI's two cores, side by side they take the time of the longer one.
 */
function stepAside(name: string, command: string, args: string[]): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => out.push(b));
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      console.log(`\n━━ ${name}: ${path.basename(command)} ${args.join(" ")}`);
      process.stdout.write(Buffer.concat(out));
      console.log(`━━ ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s, beside another step)`);
      if (!ok) failures.push(name);
      resolve(ok);
    };
    child.on("error", (e) => {
      out.push(Buffer.from(`${e.message}\n`));
      finish(false);
    });
    child.on("close", (code) => finish(code === 0));
  });
}

// Route types first (tsc and the type-aware lint rules both read them), then the two checks together.
if (step("typecheck", bin("next"), ["typegen"])) await Promise.all([stepAside("typecheck", bin("tsc"), ["--noEmit"]), stepAside("lint", bin("eslint"), ["--max-warnings=0", "."])]);
else step("lint", bin("eslint"), ["--max-warnings=0", "."]);

/** Adds a Vitest JSON report to the totals. Trust the report as well as the exit code: a
 *  failed test must fail the run even if some exit hook in the runner's process lost the code. */
function countVitest(name: string, report: string) {
  const vitest = readJson(report) as VitestReport | undefined;
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
    if ((vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0) > 0 && !failures.includes(name)) failures.push(name);
    failedTests.push(...vitestFailures(name, vitest, PROJECT_ROOT));
  } else failed += 1;
}

/** Adds a Playwright JSON report to the totals; a run that left no report counts as one failure. */
function countPlaywright(name: string, report: string) {
  const pw = readJson(report) as PlaywrightReport | undefined;
  if (pw?.stats) {
    passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
    failed += pw.stats.unexpected ?? 0;
    if ((pw.stats.unexpected ?? 0) > 0 && !failures.includes(name)) failures.push(name);
    failedTests.push(...playwrightFailures(name, pw));
  } else failed += 1;
}
const TWIN_STEP = "end-to-end (two instances)";

// The Excel export test reads every export back with Python's openpyxl: find or install it
// (scripts/system-packages.ts). Without it that test fails with this same line, never passes.
const openpyxl = ensureOpenpyxl();
let openpyxlMissing: string | undefined;
if ("missing" in openpyxl) {
  openpyxlMissing = openpyxl.missing;
  console.log(`\n━━ ${openpyxlMissing}`);
}
step("unit + integration", bin("vitest"), ["run"], "python" in openpyxl ? { OPENPYXL_PYTHON: openpyxl.python } : {});
countVitest("unit + integration", "test-results/vitest.json");

if (step("build", bin("next"), ["build"], { NODE_ENV: "production", ...(failures.includes("typecheck") ? {} : { SKIP_BUILD_TYPECHECK: "1" }) })) {
  // A fresh machine may have no Chromium: find one or install one (scripts/browser.ts). Without
  // one, e2e is a failed step with one line saying what to run — never a silent pass.
  const browser = ensureChromium();
  if ("missing" in browser) {
    chromiumMissing = browser.missing;
    console.log(`\n━━ ${chromiumMissing}`);
    failures.push("end-to-end (no Chromium)");
    failed += 1;
  } else {
    console.log(`\nChromium for end-to-end: ${browser.found.path} (${browser.found.source})`);
    step("end-to-end", bin("playwright"), ["test"], { PLAYWRIGHT_CHROMIUM_PATH: browser.found.path });
    countPlaywright("end-to-end", "test-results/playwright.json");
    // Two `next start` instances and one worker on one database (playwright.twin.config.ts).
    step(TWIN_STEP, bin("playwright"), ["test", "-c", "playwright.twin.config.ts"], { PLAYWRIGHT_CHROMIUM_PATH: browser.found.path });
    countPlaywright(TWIN_STEP, "test-results/playwright-twin.json");
  }
}

// The same suite at other dates (scripts/shifted-clock.ts): far from today, and across the
// new year. Without libfaketime this cannot be done; say so in one line, and fail in CI.
const faketime = findFaketime() ?? installFaketime();
const skipShifted = process.env.SKIP_SHIFTED_CLOCK === "1";
if (skipShifted) {
  console.log("\n━━ date-shifted runs: skipped (SKIP_SHIFTED_CLOCK=1)");
} else if (!faketime) {
  const line = "date-shifted runs NOT done: libfaketime is missing — install it (Debian/Ubuntu: apt-get install faketime; macOS: brew install libfaketime) and run npm test again";
  console.log(`\n━━ ${line}`);
  dateShiftMissing = line;
  if (process.env.CI) failures.push("date-shifted runs (faketime missing)");
} else {
  for (const run of shiftedRuns()) {
    const name = `unit + integration at ${run.label}`;
    const cmd = underFaketime(faketime, run.at, bin("vitest"), ["run", ...run.files]);
    const env = shiftedEnv(run);
    step(name, cmd.command, cmd.args, { ...cmd.env, ...env });
    countVitest(name, env.VITEST_JSON_REPORT!);
  }
}

// Known advisories in the dependencies (decision 0010). Offline the advisory service cannot
// be reached: that is one loud line beside the summary, not a pass and not a failure.
const auditRun = spawnSync(bin("tsx"), ["scripts/audit-deps.ts"], { cwd: PROJECT_ROOT, encoding: "utf8", env, timeout: 180_000 });
const auditLine = auditRun.signal
  ? "npm audit NOT done: no answer from the advisory service within 3 minutes."
  : `${auditRun.stdout ?? ""}${auditRun.stderr ?? ""}`.trim().split("\n").filter(Boolean).join("\n");
if (auditRun.signal) auditRun.status = 0;
console.log(`\n━━ dependency audit\n${auditLine}`);
if (auditRun.status !== 0) failures.push("dependency audit");

if (failures.length) console.log(`\nFailed steps: ${[...new Set(failures)].join(", ")}`);
if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `- ${t}`).join("\n")}`);
// Steps without test counts (typecheck, lint, build) count as one failed test when they fail,
// so the summary line can never read "0 failed" for a broken run.
const stepFailures = [...new Set(failures)].filter((f) => f === "typecheck" || f === "lint" || f === "build" || f === "dependency audit" || f.startsWith("date-shifted")).length;
if (dateShiftMissing) console.log(`\n${dateShiftMissing}`);
if (auditRun.status === 0 && auditLine.startsWith("npm audit NOT done")) console.log(`\n${auditLine}`);
if (chromiumMissing) console.log(`\n${chromiumMissing}`);
if (openpyxlMissing) console.log(`\n${openpyxlMissing}`);
console.log(`\nTests: ${passed} passed, ${failed + stepFailures} failed`);
process.exit(failures.length ? 1 : 0);
