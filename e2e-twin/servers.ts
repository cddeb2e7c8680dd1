// What the two-instance test's processes share (playwright.twin.config.ts starts them,
// scripts/twin-server.ts prepares the database, the specs read it): one database, one
// AUTH_SECRET, one storage folder, and the two instances' addresses.
import path from "node:path";
import { testDatabaseUrl } from "../scripts/db/urls";

export const PORT_A = Number(process.env.TWIN_PORT_A ?? 3171);
export const PORT_B = Number(process.env.TWIN_PORT_B ?? 3172);
export const INSTANCE_A = `http://127.0.0.1:${PORT_A}`;
export const INSTANCE_B = `http://127.0.0.1:${PORT_B}`;

export const DATABASE = "zjtrack_twin";
export const PG_DIR = process.env.TWIN_PG_DIR ?? ".data/pg-twin";
export const PG_PORT = Number(process.env.TWIN_PG_PORT ?? 54473);
export const DATABASE_URL = testDatabaseUrl(DATABASE, PG_PORT);

/** The folder both instances keep uploaded files in (the "shared volume"). */
export const STORAGE_DIR = path.resolve(import.meta.dirname, "..", ".data", "twin-storage");

/** The environment of each web instance: the same everywhere except the port. */
export function instanceEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "twin-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    STORAGE_DIR,
    // Timers run in the separate worker process only (scripts/twin-server.ts).
    JOBS_WORKERS: "off",
    // No wall-clock crons during a run (lib/platform/jobs/boss.ts): what a test sees must not depend on the hour.
    JOBS_CRON: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
