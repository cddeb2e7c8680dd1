// Two jobs on every page request (route handlers are not matched: see `config` below):
// 1. Security headers: a fresh CSP nonce, given to Next on the request (it puts the nonce on
//    its own scripts) and to the browser on the response; HSTS over HTTPS.
// 2. Sends signed-out visitors to /login. This is a convenience, not a security boundary:
//    every page query and server action checks the session and permissions itself.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/platform/auth";
import { peerIsTrustedProxy } from "@/lib/platform/client-address";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/platform/security-headers";
import { WARM_PAGE_HEADER } from "@/lib/field/schemas";

/**
 * Pages anyone may open: sign-in itself, the enterprises' public hotline (/service…), and the
 * field app's offline page (/offline: the service worker precaches it, and shows it to whoever
 * is offline, signed in or not; it holds no data).
 */
const SIGNED_OUT_ALLOWED = /^\/(?:login|service|offline)(?:\/|$)/;

// auth(callback) is typed as both a middleware and a route handler; called here as the middleware.
const authProxy = auth((req) => {
  const { pathname } = req.nextUrl;
  if (!req.auth?.user && !SIGNED_OUT_ALLOWED.test(pathname)) {
    const signInUrl = req.nextUrl.clone();
    signInUrl.pathname = "/login";
    signInUrl.search = "";
    signInUrl.searchParams.set("callbackUrl", req.nextUrl.href);
    return NextResponse.redirect(signInUrl);
  }

  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(req.headers.get("x-forwarded-proto"), peerIsTrustedProxy(req.headers)),
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
});

/**
 * The service worker's background fetch of a page to keep offline (WARM_PAGE_HEADER) gets no
 * Set-Cookie: Auth.js re-issues the session cookie on every page response, and a warm fetch
 * still in flight when the officer signs out, or another user signs in on the phone, would put
 * the officer's session back into the browser. Only a header the worker sets; a page that sends
 * it itself merely keeps its cookie as it is.
 */
export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const response = await (authProxy as unknown as (r: NextRequest, e: NextFetchEvent) => Promise<Response | undefined>)(req, event);
  if (response && req.headers.get(WARM_PAGE_HEADER) === "1") response.headers.delete("set-cookie");
  return response;
}

export const config = {
  // Pages only. Route handlers (/api/…, the public hotline's POST handlers) stay out:
  // - Next buffers a request's whole body before running the proxy on it, so a matched POST
  //   would be read to the end (up to proxyClientMaxBodySize) before route()'s byte cap in
  //   lib/platform/read.ts could refuse it at 16 KB;
  // - a route handler's own headers lose to the proxy's (the photo and evidence downloads send
  //   `default-src 'none'`, stricter than the page policy), and JSON or files need no nonce;
  // - route() answers a signed-out caller 401 itself, rather than a redirect to /login.
  // Static files are excluded by their folder, never by an extension a page URL could end with.
  // The field app's files (issue 16) are fetched without a session and are not pages: the
  // service worker (/sw.js, a route handler with its own headers), the manifest and its icons.
  matcher: ["/((?!api/|service/submit$|service/feedback$|_next/static/|_next/image|favicon\\.ico$|sw\\.js$|manifest\\.webmanifest$|icons/).*)"],
};
