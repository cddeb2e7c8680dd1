// The signed-in user as the server trusts it: the JWT says who, the database says what they
// are now. A token whose sessionVersion no longer matches (role or org changed, password
// reset, account deactivated) is treated as signed out.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./index";
import type { Permission } from "@/lib/platform/authz/permissions";
import { can } from "@/lib/platform/authz/can";

export { loadSessionUser, type SessionUser } from "./session-user";
import { loadSessionUser, type SessionUser } from "./session-user";

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
