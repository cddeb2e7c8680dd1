// Hands the socket peer to app code. `next start` and `next dev` give route handlers and
// server components only the request's headers, and Next fills X-Forwarded-For with the socket
// address only when the client sent none — so the one address a client cannot choose would be
// lost. This hook runs before Next sees a request and writes the peer into a private header,
// replacing any value a client sent under that name. instrumentation.ts installs it at boot
// (docs/decisions/0011-client-address.md); lib/platform/client-address.ts reads it.
import http from "node:http";
import https from "node:https";
import type { IncomingMessage } from "node:http";
import { enablePeerHeader, PEER_HEADER, peerHeaderValue } from "./client-address";

// Node emits "checkContinue"/"checkExpectation" instead of "request" when the server listens
// for them; the request object is the same first argument in all three.
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation"]);
const INSTALLED = Symbol.for("zjtrack.peerAddressHookInstalled");

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** Installs the hook on http and https servers (once per process). */
export function installPeerAddressHook(): void {
  const slot = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (slot[INSTALLED]) return;
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as { emit: Emit }[]) {
    const original = proto.emit;
    proto.emit = function emitWithPeer(this: unknown, event, ...args) {
      if (typeof event === "string" && REQUEST_EVENTS.has(event)) {
        const req = args[0] as IncomingMessage;
        const value = peerHeaderValue(req.socket?.remoteAddress);
        if (value) req.headers[PEER_HEADER] = value;
        else delete req.headers[PEER_HEADER];
      }
      return original.call(this, event, ...args);
    };
  }
  // Only now: a request emitted before this point was not rewritten, and must not be believed.
  enablePeerHeader();
  slot[INSTALLED] = true;
}
