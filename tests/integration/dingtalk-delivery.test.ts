// The delivery engine (notify → deliverPending / flushHeld) with the real DingTalk channel,
// its SDK and oapi endpoints pointed at a local server playing DingTalk's documented API
// (tests/support/fake-dingtalk.ts): retried after a 5xx and then sent, given up after
// MAX_DELIVERY_ATTEMPTS, a flow-control answer waits for its own delayed job, an unknown
// userid fails at once, the daily cap folds the rest into one digest work notice the next
// working morning, and a job that runs twice sends each notice once.
//
// Time: pinned inside working hours of a weekday some 400 days after the seed, with the
// calendar cleared around it, so quiet hours and the Shanghai day never depend on when the
// suite runs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { now, pinClock, unpinClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/platform/dates";
import { addCalendarDays, isWeekend, shanghaiInstant } from "@/lib/platform/calendar/working-days";
import { registerChannel, unregisterChannel } from "@/lib/platform/notifications/channels";
import { notify, type NotifyInput } from "@/lib/platform/notifications/notify";
import { deliverPending, flushHeld, MAX_DELIVERY_ATTEMPTS } from "@/lib/platform/notifications/jobs";
import { DINGTALK_CHANNEL, dingtalkChannel } from "@/lib/platform/notifications/providers/dingtalk";
import { dingtalkSettingsFromEnv } from "@/lib/platform/dingtalk/settings";
import { forgetDingTalkTokens } from "@/lib/platform/dingtalk/client";
import { fakeDingTalkEnv, startFakeDingTalk, type FakeDingTalk } from "../support/fake-dingtalk";
import { demoToday } from "../support/time";

