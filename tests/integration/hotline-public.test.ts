// The enterprise's public pages: intake without login (Origin check, honeypot, field errors,
// database rate limits per address and per phone), and the status lookup and feedback that
// need the tracking code — a confirmation number alone reveals nothing.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { handlePublicFeedback, handlePublicIntake, publicStatus } from "@/lib/hotline/public";
import { PUBLIC_INTAKE_PER_IP, PUBLIC_INTAKE_PER_PHONE, PUBLIC_LOOKUP_FAILURES_PER_IP } from "@/lib/hotline/rate-limit-policy";
import { resetRequest, withPeer } from "../support/next-stubs";

let programmeId: string;
beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
});
beforeEach(() => resetRequest());

let ipSeq = 0;
const freshIp = () => `10.9.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`;
let phoneSeq = 0;
const freshPhone = () => `1390000${String(++phoneSeq).padStart(4, "0")}`;

const body = (over: Record<string, unknown> = {}) => ({
  programmeId, enterpriseName: "杭州中双元科技有限公司", creditCode: "", callerName: "陈经理", callerPhone: freshPhone(),
  category: "检验检测", title: "", description: "新产品需要第三方检测", urgency: "NORMAL", website: "", ...over,
});

function post(path: string, payload: unknown, { origin = "http://localhost:3000", ip = freshIp() }: { origin?: string | null; ip?: string } = {}) {
  // `ip` is the socket peer: with no trusted proxy configured, that is the client's address.
  const headers = withPeer(ip, { host: "localhost:3000", "content-type": "application/json" });
  if (origin) headers.origin = origin;
  return new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: JSON.stringify(payload) });
}

describe("public intake", () => {
  it("takes a request without login and returns a number and a tracking code", async () => {
    const res = await handlePublicIntake(post("/service/submit", body()));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ ok: true, number: expect.stringMatching(/^QQB\d{8}-\d{4}$/), trackingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { number: json.number } });
    expect(row).toMatchObject({ channel: "ONLINE", status: "RECEIVED", receivedById: null });
    expect(await db.auditLog.count({ where: { entityId: row.id, action: "request.publicIntake", actorId: null } })).toBe(1);
  });

  it("refuses a foreign or missing Origin and writes nothing", async () => {
    const before = await db.serviceRequest.count();
    expect((await handlePublicIntake(post("/service/submit", body(), { origin: "https://evil.example" }))).status).toBe(403);
    expect((await handlePublicIntake(post("/service/submit", body(), { origin: null }))).status).toBe(403);
    expect(await db.serviceRequest.count()).toBe(before);
  });

  it("does not let an untrusted client name the host with X-Forwarded-Host to pass the Origin check", async () => {
    const before = await db.serviceRequest.count();
    const forged = post("/service/submit", body(), { origin: "https://evil.example" });
    forged.headers.set("x-forwarded-host", "evil.example");
    expect((await handlePublicIntake(forged)).status).toBe(403);
    expect(await db.serviceRequest.count()).toBe(before);
  });

  it("bad input gets field errors and no row; the honeypot gets no row either", async () => {
    const before = await db.serviceRequest.count();
    const res = await handlePublicIntake(post("/service/submit", body({ callerPhone: "12345", description: "", category: "不存在" })));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(Object.keys(json.fieldErrors)).toEqual(expect.arrayContaining(["callerPhone", "description"]));
    const unknownCategory = await (await handlePublicIntake(post("/service/submit", body({ category: "不存在" })))).json();
    expect(unknownCategory.fieldErrors.category).toBeDefined();
    expect((await handlePublicIntake(post("/service/submit", body({ website: "http://spam" })))).status).toBe(400);
    expect((await handlePublicIntake(post("/service/submit", { ...body(), status: "CLOSED" }))).status).toBe(400);
    expect(await db.serviceRequest.count()).toBe(before);
  });

  it("blocks the N+1th submission from one address within the hour", async () => {
    const ip = freshIp();
    for (let i = 0; i < PUBLIC_INTAKE_PER_IP.max; i++) {
      expect((await handlePublicIntake(post("/service/submit", body(), { ip }))).status).toBe(200);
    }
    const before = await db.serviceRequest.count();
    const blocked = await handlePublicIntake(post("/service/submit", body(), { ip }));
    expect(blocked.status).toBe(429);
    expect(await db.serviceRequest.count()).toBe(before);
    expect((await handlePublicIntake(post("/service/submit", body(), { ip: freshIp() }))).status).toBe(200);
  });

  it("blocks the N+1th submission for one phone number within the day, from any address", async () => {
    const phone = freshPhone();
    for (let i = 0; i < PUBLIC_INTAKE_PER_PHONE.max; i++) {
      expect((await handlePublicIntake(post("/service/submit", body({ callerPhone: phone })))).status).toBe(200);
    }
    expect((await handlePublicIntake(post("/service/submit", body({ callerPhone: phone })))).status).toBe(429);
  });
});

