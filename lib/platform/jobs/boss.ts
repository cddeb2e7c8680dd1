// The job queue: pg-boss 10 on the app's own PostgreSQL, in its own schema "pgboss" (outside
// Prisma's `public`, so Prisma migrations and the drift check never see it). pg-boss creates
// and migrates that schema itself on the first start against a database.
// Why pg-boss and not timers: docs/decisions/0005-jobs-on-postgres.md.
import "server-only";
import PgBoss from "pg-boss";

export const JOBS_SCHEMA = "pgboss";

export type BossOptions = {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** How often an idle worker polls for due jobs (seconds, ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** Maintenance (archive, expire) and supervision; off for short-lived helper instances. */
  supervise?: boolean;
  /** Pool size of this instance. */
  max?: number;
};

/** Worker polling interval in seconds: JOBS_POLL_SECONDS, default 2. */
export function pollingIntervalSeconds(): number {
  const value = Number(process.env.JOBS_POLL_SECONDS ?? 2);
  return Number.isFinite(value) && value >= 0.5 ? value : 2;
}

/** A new, not yet started PgBoss instance. Most code wants `getBoss()` instead. */
export function createBoss(options: BossOptions = {}): PgBoss {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job queue needs the database");
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: "zjtrack-jobs",
    max: options.max ?? 4,
    supervise: options.supervise ?? true,
    // Cron schedules (JobOptions.cron: the weekly reports, the overdue-visits notice, the
    // notification flush, points expiry) need pg-boss's timekeeper. JOBS_CRON=off leaves them
    // unfired: the e2e servers set it, because a wall-clock cron firing during a run (09:00
    // Shanghai, Monday 08:30) would make what a test sees depend on the hour; the tests run
    // those handlers themselves with a clock they control. Deadline timers are jobs with
    // startAfter and work either way.
    schedule: process.env.JOBS_CRON !== "off",
    migrate: true,
    // Completed jobs stay in pgboss.job for a week before they are archived: a singletonKey
    // (lib/platform/jobs/enqueue.ts) blocks duplicates for as long as its job is there.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 30 * 24 * 3600,
    deleteAfterDays: 90,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? pollingIntervalSeconds(),
  });
  // An EventEmitter "error" without a listener crashes the process; pg-boss emits one for
  // every failed poll (e.g. the database restarting). Log and keep going: it retries.
  boss.on("error", (error) => console.error("[jobs] pg-boss error", error));
  return boss;
}

const globalForBoss = globalThis as unknown as { __boss?: Promise<PgBoss> };

/** The process's started PgBoss (created and started on first use). */
export async function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.__boss) {
    const starting = (async () => {
      const boss = createBoss();
      await boss.start();
      return boss;
    })();
    globalForBoss.__boss = starting;
    starting.catch(() => {
      if (globalForBoss.__boss === starting) globalForBoss.__boss = undefined;
    });
  }
  return globalForBoss.__boss;
}

/** True when this process has started (or is starting) its PgBoss. */
export function bossStarted(): boolean {
  return globalForBoss.__boss !== undefined;
}

/** Stops the process's PgBoss, letting active jobs finish (up to `timeoutMs`). */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const starting = globalForBoss.__boss;
  globalForBoss.__boss = undefined;
  if (!starting) return;
  const boss = await starting.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
}
