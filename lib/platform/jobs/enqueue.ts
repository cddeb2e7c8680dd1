// Transactional enqueue: the job row is inserted through the caller's Prisma transaction, so
// a write that rolls back schedules nothing, and a committed write always has its job (no
// "saved the request but lost the timer" window). pg-boss supports this with the `db` send
// option: it hands us its INSERT and we run it on the transaction.
import "server-only";
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { db, type Tx } from "@/lib/platform/db/client";
import { bossStarted, createBoss, getBoss, JOBS_SCHEMA } from "@/lib/platform/jobs/boss";
import { getJobDefinition } from "@/lib/platform/jobs/registry";
import { Prisma } from "@/lib/generated/prisma/client";

export type EnqueueOptions = {
  /** Do not run before this instant (deadline timers). */
  startAfter?: Date;
  /**
   * At most one job per (name, singletonKey) while the first one is queued, running or
   * recently finished (until pg-boss archives it, 7 days after completion): enqueueing the
   * same key again is a no-op. Use it for "the breach check of request X, stage Y, due Z".
   */
  singletonKey?: string;
};

/**
 * pg-boss's SQL through a Prisma transaction. pg-boss builds the statement text itself (fixed
 * text from its own plans, with `$1…$n` placeholders). The text is split at its placeholders
 * into a Prisma.Sql template whose values are the bound parameters, so it runs through the
 * tagged-template path like every other raw query: values are never spliced into SQL text.
 */
export function prismaExecutor(client: Tx | typeof db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await client.$queryRaw<unknown[]>(pgBossSql(text, values));
      return { rows };
    },
  };
}

/** `SELECT … WHERE a = $2 AND b = $1` + values → Prisma.Sql with the values in text order. */
export function pgBossSql(text: string, values: unknown[]): Prisma.Sql {
  const parts = text.split(/\$(\d+)/);
  const strings: string[] = [];
  const bound: unknown[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) strings.push(parts[i]!);
    else bound.push(toParam(values[Number(parts[i]) - 1]));
  }
  return Prisma.sql(strings, ...bound);
}

function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  return v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v;
}

/**
 * The job id for a singleton key: a UUID derived from (name, key), so a second insert hits
 * pg-boss's primary key (name, id) and is dropped by its ON CONFLICT DO NOTHING. (pg-boss 10's
 * own singletonKey only deduplicates under special queue policies, which would also collapse
 * every key-less job of the queue into one.)
 */
export function singletonJobId(name: string, singletonKey: string): string {
  const h = createHash("sha256").update(`${name}\u0000${singletonKey}`).digest("hex");
  // RFC 4122 layout: version 5-style nibble and variant bits, so it is a valid uuid.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function queueOptions(name: string): PgBoss.Queue {
  const def = getJobDefinition(name);
  return {
    name,
    policy: "standard",
    ...(def && {
      retryLimit: def.options.retryLimit,
      retryDelay: def.options.retryDelay,
      retryBackoff: def.options.retryBackoff,
      expireInSeconds: def.options.expireInSeconds,
    }),
  };
}

const readyQueues = new Set<string>();
let preparing: Promise<void> = Promise.resolve();

async function queueExists(name: string): Promise<boolean> {
  const [schema] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.queue') IS NOT NULL AS ok`;
  if (!schema?.ok) return false;
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.queue WHERE name = ${name}`;
  return rows.length > 0;
}

/**
 * Makes sure pg-boss's schema and the queue exist (outside the caller's transaction: creating
 * a queue creates a partition table, which must not hold locks for the length of a user's
 * write). Usually the running worker has done it already and this is one cached lookup.
 */
export async function ensureQueue(name: string): Promise<void> {
  if (readyQueues.has(name)) return;
  const run = preparing.then(async () => {
    if (readyQueues.has(name)) return;
    if (!(await queueExists(name))) {
      if (bossStarted()) {
        await (await getBoss()).createQueue(name, queueOptions(name));
      } else {
        // A short-lived instance: its start() creates or migrates the pgboss schema.
        const boss = createBoss({ supervise: false, max: 1 });
        await boss.start();
        try {
          await boss.createQueue(name, queueOptions(name));
        } finally {
          await boss.stop({ graceful: false, wait: true });
        }
      }
    }
    readyQueues.add(name);
  });
  preparing = run.catch(() => {});
  await run;
}

/** Forget which queues exist (tests that drop and recreate the database). */
export function resetQueueCache(): void {
  readyQueues.clear();
}

/**
 * Schedules job `name` with `data` inside the caller's transaction. Returns the job id, or null
 * when a job with the same singletonKey already exists.
 */
export async function enqueue(name: string, data: object, opts: EnqueueOptions = {}, tx: Tx): Promise<string | null> {
  await ensureQueue(name);
  const def = getJobDefinition(name);
  const boss = sender();
  const id = await boss.send(name, data, {
    db: prismaExecutor(tx),
    ...(opts.singletonKey !== undefined && { id: singletonJobId(name, opts.singletonKey), singletonKey: opts.singletonKey }),
    ...(opts.startAfter && { startAfter: opts.startAfter }),
    ...(def && {
      retryLimit: def.options.retryLimit,
      retryDelay: def.options.retryDelay,
      retryBackoff: def.options.retryBackoff,
      expireInSeconds: def.options.expireInSeconds,
    }),
  });
  return id;
}

// send() only builds SQL and runs it on the `db` we pass: an instance that is never started
// (and so never opens its own pool) is enough.
const globalForSender = globalThis as unknown as { __bossSender?: PgBoss };
function sender(): PgBoss {
  return (globalForSender.__bossSender ??= createBoss({ connectionString: process.env.DATABASE_URL ?? "postgres://unused", supervise: false, max: 1 }));
}

export { JOBS_SCHEMA };
