// The signed-in user as the server trusts it: the JWT says who, the database says what they
// are now. A token whose sessionVersion no longer matches (role or org changed, password
// reset, account deactivated) is treated as signed out.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db, type Client } from "@/lib/platform/db/client";
import { auth } from "./index";
import type { Role, Permission } from "@/lib/platform/authz/permissions";
import { can } from "@/lib/platform/authz/can";

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

/** The current user, or null. Cached per request: the layout and the page share one lookup. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id || typeof session.user.sv !== "number" || !session.user.sid) return null;
  return loadSessionUser(session.user.id, session.user.sv, session.user.sid);
});

/** The signed-in session's id and user, for sign-out. */
export async function getCurrentSession() {
  const session = await auth();
  return session?.user?.sid ? session.user : null;
}

/** For pages: the current user, or a redirect to sign-in / to the forced password change. */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  return user;
}

/** For pages: the current user holding `permission`, or the 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
