// The job queue (pg-boss on PostgreSQL): enqueue is part of the caller's transaction, a job
// runs exactly once even with two workers polling, singleton keys deduplicate, future jobs wait,
// and a job enqueued before a restart runs once afterwards. Real pg-boss, real database.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createBoss } from "@/lib/platform/jobs/boss";
import { enqueue, queueOptions, singletonJobId } from "@/lib/platform/jobs/enqueue";
import { defineJob } from "@/lib/platform/jobs/registry";

type Run = { worker: string; n: number; jobKey: string };
const runs: Run[] = [];
let currentWorker = new Map<PgBoss, string>();
let failuresLeft = 0;

// The definition gives the queue its retry settings; each test boss works the queue with its
// own handler so the test sees which boss ran a job (see startWorker).
defineJob<{ n: number; key: string }>("test.record", async () => {}, { retryLimit: 2, retryDelay: 1, retryBackoff: false });

const bosses: PgBoss[] = [];

async function startWorker(label: string): Promise<PgBoss> {
  const boss = createBoss({ pollingIntervalSeconds: 0.5, supervise: false, max: 2 });
  await boss.start();
  bosses.push(boss);
  currentWorker.set(boss, label);
  await boss.createQueue("test.record", queueOptions("test.record"));
  await boss.work<{ n: number; key: string }>("test.record", { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("transient failure");
    }
    // Slow enough that a second poller would see the job if locking did not hold it.
    await new Promise((r) => setTimeout(r, 150));
    runs.push({ worker: label, n: job!.data.n, jobKey: job!.data.key });
  });
  return boss;
}

async function stopWorker(boss: PgBoss) {
  await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  currentWorker.delete(boss);
}

async function jobRows(key: string) {
  return db.$queryRaw<{ id: string; state: string; start_after: Date }[]>`
    SELECT id, state::text AS state, start_after FROM pgboss.job WHERE name = 'test.record' AND data->>'key' = ${key}`;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  currentWorker = new Map();
});

afterAll(async () => {
  await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true }).catch(() => {})));
});

describe("transactional enqueue", () => {
  it("a rolled-back transaction schedules nothing; a committed one schedules the job", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueue("test.record", { n: 1, key: "rollback" }, undefined, tx);
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(await jobRows("rollback")).toHaveLength(0);

    const id = await db.$transaction((tx) => enqueue("test.record", { n: 2, key: "commit" }, undefined, tx));
    const rows = await jobRows("commit");
    expect(rows.map((r) => r.id)).toEqual([id]);
    expect(rows[0]!.state).toBe("created");
  });

  it("a singleton key schedules one job however often it is enqueued", async () => {
    const first = await db.$transaction((tx) => enqueue("test.record", { n: 3, key: "single" }, { singletonKey: "request-1:accept" }, tx));
    const again = await db.$transaction((tx) => enqueue("test.record", { n: 4, key: "single" }, { singletonKey: "request-1:accept" }, tx));
    const parallel = await Promise.all(
      [5, 6, 7].map((n) => db.$transaction((tx) => enqueue("test.record", { n, key: "single" }, { singletonKey: "request-1:accept" }, tx))),
    );
    expect(first).toBe(singletonJobId("test.record", "request-1:accept"));
    expect(again).toBeNull();
    expect(parallel).toEqual([null, null, null]);
    expect(await jobRows("single")).toHaveLength(1);
    // A different key is a different job.
    expect(await db.$transaction((tx) => enqueue("test.record", { n: 8, key: "single" }, { singletonKey: "request-1:assign" }, tx))).not.toBeNull();
    expect(await jobRows("single")).toHaveLength(2);
  });
});

describe("workers", () => {
  it("two workers polling the same queue run each job exactly once", async () => {
    const a = await startWorker("A");
    const b = await startWorker("B");
    const ids = await db.$transaction(async (tx) => {
      const out: (string | null)[] = [];
      for (let n = 100; n < 120; n++) out.push(await enqueue("test.record", { n, key: "pair" }, undefined, tx));
      return out;
    });
    expect(ids.every(Boolean)).toBe(true);
    await waitFor(async () => (await jobRows("pair")).every((r) => r.state === "completed"), 20_000);
    const pairRuns = runs.filter((r) => r.jobKey === "pair");
    expect(pairRuns.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    // Both workers were polling; whoever got a job, nobody got it twice.
    expect(new Set(pairRuns.map((r) => r.n)).size).toBe(20);
    // The earlier committed and singleton jobs ran too, once each.
    await waitFor(async () => (await jobRows("single")).every((r) => r.state === "completed"));
    expect(runs.filter((r) => r.jobKey === "single")).toHaveLength(2);
    expect(runs.filter((r) => r.jobKey === "commit")).toHaveLength(1);
    expect(runs.filter((r) => r.jobKey === "rollback")).toHaveLength(0);
    await stopWorker(a);
    await stopWorker(b);
  });

  it("a job scheduled for later does not run early, and survives a restart to run once", async () => {
    const a = await startWorker("before-restart");
    const at = new Date(Date.now() + 3_000);
    await db.$transaction((tx) => enqueue("test.record", { n: 200, key: "later" }, { startAfter: at, singletonKey: "later" }, tx));
    await db.$transaction((tx) => enqueue("test.record", { n: 201, key: "far" }, { startAfter: new Date(Date.now() + 3_600_000) }, tx));
    await new Promise((r) => setTimeout(r, 1_500)); // three polls
    expect(runs.filter((r) => r.jobKey === "later")).toHaveLength(0);
    expect((await jobRows("later"))[0]!.state).toBe("created");

    // "Restart": the worker process goes away before the due time; two new ones come up.
    await stopWorker(a);
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now())));
    await startWorker("after-restart-1");
    await startWorker("after-restart-2");
    await waitFor(() => runs.some((r) => r.jobKey === "later")).catch(async (e) => {
      console.log(await db.$queryRaw`SELECT id, state::text, start_after, now() AS now, data FROM pgboss.job WHERE name = 'test.record' AND state <> 'completed'`);
      throw e;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const later = runs.filter((r) => r.jobKey === "later");
    expect(later).toHaveLength(1);
    expect(later[0]!.worker).toMatch(/after-restart/);
    // The one due in an hour is still waiting.
    expect(runs.filter((r) => r.jobKey === "far")).toHaveLength(0);
    expect((await jobRows("far"))[0]!.state).toBe("created");
  });

  it("a failing job is retried and then succeeds once", async () => {
    failuresLeft = 1;
    await db.$transaction((tx) => enqueue("test.record", { n: 300, key: "retry" }, undefined, tx));
    await waitFor(() => runs.some((r) => r.jobKey === "retry"), 15_000);
    const [row] = await db.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = 'test.record' AND data->>'key' = 'retry'`;
    expect(row!.retry_count).toBe(1);
    expect(runs.filter((r) => r.jobKey === "retry")).toHaveLength(1);
  });
});
