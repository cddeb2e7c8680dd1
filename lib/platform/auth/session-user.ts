// The user behind a session token, as the database says they are now: one statement, no
// Next.js request APIs — so the background jobs that act for a user (the register import's
// batches) can load it in the worker process, where next/navigation cannot be imported
// (`npm run worker` runs with the react-server condition). session.ts re-exports it for pages.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Role } from "@/lib/platform/authz/permissions";

export type SessionUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  orgUnitId: string;
  orgPath: string;
  orgName: string;
  mustChangePassword: boolean;
};

/**
 * The user behind a session token, or null when that token no longer signs anyone in: the
 * account is gone or inactive, its sessionVersion moved on (role or org change, password
 * reset, deactivation), or the token's id `sid` was revoked by signing out. One statement,
 * every part of it a primary-key lookup (app_user.id, org_unit.id, revoked_session.sid), since
 * it runs on every request. A null `sid` checks no revocation: test fixtures, and the register
 * import's background job, which acts for its uploader after they may have signed out (signing
 * out ends a browser session, not work already confirmed; deactivation or a role, org or
 * password change moves sessionVersion and does stop it).
 */
export async function loadSessionUser(userId: string, sessionVersion: number, sid: string | null = null, client: Client = db): Promise<SessionUser | null> {
  const rows = await client.$queryRaw<SessionUser[]>`
    SELECT u.id, u.username, u.name, u.role::text AS role, u."mustChangePassword",
           o.id AS "orgUnitId", o.path AS "orgPath", o.name AS "orgName"
    FROM app_user u JOIN org_unit o ON o.id = u."orgUnitId"
    WHERE u.id = ${userId} AND u.active AND u."sessionVersion" = ${sessionVersion}::int
      AND NOT EXISTS (SELECT 1 FROM revoked_session r WHERE r.sid = ${sid}::text)`;
  return rows[0] ?? null;
}
