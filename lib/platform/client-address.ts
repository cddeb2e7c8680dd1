// Who sent this request: the client's address (audit rows, the public hotline's per-address
// rate limits) and the request id (audit rows, error logs). Both come from headers a client can
// write itself, so each is believed only as far as the deployment vouches for it:
//
// - The socket peer (the machine that opened the TCP connection) cannot be forged. Next.js does
//   not hand it to app code, so instrumentation.ts installs a hook (./peer-address.ts) that
//   copies it into a private header on every request, overwriting whatever a client sent.
// - X-Forwarded-For entries are believed only for the hops the TRUSTED_PROXIES setting names:
//   walking the chain (entries, then the peer) from the right, every trusted hop is skipped and
//   the first untrusted one is the client. A client can prepend anything it likes; it cannot
//   change what the proxies appended to the right of it.
// - X-Request-Id is kept only when the peer itself is a trusted proxy; otherwise the server
//   makes one.
//
// Without the hook (a script, a test calling lib code directly, a request that arrived before
// the hook was installed) the address is unknown (null), never a value from the request.
// Why a hook and not a custom server: docs/decisions/0011-client-address.md.
import { randomBytes, randomUUID } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { z } from "zod";

export type TrustedProxies =
  | { kind: "none" }
  /** The last `hops` addresses of the chain are proxies of this deployment (Express's `trust proxy = N`). */
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: BlockList };

export type ClientAddress = { ip: string | null; requestId: string };

/** The private header the hook writes the socket peer into. */
export const PEER_HEADER = "x-zj-peer-address";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** "::ffff:1.2.3.4" (how Node reports IPv4 clients on a dual-stack socket) → "1.2.3.4"; null for anything that is not an address. */
export function normalizeAddress(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (dotted && isIP(dotted[1]) === 4) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(value);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return isIP(value) ? value : null;
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 4 ? "ipv4" : "ipv6";
}

/** Why a TRUSTED_PROXIES list entry is unusable, or null after adding it to the list. */
function addEntry(list: BlockList, entry: string): string | null {
  if (!entry) return "an empty entry (two commas in a row?)";
  const [rawAddress, prefix, ...rest] = entry.split("/");
  const address = normalizeAddress(rawAddress);
  if (!address || rest.length > 0) return `"${entry}" is not an IP address or a CIDR range`;
  if (prefix === undefined) {
    list.addAddress(address, family(address));
    return null;
  }
  // A mapped range (::ffff:10.0.0.0/104) was written in IPv6 prefix bits; its address is now IPv4.
  const mapped = isIP(rawAddress.trim()) === 6 && family(address) === "ipv4" ? 96 : 0;
  const bits = family(address) === "ipv4" ? 32 : 128;
  const length = Number(prefix) - mapped;
  if (!/^\d{1,3}$/.test(prefix) || length < 0 || length > bits) return `"${entry}" has an invalid prefix length (${mapped}–${bits + mapped})`;
  list.addSubnet(address, length, family(address));
  return null;
}

/**
 * TRUSTED_PROXIES: empty = no proxy (the client is the socket peer); a number N = N proxies in
 * front of the app; otherwise a comma list of proxy addresses and CIDR ranges (IPv4 or IPv6).
 */
export const trustedProxiesSchema = z
  .string()
  .trim()
  .transform((raw, ctx): TrustedProxies => {
    if (raw === "") return { kind: "none" };
    if (/^\d+$/.test(raw)) return Number(raw) === 0 ? { kind: "none" } : { kind: "hops", hops: Number(raw) };
    const list = new BlockList();
    const problems = raw.split(",").map((entry) => addEntry(list, entry.trim())).filter((p) => p !== null);
    for (const message of problems) ctx.addIssue({ code: "custom", message });
    return problems.length ? z.NEVER : { kind: "list", list };
  });

/** Parses a TRUSTED_PROXIES value; throws an error that says what is wrong and what is expected. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const parsed = trustedProxiesSchema.safeParse(raw ?? "");
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => i.message).join("; ");
  throw new Error(
    `TRUSTED_PROXIES=${JSON.stringify(raw)} is invalid: ${problems}. Expected empty (no proxy), a hop count such as 1, ` +
      `or a comma list of proxy addresses and CIDR ranges such as 10.0.0.0/8,fd00::/8 (README › Deployment behind a proxy).`,
  );
}

let configured: TrustedProxies | undefined;

/** The deployment's setting, parsed once. */
export function trustedProxies(): TrustedProxies {
  return (configured ??= parseTrustedProxies(process.env.TRUSTED_PROXIES));
}

