// The Prisma clients of the app. Nothing outside lib/ imports Prisma: pages and actions
// go through lib/<domain>/ queries and mutations.
//
// `db` is the primary: every write, every transaction and every read that must see what was
// just written. `readDb()` is where reads that may lag a little go (dashboards, exports,
// reports, rankings): a read replica when DATABASE_REPLICA_URL is set, otherwise the primary
// itself, so the demo and the tests behave as with one server. Decision 0017 says which reads
// are which and why this is a second client rather than @prisma/extension-read-replicas.
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** What a lib function takes as its last, optional argument: the app client or a transaction. */
export type Client = Db | Tx;

/**
 * A client with its own pool. `readOnly` makes every transaction of its connections read-only
 * (PostgreSQL's default_transaction_read_only), so a write sent to the replica's client by
 * mistake fails loudly even where the "replica" is a writable database.
 */
export function createDbClient(
  connectionString: string | undefined = process.env.DATABASE_URL,
  { readOnly = false, poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10) }: { readOnly?: boolean; poolSize?: number } = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    ...(readOnly ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  if (process.env.DB_QUERY_EVENTS !== "1") return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const role = readOnly ? "replica" : "primary";
  client.$on("query", (e) => process.stderr.write(queryEventLine(role, e)));
  return client;
}

let queryEventKey: Buffer | undefined;

/** The prefix of a query-event line on stderr (scripts/bench/queries.ts reads them). */
export const QUERY_EVENT_MARKER = "[db-query] ";

/**
 * DB_QUERY_EVENTS=1 (the bench's query count, issue 17): one JSON line per statement on stderr.
 * The parameters are only hashed: their values are personal data (names, ID numbers, phones)
 * and a log is no place for them, but equal hashes still show a statement repeated with the
 * same values. The hash is keyed with a secret of this process (HMAC), so a one-value lookup
 * (a phone number) cannot be recovered by hashing every candidate. Off by default, and then
 * no listener and no log level are set at all.
 */
function queryEventLine(db: "primary" | "replica", e: { query: string; params: string; duration: number }): string {
  queryEventKey ??= randomBytes(32);
  const params = createHmac("sha256", queryEventKey).update(e.params).digest("hex").slice(0, 16);
  return `${QUERY_EVENT_MARKER}${JSON.stringify({ db, sql: e.query, params, ms: e.duration })}\n`;
}

// Dev-mode hot reload re-evaluates modules: keep one client (and its pool) per process.
const globalForDb = globalThis as unknown as { __db?: PrismaClient; __readDb?: PrismaClient };
export const db: PrismaClient = globalForDb.__db ?? createDbClient();
if (process.env.NODE_ENV !== "production") globalForDb.__db = db;

/**
 * The client for reads that may lag the primary by the replica's delay: the replica's when
 * DATABASE_REPLICA_URL is set, else `db`. Created on first use (a process that never reads a
 * report opens no second pool), and read from the environment then, so a test can point it
 * at a second database before its first call.
 */
export function readDb(): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return db;
  globalForDb.__readDb ??= createDbClient(url, { readOnly: true, poolSize: Number(process.env.DATABASE_REPLICA_POOL_SIZE ?? process.env.DATABASE_POOL_SIZE ?? 10) });
  return globalForDb.__readDb;
}

/**
 * Where a lagging read runs when its caller passed `client`: the app's primary client (the
 * default argument) gives way to `readDb()`; a transaction, or any client a caller chose on
 * purpose, is kept — a read inside a write transaction always sees that transaction.
 */
export function replicaFor(client: Client): Client {
  return client === db ? readDb() : client;
}
