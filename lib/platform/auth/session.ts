// The signed-in user as the server trusts it: the JWT says who, the database says what they
// are now. A token whose sessionVersion no longer matches (role or org changed, password
// reset, account deactivated) is treated as signed out.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/platform/db/client";
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

export async function loadSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
      orgUnit: { select: { id: true, path: true, name: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    orgUnitId: user.orgUnit.id,
    orgPath: user.orgUnit.path,
    orgName: user.orgUnit.name,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The current user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id || typeof session.user.sv !== "number" || !session.user.sid) return null;
  const [user, revoked] = await Promise.all([
    loadSessionUser(session.user.id, session.user.sv),
    db.revokedSession.findUnique({ where: { sid: session.user.sid }, select: { sid: true } }),
  ]);
  return revoked ? null : user;
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
