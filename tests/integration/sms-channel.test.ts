// The SMS channel (lib/platform/notifications/providers/aliyun-sms.ts) with Aliyun's official SDK
// pointed at a local server that plays SendSms as documented (tests/support/fake-aliyun-sms.ts:
// request shape, V3 signature with the key, error codes, flow control, HTTP 500). The mobile
// number comes from the record's contact resolver at send time and appears nowhere but in the
// request to Aliyun: not in an error, not on the console.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ChannelError, type NotificationChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { registerContactResolvers } from "@/lib/platform/notifications/contacts";
import { aliyunSmsChannel, aliyunSmsSettings, type AliyunSmsSettings } from "@/lib/platform/notifications/providers/aliyun-sms";
import { sealParam } from "@/lib/platform/notifications/sealed";
import { startFakeAliyunSms, type FakeAliyunSms } from "../support/fake-aliyun-sms";

const KEYS = { accessKeyId: "LTAI-test-key-id", accessKeySecret: "test-secret-not-for-production", signName: "余杭亲企" };
const PHONE = "13912345678";
const phones: Record<string, string | null> = { withMobile: PHONE, landline: "0571-88886666", none: null, invalid: "1391234567" };

let fake: FakeAliyunSms;
let settings: AliyunSmsSettings;
let channel: NotificationChannel;

beforeAll(async () => {
  fake = await startFakeAliyunSms(KEYS);
  settings = aliyunSmsSettings({
    ALIYUN_SMS_ACCESS_KEY_ID: KEYS.accessKeyId, ALIYUN_SMS_ACCESS_KEY_SECRET: KEYS.accessKeySecret, ALIYUN_SMS_SIGN_NAME: KEYS.signName,
    ALIYUN_SMS_ENDPOINT: fake.endpoint, ALIYUN_SMS_TEMPLATE_INTAKE: "SMS_100000001", ALIYUN_SMS_TEMPLATE_ANSWERED: "SMS_100000002",
  })!;
  channel = aliyunSmsChannel(settings);
  registerContactResolvers({ TestContact: async (id) => (id in phones ? { phone: phones[id] ?? null } : null) });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  deliveryId: "delivery-1", channel: "sms", to: { recipientType: "TestContact", recipientId: "withMobile" }, kind: "hotline.sms.intake",
  template: "intake", params: { number: "QQB20261202-0001", code: "ABCD2345" }, link: "/service/track?n=QQB20261202-0001",
  count: 1, urgent: false, attempt: 1, ...over,
});

async function refusal(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

/** Everything written to the console while `fn` runs. */
async function consoleDuring(fn: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "))),
  );
  const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")].map((s) =>
    s.mockImplementation(((chunk: unknown) => { lines.push(String(chunk)); return true; }) as never),
  );
  try {
    await fn().catch((e: unknown) => lines.push(`thrown: ${e instanceof Error ? e.message : String(e)}`));
  } finally {
    [...spies, ...writes].forEach((s) => s.mockRestore());
  }
  return lines.join("\n");
}

describe("settings", () => {
  it("the channel is off unless the key id, the secret and the signature name are all set", () => {
    expect(aliyunSmsSettings({})).toBeNull();
    expect(aliyunSmsSettings({ ALIYUN_SMS_ACCESS_KEY_ID: "k", ALIYUN_SMS_ACCESS_KEY_SECRET: "s" })).toBeNull();
    expect(aliyunSmsSettings({ ALIYUN_SMS_ACCESS_KEY_ID: "k", ALIYUN_SMS_SIGN_NAME: "n" })).toBeNull();
    const on = aliyunSmsSettings({ ALIYUN_SMS_ACCESS_KEY_ID: "k", ALIYUN_SMS_ACCESS_KEY_SECRET: "s", ALIYUN_SMS_SIGN_NAME: "n", ALIYUN_SMS_TEMPLATE_CLOSED: " SMS_3 " });
    expect(on).toMatchObject({ endpoint: "dysmsapi.aliyuncs.com", protocol: "https", templates: { closed: "SMS_3" } });
    expect(settings).toMatchObject({ protocol: "http", endpoint: fake.endpoint.replace("http://", "") });
  });
});

