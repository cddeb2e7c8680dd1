// Which address a request comes from, and which request id it carries
// (lib/platform/client-address.ts): the forwarding chain is believed only for the hops
// TRUSTED_PROXIES names, and the socket peer only when the boot hook recorded it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import {
  clientAddressOf, normalizeAddress, parseTrustedProxies, PEER_HEADER, peerAddressOf, resolveClientAddress, type TrustedProxies,
} from "@/lib/platform/client-address";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NONE = parseTrustedProxies(undefined);
const ONE_HOP = parseTrustedProxies("1");
const TWO_HOPS = parseTrustedProxies("2");
const LIST = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8, ::1");

const ip = (forwardedFor: string | null, peer: string | null, trusted: TrustedProxies) =>
  resolveClientAddress({ forwardedFor, peer, requestId: null }, trusted).ip;

describe("TRUSTED_PROXIES", () => {
  it("empty, unset or 0 trusts no proxy; a number is a hop count; anything else a list", () => {
    expect(parseTrustedProxies("")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("  ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(LIST.kind).toBe("list");
  });

  it("a bad value fails with a message naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8,nginx")).toThrow(/TRUSTED_PROXIES.*"nginx" is not an IP address/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10\.0\.0\.0\/33" has an invalid prefix length/);
    expect(() => parseTrustedProxies("10.0.0.1,,10.0.0.2")).toThrow(/empty entry/);
    expect(() => parseTrustedProxies("-1")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("fd00::/129")).toThrow(/invalid prefix length/);
  });
});

