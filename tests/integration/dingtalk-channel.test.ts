// The DingTalk work-notice channel (lib/platform/notifications/providers/dingtalk.ts) with the
// official SDK's endpoint (the access token) and the oapi endpoint (work notices) pointed at a
// local server playing DingTalk's documented API (tests/support/fake-dingtalk.ts): the request
// DingTalk receives, each documented failure mapped to a retryable or final ChannelError, the
// token renewed once when DingTalk refuses it, and who the channel can reach.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/platform/db/client";
import { now } from "@/lib/platform/clock";
import { ChannelError, type NotificationChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { dingtalkChannel } from "@/lib/platform/notifications/providers/dingtalk";
import { renderMessage, setNotificationMessages } from "@/lib/platform/notifications/render";
import { messagesFor } from "@/lib/programmes/messages";
import { dingtalkSettingsFromEnv } from "@/lib/platform/dingtalk/settings";
import { forgetDingTalkTokens } from "@/lib/platform/dingtalk/client";
import { fakeDingTalkEnv, startFakeDingTalk, type FakeDingTalk } from "../support/fake-dingtalk";
import { demoUser } from "../support/fixtures";

let fake: FakeDingTalk;
let channel: NotificationChannel;
let officer: { id: string };
let manager: { id: string };
let unlinked: { id: string };

beforeAll(async () => {
  fake = await startFakeDingTalk();
  channel = dingtalkChannel(dingtalkSettingsFromEnv(fakeDingTalkEnv(fake, { DINGTALK_DAILY_CAP: "20" }))!);
  officer = await db.user.update({ where: { username: "py.officer" }, data: { dingtalkUserId: "dt-py-officer", dingtalkLinkedAt: now() } });
  manager = await db.user.update({ where: { username: "py.manager" }, data: { dingtalkUserId: "dt-py-manager", dingtalkLinkedAt: now(), active: false } });
  unlinked = await demoUser("py.officer2");
  fake.members.add("dt-py-officer");
  fake.members.add("dt-py-manager");
});
afterAll(() => fake.close());
beforeEach(() => {
  forgetDingTalkTokens();
  fake.requests.length = 0;
});

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  deliveryId: "delivery-1", channel: "dingtalk", to: { userId: officer.id }, kind: "test.assigned",
  template: "generic", params: { text: "请处理诉求 RX-20261202-0001" }, link: "/hotline/abc",
  count: 1, urgent: false, attempt: 1, ...over,
});

