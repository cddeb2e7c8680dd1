// The server Playwright tests run against: a fresh database with the demo seed, and the
// production build (`next build` runs before, in `npm test`) served by `next start`.
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./db/embedded";
import { freshDemoDatabase } from "./db/fresh-demo";

const port = Number(process.env.E2E_PORT ?? 3100);

async function main() {
  const { databaseUrl, cluster } = await freshDemoDatabase({
    database: "zjtrack_e2e",
    pgDir: process.env.E2E_PG_DIR ?? ".data/pg-e2e",
    pgPort: Number(process.env.E2E_PG_PORT ?? 54349),
  });

  const server = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // No wall-clock crons during a run (lib/platform/jobs/boss.ts): what a test sees must not depend on the hour.
      JOBS_CRON: "off",
    },
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await cluster?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
