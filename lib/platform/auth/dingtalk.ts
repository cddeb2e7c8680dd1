// 免登: signing in from inside the DingTalk (浙政钉) client without a password. The H5 micro-app
// asks DingTalk's JSAPI for a one-time auth code, the server exchanges it for the member's
// userid (lib/platform/dingtalk/client.ts) and signs in the user linked to that userid — with
// the same refusals (deactivated, locked) and the same audit action ("auth.signIn", with
// method "dingtalk") as a password sign-in.
//
// Linking at first sign-in: an unlinked userid gets a short-lived token, HMAC-signed with
// AUTH_SECRET over the userid and an expiry, kept in an HttpOnly cookie. The person then signs
// in once with their password; verifyCredentials (credentials.ts) receives the token and links
// the account. The userid is never taken from the browser: only a token this server signed
// after DingTalk itself vouched for the userid links anything.
import "server-only";
import { cookies } from "next/headers";
import { createHmac, timingSafeEqual } from "node:crypto";
import { now, nowMs } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db/client";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { appendAudit, appendAuditStandalone } from "@/lib/platform/audit/write";
import type { RequestMeta } from "@/lib/platform/request";
import { DingTalkClient, DingTalkError } from "@/lib/platform/dingtalk/client";
import { dingtalkSettingsFromEnv } from "@/lib/platform/dingtalk/settings";
import type { SignedInUser } from "./credentials";
import { isLocked, recordSuccessfulSignIn } from "./lockout";

/** The cookie holding the link token between the DingTalk attempt and the password sign-in. */
export const DINGTALK_LINK_COOKIE = "dingtalk_link";
/** Long enough to type a password, short enough that a forgotten tab links nothing later. */
export const LINK_TOKEN_SECONDS = 10 * 60;

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

function mac(payload: string): Buffer {
  // A purpose prefix: the same secret signs Auth.js's cookies, and a token for one use must
  // never verify as another.
  return createHmac("sha256", secret()).update(`dingtalk-link\n${payload}`, "utf8").digest();
}

