// The client address and request id a request is known by (lib/platform/client-address.ts),
// where they matter: the public hotline's per-address limit and the audit trail. With no
// trusted proxy configured (the default), headers a client writes change neither.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { handlePublicIntake } from "@/lib/hotline/public";
import { PUBLIC_INTAKE_PER_IP } from "@/lib/hotline/rate-limit-policy";
import { renameOrgUnitAction } from "@/lib/platform/org/actions";
import { actAs, unitByCode } from "../support/fixtures";
import { requestState, resetRequest, withPeer } from "../support/next-stubs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let programmeId: string;
beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
});
beforeEach(() => resetRequest());

let phoneSeq = 0;
const body = () => ({
  programmeId, enterpriseName: "杭州中双元科技有限公司", creditCode: "", callerName: "陈经理", callerPhone: `1390001${String(++phoneSeq).padStart(4, "0")}`,
  category: "检验检测", title: "", description: "新产品需要第三方检测", urgency: "NORMAL", website: "",
});

/** A POST from the socket address `peer`, with whatever other headers the client chose to send. */
function intake(peer: string, sent: Record<string, string>) {
  const headers = withPeer(peer, { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", ...sent });
  return handlePublicIntake(new Request("http://localhost:3000/service/submit", { method: "POST", headers, body: JSON.stringify(body()) }));
}

describe("client address from an untrusted peer", () => {
  it("a new X-Forwarded-For on every submission does not get one peer past the per-address limit", async () => {
    const peer = "203.0.113.7";
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_INTAKE_PER_IP.max; i++) {
      const res = await intake(peer, { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(PUBLIC_INTAKE_PER_IP.max).fill(200), 429]);
    // The limit is the peer's, not everyone's: another address still gets through.
    expect((await intake("203.0.113.8", { "x-forwarded-for": "198.51.100.1" })).status).toBe(200);
  });

  it("the public intake's audit row has the peer's address and a server-made request id", async () => {
    const res = await intake("203.0.113.9", { "x-forwarded-for": "6.6.6.6", "x-request-id": "forged-request-id" });
    expect(res.status).toBe(200);
    const { number } = await res.json();
    const created = await db.serviceRequest.findUniqueOrThrow({ where: { number } });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "request.publicIntake", entityId: created.id } });
    expect(row.ip).toBe("203.0.113.9");
    expect(row.requestId).toMatch(UUID);
  });

  it("a signed-in user's audited action records the peer and a server request id, not the forged headers", async () => {
    await actAs("admin");
    requestState.peer = "::ffff:203.0.113.10";
    requestState.sent = { "x-forwarded-for": "6.6.6.6, 7.7.7.7", "x-real-ip": "8.8.8.8", "x-request-id": "forged-request-id" };
    const village = await unitByCode("XS-PY-XJ");
    expect((await renameOrgUnitAction({ id: village.id, name: "谢家村（改）", version: village.version })).ok).toBe(true);
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "orgUnit.rename", entityId: village.id }, orderBy: { seq: "desc" } });
    expect(row.ip).toBe("203.0.113.10");
    expect(row.requestId).toMatch(UUID);
  });

  it("a peer header a client wrote itself (without the hook's token) is not believed: the address is unknown, never the forged one", async () => {
    const res = await handlePublicIntake(new Request("http://localhost:3000/service/submit", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", "x-zj-peer-address": "192.0.2.99", "x-forwarded-for": "192.0.2.99" },
      body: JSON.stringify(body()),
    }));
    expect(res.status).toBe(200);
    const { number } = await res.json();
    const created = await db.serviceRequest.findUniqueOrThrow({ where: { number } });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "request.publicIntake", entityId: created.id } });
    expect(row.ip).toBeNull();
  });
});
