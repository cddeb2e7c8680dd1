// Helpers for route handlers (uploads, downloads). Server actions get Next's own origin
// check; every route handler other than GET gets sameOrigin() from the route() wrapper in
// lib/platform/read.ts before its body is read (SECURITY.md #13).
import "server-only";
import { peerIsTrustedProxy } from "@/lib/platform/client-address";

/**
 * A POST must come from this site: its Origin's host must equal the Host it was sent to.
 * X-Forwarded-Host names that host only when a trusted proxy sent it (TRUSTED_PROXIES):
 * from anyone else it is just another header the client wrote.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const forwardedHost = peerIsTrustedProxy(request.headers) ? request.headers.get("x-forwarded-host") : null;
  const host = forwardedHost ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Content-Disposition with a UTF-8 file name (Chinese names survive every browser). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
