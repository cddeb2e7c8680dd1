// A signed-in bench request: the session cookie sign-in would issue for this user (an Auth.js
// JWT encoded with the server's AUTH_SECRET), plus the locale cookie.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

export type SessionSubject = { id: string; name: string; role: string; orgUnitId: string; sessionVersion: number };

export async function sessionCookie(secret: string, u: SessionSubject): Promise<string> {
  const token = await encode({
    salt: "authjs.session-token", secret,
    token: { sub: u.id, name: u.name, role: u.role, orgUnitId: u.orgUnitId, sv: u.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid: randomUUID() } as never,
  });
  return `authjs.session-token=${token}; NEXT_LOCALE=zh-CN`;
}
