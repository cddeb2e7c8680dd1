import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser";
import { testDistDir } from "./scripts/dist-dir";

// The servers start from the tests' build folder (`.next-test`), never the demo's `.next`.
testDistDir();

// PLAYWRIGHT_CHROMIUM_PATH, else the system's Chromium (offline CI, this workplace), else the
// browser Playwright downloaded (scripts/browser.ts; `npm test` installs one when none is found).
// Named explicitly even for Playwright's own, so headless runs never look for the separate
// headless shell that `playwright install chromium` may not have fetched.
const chromiumPath = findChromium()?.path;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // The field app's service worker (issue 16) precaches ≈ 2 MB of the build in every fresh
    // context an officer opens; the specs that test it (e2e/field-*.phone.spec.ts) allow it,
    // the rest run without it, as the pages work without it.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        // On a closed network Chromium otherwise stalls on refused background connections.
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu",
        // Date pickers and other browser-drawn controls follow the browser UI language.
        "--lang=zh-CN",
      ],
    },
  },
  projects: [
    // Each demo role signed in once (e2e/sessions.ts): the specs start from these sessions.
    { name: "sessions", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /sessions\.setup\.ts$/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /\.phone\.spec\.ts$/, dependencies: ["sessions"] },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /\.phone\.spec\.ts$/, testIgnore: /visit-form\.phone\.spec\.ts$/, dependencies: ["sessions"] },
    // visit-form saves visits to 谢家村 in the seeded campaign, where visit-campaign counts 走访农户
    // before and after its own visit and expects exactly one more: run beside it, a visit-form
    // save in between made that +2 (or +0 for the same household). After the phone project, the
    // two never overlap (no desktop spec records a visit).
    { name: "phone-after", use: { ...devices["Pixel 7"] }, testMatch: /visit-form\.phone\.spec\.ts$/, dependencies: ["phone"] },
  ],
  webServer: {
    // Fresh database (migrated + demo seed) and `next start` on the production build.
    command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