describe("sending", () => {
  it("sends the template with its variables to the contact's mobile, signed with the key; the BizId is the provider ref", async () => {
    const result = await channel.send(message({ params: { number: "QQB20261202-0001", code: sealParam("ABCD2345") } }));
    expect(fake.refused).toEqual([]);
    expect(fake.sent()).toHaveLength(1);
    const [req] = fake.sent();
    expect(req).toMatchObject({
      accessKeyId: KEYS.accessKeyId, phoneNumbers: PHONE, signName: KEYS.signName, templateCode: "SMS_100000001", outId: "delivery-1",
      // A sealed parameter (the tracking code in the delivery row) is opened only for Aliyun; values go as strings.
      templateParam: { number: "QQB20261202-0001", code: "ABCD2345" },
    });
    expect(result).toEqual({ providerRef: req!.bizId });
  });

  it("numbers go as strings (TemplateParam accepts only string values)", async () => {
    await channel.send(message({ template: "answered", params: { number: "QQB20261202-0001", count: 3 } }));
    expect(fake.sent()[0]!.templateParam).toEqual({ number: "QQB20261202-0001", count: "3" });
  });

  it("a wrong secret is refused by the signature check: not retryable", async () => {
    const wrong = aliyunSmsChannel({ ...settings, accessKeySecret: "not-the-secret" });
    const error = await refusal(wrong.send(message()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(fake.refused).toEqual(["SignatureDoesNotMatch"]);
    expect(error.message).not.toContain("not-the-secret");
  });

  it("an unknown key id is refused: not retryable", async () => {
    const error = await refusal(aliyunSmsChannel({ ...settings, accessKeyId: "LTAI-unknown" }).send(message()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("InvalidAccessKeyId");
  });
});

describe("provider errors", () => {
  it("HTTP 500: retryable, and the next try goes through", async () => {
    fake.script("http500");
    const error = await refusal(channel.send(message()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("500");
    await channel.send(message({ attempt: 2 }));
    expect(fake.requests.map((r) => r.answer)).toEqual(["http500", "ok"]);
  });

  it("flow control (isv.BUSINESS_LIMIT_CONTROL): retryable, well later", async () => {
    fake.script("flowControl");
    const error = await refusal(channel.send(message()));
    expect(error).toMatchObject({ retryable: true, retryAfterSeconds: 3600 });
    expect(error.message).toContain("isv.BUSINESS_LIMIT_CONTROL");
  });

  it("an invalid number (isv.MOBILE_NUMBER_ILLEGAL): not retryable, and the number Aliyun echoes is masked", async () => {
    fake.script("invalidNumber");
    const error = await refusal(channel.send(message()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("isv.MOBILE_NUMBER_ILLEGAL");
    expect(error.message).not.toContain(PHONE);
    expect(error.message).not.toMatch(/\d{7,}/);
  });

  it("no server at the endpoint: retryable", async () => {
    const closed = await startFakeAliyunSms(KEYS);
    await closed.close();
    const error = await refusal(aliyunSmsChannel({ ...settings, endpoint: closed.endpoint.replace("http://", "") }).send(message()));
    expect(error.retryable).toBe(true);
  });
});

describe("nothing to send", () => {
  it("a contact without a mobile number (none, a landline, not a mainland mobile, unknown record): not retryable, nothing sent", async () => {
    for (const recipientId of ["none", "landline", "invalid", "deleted"]) {
      const error = await refusal(channel.send(message({ to: { recipientType: "TestContact", recipientId } })));
      expect(error.retryable).toBe(false);
      expect(error.message).toBe("no mobile number for the recipient");
    }
    expect(fake.requests).toEqual([]);
  });

  it("a template that is not configured, a record type without a resolver, a user, a sealed value that does not open: not retryable, nothing sent", async () => {
    expect((await refusal(channel.send(message({ template: "closed" })))).retryable).toBe(false);
    expect((await refusal(channel.send(message({ to: { recipientType: "Nobody", recipientId: "x" } })))).retryable).toBe(false);
    expect((await refusal(channel.send(message({ to: { userId: "u1" } })))).retryable).toBe(false);
    // A sealed value that does not open (the PII key changed since it was queued) never will.
    expect((await refusal(channel.send(message({ params: { number: "QQB20261202-0001", code: "sealed:v1.AAAA.BBBB.CCCC" } })))).retryable).toBe(false);
    expect(fake.requests).toEqual([]);
  });
});

describe("the phone number stays out of the logs", () => {
  it("a send, a refused send and a failed send write no phone number to the console", async () => {
    fake.script("invalidNumber", "http500");
    const output = [
      await consoleDuring(() => channel.send(message())),
      await consoleDuring(() => channel.send(message())),
      await consoleDuring(() => channel.send(message())),
      await consoleDuring(() => aliyunSmsChannel({ ...settings, accessKeySecret: "x" }).send(message())),
    ].join("\n");
    expect(fake.requests.length).toBe(3);
    expect(output).not.toContain(PHONE);
    expect(output).not.toContain(PHONE.slice(3));
  });
});
