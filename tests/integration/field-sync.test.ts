// POST /api/field/sync (issue 16): the outbox's items go through the very action the online form
// calls — same scope refusal (same zh-CN message), same permission, one audit row, and the
// idempotency key makes a resend after a lost answer return the first result instead of a second
// visit or photo. A broken envelope is a 400 with a message, never a 500; signed out is a 401.
import { randomInt } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { POST } from "@/app/api/field/sync/route";
import { createVisitAction } from "@/lib/visits/actions";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { nowMs } from "@/lib/platform/clock";
import { OUTBOX_USER_HEADER, type SyncAnswer } from "@/lib/field/schemas";
import { trackingCodeMatches } from "@/lib/hotline/numbers";
import { decryptPii } from "@/lib/platform/privacy/crypto";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";
import { demoYear } from "../support/time";

const ORIGIN = "http://localhost:3000";
// The smallest valid PNG (1×1): the photo action checks the bytes, not the name.
const PNG_1x1 = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

let campaignId: string;
let xjHousehold: { id: string };
let jyHousehold: { id: string; householdKey: string };

beforeAll(async () => {
  process.env.STORAGE_DIR = await mkdtemp(path.join(tmpdir(), "field-sync-"));
  campaignId = (await db.programme.findFirstOrThrow({ where: { name: `${demoYear}年浦阳镇“民情双访”` } })).id;
  const xj = await unitByCode("XS-PY-XJ");
  const jy = await unitByCode("XS-PY-JY");
  xjHousehold = await db.household.create({ data: { householdKey: `F-XJ-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: xj.id, headName: "谢同步", address: "谢家村9号" } });
  jyHousehold = await db.household.create({ data: { householdKey: `F-JY-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: jy.id, headName: "径同步", address: "径游村9号" } });
});
beforeEach(() => resetRequest());

function visitInput(overrides: Record<string, unknown> = {}) {
  return {
    programmeId: campaignId, officerId: "", mentorId: "", kind: "HOUSEHOLD", placeType: "HOUSEHOLD", placeId: xjHousehold.id,
    // An hour before the clock's now: in the past whatever day the suite runs.
    visitedAt: toShanghaiLocal(new Date(nowMs() - 3_600_000)),
    checklist: [], problems: [{ title: "离线记录的问题", description: "", category: "", dueDate: "" }], services: [], notes: "离线走访",
    latitude: "", longitude: "", idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

const post = (body: BodyInit, contentType?: string) =>
  POST(new Request(`${ORIGIN}/api/field/sync`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "localhost:3000", ...(contentType ? { "content-type": contentType } : {}) },
    body,
  }));
const sync = (envelope: unknown) => post(JSON.stringify(envelope), "application/json");

async function answerOf(res: Response): Promise<SyncAnswer> {
  expect(res.status).toBe(200);
  return (await res.json()) as SyncAnswer;
}

function photoForm(visitId: string, key: string) {
  const form = new FormData();
  form.set("kind", "visit.photo.add");
  form.set("visitId", visitId);
  form.set("idempotencyKey", key);
  form.set("photo", new File([PNG_1x1], "p.png", { type: "image/png" }));
  return form;
}

