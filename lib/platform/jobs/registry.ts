// Job definitions. A programme module declares its jobs as data in its own jobs file
// (lib/<module>/jobs.ts: `export const hotlineJobs = [job("hotline.clock", async (data) => …)]`)
// and lists them in its descriptor; the composition root (instrumentation.ts, scripts/worker.ts)
// hands the registry's jobs to startWorkers(), which registers them here. The platform never
// imports a module. The platform's own jobs (notifications) register at import time with
// defineJob, through lib/platform/jobs/handlers.ts.
//
// Handlers must be idempotent: pg-boss runs a job once per successful completion, but a
// process killed mid-job (or a job exceeding its expiry) is retried, so "the side effect
// happened and the completion was not recorded" is possible. Write a unique row first
// (e.g. ServiceRequestAlert) and treat a unique violation as "already done".
import "server-only";

export type JobOptions = {
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); with `retryBackoff`, it doubles each time. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A run longer than this counts as failed and is retried (default 300 s). */
  expireInSeconds?: number;
  /**
   * Run on a schedule as well (cron, Asia/Shanghai), e.g. "15 2 * * *" for 02:15 daily.
   * pg-boss keeps schedules in its own tables and fires each tick once across all instances.
   */
  cron?: string;
};

/** Which run of the job this is (pg-boss's counts): a handler may make its last failure visible. */
export type JobAttempt = { retryCount: number; retryLimit: number };

/** True on the run after which pg-boss retries no more: a failure now is final. */
export function isLastAttempt(attempt: JobAttempt | undefined): boolean {
  return attempt !== undefined && attempt.retryCount >= attempt.retryLimit;
}

export type JobHandler<T> = (data: T, attempt?: JobAttempt) => Promise<void>;

export type JobDefinition = { name: string; handler: JobHandler<unknown>; options: Required<Omit<JobOptions, "cron">>; cron?: string };

const DEFAULTS: Required<Omit<JobOptions, "cron">> = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 300,
};

const JOB_NAME = /^[a-z][a-zA-Z0-9]*(?:[.-][a-zA-Z0-9]+)*$/;

// Dev-mode hot reload re-evaluates modules: keep one registry per process.
const globalForJobs = globalThis as unknown as { __jobs?: Map<string, JobDefinition>; __jobWakers?: Map<string, () => void> };
const registry: Map<string, JobDefinition> = (globalForJobs.__jobs ??= new Map());
const wakers: Map<string, () => void> = (globalForJobs.__jobWakers ??= new Map());

/** A job definition as data (not yet registered): what a module's descriptor lists. */
export function job<T>(name: string, handler: (data: T, attempt?: JobAttempt) => Promise<void>, options: JobOptions = {}): JobDefinition {
  if (!JOB_NAME.test(name)) throw new Error(`job name "${name}" must look like "module.verb"`);
  const { cron, ...rest } = options;
  return { name, handler: handler as JobHandler<unknown>, options: { ...DEFAULTS, ...rest }, cron };
}

/** Makes definitions known to this process (enqueue reads their retry options, a worker works them). */
export function registerJobs(definitions: readonly JobDefinition[]): void {
  for (const def of definitions) registry.set(def.name, def);
}

export function defineJob<T>(name: string, handler: (data: T) => Promise<void>, options: JobOptions = {}): void {
  registerJobs([job(name, handler, options)]);
}

export function getJobDefinition(name: string): JobDefinition | undefined {
  return registry.get(name);
}

export function definedJobs(): JobDefinition[] {
  return [...registry.values()];
}

/** Set by this process's worker (worker.ts) for each queue it works. */
export function setJobWaker(name: string, wake: () => void): void {
  wakers.set(name, wake);
}

/**
 * Asks this process's worker of job `name`, if it runs one, to fetch now rather than at its
 * next poll (up to JOBS_POLL_SECONDS away): for a job someone waits on, such as an import
 * whose progress bar is on screen. Call it after the enqueueing transaction has committed.
 * Without a worker here (JOBS_WORKERS=off) the separate worker's poll finds the job as usual.
 */
export function wakeJob(name: string): void {
  wakers.get(name)?.();
}