async function refusal(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe("the DingTalk channel", () => {
  it("is off without the app key, secret and agent id, and takes its settings from env", () => {
    expect(dingtalkSettingsFromEnv({})).toBeNull();
    expect(dingtalkSettingsFromEnv({ DINGTALK_APP_KEY: "k", DINGTALK_APP_SECRET: "s" })).toBeNull();
    const s = dingtalkSettingsFromEnv({ DINGTALK_APP_KEY: "k", DINGTALK_APP_SECRET: "s", DINGTALK_AGENT_ID: "1", APP_URL: "https://a.example/" })!;
    expect(s).toMatchObject({ apiEndpoint: "https://api.dingtalk.com", oapiEndpoint: "https://oapi.dingtalk.com", dailyCap: 100, appUrl: "https://a.example", corpId: null });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(dingtalkSettingsFromEnv({ DINGTALK_APP_KEY: "k", DINGTALK_APP_SECRET: "s", DINGTALK_AGENT_ID: "agent-1" })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(channel.dailyCap).toBe(20);
  });

  it("sends a work notice: the agent id, the user's DingTalk userid, the zh-CN title and the absolute link", async () => {
    const result = await channel.send(message({ count: 3 }));
    expect(result).toMatchObject({ providerRef: expect.stringMatching(/^\d+$/) });
    // One token from the SDK's endpoint (appKey/appSecret checked by the fake), one notice.
    const token = fake.requests.find((r) => r.path === "/v1.0/oauth2/accessToken")!;
    expect(token.body).toEqual({ appKey: fake.appKey, appSecret: fake.appSecret });
    const [sent] = fake.sent();
    expect(fake.sent()).toHaveLength(1);
    expect(sent!.accessToken).toBe(`fake-token-${fake.tokensIssued()}`);
    expect(sent!.body).toMatchObject({
      agent_id: Number(fake.agentId),
      userid_list: "dt-py-officer",
      msg: {
        msgtype: "action_card",
        action_card: { title: "请处理诉求 RX-20261202-0001", single_title: "查看详情", single_url: "https://zlzxt.example.gov.cn/hotline/abc" },
      },
    });
    const card = (sent!.body.msg as { action_card: { markdown: string } }).action_card;
    expect(card.markdown).toBe("请处理诉求 RX-20261202-0001（共 3 次）");
    // The token is cached: more messages, also at once, ask for no new one.
    const issued = fake.tokensIssued();
    await Promise.all([channel.send(message()), channel.send(message())]);
    expect(fake.tokensIssued()).toBe(issued);
    // Concurrent first sends share one token request.
    forgetDingTalkTokens();
    await Promise.all([channel.send(message()), channel.send(message()), channel.send(message())]);
    expect(fake.tokensIssued()).toBe(issued + 1);
  });

  it("sends markdown without a link when APP_URL is not set (or the link is not an in-app path)", async () => {
    const noUrl = dingtalkChannel(dingtalkSettingsFromEnv({ ...fakeDingTalkEnv(fake), APP_URL: "" })!);
    await noUrl.send(message());
    await channel.send(message({ link: "https://evil.example/x" }));
    for (const sent of fake.sent()) {
      expect(sent.body.msg).toEqual({ msgtype: "markdown", markdown: { title: "请处理诉求 RX-20261202-0001", text: "请处理诉求 RX-20261202-0001" } });
    }
  });

  it("renders a digest from the catalogue: 您有 N 条新通知", async () => {
    const digest = await renderMessage(message({ kind: "digest", template: null, params: { count: 7, kinds: "" }, count: 7 }));
    expect(digest.title).toBe("您有 7 条新通知");
    expect(digest.text).toContain("请打开浙里专项通查看");
    const en = await renderMessage(message({ kind: "digest", template: null, params: { count: 2, kinds: "" } }), "en");
    expect(en.title).toBe("You have 2 new notifications");
    // An unknown key falls back to the generic title, as in the notification centre.
    expect((await renderMessage(message({ template: "no.such.key" }))).title).toBe("系统消息");
  });

  it("renders a module's titleKey once the composition root hands over the whole catalogue", async () => {
    const breach = message({ kind: "hotline.breach", template: "hotline.notify.breach", params: { stage: "ASSIGN", number: "RX-1" } });
    expect((await renderMessage(breach)).title).toBe("系统消息");
    setNotificationMessages(messagesFor);
    expect((await renderMessage(breach)).title).toBe("诉求交办已超时：RX-1");
    expect((await renderMessage(breach, "en")).title).not.toBe("诉求交办已超时：RX-1");
    // A stored param that no longer fits the text: the generic title, not an error.
    expect((await renderMessage({ ...breach, params: {} })).title).toBe("系统消息");
  });

  it("a 5xx is a retryable ChannelError", async () => {
    fake.script("asyncsend", { status: 502 });
    const error = await refusal(channel.send(message()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("502");
  });

  it("DingTalk's 'system busy' (errcode -1) is retryable", async () => {
    fake.script("asyncsend", { errcode: -1, errmsg: "系统繁忙" });
    expect((await refusal(channel.send(message()))).retryable).toBe(true);
  });

  it("flow control (限流) is retryable, with a retry-after", async () => {
    fake.script("asyncsend", { errcode: 90018, errmsg: "当前企业调用该接口的超过限流" });
    const error = await refusal(channel.send(message()));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toContain("90018");
    // Also when it comes as errcode 88 with the flow-control sub_code.
    fake.script("asyncsend", { errcode: 88, sub_code: "90006", errmsg: "ding talk error[subcode=90006]" });
    expect((await refusal(channel.send(message()))).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("an expired token is renewed once and the notice sent once", async () => {
    await channel.send(message());
    const first = fake.sent()[0]!.accessToken;
    fake.expireTokens();
    fake.requests.length = 0;
    await channel.send(message());
    // Refused with 42001, a new token from the SDK's endpoint, the notice again: sent once.
    const [refused, sent] = fake.sent();
    expect(fake.sent()).toHaveLength(2);
    expect(refused!.accessToken).toBe(first);
    expect(sent!.accessToken).not.toBe(first);
    expect(fake.requests.filter((r) => r.path === "/v1.0/oauth2/accessToken")).toHaveLength(1);
  });

  it("a token refused twice in a row is retryable (not a loop)", async () => {
    fake.script("asyncsend", { errcode: 40014 }, { errcode: 40014 });
    const error = await refusal(channel.send(message()));
    expect(error.retryable).toBe(true);
    expect(fake.sent()).toHaveLength(2);
  });

  it("an unknown DingTalk user is final, with a message an admin can act on", async () => {
    await db.user.update({ where: { id: officer.id }, data: { dingtalkUserId: "dt-left-the-organisation" } });
    try {
      const error = await refusal(channel.send(message()));
      expect(error.retryable).toBe(false);
      expect(error.message).toContain("33012");
    } finally {
      await db.user.update({ where: { id: officer.id }, data: { dingtalkUserId: "dt-py-officer" } });
    }
  });

  it("a wrong app secret is final, and no secret or token is in the message", async () => {
    const wrong = dingtalkChannel(dingtalkSettingsFromEnv({ ...fakeDingTalkEnv(fake), DINGTALK_APP_KEY: "ding-other-app", DINGTALK_APP_SECRET: "not-the-secret" })!);
    const error = await refusal(wrong.send(message()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("invalidClientIdOrSecret");
    expect(error.message).not.toMatch(/not-the-secret|fake-token/);
    expect(fake.sent()).toHaveLength(0);
  });

  it("DingTalk unreachable is retryable", async () => {
    const down = dingtalkChannel(dingtalkSettingsFromEnv({ ...fakeDingTalkEnv(fake), DINGTALK_API_ENDPOINT: "http://127.0.0.1:9", DINGTALK_APP_KEY: "ding-unreachable" })!);
    const error = await refusal(down.send(message()));
    expect(error.retryable).toBe(true);
  });

  it("reaches active users linked to DingTalk only; an unlinked or deactivated one is refused at send time", async () => {
    const reachable = await channel.reachableUsers!([officer.id, manager.id, unlinked.id], db);
    expect([...reachable]).toEqual([officer.id]);
    expect((await refusal(channel.send(message({ to: { userId: unlinked.id } })))).retryable).toBe(false);
    expect((await refusal(channel.send(message({ to: { userId: manager.id } })))).retryable).toBe(false);
    expect((await refusal(channel.send(message({ to: { recipientType: "ServiceRequest", recipientId: "x" } })))).retryable).toBe(false);
    expect(fake.sent()).toHaveLength(0);
  });
});
