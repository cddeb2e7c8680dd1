"use server";
import "server-only";
// The signed-in user's own account: password change, language, sign-out.
import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { signIn, signOut } from "@/lib/platform/auth";
import { SESSION_POLICY } from "@/lib/platform/auth/config";
import { getCurrentSession } from "@/lib/platform/auth/session";
import { appendAudit } from "@/lib/platform/audit/write";
import { db } from "@/lib/platform/db/client";
import { getRequestMeta } from "@/lib/platform/request";
import { LOCALE_COOKIE, LOCALES } from "@/lib/platform/i18n/locales";
import { changeOwnPassword } from "@/lib/users";
import { changeOwnPasswordContract } from "@/lib/users/schemas";
import { safeCallback } from "@/lib/platform/auth/safe-callback";
import { forgetDingTalkLink, pendingDingTalkLink } from "@/lib/platform/auth/dingtalk";

export const changeOwnPasswordAction = action(
  changeOwnPasswordContract,
  {
    allowDuringPasswordChange: true,
    // The change ended every session of this user, this one included; sign this device
    // straight back in with the new password so the officer is not thrown out mid-task.
    after: async (input, { user }) => {
      await signIn("credentials", { login: user.username, password: input.newPassword, redirect: false });
    },
  },
  async (input, { user, tx, audit }) => {
    assertCan(user, "account.changeOwnPassword");
    await changeOwnPassword(user.id, input.currentPassword, input.newPassword, tx);
    await audit({ action: "account.changePassword", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId, data: { otherSessionsEnded: true } });
    return { username: user.username };
  },
);

const signInSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  callbackUrl: z.string().max(512).optional(),
});

export type SignInState = { error: "invalid" | "failed" | "unavailable" | null; login: string };

/**
 * The login form's action, bound with useActionState so it also works before hydration or
 * without JavaScript: the browser POSTs the form and Next renders the returned state into
 * the page. The typed login comes back so the form can keep it; the password never does.
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const login = (field("login") ?? "").slice(0, 64);
  const parsed = signInSchema.safeParse({ login: field("login"), password: field("password"), callbackUrl: field("callbackUrl") });
  if (!parsed.success) return { error: "invalid", login };
  // A DingTalk account waiting to be linked (its signed token, set by a 免登 attempt in this
  // browser): the password sign-in links it (lib/platform/auth/dingtalk.ts).
  const dingtalkLink = await pendingDingTalkLink();
  try {
    await signIn("credentials", { login: parsed.data.login, password: parsed.data.password, ...(dingtalkLink ? { dingtalkLink } : {}), redirect: false });
    if (dingtalkLink) await forgetDingTalkLink();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthError) return { error: "failed", login };
    // The database or the session secret is failing: say so on the form instead of swapping
    // the whole sign-in page for the error page, and keep what the person typed.
    const { requestId } = await getRequestMeta();
    console.error(`[signIn] request ${requestId}`, error);
    return { error: "unavailable", login };
  }
  redirect(safeCallback(parsed.data.callbackUrl));
}

const dingtalkSignInSchema = z.object({ code: z.string().trim().min(1).max(256), callbackUrl: z.string().max(512).optional() });

export type DingTalkSignInState = { status: "unlinked" | "refused" | "failed" };

/**
 * 免登: the login page, opened inside DingTalk, hands over the JSAPI's one-time auth code. A
 * linked user is signed in (the "dingtalk" Auth.js provider) and sent on; otherwise the page
 * says why — for an unlinked DingTalk account, that one password sign-in links it.
 */
export async function dingtalkSignInAction(input: { code: string; callbackUrl?: string }): Promise<DingTalkSignInState> {
  const parsed = dingtalkSignInSchema.safeParse(input);
  if (!parsed.success) return { status: "failed" };
  try {
    await signIn("dingtalk", { code: parsed.data.code, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = (error as { code?: string }).code;
      if (code === "dingtalk:unlinked") return { status: "unlinked" };
      if (code === "dingtalk:inactive" || code === "dingtalk:locked") return { status: "refused" };
      return { status: "failed" };
    }
    const { requestId } = await getRequestMeta();
    console.error(`[signIn] dingtalk, request ${requestId}`, error);
    return { status: "failed" };
  }
  redirect(safeCallback(parsed.data.callbackUrl));
}

/**
 * Records this session as revoked before clearing the cookie: a request still in flight
 * (a prefetch) could otherwise bring the cookie back, and a copied cookie would live on.
 */
export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) {
    const meta = await getRequestMeta();
    await db.$transaction(async (tx) => {
      await tx.revokedSession.upsert({
        where: { sid: session.sid },
        create: { sid: session.sid, userId: session.id, expiresAt: new Date((session.authTime + SESSION_POLICY.absoluteSeconds) * 1000) },
        update: {},
      });
      await appendAudit({ actorId: session.id, actorName: session.name ?? null, ...meta }, { action: "auth.signOut", entityType: "User", entityId: session.id, orgUnitId: session.orgUnitId }, tx);
    });
  }
  // A pending DingTalk link token (10 minutes) must not outlive the sign-out and link the
  // DingTalk account to whoever signs in next with a password in this browser.
  await forgetDingTalkLink();
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!(LOCALES as readonly string[]).includes(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: false });
}
