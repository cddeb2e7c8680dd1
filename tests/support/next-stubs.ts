// Stand-ins for the Next.js request scope, which does not exist outside a running server.
// A test "is" a signed-in user by holding a real Auth.js session cookie (encoded with the
// same secret and salt as the app), so auth() decodes it exactly as in production.
import { encode } from "next-auth/jwt";
import { createTranslator } from "next-intl";
import { enablePeerHeader, PEER_HEADER, peerHeaderValue } from "@/lib/platform/client-address";
import { nowMs } from "@/lib/platform/clock";

const SESSION_COOKIE = "authjs.session-token";

const state = {
  cookies: new Map<string, string>(),
  locale: "zh-CN" as "zh-CN" | "en",
  revalidated: [] as string[],
  /** The socket address the running server's hook would record (lib/platform/peer-address.ts). */
  peer: "127.0.0.1" as string | null,
  /** Headers the "client" sends besides the usual ones (a forged X-Forwarded-For, say). */
  sent: {} as Record<string, string>,
};

export const requestState = state;

export function resetRequest() {
  state.cookies.clear();
  state.locale = "zh-CN";
  state.revalidated = [];
  state.peer = "127.0.0.1";
  state.sent = {};
}

/** The headers of a request from `peer` as the app sees them behind the hook instrumentation.ts installs. */
export function withPeer(peer: string, headers: Record<string, string> = {}): Record<string, string> {
  enablePeerHeader();
  return { ...headers, [PEER_HEADER]: peerHeaderValue(peer)! };
}

/** Signs the "browser" in as this user, with a token like the one sign-in would issue. */
export async function signInAs(
  user: { id: string; role: string; orgUnitId: string; sessionVersion: number; name?: string },
  options: { authTime?: number } = {},
) {
  const token = await encode({
    salt: SESSION_COOKIE,
    secret: process.env.AUTH_SECRET!,
    token: {
      sub: user.id,
      name: user.name,
      role: user.role,
      orgUnitId: user.orgUnitId,
      sv: user.sessionVersion,
      // The app's clock (pinned in some tests), which the session's age is checked against.
      authTime: options.authTime ?? Math.floor(nowMs() / 1000),
      sid: crypto.randomUUID(),
    } as never,
  });
  state.cookies.set(SESSION_COOKIE, token);
}

export function signOut() {
  state.cookies.delete(SESSION_COOKIE);
}

function cookieHeader() {
  return [...state.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

export const nextHeaders = {
  headers: async () => {
    const sent = { host: "localhost:3000", "x-forwarded-proto": "http", cookie: cookieHeader(), "x-forwarded-for": "127.0.0.1", ...state.sent };
    return new Headers(state.peer ? withPeer(state.peer, sent) : sent);
  },
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.cookies.has(name),
    set: (name: string, value: string) => {
      state.cookies.set(name, value);
    },
    delete: (name: string) => {
      state.cookies.delete(name);
    },
  }),
};

export const nextCache = {
  revalidatePath: (path: string) => {
    state.revalidated.push(path);
  },
  revalidateTag: () => {},
};

export const nextIntlServer = {
  getLocale: async () => state.locale,
  getTranslations: async (opts?: string | { locale?: string; namespace?: string }) => {
    const namespace = typeof opts === "string" ? opts : opts?.namespace;
    const locale = (typeof opts === "object" && opts?.locale) || state.locale;
    // Imported on first use, not with this module: the catalogue comes through the programme
    // registry, i.e. every module of the app, and every test file loads these stubs (≈ 3 s of
    // import per file, most of the suite's import time, for files that never translate).
    const { messagesFor } = await import("@/lib/programmes/messages");
    return createTranslator({ locale, messages: messagesFor(locale === "en" ? "en" : "zh-CN") as never, namespace: namespace as never });
  },
};

class RedirectError extends Error {
  constructor(readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
  get digest() {
    return `NEXT_REDIRECT;replace;${this.url};307;`;
  }
}

export const nextNavigation = {
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
  /** Rethrows Next's own control-flow errors (redirect, notFound), as the real one does. */
  unstable_rethrow: (error: unknown) => {
    if (error instanceof RedirectError) throw error;
    if (error instanceof Error && /^NEXT_(NOT_FOUND|FORBIDDEN)$/.test(error.message)) throw error;
  },
};
