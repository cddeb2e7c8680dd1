// Rate limits for the public pages, kept in the database (rate_limit) so they hold across app
// instances and restarts. Each limit is a token bucket ("max an hour" = a bucket of `max`
// tokens refilled at max/window), stored as one instant per key: GCRA's theoretical arrival
// time `tat`, the moment the bucket would be full again. A hit is allowed when, after taking
// one token, the bucket is not overdrawn: tat' = max(tat, now) + interval ≤ now + window.
// There is no window edge to reset at, so a burst across the top of the hour still meets the
// limit, and tokens come back one per interval (12 minutes for 5 an hour). Why this and not a
// sliding log: docs/decisions/0009-rate-limits.md.
//
// One statement per hit: the read, the decision and the write are the same
// INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING. PostgreSQL locks the conflicting row
// even when the WHERE refuses the update, so concurrent requests queue on the row and never
// both take the last token; a refused hit updates nothing and returns no row.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { clientAddressOf, type ClientAddress } from "@/lib/platform/client-address";
import { now as clockNow } from "@/lib/platform/clock";
import type { Limit } from "./rate-limit-policy";


/** Milliseconds for one token to come back. */
function intervalMs(limit: Limit): number {
  return (limit.windowSeconds * 1000) / limit.max;
}

/** The latest stored `tat` that still leaves a token at `now`. */
function latestAllowedTat(limit: Limit, now: Date): Date {
  return new Date(now.getTime() + limit.windowSeconds * 1000 - intervalMs(limit));
}

/** Takes one token; true when there was one (the hit is allowed), false when refused. */
export async function hit(limit: Limit, subject: string, now: Date = clockNow(), client: Db | Tx = db): Promise<boolean> {
  const key = `${limit.name}:${subject}`;
  const seconds = intervalMs(limit) / 1000;
  // A new key starts with a full bucket: after this hit it is full again one interval from now.
  const firstTat = new Date(now.getTime() + intervalMs(limit));
  const rows = await client.$queryRaw<{ tat: Date }[]>`
    INSERT INTO rate_limit (key, tat) VALUES (${key}, ${firstTat}::timestamp)
    ON CONFLICT (key) DO UPDATE
      SET tat = GREATEST(rate_limit.tat, ${now}::timestamp) + make_interval(secs => ${seconds}::float8)
      WHERE rate_limit.tat <= ${latestAllowedTat(limit, now)}::timestamp
    RETURNING tat`;
  return rows.length === 1;
}

/** True when the next hit would be refused (does not take a token). */
export async function exhausted(limit: Limit, subject: string, now: Date = clockNow(), client: Db | Tx = db): Promise<boolean> {
  const row = await client.rateLimit.findUnique({ where: { key: `${limit.name}:${subject}` }, select: { tat: true } });
  return row !== null && row.tat.getTime() > latestAllowedTat(limit, now).getTime();
}

/**
 * The per-address bucket: the client address the trusted proxies vouch for
 * (lib/platform/client-address.ts). Requests whose address is unknown all share one bucket, so
 * not knowing an address never means not limiting it.
 */
export function addressSubject(client: ClientAddress): string {
  return client.ip ?? "unknown";
}

/** The per-address bucket for a request with these headers. */
export function clientIp(headers: Pick<Headers, "get">): string {
  return addressSubject(clientAddressOf(headers));
}
