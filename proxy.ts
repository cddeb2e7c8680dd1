// Two jobs on every page request:
// 1. Security headers: a fresh CSP nonce, given to Next on the request (it puts the nonce on
//    its own scripts) and to the browser on the response; HSTS over HTTPS.
// 2. Sends signed-out visitors to /login. This is a convenience, not a security boundary:
//    every page query and server action checks the session and permissions itself.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { peerIsTrustedProxy } from "@/lib/platform/client-address";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/platform/security-headers";

/** Pages anyone may open: sign-in itself and the enterprises' public hotline (/service…). */
const SIGNED_OUT_ALLOWED = /^\/(?:login|service)(?:\/|$)/;

export const proxy = auth((req) => {
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

export const config = {
  // Every page and route handler except Auth.js's own routes, health checks and static files.
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2)$).*)"],
};
