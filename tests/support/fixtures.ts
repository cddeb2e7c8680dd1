// Lookups into the seeded demo district (prisma/demo-data.ts) that tests share.
import { db } from "@/lib/platform/db/client";
import { loadSessionUser, type SessionUser } from "@/lib/platform/auth/session-user";
import type { ActionResult } from "@/lib/platform/action";

export async function demoUser(username: string) {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } });
  return user;
}

/** A demo user as a signed-in session sees them (role, unit path, permissions), for calling lib functions directly. */
export async function sessionUser(username: string): Promise<SessionUser> {
  const u = await demoUser(username);
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

export async function unitByCode(code: string) {
  return db.orgUnit.findUniqueOrThrow({ where: { code } });
}

/** Signs in as a demo user (fresh sessionVersion read from the database). */
export async function actAs(username: string) {
  const { signInAs } = await import("./next-stubs");
  const user = await demoUser(username);
  await signInAs(user);
  return user;
}

/** An action's data; a refusal fails the test with the whole answer (error and field errors). */
export function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}
