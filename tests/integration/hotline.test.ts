// 亲企办 hotline: the request workflow through closure, every transition refused from a wrong
// state and under a concurrent double-submit, send-back/reassign, extensions, merge, chase,
// the clock alert handler, and scoping (the lead department sees and handles a request
// outside its subtree; an officer elsewhere sees nothing).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import type { ActionResult } from "@/lib/platform/action";
import {
  acceptRequestAction, assignRequestAction, chaseRequestAction, closeRequestAction, decideExtensionAction, intakeRequestAction,
  mergeRequestAction, reassignRequestAction, reopenRequestAction, requestExtensionAction, resolveRequestAction, respondRequestAction, sendBackRequestAction,
} from "@/lib/hotline/actions";
import { getRequestOrThrow, listRequests } from "@/lib/hotline/queries";
import { runClockCheck } from "@/lib/hotline/alerts";
import { hotlineReport } from "@/lib/hotline/reports";
import { enterpriseTimeline } from "@/lib/hotline/enterprise-file";
import { REQUEST_TRANSITIONS } from "@/lib/hotline/transitions";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { NotFoundError } from "@/lib/platform/errors";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { resetRequest, signInAs } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { shanghaiYear } from "../support/time";

type U = { id: string; role: "OFFICER" | "MANAGER"; orgUnitId: string; sessionVersion: number; name: string };
let qqbUser: U; // 亲企办 service officer, inside 良渚
let jxjUser: U; // 余杭区经信局, outside 良渚's subtree
let jyjUser: U; // 余杭区教育局: neither
let programmeId: string;
let enterpriseId: string;

async function makeUser(username: string, code: string, role: "OFFICER" | "MANAGER" = "OFFICER"): Promise<U> {
  const unit = await unitByCode(code);
  const u = await db.user.create({ data: { username, name: `${username}用户`, role, orgUnitId: unit.id, passwordHash: "x" } });
  return { id: u.id, role, orgUnitId: unit.id, sessionVersion: u.sessionVersion, name: u.name };
}

beforeAll(async () => {
  qqbUser = await makeUser("t.qqb", "YH-LZ-QQB");
  jxjUser = await makeUser("t.jxj", "YH-JXJ");
  jyjUser = await makeUser("t.jyj", "YH-JYJ");
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
  enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
});
beforeEach(() => resetRequest());

const intakeInput = (over: Record<string, unknown> = {}) => ({
  programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
  callerName: "王经理", callerPhone: "13812345678", category: "检验检测", title: "", description: "新产品需要第三方检测机构", urgency: "NORMAL",
  idempotencyKey: crypto.randomUUID(), ...over,
});

async function newRequest(over: Record<string, unknown> = {}) {
  await actAs("lz.officer");
  const { id } = ok(await intakeRequestAction(intakeInput(over)));
  return id;
}
const load = (id: string) => db.serviceRequest.findUniqueOrThrow({ where: { id } });
const lzDept = async (code = "YH-LZ-QQB") => (await unitByCode(code)).id;

/** Moves a fresh request to ASSIGNED (lead department 亲企办 unless given). */
async function assigned(dept = "YH-LZ-QQB") {
  const id = await newRequest();
  await actAs("lz.officer");
  ok(await acceptRequestAction({ id, version: 1, note: "" }));
  ok(await assignRequestAction({ id, version: 2, leadDepartmentId: await lzDept(dept), assigneeId: "", coHandlerIds: [], note: "" }));
  return id;
}