/** A token vouching that DingTalk identified `dingtalkUserId`, valid LINK_TOKEN_SECONDS. */
export function createDingTalkLinkToken(dingtalkUserId: string, atMs: number = nowMs()): string {
  const payload = `${Buffer.from(dingtalkUserId, "utf8").toString("base64url")}.${atMs + LINK_TOKEN_SECONDS * 1000}`;
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The DingTalk userid a link token vouches for, or null (forged, altered or expired). */
export function readDingTalkLinkToken(token: string | null | undefined, atMs: number = nowMs()): string | null {
  if (!token || token.length > 512) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [id, expiry, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, "base64url");
  const expected = mac(`${id}.${expiry}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(expiry) || Number(expiry) <= atMs) return null;
  const userid = Buffer.from(id, "base64url").toString("utf8");
  return userid || null;
}

/** Keeps the link token for the password sign-in that follows (HttpOnly: page scripts never see it). */
export async function rememberDingTalkLink(linkToken: string): Promise<void> {
  (await cookies()).set(DINGTALK_LINK_COOKIE, linkToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: LINK_TOKEN_SECONDS,
  });
}

/** The pending link token, if a DingTalk sign-in found no linked account in this browser. */
export async function pendingDingTalkLink(): Promise<string | null> {
  return (await cookies()).get(DINGTALK_LINK_COOKIE)?.value ?? null;
}

export async function forgetDingTalkLink(): Promise<void> {
  (await cookies()).delete(DINGTALK_LINK_COOKIE);
}

export type DingTalkSignInResult =
  | { ok: true; user: SignedInUser }
  /** Not linked yet: sign in with the password once, carrying this token, to link. */
  | { ok: false; reason: "unlinked"; linkToken: string }
  | { ok: false; reason: "inactive" | "locked" | "codeRejected" | "unavailable" | "off" };

/** Exchanges a 免登 auth code for a DingTalk userid (the DingTalk API; tests point it at a fake). */
export type CodeExchange = (code: string) => Promise<string>;

function defaultExchange(): CodeExchange | null {
  const settings = dingtalkSettingsFromEnv(process.env);
  if (!settings?.corpId) return null;
  const api = new DingTalkClient(settings);
  return (code) => api.userIdForAuthCode(code);
}

/**
 * Signs in the user linked to the DingTalk account behind `code`. Every attempt is audited as
 * "auth.signIn" with method "dingtalk"; refusals with their reason, as for passwords.
 */
export async function signInWithDingTalk(code: string, meta: RequestMeta, exchange: CodeExchange | null = defaultExchange()): Promise<DingTalkSignInResult> {
  const refuse = async (
    reason: "unlinked" | "inactive" | "locked" | "codeRejected" | "unavailable",
    user: { id: string; name: string; orgUnitId: string } | null,
    extra: Record<string, unknown> = {},
  ) => {
    await appendAuditStandalone(
      { actorId: user?.id ?? null, actorName: user?.name ?? null, ...meta },
      {
        action: "auth.signIn", entityType: "User", entityId: user?.id ?? null, orgUnitId: user?.orgUnitId ?? null,
        outcome: "FAILED", data: { method: "dingtalk", reason, ...extra },
      },
    );
  };
  if (!exchange) return { ok: false, reason: "off" };

  let dingtalkUserId: string;
  try {
    dingtalkUserId = await exchange(code);
  } catch (error) {
    // A used or expired code is the person's (retry from DingTalk); DingTalk down is ours.
    const reason = error instanceof DingTalkError && !error.retryable ? "codeRejected" : "unavailable";
    await refuse(reason, null, error instanceof DingTalkError ? { code: error.code } : {});
    return { ok: false, reason };
  }

  const user = await db.user.findUnique({ where: { dingtalkUserId } });
  if (!user) {
    await refuse("unlinked", null, { dingtalkUserId });
    return { ok: false, reason: "unlinked", linkToken: createDingTalkLinkToken(dingtalkUserId) };
  }
  if (isLocked(user)) {
    await refuse("locked", user);
    return { ok: false, reason: "locked" };
  }
  if (!user.active) {
    await refuse("inactive", user);
    return { ok: false, reason: "inactive" };
  }

  await db.$transaction(async (tx) => {
    await recordSuccessfulSignIn(user.id, tx);
    await appendAudit(
      { actorId: user.id, actorName: user.name, ...meta },
      { action: "auth.signIn", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId, data: { method: "dingtalk" } }, tx,
    );
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, role: user.role, orgUnitId: user.orgUnitId, sessionVersion: user.sessionVersion },
  };
}

type LinkableUser = { id: string; name: string; orgUnitId: string; dingtalkUserId: string | null };

/**
 * After a successful password sign-in that carried a link token: links the DingTalk account to
 * this user, audited as "user.dingtalkLinked". Refused (audited, sign-in unaffected) when the
 * token does not verify, when that DingTalk account is already another user's, or when this
 * user is already linked to a different DingTalk account (an admin's link is not overwritten).
 */
export async function linkDingTalkAtSignIn(user: LinkableUser, linkToken: string, meta: RequestMeta): Promise<boolean> {
  const auditMeta = { actorId: user.id, actorName: user.name, ...meta };
  const entry = { action: "user.dingtalkLinked", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId } as const;
  const deny = async (reason: string) => {
    await appendAuditStandalone(auditMeta, { ...entry, outcome: "DENIED", data: { reason } });
    return false;
  };

  const dingtalkUserId = readDingTalkLinkToken(linkToken);
  if (!dingtalkUserId) return deny("badToken");
  if (user.dingtalkUserId === dingtalkUserId) return true;
  if (user.dingtalkUserId) return deny("userLinkedElsewhere");
  try {
    return await db.$transaction(async (tx) => {
      const other = await tx.user.findUnique({ where: { dingtalkUserId }, select: { id: true } });
      if (other) return false;
      // Conditional: an admin linking this user at the same moment wins, nothing is overwritten.
      const { count } = await tx.user.updateMany({
        where: { id: user.id, dingtalkUserId: null },
        data: { dingtalkUserId, dingtalkLinkedAt: now(), version: { increment: 1 } },
      });
      if (count === 0) return false;
      await appendAudit(auditMeta, { ...entry, data: { dingtalkUserId, via: "signIn" } }, tx);
      return true;
    }).then((linked) => (linked ? true : deny("linkedToAnotherUser")));
  } catch (error) {
    // Two people racing to link the same DingTalk account: the unique index lets one win.
    if (isUniqueViolation(error)) return deny("linkedToAnotherUser");
    throw error;
  }
}
