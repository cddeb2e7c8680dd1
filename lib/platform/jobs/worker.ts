// Working the queues: one pg-boss worker per defined job. Started by instrumentation.ts with
// the app, or by `npm run worker` as a separate process; both pass the programme modules' jobs
// (lib/programmes/registry.ts programmeJobs()). Several processes may work the same
// queues: pg-boss fetches with SELECT … FOR UPDATE SKIP LOCKED, so each job goes to one worker.
import "server-only";
import type PgBoss from "pg-boss";
import { getBoss, pollingIntervalSeconds } from "@/lib/platform/jobs/boss";
import { queueOptions } from "@/lib/platform/jobs/enqueue";
import { definedJobs, registerJobs, setJobWaker, type JobDefinition } from "@/lib/platform/jobs/registry";
import "@/lib/platform/jobs/handlers";

/** Creates (or updates the settings of) each defined queue and starts a worker for it. */
export async function workDefinedJobs(boss: PgBoss, options: { pollingIntervalSeconds?: number } = {}): Promise<string[]> {
  const names: string[] = [];
  for (const def of definedJobs()) {
    await workJob(boss, def, options.pollingIntervalSeconds ?? pollingIntervalSeconds());
    names.push(def.name);
  }
  return names;
}

async function workJob(boss: PgBoss, def: JobDefinition, interval: number): Promise<void> {
  const settings = queueOptions(def.name);
  await boss.createQueue(def.name, settings);
  // createQueue keeps an existing queue's settings; apply the current definition's.
  await boss.updateQueue(def.name, settings);
  // One job per fetch: a batch is completed or failed as a whole in pg-boss, and one bad job
  // must not send its neighbours back for a retry.
  if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "Asia/Shanghai" });
  // With metadata: the handler learns whether this is its last attempt (retryCount/retryLimit).
  const workerId = await boss.work<unknown>(def.name, { batchSize: 1, pollingIntervalSeconds: interval, includeMetadata: true }, async ([job]) => {
    if (job) await def.handler(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
  });
  setJobWaker(def.name, () => boss.notifyWorker(workerId));
}

/**
 * Starts the process's boss and works every defined job: the platform's own and `definitions`
 * (the modules' jobs, which the caller takes from the programme registry). Idempotent per process.
 */
export async function startWorkers(definitions: readonly JobDefinition[] = []): Promise<void> {
  registerJobs(definitions);
  const g = globalThis as unknown as { __workersStarted?: Promise<void> };
  g.__workersStarted ??= (async () => {
    const boss = await getBoss();
    const names = await workDefinedJobs(boss);
    console.info(`[jobs] working ${names.length} queue(s): ${names.join(", ") || "none"}`);
  })();
  return g.__workersStarted;
}
