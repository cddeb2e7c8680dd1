// The server Playwright tests run against: a fresh database with the demo seed, and the
// production build (`next build` runs before, in `npm test`) served by `next start`.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT, startEmbeddedPostgres, type EmbeddedCluster } from "./db/embedded";
import { deployMigrations } from "./db/migrate";

const port = Number(process.env.E2E_PORT ?? 3100);
const DB = "zjtrack_e2e";

async function main() {
  let cluster: EmbeddedCluster | undefined;
  let adminUrl: string;
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    const u = new URL(external);
    u.pathname = "/postgres";
    adminUrl = u.toString();
  } else {
    cluster = await startEmbeddedPostgres({ dir: process.env.E2E_PG_DIR ?? ".data/pg-e2e", port: Number(process.env.E2E_PG_PORT ?? 54349), quiet: true });
    adminUrl = cluster.url("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  const databaseUrl = u.toString();
  await deployMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const { seedIfEmpty } = await import("../prisma/seed");
  const { db } = await import("../lib/db/client");
  await seedIfEmpty();
  await db.$disconnect();

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
