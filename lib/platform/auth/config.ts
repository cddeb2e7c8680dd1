// Auth.js configuration: credentials sign-in (a password, or 免登 from inside DingTalk), JWT sessions in a signed, HttpOnly cookie (no
// server-side session store, so any app instance can serve any request).
import { nowMs } from "@/lib/platform/clock";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { Role } from "@/lib/platform/authz/permissions";
import { getRequestMeta } from "@/lib/platform/request";
import { verifyCredentials } from "./credentials";
import { forgetDingTalkLink, rememberDingTalkLink, signInWithDingTalk } from "./dingtalk";

/** A refused 免登, with why (code "dingtalk:unlinked" …) for the login page to say the right thing. */
export class DingTalkSignInRefused extends CredentialsSignin {
  constructor(readonly reason: "unlinked" | "inactive" | "locked" | "codeRejected" | "unavailable" | "off") {
    super();
    this.code = `dingtalk:${reason}`;
  }
}

export const SESSION_POLICY = {
  /** Signed out after this long without a request. */
  idleSeconds: Number(process.env.SESSION_IDLE_MINUTES ?? 8 * 60) * 60,
  /** Signed out this long after signing in, however active. */
  absoluteSeconds: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 7 * 24) * 3600,
};

const credentialsInput = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The signed link token of a first DingTalk sign-in (auth/dingtalk.ts), never a raw userid. */
  dingtalkLink: z.string().max(512).optional(),
});

/** DingTalk's one-time auth codes are short opaque strings. */
const dingtalkInput = z.object({ code: z.string().trim().min(1).max(256) });

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_POLICY.idleSeconds, updateAge: 15 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected event (audited), not a server error with a stack.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.login, parsed.data.password, await getRequestMeta(), { dingtalkLink: parsed.data.dingtalkLink });
        return user;
      },
    }),
    // 免登: the same JWT as a password sign-in (sessionVersion, authTime), from a DingTalk code.
    Credentials({
      id: "dingtalk",
      name: "DingTalk",
      credentials: { code: {} },
      async authorize(raw) {
        const parsed = dingtalkInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signInWithDingTalk(parsed.data.code, await getRequestMeta());
        if (result.ok) {
          // Signed in through DingTalk: a link token left from an earlier "not linked" attempt in
          // this browser must not link whoever next signs in here with a password.
          await forgetDingTalkLink();
          return result.user;
        }
        // Not linked yet: the login page asks for the password once, which links the account.
        if (result.reason === "unlinked") await rememberDingTalkLink(result.linkToken);
        throw new DingTalkSignInRefused(result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; orgUnitId: string; sessionVersion: number };
        token.sub = u.id;
        token.role = u.role;
        token.orgUnitId = u.orgUnitId;
        token.sv = u.sessionVersion;
        token.authTime = Math.floor(nowMs() / 1000);
        token.sid = crypto.randomUUID();
      }
      if (!token.authTime || nowMs() / 1000 - token.authTime > SESSION_POLICY.absoluteSeconds) {
        return null;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub as string;
      session.user.role = token.role;
      session.user.orgUnitId = token.orgUnitId;
      session.user.sv = token.sv;
      session.user.sid = token.sid;
      session.user.authTime = token.authTime;
      return session;
    },
  },
} satisfies NextAuthConfig;