describe("public status and feedback", () => {
  async function submitted() {
    const json = await (await handlePublicIntake(post("/service/submit", body()))).json();
    return { number: json.number as string, code: json.trackingCode as string };
  }

  it("needs the tracking code: a guessed number or a wrong code shows nothing", async () => {
    const { number, code } = await submitted();
    const ip = freshIp();
    expect(await publicStatus(number, "WRONGCDE", ip)).toBeNull();
    expect(await publicStatus(number.replace(/\d{4}$/, "9999"), code, ip)).toBeNull();
    const status = await publicStatus(number, code.toLowerCase(), ip);
    expect(status).toMatchObject({ limited: false, number, status: "RECEIVED" });
    // Nothing about officers or the caller's phone leaves the server.
    const text = JSON.stringify(status);
    expect(text).not.toContain("13900");
    expect(text).not.toMatch(/trackingCode|receivedById|assigneeId|actor/);
  });

  it("stops answering an address after too many wrong codes", async () => {
    const { number, code } = await submitted();
    const ip = freshIp();
    for (let i = 0; i < PUBLIC_LOOKUP_FAILURES_PER_IP.max; i++) await publicStatus(number, `BAD${String(i).padStart(5, "0")}`, ip);
    expect(await publicStatus(number, code, ip)).toMatchObject({ limited: true });
  });

  it("the enterprise closes a resolved request with a rating, or reopens it; not before it is resolved", async () => {
    const { number, code } = await submitted();
    const early = await handlePublicFeedback(post("/service/feedback", { number, code, decision: "close", satisfaction: 5, comment: "" }));
    expect(early.status).toBe(409);
    await db.serviceRequest.update({ where: { number }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    expect((await handlePublicFeedback(post("/service/feedback", { number, code: "WRONGCDE", decision: "close", satisfaction: 5 }))).status).toBe(404);
    expect((await handlePublicFeedback(post("/service/feedback", { number, code, decision: "close", satisfaction: 5 }, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await handlePublicFeedback(post("/service/feedback", { number, code, decision: "close" }))).status).toBe(400);
    expect((await handlePublicFeedback(post("/service/feedback", { number, code, decision: "reopen", comment: "" }))).status).toBe(400);
    const res = await handlePublicFeedback(post("/service/feedback", { number, code, decision: "close", satisfaction: 4, comment: "满意" }));
    expect(res.status).toBe(200);
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { number } })).toMatchObject({ status: "CLOSED", satisfaction: 4, feedbackComment: "满意" });

    const other = await submitted();
    await db.serviceRequest.update({ where: { number: other.number }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    expect((await handlePublicFeedback(post("/service/feedback", { number: other.number, code: other.code, decision: "reopen", comment: "仍未解决" }))).status).toBe(200);
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { number: other.number } })).toMatchObject({ status: "REOPENED", reopenCount: 1 });
  });
});
