// Issue 18's admin and settings side of notifications: which channels are on (none by default,
// and the page names the settings they need, never a value), the deliveries an admin sees and
// retries (their own area only; a retry re-queues exactly the FAILED row, with its job, audited),
// a programme's notice rules (upserted with who changed them, audited with before/after), each
// user's own switches, and the daily overdue-visits notice (once per officer per day).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { registerChannel, resetConfiguredChannels, unregisterChannel } from "@/lib/platform/notifications/channels";
import { channelStates, deliveryCounts, listFailedDeliveries, preferencesOf, userChannels } from "@/lib/platform/notifications/admin";
import { retryAllFailedDeliveriesAction, retryDeliveryAction } from "@/lib/platform/notifications/admin-actions";
import { setNotificationPreferenceAction } from "@/lib/platform/notifications/preference-actions";
import { DELIVER_JOB } from "@/lib/platform/notifications/notify";
import { programmeNotificationRules } from "@/lib/programmes/notification-rules";
import { saveNotificationRulesAction } from "@/lib/programmes/notification-rules-actions";
import { campaignDueItems } from "@/lib/visits/campaigns/due";
import { getCampaignOrThrow } from "@/lib/visits/campaigns/queries";
import { overdueDigestKey, sendOverdueVisitNotices } from "@/lib/visits/overdue-notice";
import { shanghaiDate } from "@/lib/platform/periods";
import { shanghaiDayStart } from "@/lib/platform/shanghai";
import { resetRequest } from "../support/next-stubs";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { actAs, demoUser } from "../support/fixtures";
import { demoNow } from "../support/time";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/platform/dates";
import { addCalendarDays, isWeekend, shanghaiInstant } from "@/lib/platform/calendar/working-days";
import { visitsJobs } from "@/lib/visits/jobs";

let lzOfficer: { id: string; name: string };
let pyOfficer: { id: string; name: string };
let rootAdmin: { id: string };

beforeAll(async () => {
  lzOfficer = await demoUser("lz.officer");
  pyOfficer = await demoUser("py.officer");
  rootAdmin = await demoUser("admin");
});
beforeEach(() => resetRequest());

