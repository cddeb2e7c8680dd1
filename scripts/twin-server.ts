// The servers of the two-instance test (playwright.twin.config.ts, e2e-twin/): one fresh
// database with the demo seed, one `npm run worker`, and web instance A (`next start` on the
// production build, JOBS_WORKERS=off). The config starts instance B against the same database
// once A answers, so both are up before the first test.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DATABASE, instanceEnv, PG_DIR, PG_PORT, PORT_A, STORAGE_DIR } from "../e2e-twin/servers";
import { PROJECT_ROOT } from "./db/embedded";
import { freshDemoDatabase, type FreshDemoDatabase } from "./db/fresh-demo";

type Child = { process: ChildProcess; closed: Promise<unknown> };
const children: Child[] = [];
let database: FreshDemoDatabase | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Each child leads its own process group: npm does not pass a signal on to the worker it runs.
  for (const child of children) {
    try {
      process.kill(-child.process.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  // "close" waits for every process holding the child's output, the worker behind npm included.
  await Promise.all(children.map((child) => child.closed));
  await database?.cluster?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

function start(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, detached: true, ...options });
  children.push({ process: child, closed: new Promise((resolve) => child.once("close", resolve)) });
  child.once("exit", (code) => void stop(code || 1));
  return child;
}

async function main() {
  fs.rmSync(STORAGE_DIR, { recursive: true, force: true });
  database = await freshDemoDatabase({ database: DATABASE, pgDir: PG_DIR, pgPort: PG_PORT });
  const env = { ...process.env, ...instanceEnv(database.databaseUrl) };

  // The worker comes up first, so that "A answers" also means "timers are being worked".
  // A short poll keeps the clock test quick; production uses the default.
  const worker = start("npm", ["run", "--silent", "worker"], { stdio: ["ignore", "pipe", "inherit"], env: { ...env, JOBS_POLL_SECONDS: "0.5" } });
  await new Promise<void>((resolve) => {
    let seen = "";
    worker.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      seen += chunk.toString();
      if (seen.includes("worker running")) resolve();
    });
  });

  start(path.join(PROJECT_ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT_A), "-H", "127.0.0.1"], { stdio: "inherit", env });
}

main().catch(async (error) => {
  console.error(error);
  await stop(1);
});