describe("POST /api/field/sync", () => {
  it("creates the visit as the online action does (problems, one audit row), and the same item twice is one visit with the same id", async () => {
    await actAs("py.officer");
    const input = visitInput();
    const first = await answerOf(await sync({ kind: "visit.create", input }));
    expect("result" in first && first.result.ok).toBe(true);
    const id = "result" in first && first.result.ok ? first.result.data.id! : "";
    const visit = await db.visit.findUniqueOrThrow({ where: { id }, include: { problems: true } });
    expect(visit).toMatchObject({ householdId: xjHousehold.id, notes: "离线走访" });
    expect(visit.problems.map((p) => p.title)).toEqual(["离线记录的问题"]);
    expect(await db.auditLog.count({ where: { action: "visit.create", entityId: id } })).toBe(1);

    // The answer was lost on the way back; the outbox sends the item again.
    const again = await answerOf(await sync({ kind: "visit.create", input }));
    expect(again).toEqual({ result: { ok: true, data: { id }, duplicate: true } });
    expect(await db.visit.count({ where: { notes: "离线走访", householdId: xjHousehold.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "visit.create", entityId: id } })).toBe(1);
  });

  it("a hotline call taken offline is answered with its number and the caller's tracking code (the device shows them); a resend after a lost answer, with the same", async () => {
    await actAs("lz.officer");
    const programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
    const enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
    const input = {
      programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
      callerName: "王经理", callerPhone: "13812345678", category: "检验检测", title: "", description: "离线受理的来电", urgency: "NORMAL",
      idempotencyKey: crypto.randomUUID(),
    };
    const first = await answerOf(await sync({ kind: "request.intake", input }));
    if (!("result" in first) || !first.result.ok) throw new Error(JSON.stringify(first));
    const { id, number, trackingCode } = first.result.data;
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: id! } });
    expect(number).toBe(stored.number);
    expect(trackingCodeMatches(trackingCode!, stored.trackingCode)).toBe(true);
    // The request stores only the code's hash; the key's row keeps the answer encrypted, so a
    // resend after a lost answer repeats it — and creates nothing.
    const again = await answerOf(await sync({ kind: "request.intake", input }));
    expect(again).toEqual({ result: { ok: true, data: { id, number, trackingCode }, duplicate: true } });
    expect(await db.serviceRequest.count({ where: { description: "离线受理的来电", createdAt: { gte: stored.createdAt } } })).toBe(1);
    const key = await db.idempotencyKey.findUniqueOrThrow({ where: { key: input.idempotencyKey } });
    expect(key.receipt).toBeTruthy();
    expect(key.receipt).not.toContain(trackingCode!);
    expect(decryptPii(key.receipt!)).toContain(trackingCode!);
    // A receipt that can no longer be read (the PII key changed since) still replays the id.
    await db.idempotencyKey.update({ where: { key: input.idempotencyKey }, data: { receipt: "v1.AAAA.AAAA.AAAA" } });
    expect(await answerOf(await sync({ kind: "request.intake", input }))).toEqual({ result: { ok: true, data: { id }, duplicate: true } });
  });

  it("a registration answered with possible duplicates is audited with the records it named; one that only hits a key outside the area is not", async () => {
    await actAs("py.officer");
    const xj = await unitByCode("XS-PY-XJ");
    const phone = `139${String(randomInt(10_000_000, 99_999_999))}`;
    const existing = await db.household.create({ data: { householdKey: `F-DUP-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: xj.id, headName: "谢查重", address: "谢家村8号", phone } });
    const registration = (over: Record<string, unknown>) => ({
      kind: "household.create",
      input: { householdKey: `F-NEW-${crypto.randomUUID().slice(0, 8)}`, headName: "新登记", address: "", orgUnitId: xj.id, phone: "", membersCount: "1", tags: "", idempotencyKey: crypto.randomUUID(), ...over },
    });
    const audited = () => db.auditLog.findMany({ where: { action: "register.duplicateMatch", data: { path: ["candidates", "0", "id"], equals: existing.id } } });

    const byPhone = await answerOf(await sync(registration({ phone })));
    expect("duplicates" in byPhone && byPhone.duplicates.map((d) => [d.id, d.matchedOn])).toEqual([[existing.id, ["phone"]]]);
    const rows = await audited();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: "Household", data: { candidates: [{ id: existing.id, matchedOn: ["phone"] }] } });

    // 户号 held in another village: "the register has this key", nothing named, nothing audited.
    const elsewhere = await answerOf(await sync(registration({ householdKey: jyHousehold.householdKey })));
    expect("duplicates" in elsewhere && elsewhere.duplicates).toEqual([expect.objectContaining({ outOfScope: true, name: "" })]);
    expect(await db.auditLog.count({ where: { action: "register.duplicateMatch", seq: { gt: rows[0]!.seq } } })).toBe(0);
  });

  it("a household outside the officer's area is refused with the online form's zh-CN message; nothing is written", async () => {
    await actAs("py.officer");
    const online = await createVisitAction(visitInput({ placeId: jyHousehold.id }));
    expect(online.ok).toBe(false);
    const before = await db.visit.count();
    const answer = await answerOf(await sync({ kind: "visit.create", input: visitInput({ placeId: jyHousehold.id }) }));
    expect("result" in answer && !answer.result.ok && answer.result.error).toBe(!online.ok && online.error);
    expect(await db.visit.count()).toBe(before);
  });

  it("an admin (no visit.create) is refused as on the online form", async () => {
    await actAs("admin");
    const before = await db.visit.count();
    const online = await createVisitAction(visitInput());
    const answer = await answerOf(await sync({ kind: "visit.create", input: visitInput() }));
    expect(online.ok).toBe(false);
    expect("result" in answer && !answer.result.ok && answer.result.error).toBe(!online.ok && online.error);
    expect(await db.visit.count()).toBe(before);
  });

  it("a photo sent twice with its key is stored once, and the second answer names the same photo", async () => {
    await actAs("py.officer");
    const created = await answerOf(await sync({ kind: "visit.create", input: visitInput({ notes: "带照片", problems: [] }) }));
    const visitId = "result" in created && created.result.ok ? created.result.data.id! : "";
    const key = crypto.randomUUID();
    const first = await answerOf(await post(photoForm(visitId, key)));
    const second = await answerOf(await post(photoForm(visitId, key)));
    expect("result" in first && first.result.ok).toBe(true);
    const photoId = "result" in first && first.result.ok ? first.result.data.id : undefined;
    expect(second).toEqual({ result: { ok: true, data: { id: photoId }, duplicate: true } });
    expect(await db.visitPhoto.count({ where: { visitId } })).toBe(1);
  });

  it("signed out: 401; a body that is no envelope: 400 with a message, never 500", async () => {
    resetRequest();
    expect((await sync({ kind: "visit.create", input: visitInput() })).status).toBe(401);

    await actAs("py.officer");
    for (const bad of [
      post("not json", "application/json"),
      sync({ kind: "visit.teleport", input: {} }),
      sync({ kind: "visit.create" }),
      sync({ kind: "visit.create", input: visitInput(), extra: 1 }),
      // A photo needs its bytes: only multipart carries them.
      sync({ kind: "visit.photo.add", input: { visitId: "x", idempotencyKey: crypto.randomUUID() } }),
    ]) {
      const res = await bad;
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/\S/);
    }
    // Valid envelope, invalid input: the action's own field errors, as the form shows them.
    const answer = await answerOf(await sync({ kind: "visit.create", input: visitInput({ placeId: "" }) }));
    expect("result" in answer && !answer.result.ok && Object.keys(answer.result.fieldErrors ?? {})).toContain("placeId");
  });

  it("a JSON envelope over 256 KB is refused with 413 while it is read (a photo's 5 MB cap is for multipart only); nothing is written", async () => {
    await actAs("py.officer");
    const before = await db.visit.count();
    const big = JSON.stringify({ kind: "visit.create", input: visitInput({ notes: "长".repeat(200_000) }) });
    expect(new TextEncoder().encode(big).byteLength).toBeGreaterThan(256 * 1024);
    const res = await sync(JSON.parse(big));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toContain("256 KB");
    expect(await db.visit.count()).toBe(before);
    // A multipart photo of 300 KB is under its own cap: answered by the action, not 413.
    const form = photoForm("no-such-visit", crypto.randomUUID());
    form.set("photo", new File([new Uint8Array(300 * 1024)], "p.png", { type: "image/png" }));
    expect((await post(form)).status).not.toBe(413);
  });

  it("an officer who must set a new password first: 403 naming the refusal (the device waits instead of marking the item to fix); nothing is written", async () => {
    await db.user.update({ where: { username: "py.officer2" }, data: { mustChangePassword: true } });
    await actAs("py.officer2");
    const before = await db.visit.count();
    const res = await sync({ kind: "visit.create", input: visitInput() });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, refusal: "mustChangePassword", error: expect.stringMatching(/密码/) });
    expect(await db.visit.count()).toBe(before);
  });

  it("an item recorded by another user on this device is refused with 401 and writes nothing", async () => {
    const manager = await actAs("py.manager");
    await actAs("py.officer");
    const before = await db.visit.count();
    const res = await POST(new Request(`${ORIGIN}/api/field/sync`, {
      method: "POST", headers: { origin: ORIGIN, host: "localhost:3000", "content-type": "application/json", [OUTBOX_USER_HEADER]: manager.id },
      body: JSON.stringify({ kind: "visit.create", input: visitInput() }),
    }));
    expect(res.status).toBe(401);
    expect(await db.visit.count()).toBe(before);
  });

  it("refuses a cross-site POST before reading the body", async () => {
    await actAs("py.officer");
    const res = await POST(new Request(`${ORIGIN}/api/field/sync`, {
      method: "POST", headers: { origin: "https://evil.example", host: "localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ kind: "visit.create", input: visitInput() }),
    }));
    expect(res.status).toBe(403);
  });
});
