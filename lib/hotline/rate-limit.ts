// Fixed-window rate limits for the public pages, counted in the database (rate_limit_bucket)
// so they hold across app instances and restarts. One statement per hit: the increment and
// the read are the same INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent requests
// never both see "one left".
import type { Db, Tx } from "@/lib/db/client";

export type Limit = { name: string; windowSeconds: number; max: number };

/** 5 submissions an hour from one address, 3 a day for one phone number. */
export const PUBLIC_INTAKE_PER_IP: Limit = { name: "hotline.intake.ip", windowSeconds: 3600, max: 5 };
export const PUBLIC_INTAKE_PER_PHONE: Limit = { name: "hotline.intake.phone", windowSeconds: 86_400, max: 3 };
/** Wrong number/code pairs: enough for typos, far too few to guess a code. */
export const PUBLIC_LOOKUP_FAILURES_PER_IP: Limit = { name: "hotline.lookup.ip", windowSeconds: 3600, max: 20 };
export const PUBLIC_FEEDBACK_PER_IP: Limit = { name: "hotline.feedback.ip", windowSeconds: 3600, max: 10 };

function windowStart(limit: Limit, now: Date): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Counts one hit; true while the count stays within the limit. */
export async function hit(client: Db | Tx, limit: Limit, subject: string, now = new Date()): Promise<boolean> {
  const key = `${limit.name}:${subject}`;
  const start = windowStart(limit, now);
  const rows = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, "windowStart", count) VALUES (${key}, ${start}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  return Number(rows[0]!.count) <= limit.max;
}

/** True when the subject has already used up the window (does not count a hit). */
export async function exhausted(client: Db | Tx, limit: Limit, subject: string, now = new Date()): Promise<boolean> {
  const row = await client.rateLimitBucket.findUnique({
    where: { key_windowStart: { key: `${limit.name}:${subject}`, windowStart: windowStart(limit, now) } },
    select: { count: true },
  });
  return (row?.count ?? 0) >= limit.max;
}

/** The client's address as the reverse proxy reports it (first X-Forwarded-For hop). */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "unknown";
}