async function sessionUser(u: U) {
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

describe("the transition table", () => {
  it("has no duplicate moves and no way out of CLOSED or MERGED", () => {
    const keys = REQUEST_TRANSITIONS.map((t) => `${t.kind}:${t.from}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(REQUEST_TRANSITIONS.filter((t) => t.from === "CLOSED" || t.from === "MERGED")).toEqual([]);
  });
});

describe("request workflow", () => {
  it("goes from a call to closure with the enterprise's feedback, every step timed and audited", async () => {
    const id = await newRequest();
    const created = await load(id);
    expect(created).toMatchObject({ status: "RECEIVED", channel: "PHONE", enterpriseId, version: 1 });
    expect(created.number).toMatch(/^QQB\d{8}-\d{4}$/);
    expect(created.trackingCode).toMatch(/^[0-9a-f]{64}$/); // only the hash is stored
    expect(created.acceptDueAt.getTime()).toBeGreaterThan(created.receivedAt.getTime());
    expect(created.respondDueAt).toEqual(created.acceptDueAt);

    await actAs("lz.officer");
    ok(await acceptRequestAction({ id, version: 1, note: "" }));
    const co = await lzDept("YH-ZQZB");
    ok(await assignRequestAction({ id, version: 2, leadDepartmentId: await lzDept(), assigneeId: "", coHandlerIds: [co], note: "请高唐上门" }));
    expect(await db.serviceRequestCoHandler.count({ where: { requestId: id, orgUnitId: co } })).toBe(1);
    // The department's staff is told.
    expect(await db.notification.count({ where: { userId: qqbUser.id, entityId: id, kind: "hotline.assigned" } })).toBe(1);

    await signInAs(qqbUser);
    ok(await respondRequestAction({ id, version: 3, response: "已联系企业，推荐辖区检测机构" }));
    ok(await resolveRequestAction({ id, version: 4, resolution: "检测机构上门完成检测" }));
    await actAs("lz.officer");
    ok(await closeRequestAction({ id, version: 5, satisfaction: 5, comment: "非常满意" }));

    const closed = await load(id);
    expect(closed).toMatchObject({ status: "CLOSED", satisfaction: 5, feedbackComment: "非常满意", version: 6 });
    expect(closed.acceptedAt && closed.assignedAt && closed.respondedAt && closed.resolvedAt && closed.closedAt).toBeTruthy();
    const events = await db.serviceRequestEvent.findMany({ where: { requestId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["intake", "accept", "assign", "respond", "resolve", "close"]);
    const audits = await db.auditLog.findMany({ where: { entityId: id }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["request.accept", "request.assign", "request.close", "request.intake", "request.resolve", "request.respond"]);
  });

  it("refuses each move from a wrong state with the statuses in words", async () => {
    const id = await newRequest();
    await actAs("lz.officer");
    const wrong = await Promise.all([
      assignRequestAction({ id, version: 1, leadDepartmentId: await lzDept(), assigneeId: "", coHandlerIds: [], note: "" }),
      respondRequestAction({ id, version: 1, response: "x" }),
      resolveRequestAction({ id, version: 1, resolution: "x" }),
      closeRequestAction({ id, version: 1, satisfaction: 4, comment: "" }),
      reopenRequestAction({ id, version: 1, note: "x" }),
      sendBackRequestAction({ id, version: 1, note: "x" }),
      reassignRequestAction({ id, version: 1, leadDepartmentId: await lzDept(), assigneeId: "", coHandlerIds: [], note: "" }),
    ]);
    for (const r of wrong) expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/状态不能从“待受理”变为/) });
    expect((await load(id)).version).toBe(1);
    expect(await db.serviceRequestEvent.count({ where: { requestId: id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous submits of each move win", async () => {
    const id = await newRequest();
    await actAs("lz.officer");
    const race = async (run: () => Promise<ActionResult<unknown>>) => {
      const results = await Promise.all([run(), run()]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    };
    await race(() => acceptRequestAction({ id, version: 1, note: "" }));
    const dept = await lzDept();
    await race(() => assignRequestAction({ id, version: 2, leadDepartmentId: dept, assigneeId: "", coHandlerIds: [], note: "" }));
    await signInAs(qqbUser);
    await race(() => respondRequestAction({ id, version: 3, response: "已答复" }));
    await race(() => resolveRequestAction({ id, version: 4, resolution: "已解决" }));
    await actAs("lz.officer");
    await race(() => closeRequestAction({ id, version: 5, satisfaction: 4, comment: "" }));
    const events = await db.serviceRequestEvent.groupBy({ by: ["kind"], where: { requestId: id }, _count: true });
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect((await load(id)).version).toBe(6);
  });

  it("bad input gets field errors and changes nothing", async () => {
    await actAs("lz.officer");
    const before = await db.serviceRequest.count();
    const r = await intakeRequestAction(intakeInput({ callerPhone: "123", description: "", category: "", enterpriseId: "" }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toEqual(expect.arrayContaining(["callerPhone", "description", "category", "enterpriseId"]));
    const extra = await intakeRequestAction({ ...intakeInput(), status: "CLOSED" });
    expect(extra.ok).toBe(false);
    const unknownCategory = await intakeRequestAction(intakeInput({ category: "不存在的类别" }));
    expect(unknownCategory).toMatchObject({ ok: false, fieldErrors: { category: [expect.any(String)] } });
    expect(await db.serviceRequest.count()).toBe(before);
  });

  it("registers a new enterprise in the same transaction, or keeps just the caller's name", async () => {
    await actAs("lz.officer");
    const code = "91330110MA2H3T5X6Q";
    const { isValidCreditCode } = await import("@/lib/registers/credit-code");
    const { makeCreditCode } = await import("@/lib/registers/credit-code");
    const valid = isValidCreditCode(code) ? code : makeCreditCode(9_123_457, "330110");
    const { id } = ok(await intakeRequestAction(intakeInput({ enterpriseMode: "new", enterpriseId: "", enterpriseName: "杭州中双元科技有限公司", creditCode: valid })));
    const r = await db.serviceRequest.findUniqueOrThrow({ where: { id }, include: { enterprise: true } });
    expect(r.enterprise).toMatchObject({ name: "杭州中双元科技有限公司", creditCode: valid });
    const named = ok(await intakeRequestAction(intakeInput({ enterpriseMode: "name", enterpriseId: "", enterpriseName: "某物流公司" })));
    expect(await load(named.id)).toMatchObject({ enterpriseId: null, enterpriseName: "某物流公司" });
    const badCode = await intakeRequestAction(intakeInput({ enterpriseMode: "new", enterpriseId: "", enterpriseName: "无效代码公司", creditCode: "123" }));
    expect(badCode).toMatchObject({ ok: false, fieldErrors: { creditCode: [expect.any(String)] } });
  });

  it("a double click on the intake form creates one request", async () => {
    await actAs("lz.officer");
    const input = intakeInput();
    const before = await db.serviceRequest.count();
    const results = await Promise.all([intakeRequestAction(input), intakeRequestAction(input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.serviceRequest.count()).toBe(before + 1);
  });
});

describe("send back, reassign, reopen", () => {
  it("the department sends a request back with a reason; the hotline reassigns it", async () => {
    const id = await assigned();
    await signInAs(qqbUser);
    expect(await sendBackRequestAction({ id, version: 3, note: "" })).toMatchObject({ ok: false, fieldErrors: { note: [expect.any(String)] } });
    ok(await sendBackRequestAction({ id, version: 3, note: "属于经信局职责" }));
    expect(await load(id)).toMatchObject({ status: "ACCEPTED", leadDepartmentId: null, assigneeId: null });
    const lz = await demoUser("lz.officer");
    expect(await db.notification.count({ where: { userId: lz.id, entityId: id, kind: "hotline.sentBack" } })).toBe(1);

    await actAs("lz.officer");
    ok(await assignRequestAction({ id, version: 4, leadDepartmentId: await lzDept("YH-JXJ"), assigneeId: "", coHandlerIds: [], note: "" }));
    // 改派 to the same department changes nothing and is refused.
    const same = await reassignRequestAction({ id, version: 5, leadDepartmentId: await lzDept("YH-JXJ"), assigneeId: "", coHandlerIds: [], note: "" });
    expect(same).toMatchObject({ ok: false, fieldErrors: { leadDepartmentId: [expect.any(String)] } });
    ok(await reassignRequestAction({ id, version: 5, leadDepartmentId: await lzDept(), assigneeId: qqbUser.id, coHandlerIds: [], note: "改派亲企办高唐" }));
    expect(await load(id)).toMatchObject({ status: "ASSIGNED", assigneeId: qqbUser.id });
  });

  it("a department outside the request's subtree may not accept, assign or reassign", async () => {
    const id = await assigned("YH-JXJ");
    await signInAs(jxjUser);
    expect(await reassignRequestAction({ id, version: 3, leadDepartmentId: await lzDept(), assigneeId: "", coHandlerIds: [], note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    ok(await respondRequestAction({ id, version: 3, response: "经信局已答复" }));
  });

  it("reopening counts, and the request goes back to the department", async () => {
    const id = await assigned();
    await signInAs(qqbUser);
    ok(await respondRequestAction({ id, version: 3, response: "a" }));
    ok(await resolveRequestAction({ id, version: 4, resolution: "b" }));
    await actAs("lz.officer");
    ok(await reopenRequestAction({ id, version: 5, note: "企业反映仍未解决" }));
    expect(await load(id)).toMatchObject({ status: "REOPENED", reopenCount: 1, resolvedAt: null });
    ok(await assignRequestAction({ id, version: 6, leadDepartmentId: await lzDept(), assigneeId: "", coHandlerIds: [], note: "" }));
    expect((await load(id)).status).toBe("ASSIGNED");
  });
});

describe("extensions", () => {
  it("only a manager over the request approves, and approval moves the respond due time", async () => {
    const id = await assigned("YH-JXJ");
    const r0 = await load(id);
    const proposed = toShanghaiLocal(new Date(Math.max(r0.respondDueAt.getTime(), Date.now()) + 3 * 86_400_000));
    await signInAs(jxjUser);
    expect(await requestExtensionAction({ id, version: 3, reason: "需协调", proposedDueAt: toShanghaiLocal(new Date(r0.respondDueAt.getTime() - 3_600_000)) }))
      .toMatchObject({ ok: false, fieldErrors: { proposedDueAt: [expect.any(String)] } });
    const { extensionId } = ok(await requestExtensionAction({ id, version: 3, reason: "需要召集三个部门会商", proposedDueAt: proposed }));
    expect(await requestExtensionAction({ id, version: 3, reason: "再来一次", proposedDueAt: proposed })).toMatchObject({ ok: false });

    // The operator (an officer) and the department's own user cannot decide.
    await actAs("lz.officer");
    expect(await decideExtensionAction({ id, extensionId, approve: true, note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await signInAs(jxjUser);
    expect(await decideExtensionAction({ id, extensionId, approve: true, note: "" })).toMatchObject({ ok: false });
    expect((await load(id)).respondDueAt).toEqual(r0.respondDueAt);

    await actAs("yh.manager");
    ok(await decideExtensionAction({ id, extensionId, approve: true, note: "同意" }));
    const r1 = await load(id);
    expect(toShanghaiLocal(r1.respondDueAt)).toBe(proposed);
    expect(r1.acceptDueAt).toEqual(r0.acceptDueAt);
    expect(await db.serviceRequestExtension.findUniqueOrThrow({ where: { id: extensionId } })).toMatchObject({ status: "APPROVED" });
    // A second decision finds it decided.
    expect(await decideExtensionAction({ id, extensionId, approve: false, note: "" })).toMatchObject({ ok: false });
    // The new due time has timers of its own.
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'hotline.clock' AND data->>'requestId' = ${id} AND data->>'dueAt' = ${r1.respondDueAt.toISOString()}`;
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe("merge and chase", () => {
  it("a manager merges a duplicate; its caller appears on the surviving request", async () => {
    const a = await newRequest();
    const b = await newRequest({ callerName: "李总", callerPhone: "13900001111" });
    const survivor = await load(a);
    await actAs("lz.officer");
    expect(await mergeRequestAction({ id: b, version: 1, intoNumber: survivor.number, note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager");
    expect(await mergeRequestAction({ id: b, version: 1, intoNumber: (await load(b)).number, note: "" })).toMatchObject({ ok: false });
    ok(await mergeRequestAction({ id: b, version: 1, intoNumber: survivor.number, note: "同一件事" }));
    expect(await load(b)).toMatchObject({ status: "MERGED", mergedIntoId: a });
    const manager = await loadSessionUser((await demoUser("yh.manager")).id, (await demoUser("yh.manager")).sessionVersion);
    const loaded = await getRequestOrThrow(manager!, a);
    expect(loaded.mergedFrom.map((m) => m.callerName)).toEqual(["李总"]);
    expect(await db.serviceRequestEvent.count({ where: { requestId: a, kind: "mergedIn" } })).toBe(1);
    // A merged request moves no further.
    expect(await acceptRequestAction({ id: b, version: 2, note: "" })).toMatchObject({ ok: false });
  });

  it("a manager's chase notifies whoever holds the request; an officer cannot chase", async () => {
    const id = await assigned();
    await actAs("lz.officer");
    expect(await chaseRequestAction({ id, note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager");
    expect(ok(await chaseRequestAction({ id, note: "请今天答复企业" })).notified).toBeGreaterThanOrEqual(1);
    ok(await chaseRequestAction({ id, note: "再催" }));
    const notes = await db.notification.findMany({ where: { userId: qqbUser.id, kind: "hotline.chase", entityId: id } });
    expect(notes).toHaveLength(1); // folded into one unread notice
    expect(notes[0]!.count).toBe(2);
    expect(await db.serviceRequestEvent.count({ where: { requestId: id, kind: "chase" } })).toBe(2);
  });
});

describe("clock alerts", () => {
  it("a breach fires once when the job runs twice, and notifies the holder and the nearest manager", async () => {
    const id = await assigned();
    const r = await load(id);
    const after = new Date(r.respondDueAt.getTime() + 60_000);
    const data = { requestId: id, stage: "RESPOND" as const, kind: "BREACH" as const, dueAt: r.respondDueAt.toISOString(), seq: 0 };
    expect(await runClockCheck(data, after)).toBe("fired");
    expect(await runClockCheck(data, after)).toBe("alreadyFired");
    expect(await db.serviceRequestAlert.count({ where: { requestId: id } })).toBe(1);
    const manager = await demoUser("yh.manager");
    expect(await db.notification.count({ where: { userId: manager.id, kind: "hotline.breach", entityId: id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: qqbUser.id, kind: "hotline.breach", entityId: id } })).toBe(1);
    expect(await db.serviceRequestEvent.count({ where: { requestId: id, kind: "breach" } })).toBe(1);
  });

  it("does nothing when the stage was met, when early, or when the due time has moved", async () => {
    const id = await assigned();
    const r = await load(id);
    const after = new Date(r.acceptDueAt.getTime() + 60_000);
    expect(await runClockCheck({ requestId: id, stage: "ACCEPT", kind: "BREACH", dueAt: r.acceptDueAt.toISOString(), seq: 0 }, after)).toBe("met");
    expect(await runClockCheck({ requestId: id, stage: "RESPOND", kind: "BREACH", dueAt: r.respondDueAt.toISOString(), seq: 0 }, new Date(r.respondDueAt.getTime() - 60_000))).toBe("early");
    expect(await runClockCheck({ requestId: id, stage: "RESPOND", kind: "BREACH", dueAt: new Date(0).toISOString(), seq: 0 }, after)).toBe("stale");
    expect(await db.serviceRequestAlert.count({ where: { requestId: id } })).toBe(0);
  });

  it("intake schedules a warning and a breach job per clock, once", async () => {
    const id = await newRequest();
    const rows = await db.$queryRaw<{ kind: string; n: number }[]>`SELECT data->>'kind' AS kind, count(*)::int AS n FROM pgboss.job WHERE name = 'hotline.clock' AND data->>'requestId' = ${id} GROUP BY 1 ORDER BY 1`;
    const breach = rows.find((x) => x.kind === "BREACH");
    expect(breach?.n).toBe(3);
  });

  it("breached requests appear on the manager's breached tab", async () => {
    const id = await newRequest();
    const r = await load(id);
    const manager = (await loadSessionUser((await demoUser("yh.manager")).id, (await demoUser("yh.manager")).sessionVersion))!;
    const later = new Date(r.acceptDueAt.getTime() + 3_600_000);
    const page = await listRequests(manager, { tab: "breached" }, later, 500);
    expect(page.rows.map((x) => x.id)).toContain(id);
    const before = await listRequests(manager, { tab: "breached" }, new Date(r.receivedAt.getTime() + 1000), 500);
    expect(before.rows.map((x) => x.id)).not.toContain(id);
  });
});

describe("scoping", () => {
  it("an officer outside the unit can neither see nor act; the lead department can, an unrelated department cannot", async () => {
    const id = await assigned("YH-JXJ");
    const outsider = (await loadSessionUser((await demoUser("py.officer")).id, (await demoUser("py.officer")).sessionVersion))!;
    await expect(getRequestOrThrow(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await actAs("py.officer");
    expect(await respondRequestAction({ id, version: 3, response: "x" })).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    expect(await acceptRequestAction({ id, version: 3, note: "" })).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    await expect(getRequestOrThrow(await sessionUser(jyjUser), id)).rejects.toBeInstanceOf(NotFoundError);
    const viaDept = await getRequestOrThrow(await sessionUser(jxjUser), id);
    expect(viaDept.viaDepartment).toBe(true);
    const list = await listRequests(await sessionUser(jxjUser), { tab: "queue" });
    expect(list.rows.map((x) => x.id)).toContain(id);
    expect((await listRequests(outsider, { tab: "all" })).rows.map((x) => x.id)).not.toContain(id);
    expect((await load(id)).status).toBe("ASSIGNED");
  });
});

describe("report", () => {
  it("computes same-day rates, stage times and satisfaction per department", async () => {
    const manager = (await loadSessionUser((await demoUser("yh.manager")).id, (await demoUser("yh.manager")).sessionVersion))!;
    const from = new Date(Date.now() - 400 * 86_400_000);
    const { rows, overall } = await hotlineReport(manager, { from, to: new Date(Date.now() + 86_400_000), groupBy: "department" });
    expect(overall.total).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(overall.total);
    const qqb = rows.find((r) => r.label === "亲企办");
    expect(qqb).toBeDefined();
    expect(qqb!.accept.rate).not.toBeNull();
    expect(qqb!.accept.p90Minutes).not.toBeNull();
    const months = await hotlineReport(manager, { from, to: new Date(Date.now() + 86_400_000), groupBy: "month" });
    expect(months.rows.every((r) => /^\d{4}-\d{2}$/.test(r.key))).toBe(true);
    // An officer of another district sees nothing.
    const outsider = (await loadSessionUser((await demoUser("py.officer")).id, (await demoUser("py.officer")).sessionVersion))!;
    expect((await hotlineReport(outsider, { from, to: new Date(Date.now() + 86_400_000), groupBy: "department" })).overall.total).toBe(0);
  });
});

describe("一企一档", () => {
  it("the enterprise's timeline unions its requests, newest first, scoped to the reader", async () => {
    const id = await newRequest();
    const lz = (await loadSessionUser((await demoUser("lz.officer")).id, (await demoUser("lz.officer")).sessionVersion))!;
    const items = await enterpriseTimeline(lz, enterpriseId);
    expect(items[0]).toMatchObject({ kind: "request", id });
    const times = items.map((i) => new Date(i.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const outsider = (await loadSessionUser((await demoUser("py.officer")).id, (await demoUser("py.officer")).sessionVersion))!;
    expect(await enterpriseTimeline(outsider, enterpriseId)).toEqual([]);
  });
});

describe("report export", () => {
  it("writes an audited .xlsx with Chinese headers, the filters and the export time", async () => {
    const { exportHotlineReport } = await import("@/lib/hotline/export");
    const ExcelJS = (await import("exceljs")).default;
    const manager = (await loadSessionUser((await demoUser("yh.manager")).id, (await demoUser("yh.manager")).sessionVersion))!;
    const from = new Date(Date.now() - 400 * 86_400_000);
    const { buffer, fileName } = await exportHotlineReport(manager, { from, to: new Date(Date.now() + 86_400_000), groupBy: "department" }, String(shanghaiYear()), "zh-CN");
    expect(fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/筛选条件：.*导出时间：/);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(["诉求数", "受理当天率", "回应90%用时（分钟）", "重办率"]));
    expect(await db.auditLog.count({ where: { action: "hotline.reportExport", actorId: manager.id } })).toBe(1);
  });
});
