import { describe, expect, it } from "vitest";
import { enablePeerHeader, PEER_HEADER, peerHeaderValue, peerIsTrustedProxy } from "@/lib/platform/client-address";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/platform/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("production script-src: the nonce and strict-dynamic, nothing inline or eval", () => {
    const script = directives(contentSecurityPolicy("abc123", { dev: false })).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
  });

  it("development adds unsafe-eval for React's dev tools, and only that", () => {
    const script = directives(contentSecurityPolicy("abc123", { dev: true })).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'unsafe-eval'"]);
  });

  it("locks down plugins, base URLs, framing and form targets", () => {
    const policy = directives(contentSecurityPolicy("n", { dev: false }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("the field app's service worker and manifest: same origin only (issue 16)", () => {
    const policy = directives(contentSecurityPolicy("n", { dev: false }));
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("manifest-src")).toEqual(["'self'"]);
  });

  it("a nonce is fresh each time and long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("HSTS only over https", () => {
    expect(securityHeaders({ nonce: "n", dev: false, https: true })["Strict-Transport-Security"]).toBe(STRICT_TRANSPORT_SECURITY);
    expect(securityHeaders({ nonce: "n", dev: false, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=31536000; includeSubDomains");
  });

  it("X-Forwarded-Proto is believed only from a trusted proxy", () => {
    expect(servedOverHttps("https", false)).toBe(false);
    expect(servedOverHttps("https", true)).toBe(true);
    expect(servedOverHttps("HTTPS, http", true)).toBe(true);
    expect(servedOverHttps("http", true)).toBe(false);
    expect(servedOverHttps(null, true)).toBe(false);
  });

  it("only a peer that TRUSTED_PROXIES names counts as a trusted proxy", () => {
    // Read once per process by trustedProxies(); this file's process is its own.
    process.env.TRUSTED_PROXIES = "10.0.0.5";
    enablePeerHeader();
    const connectedFrom = (peer: string) => new Headers({ [PEER_HEADER]: peerHeaderValue(peer)!, "x-forwarded-proto": "https" });
    expect(peerIsTrustedProxy(connectedFrom("10.0.0.5"))).toBe(true);
    expect(peerIsTrustedProxy(connectedFrom("203.0.113.7"))).toBe(false);
    // A client writing the private header itself does not know the process's token.
    expect(peerIsTrustedProxy(new Headers({ [PEER_HEADER]: "guess 10.0.0.5" }))).toBe(false);
    expect(peerIsTrustedProxy(new Headers())).toBe(false);
  });
});