describe("the client address", () => {
  it("with no trusted proxy is the socket peer, whatever X-Forwarded-For says", () => {
    expect(ip("6.6.6.6", "203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(ip("6.6.6.6, 7.7.7.7", "203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(ip(null, "203.0.113.7", NONE)).toBe("203.0.113.7");
  });

  it("with one trusted hop is the entry left of the peer, not what the client prepended", () => {
    // The client sent "6.6.6.6"; the proxy appended the address it saw.
    expect(ip("6.6.6.6, 203.0.113.7", "10.0.0.2", ONE_HOP)).toBe("203.0.113.7");
    expect(ip("203.0.113.7", "10.0.0.2", ONE_HOP)).toBe("203.0.113.7");
    expect(ip("6.6.6.6, 203.0.113.7, 10.0.0.3", "10.0.0.2", TWO_HOPS)).toBe("203.0.113.7");
    // Fewer entries than trusted hops: all of them are trusted, the left-most is the client.
    expect(ip("203.0.113.7", "10.0.0.2", TWO_HOPS)).toBe("203.0.113.7");
    expect(ip(null, "10.0.0.2", ONE_HOP)).toBe("10.0.0.2");
  });

  it("with a CIDR list skips the listed proxies (IPv4 and IPv6) and stops at the first other address", () => {
    expect(ip("6.6.6.6, 203.0.113.7, 10.1.2.3", "192.168.1.5", LIST)).toBe("203.0.113.7");
    expect(ip("6.6.6.6, 2001:db8::7", "fd12:3456::1", LIST)).toBe("2001:db8::7");
    expect(ip("6.6.6.6, 203.0.113.7", "::1", LIST)).toBe("203.0.113.7");
    // A peer outside the list is the client itself, whatever it forwards.
    expect(ip("6.6.6.6", "192.168.1.6", LIST)).toBe("192.168.1.6");
    // Every hop trusted: the left-most.
    expect(ip("10.9.9.9, 10.1.1.1", "192.168.1.5", LIST)).toBe("10.9.9.9");
  });

  it("reads IPv4-mapped IPv6 addresses as IPv4, in the peer, the chain and the list", () => {
    expect(normalizeAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(ip("6.6.6.6", "::ffff:203.0.113.7", NONE)).toBe("203.0.113.7");
    expect(ip("6.6.6.6, ::ffff:203.0.113.7", "::ffff:10.0.0.2", LIST)).toBe("203.0.113.7");
    expect(ip("6.6.6.6, 203.0.113.7", "10.0.0.2", parseTrustedProxies("::ffff:10.0.0.0/104"))).toBe("203.0.113.7");
  });

  it("never takes a garbage entry, and does not walk past one", () => {
    expect(normalizeAddress("not-an-ip")).toBeNull();
    expect(normalizeAddress("1.2.3.4:80")).toBeNull();
    expect(ip("<script>, 203.0.113.7", "10.0.0.2", ONE_HOP)).toBe("203.0.113.7");
    expect(ip("unknown", "10.0.0.2", ONE_HOP)).toBe("10.0.0.2");
    // The trusted proxy wrote garbage: what is left of it was never checked by anyone.
    expect(ip("6.6.6.6, garbage", "10.0.0.2", LIST)).toBe("10.0.0.2");
    expect(ip("6.6.6.6,,", "10.0.0.2", ONE_HOP)).toBe("10.0.0.2");
  });

  it("is unknown without a peer, and never a value from X-Forwarded-For", () => {
    expect(ip("6.6.6.6", null, NONE)).toBeNull();
    expect(ip("6.6.6.6", null, ONE_HOP)).toBeNull();
    expect(ip("6.6.6.6", "garbage", ONE_HOP)).toBeNull();
  });
});

describe("the request id", () => {
  const id = (requestId: string | null, peer: string, trusted: TrustedProxies) =>
    resolveClientAddress({ forwardedFor: "203.0.113.7", peer, requestId }, trusted).requestId;

  it("from an untrusted peer is replaced by a server-made UUID", () => {
    expect(id("forged-id", "203.0.113.7", NONE)).toMatch(UUID);
    expect(id("forged-id", "192.168.1.6", LIST)).toMatch(UUID);
    expect(id(null, "10.0.0.2", ONE_HOP)).toMatch(UUID);
  });

  it("from a trusted proxy is kept when it is sane", () => {
    expect(id("7f3c9a1e-proxy.req:42", "10.0.0.2", ONE_HOP)).toBe("7f3c9a1e-proxy.req:42");
    expect(id("abc123", "fd00::1", LIST)).toBe("abc123");
  });

  it("from a trusted proxy is refused when too long or with other characters", () => {
    expect(id("a".repeat(128), "10.0.0.2", ONE_HOP)).toBe("a".repeat(128));
    expect(id("a".repeat(129), "10.0.0.2", ONE_HOP)).toMatch(UUID);
    expect(id("id with spaces", "10.0.0.2", ONE_HOP)).toMatch(UUID);
    expect(id("id\nforged-log-line", "10.0.0.2", ONE_HOP)).toMatch(UUID);
  });
});

describe("one request, one id", () => {
  it("every read of one hooked request's headers gives the same id; another request another", async () => {
    const { enablePeerHeader, peerHeaderValue } = await import("@/lib/platform/client-address");
    enablePeerHeader();
    const request = () => new Headers({ [PEER_HEADER]: peerHeaderValue("203.0.113.7")!, "x-request-id": "forged" });
    const first = request();
    expect(clientAddressOf(first).requestId).toMatch(UUID);
    expect(clientAddressOf(first).requestId).toBe(clientAddressOf(first).requestId);
    expect(clientAddressOf(request()).requestId).not.toBe(clientAddressOf(first).requestId);
  });
});

describe("the socket peer", () => {
  it("is not believed from a header until the boot hook is installed", () => {
    const headers = new Headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-request-id": "forged" });
    expect(peerAddressOf(headers)).toBeNull();
    const client = clientAddressOf(headers);
    expect(client.ip).toBeNull();
    expect(client.requestId).toMatch(UUID);
  });

  describe("behind the hook, on a real HTTP server", () => {
    let server: http.Server;
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("is the connection's address, and a client-sent peer header is overwritten", async () => {
      const { installPeerAddressHook } = await import("@/lib/platform/peer-address");
      installPeerAddressHook();
      server = http.createServer((req, res) => {
        const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
        res.end(JSON.stringify(clientAddressOf(headers)));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, headers: { [PEER_HEADER]: "198.51.100.1", "x-forwarded-for": "6.6.6.6", "x-request-id": "forged" } }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve(text));
        }).on("error", reject);
      });
      const client = JSON.parse(answer);
      expect(client.ip).toBe("127.0.0.1");
      expect(client.requestId).toMatch(UUID);
    });
  });
});
