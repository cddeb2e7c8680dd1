// `npm run demo`: the app with demo data, from a fresh clone, in one command.
//   - no DATABASE_URL: starts an embedded PostgreSQL (files in .data/pg, reused next time);
//     with DATABASE_URL: uses that server and starts nothing.
//   - applies migrations, seeds the demo district on first run only,
//   - builds (when sources changed since the last build) and serves on http://localhost:3000.
// Flags: --dev (next dev instead of a production build), --no-build,
//   --reseed: drop the demo data and seed it again for today (the embedded database is dropped
//   and re-created; a DATABASE_URL database is reset — only ever with this flag given).
// The demo data is generated for the day it is seeded (prisma/demo-time.ts); a demo database
// seeded in an earlier year says so at start, with how to refresh it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from "./db/embedded";
import pg from "pg";
import { deployMigrations, resetDatabase } from "./db/migrate";
import { DEMO_DIST_DIR } from "./dist-dir";

const args = new Set(process.argv.slice(2));
const devMode = args.has("--dev");
const reseed = args.has("--reseed");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(PROJECT_ROOT, "node_modules", ".bin", "next");

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // Kept beside the embedded database so sessions survive a restart of the demo.
  const file = path.join(PROJECT_ROOT, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Newest modification time under the given folders/files (skipping generated output). */
function newestSource(entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (/node_modules|\.next|generated/.test(p)) return;
      for (const child of fs.readdirSync(p)) walk(path.join(p, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const e of entries) walk(path.join(PROJECT_ROOT, e));
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(PROJECT_ROOT, DEMO_DIST_DIR, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "messages", "i18n", "proxy.ts", "next.config.js", "package-lock.json", "prisma/schema"];
  return newestSource(sources) > fs.statSync(buildId).mtimeMs;
}

async function main() {
  let cluster: EmbeddedCluster | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.log("No DATABASE_URL: starting the embedded PostgreSQL (.data/pg) …");
    cluster = await startEmbeddedPostgres({ dir: ".data/pg", port: Number(process.env.DEMO_PG_PORT ?? 54329), quiet: true });
    if (reseed) {
      console.log("--reseed: dropping the embedded demo database …");
      const admin = new pg.Client({ connectionString: cluster.url("postgres") });
      await admin.connect();
      await admin.query("DROP DATABASE IF EXISTS zjtrack WITH (FORCE)").finally(() => admin.end());
    }
    await ensureDatabase(cluster.url("postgres"), "zjtrack");
    databaseUrl = cluster.url("zjtrack");
  } else {
    console.log("Using DATABASE_URL (no embedded PostgreSQL).");
    if (reseed) {
      // Only with the flag given explicitly, and never in production: this empties the database.
      if (process.env.APP_ENV === "production" || process.env.NODE_ENV === "production") throw new Error("Refusing --reseed: APP_ENV/NODE_ENV is production.");
      console.log("--reseed: resetting the DATABASE_URL database (every table emptied, migrations re-applied) …");
      await resetDatabase(databaseUrl);
    }
  }
  process.env.DATABASE_URL = databaseUrl;

  const { applied } = await deployMigrations(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

  // Imported only now: the Prisma client reads DATABASE_URL when it is created.
  const { seedIfEmpty, seededFor } = await import("../prisma/seed");
  const { db } = await import("../lib/platform/db/client");
  const { shanghaiYear } = await import("../lib/platform/clock");
  const seeded = await seedIfEmpty();
  const seededAt = seeded ? null : await seededFor();
  await db.$disconnect();
  console.log(seeded ? "Seeded the demo district (dates generated for today)." : "Demo data already present: not seeded again.");
  if (seededAt && seededAt.year < shanghaiYear()) {
    console.log(`Demo data was seeded for ${seededAt.year} (its programmes are last year's): run \`npm run demo -- --reseed\` to drop it and seed it for today.`);
  }

  // The demo always builds and serves `.next`, whatever NEXT_DIST_DIR the shell carries: the
  // tests build elsewhere (scripts/dist-dir.ts), so both can run at once.
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true", NEXT_DIST_DIR: DEMO_DIST_DIR };
  if (!devMode && !args.has("--no-build") && needsBuild()) {
    console.log("Building the app (next build) …");
    const build = spawnSync(nextBin, ["build"], { cwd: PROJECT_ROOT, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const server: ChildProcess = spawn(nextBin, [devMode ? "dev" : "start", "-p", String(port)], {
    cwd: PROJECT_ROOT,
    env: devMode ? env : { ...env, NODE_ENV: "production" },
    stdio: "inherit",
  });

  const { DEMO_USERS, DEMO_PASSWORD } = await import("../prisma/demo-data");
  console.log(`\n  App: http://localhost:${port}\n  Demo logins (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`    ${u.username.padEnd(12)} ${u.role.padEnd(8)} ${u.name}`);
  console.log("    … and the programme logins in README.md (lz.qqb 亲企办, etdz.manager 招商, fst.manager 三争一实 …)");
  console.log(`  Public hotline page (no login): http://localhost:${port}/service`);
  console.log("  Stop with Ctrl+C.\n");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await cluster?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
