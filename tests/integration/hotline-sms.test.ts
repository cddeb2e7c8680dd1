// The hotline's SMS to the enterprise that called, through the real actions and the delivery job,
// with the Aliyun SMS channel pointed at a local SendSms (tests/support/fake-aliyun-sms.ts): the
// confirmation number and tracking code at intake, a short message when the request is answered
// and when it is closed — each once, however often the job runs; retried after a 5xx and given up
// after MAX_DELIVERY_ATTEMPTS. No channel configured: no delivery rows, the hotline as before.
// The caller's number goes to Aliyun and nowhere else (not the delivery row, not the console).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/platform/db/client";
import { registerChannel, resetConfiguredChannels, unregisterChannel } from "@/lib/platform/notifications/channels";
import { registerContactResolvers } from "@/lib/platform/notifications/contacts";
import { DELIVER_JOB } from "@/lib/platform/notifications/notify";
import { deliverPending, MAX_DELIVERY_ATTEMPTS } from "@/lib/platform/notifications/jobs";
import { aliyunSmsChannel, aliyunSmsSettings } from "@/lib/platform/notifications/providers/aliyun-sms";
import {
  acceptRequestAction, assignRequestAction, closeRequestAction, intakeRequestAction, reopenRequestAction, resolveRequestAction, respondRequestAction,
} from "@/lib/hotline/actions";
import { handlePublicIntake } from "@/lib/hotline/public";
import { runClockCheck } from "@/lib/hotline/alerts";
import { hotlineModule } from "@/lib/hotline";
import { programmeContacts } from "@/lib/programmes/registry";
import { startFakeAliyunSms, type FakeAliyunSms } from "../support/fake-aliyun-sms";
import { resetRequest, signInAs, withPeer } from "../support/next-stubs";
import { actAs, unitByCode, ok } from "../support/fixtures";

const KEYS = { accessKeyId: "LTAI-hotline-test", accessKeySecret: "hotline-test-secret", signName: "余杭亲企" };
const TEMPLATES = { intake: "SMS_200000001", answered: "SMS_200000002", closed: "SMS_200000003" };

let fake: FakeAliyunSms;
let programmeId: string;
let enterpriseId: string;
let handler: { id: string; role: "OFFICER"; orgUnitId: string; sessionVersion: number };
let phoneSeq = 0;
const freshMobile = () => `1370000${String(++phoneSeq).padStart(4, "0")}`;

beforeAll(async () => {
  fake = await startFakeAliyunSms(KEYS);
  registerContactResolvers(programmeContacts());
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
  enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
  const unit = await unitByCode("YH-LZ-QQB");
  const u = await db.user.create({ data: { username: "t.sms.qqb", name: "短信测试办理人", role: "OFFICER", orgUnitId: unit.id, passwordHash: "x" } });
  handler = { id: u.id, role: "OFFICER", orgUnitId: unit.id, sessionVersion: u.sessionVersion };
});
afterAll(() => fake.close());
beforeEach(() => {
  resetRequest();
  fake.reset();
  unregisterChannel("sms");
});

function smsOn() {
  const settings = aliyunSmsSettings({
    ALIYUN_SMS_ACCESS_KEY_ID: KEYS.accessKeyId, ALIYUN_SMS_ACCESS_KEY_SECRET: KEYS.accessKeySecret, ALIYUN_SMS_SIGN_NAME: KEYS.signName,
    ALIYUN_SMS_ENDPOINT: fake.endpoint, ALIYUN_SMS_TEMPLATE_INTAKE: TEMPLATES.intake,
    ALIYUN_SMS_TEMPLATE_ANSWERED: TEMPLATES.answered, ALIYUN_SMS_TEMPLATE_CLOSED: TEMPLATES.closed,
  })!;
  registerChannel(aliyunSmsChannel(settings));
}

async function phoneIntake(callerPhone: string) {
  await actAs("lz.officer");
  return ok(await intakeRequestAction({
    programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
    callerName: "王经理", callerPhone, category: "检验检测", title: "", description: "新产品需要第三方检测机构", urgency: "NORMAL",
    idempotencyKey: crypto.randomUUID(),
  }));
}

