import { defineConfig, devices } from "@playwright/test";
import main from "./playwright.config";
import { DATABASE_URL, INSTANCE_A, INSTANCE_B, instanceEnv, PORT_B } from "./e2e-twin/servers";

// Two web instances behind no load balancer, one database, one job worker (README "Using an
// external PostgreSQL"): the specs in e2e-twin/ alternate between the instances to prove
// nothing an instance needs lives in its own memory or on its own disk. Runs on the
// production build, like the main e2e config whose browser settings it reuses.
export default defineConfig({
  testDir: "e2e-twin",
  outputDir: "test-results/e2e-twin",
  // One at a time: two instances, a worker, PostgreSQL and the browser already share the CPU.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  // Generous waits (not measurements): the CPU is shared by everything this run starts.
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-twin.json" }]],
  use: { ...main.use, baseURL: INSTANCE_A },
  projects: [{ name: "twin", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  // Started in order: the fresh database, the worker and instance A first, then instance B.
  webServer: [
    {
      name: "A",
      command: "npx tsx --conditions=react-server scripts/twin-server.ts",
      url: `${INSTANCE_A}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      name: "B",
      command: `npx next start -p ${PORT_B} -H 127.0.0.1`,
      url: `${INSTANCE_B}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: instanceEnv(DATABASE_URL),
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
