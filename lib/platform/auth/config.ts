// Auth.js configuration: credentials sign-in, JWT sessions in a signed, HttpOnly cookie (no
// server-side session store, so any app instance can serve any request).
import { nowMs } from "@/lib/platform/clock";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/lib/platform/authz/permissions";
import { getRequestMeta } from "@/lib/platform/request";
import { verifyCredentials } from "./credentials";

export const SESSION_POLICY = {
  /** Signed out after this long without a request. */
  idleSeconds: Number(process.env.SESSION_IDLE_MINUTES ?? 8 * 60) * 60,
  /** Signed out this long after signing in, however active. */
  absoluteSeconds: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 7 * 24) * 3600,
};

const credentialsInput = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

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
        const user = await verifyCredentials(parsed.data.login, parsed.data.password, await getRequestMeta());
        return user;
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
