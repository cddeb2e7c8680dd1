// The delivery engine of the external channels (issue 18), on a real database with an
// in-process channel: each message sent once (also when two job runs race), retries and their
// limit, same content once a day, the daily cap with one digest the next morning, quiet hours
// (a notice at 23:00 waits for the next working morning: Friday → Monday, over a holiday, onto a
// 调休 Saturday), the programme's rules and the user's switches, messages to a record's contact,
// and nothing at all while no channel is on.
//
// Time: every instant is pinned, in a fortnight this file lays out itself — some 400 days after
// the seed, with its own holiday and 调休 day in the calendar — so no result depends on the day
// or the hour the suite runs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/platform/dates";
import { addCalendarDays, isWeekend, shanghaiInstant as dayInstant } from "@/lib/platform/calendar/working-days";
import { ChannelError, registerChannel, unregisterChannel, type NotificationChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { DELIVER_JOB, FLUSH_JOB, notify, sendExternal, type NotifyInput } from "@/lib/platform/notifications/notify";
import {
  deliverPending,
  digestKinds,
  flushHeld,
  MAX_DELIVERY_ATTEMPTS,
  releaseStaleClaims,
  requeueStranded,
  safeErrorText,
  STALE_CLAIM_MINUTES,
} from "@/lib/platform/notifications/jobs";
import { demoUser } from "../support/fixtures";
import { demoToday } from "../support/time";

const CHANNEL = "test-push";

/** A channel that records what it is asked to send and fails when told to. */
function testChannel(options: { dailyCap?: number; reachable?: () => Set<string> } = {}) {
  const calls: OutboundMessage[] = [];
  const failures: Error[] = [];
  const channel: NotificationChannel = {
    name: CHANNEL,
    dailyCap: options.dailyCap,
    async reachableUsers(userIds) {
      const reachable = options.reachable?.();
      return new Set(userIds.filter((id) => !reachable || reachable.has(id)));
    },
    async send(message) {
      const failure = failures.shift();
      if (failure) throw failure;
      calls.push(message);
      return { providerRef: `ref-${calls.length}` };
    },
  };
  registerChannel(channel);
  return { calls, failNext: (...errors: Error[]) => failures.push(...errors) };
}

// The fortnight: F is a Friday; Monday F+3 is ordinary; Saturday F+8 is a 调休 working day;
// Wednesday F+12 is a holiday.
let F: string;
const day = (n: number) => addCalendarDays(F, n);
/** Shanghai wall-clock "HH:MM" on day F+n. */
const at = (n: number, hhmm: string) => dayInstant(day(n), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

let officer: string;
let officer2: string;
let manager: string;
let programmeId: string;

beforeAll(async () => {
  officer = (await demoUser("py.officer")).id;
  officer2 = (await demoUser("py.officer2")).id;
  manager = (await demoUser("py.manager")).id;
  programmeId = (await db.programme.findFirstOrThrow({ select: { id: true } })).id;
  F = addCalendarDays(demoToday, 400);
  while (!(isWeekend(addCalendarDays(F, 1)) && !isWeekend(F))) F = addCalendarDays(F, 1);
  await db.calendarDay.deleteMany({ where: { date: { gte: dateOnly(day(-14)), lte: dateOnly(day(90)) } } });
  await db.calendarDay.createMany({
    data: [
      { date: dateOnly(day(8)), kind: "WORKDAY", name: "调休" },
      { date: dateOnly(day(12)), kind: "HOLIDAY", name: "假日" },
    ],
  });
});
beforeEach(async () => {
  await db.notificationDelivery.deleteMany({});
  await db.programmeNotificationRule.deleteMany({ where: { programmeId } });
  await db.notificationPreference.deleteMany({ where: { channel: CHANNEL } });
});
afterEach(() => {
  unregisterChannel(CHANNEL);
  unpinClock();
});
afterAll(() => unpinClock());

let seq = 0;
const notice = (over: Partial<NotifyInput> = {}): NotifyInput => ({
  userIds: [officer],
  kind: "test.assigned",
  titleKey: "generic",
  params: { text: `请处理 ${++seq}` },
  link: "/hotline/x",
  ...over,
});
const send = (input: NotifyInput) => db.$transaction((tx) => notify(input, tx));
// Rows made at one pinned instant tie on createdAt; the id (a cuid: time, then a counter) keeps
// them in the order made, whatever the table's physical layout after earlier tests.
const deliveries = (where: object = {}) =>
  db.notificationDelivery.findMany({ where: { channel: CHANNEL, ...where }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const ids = async (where: object = {}) => (await deliveries(where)).map((d) => d.id);
const jobsNamed = (name: string) =>
  db.$queryRaw<{ data: Record<string, unknown>; start_after: Date }[]>`SELECT data, start_after FROM pgboss.job WHERE name = ${name} ORDER BY created_on`.catch(() => []); // no pgboss schema yet: no job

describe("sending", () => {
  it("queues one delivery with a job in the event's transaction and sends it once", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    const [notificationId] = await send(notice({ params: { text: "超时提醒" }, link: "/hotline/y" }));
    const [row] = await deliveries();
    expect(row).toMatchObject({
      notificationId,
      channel: CHANNEL,
      userId: officer,
      kind: "test.assigned",
      template: "generic",
      params: { text: "超时提醒" },
      link: "/hotline/y",
      urgent: false,
      status: "PENDING",
      notBefore: null,
    });
    const jobs = await jobsNamed(DELIVER_JOB);
    expect(jobs.some((j) => (j.data.deliveryIds as string[]).includes(row!.id))).toBe(true);

    expect(await deliverPending({ deliveryIds: [row!.id] })).toMatchObject({ sent: 1 });
    expect(channel.calls).toEqual([
      expect.objectContaining({ deliveryId: row!.id, channel: CHANNEL, to: { userId: officer }, template: "generic", params: { text: "超时提醒" }, link: "/hotline/y", count: 1, urgent: false, attempt: 1 }),
    ]);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 1, providerRef: "ref-1", sentAt: at(3, "10:00") });
    // The same job again (a retry after a crash): nothing twice.
    await deliverPending({ deliveryIds: [row!.id] });
    expect(channel.calls).toHaveLength(1);
  });

  it("two runs of the same job at once send each delivery once", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice({ userIds: [officer, officer2, manager] }));
    const all = await ids();
    expect(all).toHaveLength(3);
    const results = await Promise.all([deliverPending({ deliveryIds: all }), deliverPending({ deliveryIds: [...all].reverse() })]);
    expect(results[0]!.sent + results[1]!.sent).toBe(3);
    expect(channel.calls).toHaveLength(3);
    expect(new Set(channel.calls.map((c) => c.deliveryId)).size).toBe(3);
    expect(await db.notificationDelivery.count({ where: { channel: CHANNEL, status: "SENT" } })).toBe(3);
  });

  it("a retryable failure goes back to PENDING and is sent by the next run", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    channel.failNext(new ChannelError("gateway timeout", true));
    await expect(deliverPending({ deliveryIds: [id!] })).rejects.toThrow(/retry/);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: "gateway timeout" });
    await deliverPending({ deliveryIds: [id!] });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(channel.calls).toEqual([expect.objectContaining({ attempt: 2 })]);
  });

  it("gives up after MAX_DELIVERY_ATTEMPTS failures", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    channel.failNext(...Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => new Error("down")));
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) await expect(deliverPending({ deliveryIds: [id!] })).rejects.toThrow();
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ failed: 1 }); // the last attempt gives up without throwing
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, lastError: "down" });
    await deliverPending({ deliveryIds: [id!] });
    expect(channel.calls).toHaveLength(0);
  });

  it("a refusal that is not retryable fails at once", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    channel.failNext(new ChannelError("unknown account", false));
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ failed: 1 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: "unknown account" });
  });

  it("a provider's retry-after gets a delayed job of its own instead of an error", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    channel.failNext(new ChannelError("rate limited", true, 120));
    expect(await deliverPending({ deliveryIds: [id!] })).toMatchObject({ retrying: 1 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 1 });
    const delayed = (await jobsNamed(DELIVER_JOB)).filter((j) => (j.data.deliveryIds as string[]).includes(id!) && j.start_after.getTime() === at(3, "10:02").getTime());
    expect(delayed).toHaveLength(1);
  });

  it("an early rerun of the batch leaves a retry-after row to its delayed job", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice({ userIds: [officer, officer2] }));
    const [first, second] = await ids();
    channel.failNext(new ChannelError("rate limited", true, 120), new ChannelError("gateway timeout", true));
    // The second row's failure makes pg-boss rerun the whole batch with its back-off (30 s).
    await expect(deliverPending({ deliveryIds: [first!, second!] })).rejects.toThrow(/retry/);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "PENDING", notBefore: at(3, "10:02") });
    pinClock(new Date(at(3, "10:00").getTime() + 30_000));
    expect(await deliverPending({ deliveryIds: [first!, second!] })).toMatchObject({ sent: 1 });
    expect(channel.calls.map((c) => c.deliveryId)).toEqual([second]);
    // The delayed job, on time.
    pinClock(at(3, "10:02"));
    expect(await deliverPending({ deliveryIds: [first!] })).toMatchObject({ sent: 1 });
    expect(channel.calls.map((c) => c.deliveryId)).toEqual([second, first]);
  });

  it("a database error after the provider accepted leaves the row SENDING, not PENDING to be sent again", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    // The same database, except that recording SENT fails (a dropped connection, say).
    const bind = (target: object, prop: string | symbol) => {
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    };
    const deliveryTable = new Proxy(db.notificationDelivery, {
      get: (target, prop) =>
        prop === "updateMany"
          ? async (args: { data: { status?: string } }) => {
              if (args.data.status === "SENT") throw new Error("connection lost");
              return target.updateMany(args as Parameters<typeof target.updateMany>[0]);
            }
          : bind(target, prop),
    });
    const flaky = new Proxy(db, { get: (target, prop) => (prop === "notificationDelivery" ? deliveryTable : bind(target, prop)) });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await deliverPending({ deliveryIds: [id!] }, flaky)).toMatchObject({ sent: 1, retrying: 0 });
    } finally {
      logged.mockRestore();
    }
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING" });
    await deliverPending({ deliveryIds: [id!] });
    expect(channel.calls).toHaveLength(1);
  });

  it("a channel switched off meanwhile skips its deliveries", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    unregisterChannel(CHANNEL);
    await deliverPending({ deliveryIds: [id!] });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SKIPPED" });
    expect(channel.calls).toHaveLength(0);
  });

  it("a claim left by a crashed run is released after the expiry and sent", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    const [id] = await ids();
    await db.notificationDelivery.update({ where: { id }, data: { status: "SENDING", claimedAt: at(3, "10:00") } });
    expect(await releaseStaleClaims(new Date(at(3, "10:00").getTime() + (STALE_CLAIM_MINUTES - 1) * 60_000))).toBe(0);
    expect(await releaseStaleClaims(new Date(at(3, "10:00").getTime() + (STALE_CLAIM_MINUTES + 1) * 60_000))).toBe(1);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING" });
    await deliverPending({ deliveryIds: [id!] });
    expect(channel.calls).toHaveLength(1);
  });

  it("a PENDING row left without a job is queued again by the flush tick after 15 minutes", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    await send(notice());
    await send(notice({ userIds: [officer2] }));
    const [stranded, waiting] = await ids();
    // The second waits for a provider's retry-after that is still ahead at the tick.
    await db.notificationDelivery.update({ where: { id: waiting }, data: { notBefore: at(3, "11:00") } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${DELIVER_JOB}`.catch(() => 0);
    pinClock(at(3, "10:14"));
    expect(await requeueStranded()).toBe(0);
    pinClock(at(3, "10:16"));
    expect(await requeueStranded()).toBe(1);
    const jobs = await jobsNamed(DELIVER_JOB);
    expect(jobs.map((j) => j.data.deliveryIds)).toEqual([[stranded]]);
    // Not again at the next tick: its updatedAt moved.
    expect(await requeueStranded()).toBe(0);
    await deliverPending({ deliveryIds: [stranded!] });
    expect(channel.calls.map((c) => c.deliveryId)).toEqual([stranded]);
  });

  it("never stores a phone number or a token in lastError", () => {
    expect(safeErrorText(new Error("POST https://api.example/send?access_token=abc123&x=1 failed for 13812345678"))).toBe(
      "POST https://api.example/send?access_token=***&x=1 failed for ***",
    );
    expect(safeErrorText(new Error("x".repeat(2000)))).toHaveLength(500);
  });
});

describe("once a day, and the daily cap", () => {
  it("the same content to the same user twice in a day is sent once; the next day again", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    const same = { params: { text: "同一条" }, link: "/hotline/same" };
    await send(notice(same));
    await send(notice(same));
    const [first, second] = await ids();
    await deliverPending({ deliveryIds: [first!, second!] });
    expect((await deliveries()).map((d) => d.status)).toEqual(["SENT", "FOLDED"]);
    expect(channel.calls).toHaveLength(1);
    // Another user, same text: that is their first.
    await send(notice({ ...same, userIds: [officer2] }));
    await deliverPending({ deliveryIds: await ids({ userId: officer2 }) });
    expect(channel.calls).toHaveLength(2);
    // The next day it goes again.
    pinClock(at(4, "10:00"));
    await send(notice(same));
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    expect(channel.calls).toHaveLength(3);
  });

  it("beyond the cap the rest is held and goes out as one digest next working morning", async () => {
    const cap = 3;
    const channel = testChannel({ dailyCap: cap });
    pinClock(at(3, "10:00")); // Monday
    for (let i = 0; i < 5; i++) {
      await send(notice({ kind: i < 3 ? "test.assigned" : "test.chased" }));
      await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    }
    const monday = await deliveries();
    expect(monday.map((d) => d.status)).toEqual(["SENT", "SENT", "HELD", "HELD", "HELD"]);
    expect(monday.filter((d) => d.status === "HELD").every((d) => d.notBefore?.getTime() === at(4, "08:30").getTime())).toBe(true);
    expect((await jobsNamed(FLUSH_JOB)).some((j) => j.start_after.getTime() === at(4, "08:30").getTime())).toBe(true);

    // Before the morning nothing moves; at 08:30 one digest of three.
    expect(await flushHeld(at(4, "08:29"))).toEqual({ released: 0, digests: 0 });
    pinClock(at(4, "08:30"));
    expect(await flushHeld()).toEqual({ released: 3, digests: 1 });
    const [digest] = await deliveries({ kind: "digest" });
    expect(digest).toMatchObject({ notificationId: null, userId: officer, template: null, link: "/notifications", urgent: false, status: "PENDING", params: { count: 3, kinds: "test.assigned,test.chased" } });
    expect(await db.notificationDelivery.count({ where: { digestId: digest!.id, status: "FOLDED" } })).toBe(3);
    await deliverPending({ deliveryIds: [digest!.id] });
    expect(channel.calls.at(-1)).toMatchObject({ kind: "digest", template: null, count: 3, link: "/notifications", to: { userId: officer } });
    expect(channel.calls).toHaveLength(3);
    // Monday never went over the cap.
    expect(await db.notificationDelivery.count({ where: { channel: CHANNEL, userId: officer, status: "SENT", sentAt: { lt: at(4, "00:00") } } })).toBeLessThanOrEqual(cap);
  });

  it("the day is Shanghai's: a notice at 00:10 starts a new day although UTC has not", async () => {
    const channel = testChannel({ dailyCap: 2 });
    pinClock(at(0, "23:50")); // Friday, 15:50 UTC
    await send(notice({ urgent: true }));
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    pinClock(at(1, "00:10")); // Saturday, 16:10 UTC: the same UTC day
    await send(notice({ urgent: true }));
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    expect((await deliveries()).map((d) => d.status)).toEqual(["SENT", "SENT"]);
    expect(channel.calls).toHaveLength(2);
    // A third that Shanghai day is held: the cap's last slot is the digest's.
    await send(notice({ urgent: true }));
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    expect((await deliveries()).map((d) => d.status)).toEqual(["SENT", "SENT", "HELD"]);
    // Urgent: the next calendar day's start of working hours (Sunday), not the next working day's.
    expect((await deliveries({ status: "HELD" }))[0]!.notBefore).toEqual(at(2, "08:30"));
  });

  it("a notice released alone from a hold may take the day's last slot", async () => {
    const channel = testChannel({ dailyCap: 1 });
    pinClock(at(3, "10:00"));
    await send(notice());
    await deliverPending({ deliveryIds: await ids() });
    expect((await deliveries()).map((d) => d.status)).toEqual(["HELD"]);
    pinClock(at(4, "08:30"));
    expect(await flushHeld()).toEqual({ released: 1, digests: 0 });
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    expect((await deliveries()).map((d) => d.status)).toEqual(["SENT"]);
    expect(channel.calls).toHaveLength(1);
  });
});

describe("quiet hours", () => {
  const heldUntil = async () => (await deliveries()).map((d) => [d.status, d.notBefore?.getTime() ?? null]);

  it("a notice at 23:00 waits for 08:30 the next working day", async () => {
    testChannel();
    pinClock(at(-1, "23:00")); // Thursday night
    const deliverJobsBefore = (await jobsNamed(DELIVER_JOB)).length;
    await send(notice());
    expect(await heldUntil()).toEqual([["HELD", at(0, "08:30").getTime()]]);
    expect((await jobsNamed(FLUSH_JOB)).some((j) => j.start_after.getTime() === at(0, "08:30").getTime())).toBe(true);
    expect(await jobsNamed(DELIVER_JOB)).toHaveLength(deliverJobsBefore);
  });

  it("on a Friday night until Monday", async () => {
    testChannel();
    pinClock(at(0, "23:00"));
    await send(notice());
    expect(await heldUntil()).toEqual([["HELD", at(3, "08:30").getTime()]]);
  });

  it("over a holiday until the day after, and onto a 调休 Saturday", async () => {
    testChannel();
    pinClock(at(11, "23:00")); // Tuesday night; Wednesday is a holiday
    await send(notice());
    pinClock(at(7, "18:00")); // Friday evening; Saturday is a working day
    await send(notice());
    // (Listed in the order of their pinned creation times: Friday's first.)
    expect(await heldUntil()).toEqual([
      ["HELD", at(8, "08:30").getTime()],
      ["HELD", at(13, "08:30").getTime()],
    ]);
  });

  it("an urgent notice goes at once", async () => {
    testChannel();
    pinClock(at(0, "23:00"));
    await send(notice({ urgent: true }));
    expect(await heldUntil()).toEqual([["PENDING", null]]);
    expect(await deliveries()).toMatchObject([{ urgent: true }]);
  });

  it("several held notices go out as one digest, and flushing twice makes one", async () => {
    const channel = testChannel();
    pinClock(at(0, "20:00"));
    await send(notice({ kind: "test.a" }));
    pinClock(at(1, "11:00")); // Saturday
    await send(notice({ kind: "test.b" }));
    await send(notice({ kind: "test.a", userIds: [officer, officer2] }));
    const monday = at(3, "08:30");
    const flushes = await Promise.all([flushHeld(monday), flushHeld(monday)]);
    expect(flushes.reduce((n, f) => n + f.digests, 0)).toBe(1);
    expect(await flushHeld(monday)).toEqual({ released: 0, digests: 0 });
    const digests = await deliveries({ kind: "digest" });
    expect(digests).toMatchObject([{ userId: officer, params: { count: 3, kinds: "test.a,test.b" } }]);
    // officer2 had one: it goes out as itself.
    expect(await deliveries({ userId: officer2 })).toMatchObject([{ status: "PENDING", kind: "test.a" }]);
    pinClock(monday);
    await deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    expect(channel.calls.map((c) => [c.kind, c.count])).toEqual(expect.arrayContaining([["digest", 3], ["test.a", 1]]));
    expect(channel.calls).toHaveLength(2);
  });
});

describe("who gets what", () => {
  it("a programme rule external=false keeps the notice in-app", async () => {
    testChannel();
    pinClock(at(3, "10:00"));
    await db.programmeNotificationRule.create({ data: { programmeId, kind: "test.assigned", external: false, urgent: false } });
    const [id] = await send(notice({ programmeId }));
    expect(await db.notification.findUnique({ where: { id } })).not.toBeNull();
    expect(await deliveries()).toHaveLength(0);
    // Another programme's notice of the same kind still goes.
    await send(notice());
    expect(await deliveries()).toHaveLength(1);
  });

  it("a programme rule's urgency overrides the module's", async () => {
    testChannel();
    pinClock(at(0, "23:00"));
    await db.programmeNotificationRule.create({ data: { programmeId, kind: "test.assigned", external: true, urgent: true } });
    await db.programmeNotificationRule.create({ data: { programmeId, kind: "test.calm", external: true, urgent: false } });
    const [urgentId] = await send(notice({ programmeId }));
    await send(notice({ programmeId, kind: "test.calm", urgent: true }));
    expect((await deliveries()).map((d) => [d.kind, d.status, d.urgent])).toEqual([
      ["test.assigned", "PENDING", true],
      ["test.calm", "HELD", false],
    ]);
    expect(await db.notification.findUniqueOrThrow({ where: { id: urgentId } })).toMatchObject({ urgent: true, programmeId });
  });

  it("a module's external=false default applies when the programme has no rule", async () => {
    testChannel();
    pinClock(at(3, "10:00"));
    await send(notice({ programmeId, external: false }));
    expect(await deliveries()).toHaveLength(0);
  });

  it("a user who switched the kind off on the channel gets no delivery; others do", async () => {
    testChannel();
    pinClock(at(3, "10:00"));
    await db.notificationPreference.create({ data: { userId: officer, kind: "test.assigned", channel: CHANNEL, enabled: false } });
    await db.notificationPreference.create({ data: { userId: officer2, kind: "test.assigned", channel: CHANNEL, enabled: true } });
    await db.notificationPreference.create({ data: { userId: manager, kind: "test.other", channel: CHANNEL, enabled: false } });
    await send(notice({ userIds: [officer, officer2, manager] }));
    expect((await deliveries()).map((d) => d.userId).sort()).toEqual([officer2, manager].sort());
  });

  it("a user the channel cannot reach gets no delivery", async () => {
    testChannel({ reachable: () => new Set([officer2]) });
    pinClock(at(3, "10:00"));
    await send(notice({ userIds: [officer, officer2] }));
    expect((await deliveries()).map((d) => d.userId)).toEqual([officer2]);
  });

  it("a folded notice updates a waiting delivery; once sent, a repeat gets a delivery of its own", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    const chase = (n: number) => send(notice({ params: { text: `催办 ${n}` }, digestKey: "chase:1" }));
    await chase(1);
    await chase(2);
    expect(await deliveries()).toMatchObject([{ status: "PENDING", params: { text: "催办 2" } }]);
    await deliverPending({ deliveryIds: await ids() });
    expect(channel.calls).toMatchObject([{ params: { text: "催办 2" }, count: 2 }]);
    await chase(3);
    expect(await deliveries()).toMatchObject([
      { status: "SENT", params: { text: "催办 2" } },
      { notificationId: null, userId: officer, status: "PENDING", params: { text: "催办 3" } },
    ]);
    await deliverPending({ deliveryIds: await ids() });
    expect(channel.calls).toMatchObject([{ params: { text: "催办 2" } }, { params: { text: "催办 3" }, count: 1 }]);
  });

  it("breaches on two requests while the notice is unread are both pushed; the same one twice in a day once", async () => {
    const channel = testChannel();
    pinClock(at(3, "10:00"));
    const breach = (number: string) =>
      send(notice({ kind: "hotline.breach", params: { number, stage: "respond" }, link: `/hotline/${number}`, digestKey: "hotline.breach", urgent: true }));
    const deliverAll = async () => deliverPending({ deliveryIds: await ids({ status: "PENDING" }) });
    await breach("QQB-1");
    await deliverAll();
    pinClock(at(3, "11:00"));
    await breach("QQB-2");
    await deliverAll();
    expect(channel.calls.map((c) => c.params)).toEqual([
      { number: "QQB-1", stage: "respond" },
      { number: "QQB-2", stage: "respond" },
    ]);
    // One unread notification all along (×3 by the end).
    pinClock(at(3, "12:00"));
    await breach("QQB-2");
    expect(await deliverAll()).toMatchObject({ sent: 0, folded: 1 });
    expect(channel.calls).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: officer, digestKey: "hotline.breach", readAt: null } })).toBe(1);
    await db.notification.deleteMany({ where: { userId: officer, digestKey: "hotline.breach" } });
  });

  it("with no channel on, notify works and queues no delivery", async () => {
    pinClock(at(3, "10:00"));
    const [id] = await send(notice());
    expect(await db.notification.findUnique({ where: { id } })).not.toBeNull();
    expect(await db.notificationDelivery.count()).toBe(0);
  });
});

describe("sendExternal", () => {
  const message = (dedupeKey: string) => ({
    channel: CHANNEL,
    to: { recipientType: "ServiceRequest", recipientId: "req-1" },
    kind: "test.sms.intake",
    template: "intake",
    params: { code: "RX-1" },
    dedupeKey,
  });

  it("queues one message per dedupe key and sends it to the record's contact, even at night", async () => {
    const channel = testChannel();
    pinClock(at(0, "23:00"));
    const first = await db.$transaction((tx) => sendExternal(message("sms:intake:req-1"), tx));
    const again = await db.$transaction((tx) => sendExternal(message("sms:intake:req-1"), tx));
    expect(first).toBeTruthy();
    expect(again).toBe(first);
    const rows = await deliveries();
    expect(rows).toMatchObject([{ id: first, status: "PENDING", userId: null, recipientType: "ServiceRequest", recipientId: "req-1", template: "intake" }]);
    expect((await jobsNamed(DELIVER_JOB)).filter((j) => (j.data.deliveryIds as string[]).includes(first!))).toHaveLength(1);
    await deliverPending({ deliveryIds: [first!] });
    expect(channel.calls).toMatchObject([{ to: { recipientType: "ServiceRequest", recipientId: "req-1" }, kind: "test.sms.intake", template: "intake", params: { code: "RX-1" }, count: 1 }]);
  });

  it("does nothing while the channel is off", async () => {
    pinClock(at(3, "10:00"));
    expect(await db.$transaction((tx) => sendExternal(message("sms:intake:req-2"), tx))).toBeNull();
    expect(await db.notificationDelivery.count()).toBe(0);
  });
});

describe("digestKinds", () => {
  it("joins distinct kinds, whole ones only, within 200 characters", () => {
    expect(digestKinds(["a", "b", "a"])).toBe("a,b");
    const long = Array.from({ length: 30 }, (_, i) => `module.kind${String(i).padStart(2, "0")}`);
    const joined = digestKinds(long);
    expect(joined.length).toBeLessThanOrEqual(200);
    expect(joined.split(",").every((k) => long.includes(k))).toBe(true);
  });
});