/** Signs in (for actions) and returns the session user (for reads). */
async function signIn(username: string) {
  const u = await actAs(username);
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

const failed = (userId: string | null, extra: Record<string, unknown> = {}) =>
  db.notificationDelivery.create({
    data: { channel: "dingtalk", userId, kind: "visits.overdue", status: "FAILED", attempts: 5, lastError: "invalid userid", createdAt: demoNow, ...extra },
  });
const jobsFor = async (deliveryId: string) =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${DELIVER_JOB} AND data->'deliveryIds' ? ${deliveryId}`)[0]!.n;

describe("channels", () => {
  afterEach(() => unregisterChannel("dingtalk"));

  it("with no settings every external channel is off and names the settings it needs, never a value", () => {
    const states = channelStates({ DINGTALK_APP_KEY: "key-123" });
    const dingtalk = states.find((c) => c.name === "dingtalk")!;
    const sms = states.find((c) => c.name === "sms")!;
    expect(dingtalk).toMatchObject({ active: false, settings: ["DINGTALK_APP_KEY", "DINGTALK_APP_SECRET", "DINGTALK_AGENT_ID"], missing: ["DINGTALK_APP_SECRET", "DINGTALK_AGENT_ID"] });
    expect(sms).toMatchObject({ active: false, missing: ["ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET", "ALIYUN_SMS_SIGN_NAME"] });
    expect(JSON.stringify(states)).not.toContain("key-123");
    // Users may still switch DingTalk kinds off ahead of it being turned on; SMS is not theirs.
    expect(userChannels()).toEqual([{ name: "dingtalk", active: false }]);
  });

  it("DingTalk is on once its three settings are present (the provider's own factory), and off again without them", () => {
    const keys = { DINGTALK_APP_KEY: "probe-key", DINGTALK_APP_SECRET: "probe-secret", DINGTALK_AGENT_ID: "1234" };
    Object.assign(process.env, keys);
    resetConfiguredChannels();
    try {
      expect(channelStates().find((c) => c.name === "dingtalk")).toMatchObject({ active: true, missing: [] });
      expect(JSON.stringify(channelStates())).not.toContain("probe-secret");
    } finally {
      for (const k of Object.keys(keys)) delete process.env[k];
      resetConfiguredChannels();
    }
    expect(channelStates().find((c) => c.name === "dingtalk")).toMatchObject({ active: false });
  });

  it("a channel that is on is listed as on", () => {
    registerChannel({ name: "dingtalk", reachableUsers: async () => new Set(), send: async () => {} });
    expect(channelStates().find((c) => c.name === "dingtalk")).toMatchObject({ active: true });
    expect(userChannels()).toEqual([{ name: "dingtalk", active: true }]);
  });
});

describe("failed deliveries: scope, retry, audit", () => {
  let lzFailed: string;
  let pyFailed: string;
  let callerFailed: string;

  beforeAll(async () => {
    await db.notificationDelivery.deleteMany({});
    lzFailed = (await failed(lzOfficer.id)).id;
    pyFailed = (await failed(pyOfficer.id, { createdAt: new Date(demoNow.getTime() - 60_000) })).id;
    callerFailed = (await failed(null, { channel: "sms", recipientType: "ServiceRequest", recipientId: "req-probe", kind: "hotline.sms.intake", link: "/service/track?code=SECRET" })).id;
    await db.notificationDelivery.create({ data: { channel: "dingtalk", userId: lzOfficer.id, kind: "visits.overdue", status: "SENT", sentAt: demoNow } });
  });

  it("an admin below the root sees the deliveries of their own area's users only", async () => {
    const yh = await signIn("yh.admin");
    const { rows } = await listFailedDeliveries(yh);
    expect(rows.map((r) => r.id)).toEqual([lzFailed]);
    expect(rows[0]).toMatchObject({ userName: lzOfficer.name, channel: "dingtalk", attempts: 5, lastError: "invalid userid" });
    expect(await deliveryCounts(yh, demoNow)).toEqual({ pending: 0, held: 0, sentToday: 1, failed: 1 });
  });

  it("the root admin sees every area and the caller's SMS as 来电企业, without its number or tracking link", async () => {
    const admin = await signIn("admin");
    const { rows } = await listFailedDeliveries(admin);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([lzFailed, pyFailed, callerFailed]));
    expect(rows.at(-1)!.id).toBe(pyFailed); // the oldest last
    const caller = rows.find((r) => r.id === callerFailed)!;
    expect(caller).toMatchObject({ userName: null, recipientType: "ServiceRequest", link: null });
    // Keyset paging: one row per page walks all three, newest first, without repeats.
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listFailedDeliveries(admin, { after, take: 1 });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it("an admin of another area retries nothing of this area; an officer may not retry at all", async () => {
    await actAs("yh.admin");
    const foreign = await retryDeliveryAction({ id: pyFailed });
    expect(foreign.ok).toBe(false);
    const all = await retryAllFailedDeliveriesAction({});
    expect(all).toMatchObject({ ok: true, data: { requeued: 1 } });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: pyFailed } })).toMatchObject({ status: "FAILED", attempts: 5 });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: callerFailed } })).toMatchObject({ status: "FAILED" });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: lzFailed } })).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(await jobsFor(lzFailed)).toBe(1);
    expect(await jobsFor(pyFailed)).toBe(0);

    await actAs("py.officer");
    expect((await retryDeliveryAction({ id: pyFailed })).ok).toBe(false);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: pyFailed } })).toMatchObject({ status: "FAILED" });
  });

  it("retrying one re-queues exactly that FAILED row with its job, audited; a second click re-queues nothing", async () => {
    await actAs("admin");
    const before = await db.notificationDelivery.findMany({ where: { status: "FAILED" }, select: { id: true }, orderBy: { id: "asc" } });
    const result = await retryDeliveryAction({ id: pyFailed });
    expect(result).toMatchObject({ ok: true, data: { requeued: 1 } });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: pyFailed } })).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    const after = await db.notificationDelivery.findMany({ where: { status: "FAILED" }, select: { id: true }, orderBy: { id: "asc" } });
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id).filter((id) => id !== pyFailed));
    expect(await jobsFor(pyFailed)).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "notification.retryDelivery", entityId: pyFailed }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorId: rootAdmin.id, entityType: "NotificationDelivery", outcome: "OK" });
    expect(audit.data).toMatchObject({ requeued: 1, attempts: 5, channel: "dingtalk" });

    expect(await retryDeliveryAction({ id: pyFailed })).toMatchObject({ ok: true, data: { requeued: 0 } });
    expect(await jobsFor(pyFailed)).toBe(1);
  });
});

describe("a programme's notice rules", () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = (await db.programme.findFirstOrThrow({ where: { type: "VISIT_CAMPAIGN", status: "ACTIVE", orgUnit: { code: "XS-PY" } } })).id;
    await db.programmeNotificationRule.deleteMany({ where: { programmeId: campaignId } });
  });

  it("shows the module's defaults until saved", async () => {
    const rules = await programmeNotificationRules({ id: campaignId, type: "VISIT_CAMPAIGN" });
    expect(rules).toEqual([{ kind: "visits.overdue", external: true, urgent: false, defaults: { external: true, urgent: false }, updatedAt: null, updatedBy: null }]);
  });

  it("an admin of the programme's unit (or above) saves them: upserted with who, audited with before and after", async () => {
    await actAs("admin");
    const first = await saveNotificationRulesAction({ programmeId: campaignId, rules: [{ kind: "visits.overdue", external: false, urgent: true }] });
    expect(first).toMatchObject({ ok: true, data: { changed: 1 } });
    const row = await db.programmeNotificationRule.findUniqueOrThrow({ where: { programmeId_kind: { programmeId: campaignId, kind: "visits.overdue" } } });
    expect(row).toMatchObject({ external: false, urgent: true, updatedById: rootAdmin.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "programme.saveNotificationRules", entityId: campaignId }, orderBy: { seq: "desc" } });
    expect(audit.data).toEqual({ changes: [{ kind: "visits.overdue", before: { external: true, urgent: false }, after: { external: false, urgent: true } }] });
    expect(await programmeNotificationRules({ id: campaignId, type: "VISIT_CAMPAIGN" })).toMatchObject([{ external: false, urgent: true, defaults: { external: true, urgent: false } }]);

    // Saved again as it is: still one row, nothing changed.
    expect(await saveNotificationRulesAction({ programmeId: campaignId, rules: [{ kind: "visits.overdue", external: false, urgent: true }] })).toMatchObject({ ok: true, data: { changed: 0 } });
    expect(await db.programmeNotificationRule.count({ where: { programmeId: campaignId } })).toBe(1);
  });

  it("refuses another area's admin, a manager, and a kind the programme's type does not raise", async () => {
    await actAs("yh.admin");
    expect((await saveNotificationRulesAction({ programmeId: campaignId, rules: [{ kind: "visits.overdue", external: true, urgent: false }] })).ok).toBe(false);
    await actAs("py.manager");
    expect((await saveNotificationRulesAction({ programmeId: campaignId, rules: [{ kind: "visits.overdue", external: true, urgent: false }] })).ok).toBe(false);
    await actAs("admin");
    expect((await saveNotificationRulesAction({ programmeId: campaignId, rules: [{ kind: "hotline.breach", external: true, urgent: false }] })).ok).toBe(false);
    expect(await db.programmeNotificationRule.findMany({ where: { programmeId: campaignId }, select: { kind: true, external: true, urgent: true } }))
      .toEqual([{ kind: "visits.overdue", external: false, urgent: true }]);
  });
});

describe("a user's own switches", () => {
  it("upserts the caller's row, audited; an unknown channel is refused", async () => {
    const officer = await actAs("py.officer2");
    await db.notificationPreference.deleteMany({ where: { userId: officer.id } });
    expect(await setNotificationPreferenceAction({ kind: "visits.overdue", channel: "dingtalk", enabled: false })).toMatchObject({ ok: true });
    expect((await preferencesOf(officer.id)).get("visits.overdue|dingtalk")).toBe(false);
    expect(await setNotificationPreferenceAction({ kind: "visits.overdue", channel: "dingtalk", enabled: true })).toMatchObject({ ok: true });
    expect(await db.notificationPreference.findMany({ where: { userId: officer.id }, select: { kind: true, channel: true, enabled: true } }))
      .toEqual([{ kind: "visits.overdue", channel: "dingtalk", enabled: true }]);
    const audits = await db.auditLog.findMany({ where: { action: "notification.setPreference", actorId: officer.id }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([
      { kind: "visits.overdue", channel: "dingtalk", before: null, after: false },
      { kind: "visits.overdue", channel: "dingtalk", before: false, after: true },
    ]);
    expect((await setNotificationPreferenceAction({ kind: "visits.overdue", channel: "carrier-pigeon", enabled: false })).ok).toBe(false);
    expect((await setNotificationPreferenceAction({ kind: "visits.overdue", channel: "sms", enabled: false })).ok).toBe(false);
  });
});

describe("the daily overdue-visits notice", () => {
  const overdueByOfficer = async (at: Date) => {
    const admin = await demoUser("admin");
    const actor = { id: admin.id, role: "ADMIN" as const, orgPath: "/" };
    const campaigns = await db.programme.findMany({ where: { type: "VISIT_CAMPAIGN", status: "ACTIVE", frequencyRules: { some: {} } }, select: { id: true } });
    const counts = new Map<string, number>();
    for (const c of campaigns) {
      const campaign = await getCampaignOrThrow({ ...actor, orgPath: admin.orgUnit.path }, c.id);
      for (const i of await campaignDueItems(actor, campaign, at)) {
        if (i.status === "OVERDUE" && i.officerId) counts.set(i.officerId, (counts.get(i.officerId) ?? 0) + 1);
      }
    }
    return counts;
  };

  it("notifies each officer with overdue visits once, with the due list's count, and only once however often it runs", async () => {
    const day = shanghaiDate(demoNow);
    await db.notification.deleteMany({ where: { kind: "visits.overdue" } });
    // The module's defaults (a programme's rule may make it urgent: tested with the rules above).
    await db.programmeNotificationRule.deleteMany({});
    const expected = await overdueByOfficer(demoNow);
    const zhang = await demoUser("py.officer2");
    // The seeded demo: 张婷 missed last week's guided visit (tests/integration/campaigns.test.ts).
    expect(expected.get(zhang.id)).toBeGreaterThan(0);

    const first = await sendOverdueVisitNotices(demoNow);
    expect(first).toEqual({ notified: expected.size, skipped: 0 });
    const rows = await db.notification.findMany({ where: { kind: "visits.overdue" } });
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      expect(row).toMatchObject({ digestKey: overdueDigestKey(day), urgent: false, count: 1, titleKey: "visits.notify.overdue" });
      expect(row.params).toEqual({ count: expected.get(row.userId) });
    }
    const zhangsNotice = rows.find((r) => r.userId === zhang.id)!;
    expect(zhangsNotice.link).toMatch(/^\/campaigns\/[^/]+\/due$|^\/$/);

    // Run again the same day (a retry, a manual run), even after she read it: nothing new.
    await db.notification.update({ where: { id: zhangsNotice.id }, data: { readAt: demoNow } });
    // Later the same Shanghai day (an hour on, or the day's last millisecond if that is sooner).
    const later = new Date(Math.min(demoNow.getTime() + 3_600_000, shanghaiDayStart(day).getTime() + 86_400_000 - 1));
    expect(await sendOverdueVisitNotices(later)).toEqual({ notified: 0, skipped: expected.size });
    expect(await db.notification.count({ where: { kind: "visits.overdue" } })).toBe(expected.size);
  });

  it("the cron job sends nothing on a Saturday, and runs on a 调休 Saturday", async () => {
    const overdueJob = visitsJobs.find((j) => j.name === "visits.overdueNotice")!;
    let saturday = addCalendarDays(shanghaiDate(demoNow), 1);
    while (!isWeekend(saturday) || isWeekend(addCalendarDays(saturday, -1))) saturday = addCalendarDays(saturday, 1);
    const at = shanghaiInstant(saturday, 9 * 60);
    await db.calendarDay.deleteMany({ where: { date: dateOnly(saturday) } });
    await db.notification.deleteMany({ where: { kind: "visits.overdue" } });
    pinClock(at);
    try {
      await overdueJob.handler({});
      expect(await db.notification.count({ where: { kind: "visits.overdue" } })).toBe(0);
      // The same Saturday made a working day: the notice goes out as on any working morning.
      await db.calendarDay.create({ data: { date: dateOnly(saturday), kind: "WORKDAY", name: "调休" } });
      await overdueJob.handler({});
      expect(await db.notification.count({ where: { kind: "visits.overdue" } })).toBe((await overdueByOfficer(at)).size);
    } finally {
      unpinClock();
      await db.calendarDay.deleteMany({ where: { date: dateOnly(saturday) } });
    }
  });
});