const CAP = 3;
let fake: FakeDingTalk;
let officer: string;
let officer2: string;
let unlinked: string;
/** A Monday (Tuesday a working day too), 400 days after the seed. */
let M: string;
const at = (dayOffset: number, hhmm: string) =>
  shanghaiInstant(addCalendarDays(M, dayOffset), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

beforeAll(async () => {
  fake = await startFakeDingTalk();
  officer = (await db.user.update({ where: { username: "py.officer" }, data: { dingtalkUserId: "dt-py-officer", dingtalkLinkedAt: now() } })).id;
  officer2 = (await db.user.update({ where: { username: "py.officer2" }, data: { dingtalkUserId: "dt-py-officer2", dingtalkLinkedAt: now() } })).id;
  unlinked = (await db.user.update({ where: { username: "py.manager" }, data: { dingtalkUserId: null } })).id;
  fake.members.add("dt-py-officer");
  M = addCalendarDays(demoToday, 400);
  while (!(isWeekend(addCalendarDays(M, -1)) && !isWeekend(M))) M = addCalendarDays(M, 1);
  await db.calendarDay.deleteMany({ where: { date: { gte: dateOnly(addCalendarDays(M, -7)), lte: dateOnly(addCalendarDays(M, 7)) } } });
});
afterAll(async () => {
  unpinClock();
  await fake.close();
});
beforeEach(async () => {
  await db.notificationDelivery.deleteMany({});
  forgetDingTalkTokens();
  fake.requests.length = 0;
  registerChannel(dingtalkChannel(dingtalkSettingsFromEnv(fakeDingTalkEnv(fake, { DINGTALK_DAILY_CAP: String(CAP) }))!));
  pinClock(at(0, "10:00"));
});
afterEach(() => {
  unregisterChannel(DINGTALK_CHANNEL);
  unpinClock();
});

let seq = 0;
const notice = (over: Partial<NotifyInput> = {}): NotifyInput => ({
  userIds: [officer], kind: "test.assigned", titleKey: "generic", params: { text: `请处理诉求 ${++seq}` }, link: "/hotline/x", ...over,
});
const send = (input: NotifyInput) => db.$transaction((tx) => notify(input, tx));
const deliveries = (where: object = {}) =>
  db.notificationDelivery.findMany({ where: { channel: DINGTALK_CHANNEL, ...where }, orderBy: { createdAt: "asc" } });
const pendingIds = async () => (await deliveries({ status: "PENDING" })).map((d) => d.id);
/** Work notices DingTalk accepted (a scripted failure is recorded but not accepted). */
const accepted = () => fake.sent().length - scriptedFailures;
let scriptedFailures = 0;
const failNext = (...answers: Parameters<FakeDingTalk["script"]>[1][]) => {
  scriptedFailures += answers.length;
  fake.script("asyncsend", ...answers);
};
beforeEach(() => {
  scriptedFailures = 0;
});

describe("DingTalk deliveries through the engine", () => {
  it("only linked users get a delivery; it is sent as a work notice with DingTalk's task id", async () => {
    // py.manager has no DingTalk account: an in-app notice only.
    await send(notice({ userIds: [officer, unlinked] }));
    const [row] = await deliveries();
    expect(await deliveries()).toHaveLength(1);
    expect(await deliverPending({ deliveryIds: [row!.id] })).toMatchObject({ sent: 1 });
    const sent = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sent.providerRef).toMatch(/^\d+$/);
    expect(fake.sent()[0]!.body).toMatchObject({ userid_list: "dt-py-officer", msg: { action_card: { single_url: "https://zlzxt.example.gov.cn/hotline/x" } } });
  });

  it("retried after a 5xx, then sent once", async () => {
    await send(notice());
    const [id] = await pendingIds();
    failNext({ status: 503 });
    await expect(deliverPending({ deliveryIds: [id!] })).rejects.toThrow(/retry/);
    const failed = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toContain("503");
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ sent: 1 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(accepted()).toBe(1);
  });

  it("given up after MAX_DELIVERY_ATTEMPTS 5xx answers", async () => {
    await send(notice());
    const [id] = await pendingIds();
    failNext(...Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => ({ status: 502 })));
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) await expect(deliverPending({ deliveryIds: [id!] })).rejects.toThrow();
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ failed: 1 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    await deliverPending({ deliveryIds: [id!] });
    expect(fake.sent()).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(accepted()).toBe(0);
  });

  it("flow control waits for a delayed job of its own; an unknown userid fails at once", async () => {
    await send(notice());
    const [id] = await pendingIds();
    failNext({ errcode: 90018, errmsg: "限流" });
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ retrying: 1 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 1 });

    // py.officer2 is linked to a userid that is not a member of the organisation.
    await send(notice({ userIds: [officer2] }));
    const [other] = (await deliveries({ userId: officer2 })).map((d) => d.id);
    expect(await deliverPending({ deliveryIds: [other!] })).toMatchObject({ failed: 1 });
    const refused = await db.notificationDelivery.findUniqueOrThrow({ where: { id: other } });
    expect(refused).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(refused.lastError).toContain("33012");
  });

  it("folded at the daily cap: the rest goes out as one digest work notice the next morning", async () => {
    for (let i = 0; i < 5; i++) {
      await send(notice());
      await deliverPending({ deliveryIds: await pendingIds() });
    }
    // The cap's last slot is kept for the digest.
    expect((await deliveries()).map((d) => d.status)).toEqual(["SENT", "SENT", "HELD", "HELD", "HELD"]);
    expect(accepted()).toBe(CAP - 1);

    pinClock(at(1, "08:30"));
    expect(await flushHeld()).toEqual({ released: 3, digests: 1 });
    const [digest] = await deliveries({ kind: "digest" });
    expect(await deliverPending({ deliveryIds: [digest!.id] })).toMatchObject({ sent: 1 });
    const notice3 = fake.sent().at(-1)!.body as { msg: { action_card: { title: string; markdown: string; single_url: string } } };
    expect(notice3.msg.action_card.title).toBe("您有 3 条新通知");
    expect(notice3.msg.action_card.single_url).toBe("https://zlzxt.example.gov.cn/notifications");
    expect(accepted()).toBe(CAP);
  });

  it("never sent twice when the job runs twice (one after the other, and at once)", async () => {
    await send(notice());
    await send(notice());
    const ids = await pendingIds();
    expect(ids).toHaveLength(2);
    const results = await Promise.all([deliverPending({ deliveryIds: ids }), deliverPending({ deliveryIds: [...ids].reverse() })]);
    expect(results[0]!.sent + results[1]!.sent).toBe(2);
    await deliverPending({ deliveryIds: ids });
    expect(accepted()).toBe(2);
    expect(await db.notificationDelivery.count({ where: { channel: DINGTALK_CHANNEL, status: "SENT" } })).toBe(2);
  });
});