/** Validates TRUSTED_PROXIES now (called at startup, so a bad value stops the server with its message). */
export function assertTrustedProxiesConfigured(): void {
  trustedProxies();
}

function isTrusted(address: string, hopsFromRight: number, trusted: TrustedProxies): boolean {
  if (trusted.kind === "hops") return hopsFromRight < trusted.hops;
  if (trusted.kind === "list") return trusted.list.check(address, family(address));
  return false;
}

/**
 * The client for a forwarding chain ending at `peer`. A garbage entry stops the walk: it was
 * written by a trusted hop (the walk only reaches hops a trusted one reported), and whatever is
 * left of it cannot be checked, so the last address that could be is the answer.
 */
export function resolveClientAddress(
  request: { forwardedFor: string | null; peer: string | null; requestId: string | null; serverRequestId?: string | null },
  trusted: TrustedProxies,
): ClientAddress {
  // The hook gives each request one id, so every audit row and log line of one request agree;
  // outside a hooked request each call makes its own.
  const serverId = request.serverRequestId ?? randomUUID();
  const peer = request.peer === null ? null : normalizeAddress(request.peer);
  if (!peer) return { ip: null, requestId: serverId };
  const forwarded = request.forwardedFor?.trim() ? request.forwardedFor.split(",").map(normalizeAddress) : [];
  const chain = [...forwarded, peer];
  let ip = chain[0];
  for (let hop = 0; hop < chain.length; hop++) {
    const address = chain[chain.length - 1 - hop];
    if (address === null) {
      ip = chain[chain.length - hop];
      break;
    }
    if (!isTrusted(address, hop, trusted)) {
      ip = address;
      break;
    }
  }
  const sentId = request.requestId?.trim();
  const requestId = sentId && REQUEST_ID.test(sentId) && isTrusted(peer, 0, trusted) ? sentId : serverId;
  return { ip, requestId };
}

// The hook's token, in a process-wide slot (Next bundles this module more than once). It is
// made when the hook is installed, so a request that reached the server earlier cannot carry it.
const PEER_TOKEN = Symbol.for("zjtrack.peerAddressToken");
const slot = globalThis as typeof globalThis & { [PEER_TOKEN]?: string };

/** Marks the process as one whose every request carries the peer header (the hook calls this). */
export function enablePeerHeader(): void {
  slot[PEER_TOKEN] ??= randomBytes(16).toString("hex");
}

/**
 * What the hook writes into PEER_HEADER for one request from this socket address: the token,
 * a fresh request id and the address; undefined when not enabled or no address.
 */
export function peerHeaderValue(address: string | undefined): string | undefined {
  const token = slot[PEER_TOKEN];
  return token && address ? `${token} ${randomUUID()} ${address}` : undefined;
}

type HeaderReader = { get(name: string): string | null };

/** The hook's record for this request (request id and socket peer), or null when there is none to believe. */
function hookRecord(headers: HeaderReader): { requestId: string; peer: string | null } | null {
  const token = slot[PEER_TOKEN];
  const [sentToken, requestId, address] = headers.get(PEER_HEADER)?.split(" ") ?? [];
  if (!token || sentToken !== token || !requestId || !address) return null;
  return { requestId, peer: normalizeAddress(address) };
}

/** The socket peer the hook recorded, or null when there is none to believe. */
export function peerAddressOf(headers: HeaderReader): string | null {
  return hookRecord(headers)?.peer ?? null;
}

/**
 * Whether the machine that connected is one of the deployment's proxies, so the X-Forwarded-*
 * headers it set (X-Forwarded-Proto for HSTS: lib/platform/security-headers.ts) can be believed.
 */
export function peerIsTrustedProxy(headers: HeaderReader): boolean {
  const peer = peerAddressOf(headers);
  return peer !== null && isTrusted(peer, 0, trustedProxies());
}

/** The client's address and the request id for a request with these headers. */
export function clientAddressOf(headers: HeaderReader): ClientAddress {
  return resolveClientAddress(
    { forwardedFor: headers.get("x-forwarded-for"), peer: peerAddressOf(headers), requestId: headers.get("x-request-id"), serverRequestId: hookRecord(headers)?.requestId },
    trustedProxies(),
  );
}