/** Accept, assign to 亲企办, answer (回应), resolve, close: the SMS after answering and after closing. */
async function workThrough(id: string, stop: "respond" | "close" = "close") {
  await actAs("lz.officer");
  ok(await acceptRequestAction({ id, version: 1, note: "" }));
  ok(await assignRequestAction({ id, version: 2, leadDepartmentId: handler.orgUnitId, assigneeId: "", coHandlerIds: [], note: "" }));
  await signInAs(handler);
  ok(await respondRequestAction({ id, version: 3, response: "已联系企业，推荐辖区检测机构" }));
  if (stop === "respond") return;
  ok(await resolveRequestAction({ id, version: 4, resolution: "检测机构上门完成检测" }));
  await actAs("lz.officer");
  ok(await closeRequestAction({ id, version: 5, satisfaction: 5, comment: "满意" }));
}

const deliveriesOf = (requestId: string) =>
  db.notificationDelivery.findMany({ where: { recipientType: "ServiceRequest", recipientId: requestId }, orderBy: { createdAt: "asc" } });

/** Runs the deliver job for these rows as the worker would; a retry request (a throw) is returned, not raised. */
async function runDeliver(ids: string[]) {
  return deliverPending({ deliveryIds: ids }).catch((e: unknown) => e);
}

const jobsFor = (deliveryId: string) =>
  db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${DELIVER_JOB} AND data->'deliveryIds' ? ${deliveryId}`.then((r) => r[0]!.n);

describe("the hotline's notices", () => {
  it("the descriptor declares every kind it notifies users of, a breach urgent and a warning not; and the caller as a contact", async () => {
    const kinds = Object.fromEntries((hotlineModule.notificationKinds ?? []).map((k) => [k.kind, k]));
    expect(Object.keys(kinds).sort()).toEqual([
      "hotline.assigned", "hotline.breach", "hotline.chase", "hotline.extension", "hotline.online", "hotline.reopened", "hotline.sentBack", "hotline.warning",
    ]);
    expect(kinds["hotline.breach"]).toMatchObject({ urgent: true, external: true });
    expect(kinds["hotline.warning"]).toMatchObject({ urgent: false, external: true });
    expect(Object.values(kinds).every((k) => k.external)).toBe(true);

    const mobile = freshMobile();
    const { id } = await phoneIntake(mobile);
    const { id: landline } = await phoneIntake("0571-88886666");
    const resolve = hotlineModule.contacts!.ServiceRequest!;
    expect(await resolve(id, db)).toEqual({ phone: mobile });
    expect(await resolve(landline, db)).toEqual({ phone: null });
    expect(await resolve("no-such-request", db)).toBeNull();
  });

  it("every notice carries the request's programme and the kind's urgency", async () => {
    const { id } = await phoneIntake(freshMobile());
    await workThrough(id, "respond");
    const r = await db.serviceRequest.findUniqueOrThrow({ where: { id } });
    // Clock alerts of a request still open: a fresh one, assigned to the department, not answered.
    const { id: open } = await phoneIntake(freshMobile());
    await actAs("lz.officer");
    ok(await acceptRequestAction({ id: open, version: 1, note: "" }));
    ok(await assignRequestAction({ id: open, version: 2, leadDepartmentId: handler.orgUnitId, assigneeId: "", coHandlerIds: [], note: "" }));
    const due = (await db.serviceRequest.findUniqueOrThrow({ where: { id: open } })).respondDueAt;
    const clock = { requestId: open, stage: "RESPOND" as const, dueAt: due.toISOString(), seq: 0 };
    expect(await runClockCheck({ ...clock, kind: "WARN" }, new Date(due.getTime() - 60_000))).toBe("fired");
    expect(await runClockCheck({ ...clock, kind: "BREACH" }, new Date(due.getTime() + 60_000))).toBe("fired");

    const notices = await db.notification.findMany({ where: { entityId: { in: [id, open] } }, select: { kind: true, programmeId: true, urgent: true } });
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(["hotline.assigned", "hotline.warning", "hotline.breach"]));
    expect(notices.every((n) => n.programmeId === r.programmeId)).toBe(true);
    expect(notices.filter((n) => n.urgent).map((n) => n.kind).every((k) => k === "hotline.breach")).toBe(true);
    expect(notices.some((n) => n.kind === "hotline.breach" && n.urgent)).toBe(true);
  });
});

describe("no SMS channel configured", () => {
  it("the hotline works as before and queues nothing", async () => {
    const phone = freshMobile();
    const { id } = await phoneIntake(phone);
    await workThrough(id);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
    expect(await deliveriesOf(id)).toEqual([]);
    expect(fake.requests).toEqual([]);
  });
});

describe("SMS to the caller", () => {
  it("at a phone intake: one SMS with the number and the tracking code, however often the job runs; the row holds neither the phone nor the code", async () => {
    smsOn();
    const phone = freshMobile();
    const { id, number, trackingCode } = await phoneIntake(phone);
    const rows = await deliveriesOf(id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      channel: "sms", kind: "hotline.sms.intake", template: "intake", status: "PENDING", userId: null, notificationId: null,
      dedupeKey: `sms:intake:${id}`, link: `/service/track?n=${number}`,
    });
    expect((row.params as Record<string, string>).number).toBe(number);
    // Queued in the intake's own transaction, with its job.
    expect(await jobsFor(row.id)).toBe(1);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(trackingCode);

    await runDeliver([row.id]);
    await runDeliver([row.id]);
    expect(fake.sent()).toHaveLength(1);
    expect(fake.sent()[0]).toMatchObject({ phoneNumbers: phone, templateCode: TEMPLATES.intake, templateParam: { number, code: trackingCode }, outId: row.id });
    const sent = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, providerRef: fake.sent()[0]!.bizId, lastError: null });
    expect(JSON.stringify(sent)).not.toContain(phone);
  });

  it("at a public online intake: one SMS with the number and code the page showed", async () => {
    smsOn();
    const phone = freshMobile();
    const res = await handlePublicIntake(new Request("http://localhost:3000/service/submit", {
      method: "POST",
      headers: withPeer("10.77.0.1", { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" }),
      body: JSON.stringify({
        programmeId, enterpriseName: "杭州中双元科技有限公司", creditCode: "", callerName: "陈经理", callerPhone: phone,
        category: "检验检测", title: "", description: "新产品需要第三方检测", urgency: "NORMAL", website: "",
      }),
    }));
    const json = await res.json();
    expect(json.ok).toBe(true);
    const request = await db.serviceRequest.findUniqueOrThrow({ where: { number: json.number } });
    const rows = await deliveriesOf(request.id);
    expect(rows.map((r) => r.kind)).toEqual(["hotline.sms.intake"]);
    await runDeliver(rows.map((r) => r.id));
    expect(fake.sent().map((r) => [r.phoneNumbers, r.templateParam])).toEqual([[phone, { number: json.number, code: json.trackingCode }]]);
  });

  it("is on from the settings alone (ALIYUN_SMS_*), with no registration step", async () => {
    const env = {
      ALIYUN_SMS_ACCESS_KEY_ID: KEYS.accessKeyId, ALIYUN_SMS_ACCESS_KEY_SECRET: KEYS.accessKeySecret, ALIYUN_SMS_SIGN_NAME: KEYS.signName,
      ALIYUN_SMS_ENDPOINT: fake.endpoint, ALIYUN_SMS_TEMPLATE_INTAKE: TEMPLATES.intake,
    };
    Object.assign(process.env, env);
    resetConfiguredChannels();
    try {
      const phone = freshMobile();
      const { id, number } = await phoneIntake(phone);
      const rows = await deliveriesOf(id);
      expect(rows.map((r) => r.kind)).toEqual(["hotline.sms.intake"]);
      await runDeliver(rows.map((r) => r.id));
      expect(fake.sent().map((r) => [r.phoneNumbers, r.templateCode, r.templateParam.number])).toEqual([[phone, TEMPLATES.intake, number]]);
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      resetConfiguredChannels();
    }
  });

  it("a caller without a mobile number (a landline) gets no SMS and no delivery row", async () => {
    smsOn();
    const { id } = await phoneIntake("0571-88886666");
    await workThrough(id);
    expect(await deliveriesOf(id)).toEqual([]);
  });

  it("when answered and when closed: one SMS each with the number, however often the job runs", async () => {
    smsOn();
    const phone = freshMobile();
    const { id, number } = await phoneIntake(phone);
    await workThrough(id);
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => [r.kind, r.template, r.dedupeKey])).toEqual([
      ["hotline.sms.intake", "intake", `sms:intake:${id}`],
      ["hotline.sms.answered", "answered", `sms:answered:${id}`],
      ["hotline.sms.closed", "closed", `sms:closed:${id}`],
    ]);
    const ids = rows.map((r) => r.id);
    await runDeliver(ids);
    await runDeliver(ids);
    expect(fake.sent().map((r) => [r.templateCode, r.templateParam])).toEqual([
      [TEMPLATES.intake, { number, code: expect.any(String) }],
      [TEMPLATES.answered, { number }],
      [TEMPLATES.closed, { number }],
    ]);
    expect((await deliveriesOf(id)).map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
  });

  it("answered again after a reopen: a second 'answered' message (the key carries the reopen count)", async () => {
    smsOn();
    const { id } = await phoneIntake(freshMobile());
    await workThrough(id, "respond");
    await signInAs(handler);
    ok(await resolveRequestAction({ id, version: 4, resolution: "已处理" }));
    await actAs("lz.officer");
    ok(await reopenRequestAction({ id, version: 5, note: "企业不满意" }));
    ok(await assignRequestAction({ id, version: 6, leadDepartmentId: handler.orgUnitId, assigneeId: "", coHandlerIds: [], note: "" }));
    await signInAs(handler);
    ok(await respondRequestAction({ id, version: 7, response: "重新回应" }));
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => r.dedupeKey)).toEqual([`sms:intake:${id}`, `sms:answered:${id}`, `sms:answered:${id}:1`]);
    // The same day, the same text: still two sends — each dedupe key is an event of its own,
    // not a repeat for the same-day content fold.
    await runDeliver(rows.map((r) => r.id));
    expect(fake.sent().filter((r) => r.templateCode === TEMPLATES.answered)).toHaveLength(2);
    expect((await deliveriesOf(id)).map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
  });
});

describe("provider failures", () => {
  it("an HTTP 500 is retried and the message then goes once", async () => {
    smsOn();
    const { id } = await phoneIntake(freshMobile());
    const [row] = await deliveriesOf(id);
    fake.script("http500");
    expect(await runDeliver([row!.id])).toBeInstanceOf(Error); // the job asks pg-boss for a retry
    const retrying = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(retrying).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(retrying.lastError).toContain("500");
    await runDeliver([row!.id]);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(fake.requests.map((r) => r.answer)).toEqual(["http500", "ok"]);
  });

  it(`is given up after ${MAX_DELIVERY_ATTEMPTS} failed attempts`, async () => {
    smsOn();
    const { id } = await phoneIntake(freshMobile());
    const [row] = await deliveriesOf(id);
    fake.script(...Array.from({ length: MAX_DELIVERY_ATTEMPTS + 1 }, () => "http500" as const));
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 1; i++) await runDeliver([row!.id]);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(fake.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it("a number Aliyun refuses fails at once; neither the row nor the console shows the number", async () => {
    smsOn();
    const phone = freshMobile();
    const { id } = await phoneIntake(phone);
    const [row] = await deliveriesOf(id);
    fake.script("invalidNumber");
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(" "))));
    try {
      await runDeliver([row!.id]);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    const failed = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toContain("isv.MOBILE_NUMBER_ILLEGAL");
    expect(JSON.stringify(failed)).not.toContain(phone);
    expect(lines.join("\n")).not.toContain(phone);
  });
});
