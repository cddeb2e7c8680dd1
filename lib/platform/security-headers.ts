// The security headers proxy.ts puts on every page: a Content-Security-Policy with a fresh
// nonce per request, and HSTS when the request reached us over HTTPS. Pure functions, so the
// policy can be tested without a server; proxy.ts decides the inputs.

/** 128 random bits, base64: unguessable, and a valid CSP nonce source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Next reads the nonce from this header and puts it on its own scripts; 'strict-dynamic'
    // lets those load the page's chunks. `next dev` alone needs eval (React rebuilds server
    // error stacks with it); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: ECharts sizes and positions its canvas and tooltip with
    // style attributes, and React renders every `style={…}` prop as one; attributes cannot
    // carry a nonce. Styles cannot run code, so scripts stay locked down.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The field app's service worker (/sw.js) and web manifest (issue 16): same origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether this request reached the deployment over HTTPS. The app never terminates TLS itself,
 * so only a proxy in front can say so (X-Forwarded-Proto, as in the README's nginx example);
 * any client can send that header too, so it counts only when the machine that connected is a
 * trusted proxy (TRUSTED_PROXIES, lib/platform/client-address.ts).
 */
export function servedOverHttps(forwardedProto: string | null, fromTrustedProxy: boolean): boolean {
  if (!fromTrustedProxy) return false;
  // A chain of proxies may list one scheme per hop; the first is the one the browser used.
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

export function securityHeaders({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(nonce, { dev }) };
  // Browsers ignore HSTS received over plain HTTP; sending it only over HTTPS keeps a
  // plain-HTTP intranet install (and its tests) from ever pinning a host to HTTPS.
  if (https) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
