// Checks a username-or-phone and password. Every attempt is audited; unknown users, wrong
// passwords, locked and deactivated accounts all give the caller the same `null`, after the
// same amount of argon2 work. A sign-in carrying a DingTalk link token (first 免登 sign-in of
// an unlinked DingTalk account, auth/dingtalk.ts) links that account once the password is right.
import "server-only";
import { db } from "@/lib/platform/db/client";
import { appendAudit, appendAuditStandalone } from "@/lib/platform/audit/write";
import type { RequestMeta } from "@/lib/platform/request";
import { maskPhone } from "@/lib/platform/privacy/mask";
import type { Role } from "@/lib/platform/authz/permissions";
import { burnPasswordCheck, verifyPassword } from "./password";
import { isLocked, recordFailedSignIn, recordSuccessfulSignIn } from "./lockout";
import { linkDingTalkAtSignIn } from "./dingtalk";

export type SignedInUser = {
  id: string;
  name: string;
  role: Role;
  orgUnitId: string;
  sessionVersion: number;
};

/**
 * What a failed attempt's audit row keeps of the typed login. A known account is named by the
 * row's entityId, so only how it was typed is kept — many sign in with their phone number,
 * which the log must not copy in clear (SECURITY.md #5). An unknown login is kept to show what
 * was tried ("admin", "root" …), masked when it is a number (a phone, 138****8000).
 */
function typedLogin(typed: string, user: { phone: string | null } | null): Record<string, string> {
  if (user) return { via: user.phone !== null && typed === user.phone ? "phone" : "username" };
  return { login: /^[+\d][\d\s-]{6,}$/.test(typed) ? maskPhone(typed.replace(/[\s-]/g, "")) : typed.slice(0, 64) };
}

export async function verifyCredentials(
  login: string,
  password: string,
  meta: RequestMeta,
  options: { dingtalkLink?: string | null } = {},
): Promise<SignedInUser | null> {
  const trimmed = login.trim();
  const user = await db.user.findFirst({
    where: { OR: [{ username: trimmed }, { phone: trimmed }] },
  });
  const fail = async (reason: string, locked = false) => {
    await appendAuditStandalone(
      { actorId: user?.id ?? null, actorName: user?.name ?? null, ...meta },
      {
        action: "auth.signIn",
        entityType: "User",
        entityId: user?.id ?? null,
        orgUnitId: user?.orgUnitId ?? null,
        outcome: "FAILED",
        data: { ...typedLogin(trimmed, user), reason, ...(locked ? { locked: true } : {}) },
      },
    );
    return null;
  };

  if (!user) {
    await burnPasswordCheck(password);
    return fail("unknownUser");
  }
  if (isLocked(user)) {
    await burnPasswordCheck(password);
    return fail("locked");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const nowLocked = await recordFailedSignIn(user.id);
    return fail("wrongPassword", nowLocked);
  }
  if (!user.active) return fail("inactive");

  await db.$transaction(async (tx) => {
    await recordSuccessfulSignIn(user.id, tx);
    await appendAudit(
      { actorId: user.id, actorName: user.name, ...meta },
      { action: "auth.signIn", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId }, tx,
    );
  });
  // After the sign-in commits: a refused link is audited but never costs the person their sign-in.
  if (options.dingtalkLink) await linkDingTalkAtSignIn(user, options.dingtalkLink, meta);
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    orgUnitId: user.orgUnitId,
    sessionVersion: user.sessionVersion,
  };
}
