// Sends signed-out visitors to /login. This is a convenience, not a security boundary:
// every page query and server action checks the session and permissions itself.
import { auth } from "@/lib/auth";

export const proxy = auth;

export const config = {
  // Everything except sign-in, Auth.js's own routes, static files, health checks and the
  // enterprises' public hotline pages (/service, /service/track, their POST handlers).
  matcher: ["/((?!login|api/auth|api/health|service|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2)$).*)"],
};
