// Sign-in lockout: 5 failed attempts within 15 minutes lock the account for 15 minutes. The
// counter lives in the database (survives restarts, shared by every app instance) and is
// moved by single conditional UPDATEs so concurrent attempts cannot lose a count.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const LOCKOUT = {
  maxFailures: Number(process.env.LOGIN_MAX_FAILURES ?? 5),
  windowMinutes: Number(process.env.LOGIN_FAILURE_WINDOW_MINUTES ?? 15),
  lockMinutes: Number(process.env.LOGIN_LOCK_MINUTES ?? 15),
};

/** Records one failed attempt; returns whether the account is now locked. */
export async function recordFailedSignIn(userId: string, at: Date = clockNow(), client: Db | Tx = db): Promise<boolean> {
  // The instant comes from the app's clock, not PostgreSQL's now(): the columns are timestamps
  // without time zone holding UTC, and now() written into them follows the server's TimeZone
  // setting (a database configured for Asia/Shanghai would lock for 8 h 15 min); a bound
  // instant is stored as UTC whatever that setting is, and a pinned clock reaches it in tests.
  const t = Prisma.sql`${at}::timestamp`;
  const window = `${LOCKOUT.windowMinutes} minutes`;
  const lock = `${LOCKOUT.lockMinutes} minutes`;
  const rows = await client.$queryRaw<{ locked: boolean }[]>`
    UPDATE app_user SET
      "failedLoginCount" = CASE
        WHEN "failedLoginWindowStart" > ${t} - ${window}::interval THEN "failedLoginCount" + 1
        ELSE 1 END,
      "failedLoginWindowStart" = CASE
        WHEN "failedLoginWindowStart" > ${t} - ${window}::interval THEN "failedLoginWindowStart"
        ELSE ${t} END,
      "lockedUntil" = CASE
        WHEN "failedLoginWindowStart" > ${t} - ${window}::interval
             AND "failedLoginCount" + 1 >= ${LOCKOUT.maxFailures}
        THEN ${t} + ${lock}::interval
        ELSE "lockedUntil" END
    WHERE id = ${userId}
    RETURNING ("lockedUntil" IS NOT NULL AND "lockedUntil" > ${t}) AS locked`;
  return rows[0]?.locked ?? false;
}

export async function recordSuccessfulSignIn(userId: string, client: Db | Tx = db): Promise<void> {
  await client.user.update({
    where: { id: userId },
    data: { failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: null, lastLoginAt: clockNow() },
  });
}

export function isLocked(user: { lockedUntil: Date | null }, now = clockNow()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}
