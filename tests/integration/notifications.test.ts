// Notifications: rows created in the caller's transaction (a rollback leaves none), digest
// folding, de-duplicated recipients, deliveries queued only for registered external channels
// in the same transaction, and the owner-only mark-read actions.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { notify, DELIVER_JOB } from "@/lib/platform/notifications/notify";
import { listNotifications, unreadNotificationCount } from "@/lib/platform/notifications/queries";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/platform/notifications/actions";
import { registerChannel, unregisterChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { deliverPending } from "@/lib/platform/notifications/jobs";
import { safeNotificationLink } from "@/lib/platform/notifications/schemas";
import { resetRequest, signOut } from "../support/next-stubs";
import { actAs, demoUser } from "../support/fixtures";

let officer: string;
let officer2: string;
let manager: string;

beforeAll(async () => {
  officer = (await demoUser("py.officer")).id;
  officer2 = (await demoUser("py.officer2")).id;
  manager = (await demoUser("py.manager")).id;
});
beforeEach(() => resetRequest());
afterEach(() => unregisterChannel("test-sms"));

const rowsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("notify", () => {
  it("creates one row per distinct user inside the caller's transaction", async () => {
    await db.notification.deleteMany({ where: { userId: { in: [officer, manager] } } });
    const ids = await db.$transaction((tx) =>
      notify({ userIds: [officer, manager, officer, ""], kind: "test.assigned", titleKey: "generic", params: { text: "请处理诉求 RX-1" }, link: "/hotline/x", entityType: "ServiceRequest", entityId: "x" }, tx),
    );
    expect(ids).toHaveLength(2);
    const mine = await rowsOf(officer);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "test.assigned", titleKey: "generic", params: { text: "请处理诉求 RX-1" }, count: 1, readAt: null, link: "/hotline/x" });
    expect(await rowsOf(manager)).toHaveLength(1);
  });

  it("a rolled-back transaction leaves no notification", async () => {
    const before = await db.notification.count();
    await expect(
      db.$transaction(async (tx) => {
        await notify({ userIds: [officer, manager], kind: "test.rollback", titleKey: "generic", params: { text: "x" } }, tx);
        throw new Error("the event itself failed");
      }),
    ).rejects.toThrow("the event itself failed");
    expect(await db.notification.count()).toBe(before);
    expect(await db.notification.count({ where: { kind: "test.rollback" } })).toBe(0);
  });

  it("folds repeats with the same digest key into the unread row, and starts a new one once read", async () => {
    await db.notification.deleteMany({ where: { userId: officer2 } });
    const send = (n: number) =>
      db.$transaction((tx) => notify({ userIds: [officer2], kind: "test.chase", titleKey: "generic", params: { text: `催办 ${n}` }, digestKey: "chase:req-1" }, tx));
    await send(1);
    await send(2);
    await send(3);
    let rows = await rowsOf(officer2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 3, params: { text: "催办 3" }, digestKey: "chase:req-1" });
    expect(rows[0]!.lastAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.createdAt.getTime());

    // Another digest key is another row; no key never folds.
    await db.$transaction((tx) => notify({ userIds: [officer2], kind: "test.chase", titleKey: "generic", params: { text: "other" }, digestKey: "chase:req-2" }, tx));
    await db.$transaction((tx) => notify({ userIds: [officer2], kind: "test.plain", titleKey: "generic", params: { text: "a" } }, tx));
    await db.$transaction((tx) => notify({ userIds: [officer2], kind: "test.plain", titleKey: "generic", params: { text: "a" } }, tx));
    expect(await db.notification.count({ where: { userId: officer2 } })).toBe(4);

    await db.notification.updateMany({ where: { userId: officer2, digestKey: "chase:req-1" }, data: { readAt: new Date() } });
    await send(4);
    rows = await db.notification.findMany({ where: { userId: officer2, digestKey: "chase:req-1" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.count, r.readAt === null])).toEqual([[3, false], [1, true]]);
  });

  it("concurrent folds into one unread row lose no count", async () => {
    await db.notification.deleteMany({ where: { userId: manager } });
    await db.$transaction((tx) => notify({ userIds: [manager], kind: "test.race", titleKey: "generic", params: { text: "x" }, digestKey: "race" }, tx));
    await Promise.all(
      Array.from({ length: 8 }, () => db.$transaction((tx) => notify({ userIds: [manager], kind: "test.race", titleKey: "generic", params: { text: "x" }, digestKey: "race" }, tx))),
    );
    const rows = await db.notification.findMany({ where: { userId: manager, digestKey: "race" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(9);
  });
});

describe("external channels", () => {
  // The delivery engine itself (sending, retries, caps, quiet hours, rules) is tested in
  // notification-delivery.test.ts; here only that it rides on the event's transaction.
  it("queue nothing while no channel is registered", async () => {
    const before = await db.notificationDelivery.count();
    await db.$transaction((tx) => notify({ userIds: [officer], kind: "test.none", titleKey: "generic", params: { text: "x" } }, tx));
    expect(await db.notificationDelivery.count()).toBe(before);
  });

  it("a registered channel gets its delivery and job in the event's transaction: a rollback leaves neither", async () => {
    const sent: OutboundMessage[] = [];
    registerChannel({ name: "test-sms", reachableUsers: async (ids) => new Set(ids), send: async (m) => void sent.push(m) });
    const jobs = () => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${DELIVER_JOB}`.then((r) => r[0]!.n, () => 0);
    const jobsBefore = await jobs();
    // Urgent: not held by quiet hours, whatever the hour the suite runs at.
    const input = { userIds: [officer], kind: "test.sms", titleKey: "generic", params: { text: "超时提醒" }, urgent: true };
    await expect(
      db.$transaction(async (tx) => {
        await notify(input, tx);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.notificationDelivery.count({ where: { channel: "test-sms" } })).toBe(0);
    expect(await jobs()).toBe(jobsBefore);

    const [id] = await db.$transaction((tx) => notify(input, tx));
    const deliveries = await db.notificationDelivery.findMany({ where: { notificationId: id } });
    expect(deliveries).toMatchObject([{ channel: "test-sms", status: "PENDING", userId: officer, attempts: 0 }]);
    expect(await jobs()).toBe(jobsBefore + 1);
    await deliverPending({ deliveryIds: [deliveries[0]!.id] });
    expect(sent).toMatchObject([{ to: { userId: officer }, params: { text: "超时提醒" }, attempt: 1 }]);
  });
});

describe("notification centre", () => {
  it("counts unread, lists newest activity first with keyset paging", async () => {
    await db.notification.deleteMany({ where: { userId: officer } });
    const base = Date.now() - 100_000;
    await db.notification.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ userId: officer, kind: "test.page", titleKey: "generic", params: { text: `n${i}` }, lastAt: new Date(base + i * 1000), readAt: i < 2 ? new Date() : null })),
    });
    expect(await unreadNotificationCount(officer)).toBe(5);
    const page1 = await listNotifications(officer, { take: 3 });
    expect(page1.items.map((n) => n.params.text)).toEqual(["n6", "n5", "n4"]);
    const page2 = await listNotifications(officer, { take: 3, after: page1.nextCursor! });
    expect(page2.items.map((n) => n.params.text)).toEqual(["n3", "n2", "n1"]);
    const page3 = await listNotifications(officer, { take: 3, after: page2.nextCursor! });
    expect(page3.items.map((n) => n.params.text)).toEqual(["n0"]);
    expect(page3.nextCursor).toBeNull();
    expect((await listNotifications(officer, { unreadOnly: true })).items).toHaveLength(5);
    // A garbage cursor is ignored, not an error.
    expect((await listNotifications(officer, { after: "not-a-cursor" })).items).toHaveLength(7);
  });

  it("marks one's own notification read; another user's id is not found and stays unread", async () => {
    const [mine] = await db.$transaction((tx) => notify({ userIds: [officer], kind: "test.mark", titleKey: "generic", params: { text: "mine" } }, tx));
    const [theirs] = await db.$transaction((tx) => notify({ userIds: [officer2], kind: "test.mark", titleKey: "generic", params: { text: "theirs" } }, tx));

    await actAs("py.officer");
    const ok = await markNotificationReadAction({ id: mine });
    expect(ok).toMatchObject({ ok: true, data: { id: mine } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine } })).readAt).not.toBeNull();
    // Again: harmless.
    expect((await markNotificationReadAction({ id: mine })).ok).toBe(true);

    const denied = await markNotificationReadAction({ id: theirs });
    expect(denied.ok).toBe(false);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs } })).readAt).toBeNull();

    const audit = await db.auditLog.findFirst({ where: { action: "notification.markRead", entityId: mine }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorId: officer, entityType: "Notification" });
  });

  it("mark all read touches only the signed-in user's rows", async () => {
    await db.$transaction((tx) => notify({ userIds: [officer, officer2], kind: "test.all", titleKey: "generic", params: { text: "x" } }, tx));
    await actAs("py.officer");
    const result = await markAllNotificationsReadAction({});
    expect(result.ok).toBe(true);
    expect(await unreadNotificationCount(officer)).toBe(0);
    expect(await unreadNotificationCount(officer2)).toBeGreaterThan(0);
  });

  it("refuses without a session and rejects extra fields", async () => {
    const [id] = await db.$transaction((tx) => notify({ userIds: [officer], kind: "test.anon", titleKey: "generic", params: { text: "x" } }, tx));
    signOut();
    expect((await markNotificationReadAction({ id })).ok).toBe(false);
    expect((await markAllNotificationsReadAction({})).ok).toBe(false);
    expect((await db.notification.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();
    await actAs("py.officer");
    const extra = await markNotificationReadAction({ id, userId: officer2 });
    expect(extra.ok).toBe(false);
    expect((await db.notification.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();
  });

  it("only in-app links are followed", () => {
    expect(safeNotificationLink("/hotline/abc")).toBe("/hotline/abc");
    expect(safeNotificationLink("//evil.example/x")).toBeNull();
    expect(safeNotificationLink("https://evil.example")).toBeNull();
    expect(safeNotificationLink("/\\evil.example")).toBeNull();
    expect(safeNotificationLink(null)).toBeNull();
  });
});
