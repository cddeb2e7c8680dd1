// Problems (问题清单): the state machine, conditional transitions under concurrency, the
// department queue (部门待办) reaching outside the department's subtree for escalated
// problems only, and the read scope.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { createVisitAction } from "@/lib/visits/actions";
import { assignProblemAction, transitionProblemAction } from "@/lib/problems/actions";
import { getProblemOrThrow, listProblems } from "@/lib/problems/queries";
import { allowedTransitions } from "@/lib/problems/authority";
import { PROBLEM_TRANSITIONS } from "@/lib/problems/transitions";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { NotFoundError } from "@/lib/platform/errors";
import { dateOnly } from "@/lib/programmes/period";
import { resetRequest, signInAs } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser, ok } from "../support/fixtures";
import { addDaysYmd, shanghaiYmd } from "../support/time";

let campaignId: string;
let householdId: string;
let jyjUser: { id: string; role: "OFFICER"; orgUnitId: string; sessionVersion: number; name: string };
let jyjId: string;

beforeAll(async () => {
  // A district campaign reaching 良渚街道 (the seed's campaigns are in 浦阳 and 古荡).
  const yh = await unitByCode("YH");
  const gn = await unitByCode("YH-LZ-GN");
  const admin = await demoUser("admin");
  const campaign = await db.programme.create({
    data: { type: "VISIT_CAMPAIGN", name: "良渚街道民情双访（测试）", startDate: dateOnly(addDaysYmd(shanghaiYmd(), -365)), endDate: dateOnly(addDaysYmd(shanghaiYmd(), 365)), orgUnitId: yh.id, status: "ACTIVE", createdById: admin.id },
  });
  campaignId = campaign.id;
  householdId = (await db.household.create({ data: { householdKey: `T-GN-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: gn.id, headName: "港南住户", address: "港南村8号" } })).id;
  const jyj = await unitByCode("YH-JYJ");
  const created = await db.user.create({ data: { username: "jyj.officer", name: "教育局专员", role: "OFFICER", orgUnitId: jyj.id, passwordHash: "x" } });
  jyjId = jyj.id;
  jyjUser = { id: created.id, role: "OFFICER", orgUnitId: jyj.id, sessionVersion: created.sessionVersion, name: created.name };
});
beforeEach(() => resetRequest());

/** lz.officer records a visit to 港南村 with two problems; returns them by title. */
async function visitWithTwoProblems() {
  await actAs("lz.officer");
  const { id } = ok(await createVisitAction({
    programmeId: campaignId, officerId: "", mentorId: "", kind: "HOUSEHOLD", placeType: "HOUSEHOLD", placeId: householdId,
    visitedAt: toShanghaiLocal(new Date(Date.now() - 3_600_000)), checklist: [], services: [{ description: "政策讲解" }], notes: "", latitude: "", longitude: "",
    problems: [
      { title: "新居民子女校车", description: "需开通校车线路", category: "教育", dueDate: shanghaiYmd() },
      { title: "村道积水", description: "", category: "基础设施", dueDate: "" },
    ],
    idempotencyKey: crypto.randomUUID(),
  }));
  // The bus problem is overdue: a due date before the visit is refused (item 8 of issue 13), so
  // it is saved as due today and then moved back a month, as if it had been left undone.
  await db.problem.updateMany({ where: { visitId: id, title: "新居民子女校车" }, data: { dueDate: dateOnly(addDaysYmd(shanghaiYmd(), -30)) } });
  const problems = await db.problem.findMany({ where: { visitId: id } });
  return { visitId: id, bus: problems.find((p) => p.title === "新居民子女校车")!, road: problems.find((p) => p.title === "村道积水")! };
}

async function statusOf(id: string) {
  return db.problem.findUniqueOrThrow({ where: { id } });
}

describe("the transition table", () => {
  it("has no duplicate moves and every status can be left except CONFIRMED only by reopening", () => {
    const keys = PROBLEM_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PROBLEM_TRANSITIONS.filter((t) => t.from === "CONFIRMED").map((t) => t.to)).toEqual(["REOPENED"]);
    expect(PROBLEM_TRANSITIONS.filter((t) => t.to === "ESCALATED").every((t) => t.permission === "problem.escalate")).toBe(true);
  });
});

describe("problem state machine", () => {
  it("OPEN → IN_PROGRESS → RESOLVED → REOPENED → IN_PROGRESS → RESOLVED → CONFIRMED, timed, audited, with a timeline", async () => {
    const { road } = await visitWithTwoProblems();
    const officer = await actAs("lz.officer");
    let v = ok(await transitionProblemAction({ id: road.id, version: road.version, to: "IN_PROGRESS" })).version;
    // A resolution is required.
    const bare = await transitionProblemAction({ id: road.id, version: v, to: "RESOLVED" });
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(Object.keys(bare.fieldErrors ?? {})).toEqual(["resolution"]);
    v = ok(await transitionProblemAction({ id: road.id, version: v, to: "RESOLVED", resolution: "已疏通排水沟" })).version;
    let row = await statusOf(road.id);
    expect(row).toMatchObject({ status: "RESOLVED", resolution: "已疏通排水沟" });
    expect(row.resolvedAt).not.toBeNull();
    // Not straight back to OPEN; reopening needs a reason.
    expect(await transitionProblemAction({ id: road.id, version: v, to: "OPEN" })).toMatchObject({ ok: false, error: "状态不能从“已解决”变为“待处理”，可能已被他人处理，请刷新。" });
    expect((await transitionProblemAction({ id: road.id, version: v, to: "REOPENED" })).ok).toBe(false);
    v = ok(await transitionProblemAction({ id: road.id, version: v, to: "REOPENED", note: "雨后又积水" })).version;
    row = await statusOf(road.id);
    expect(row.resolvedAt).toBeNull();
    v = ok(await transitionProblemAction({ id: road.id, version: v, to: "IN_PROGRESS" })).version;
    v = ok(await transitionProblemAction({ id: road.id, version: v, to: "RESOLVED", resolution: "加装排水管" })).version;
    // An officer records the resident's confirmation, but may not confirm as a manager.
    expect((await transitionProblemAction({ id: road.id, version: v, to: "CONFIRMED", confirmation: "MANAGER" })).ok).toBe(false);
    v = ok(await transitionProblemAction({ id: road.id, version: v, to: "CONFIRMED", confirmation: "RESIDENT", note: "住户满意" })).version;
    row = await statusOf(road.id);
    expect(row.status).toBe("CONFIRMED");
    expect(row.confirmedAt).not.toBeNull();
    const events = await db.problemEvent.findMany({ where: { problemId: road.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.toStatus)).toEqual(["OPEN", "IN_PROGRESS", "RESOLVED", "REOPENED", "IN_PROGRESS", "RESOLVED", "CONFIRMED"]);
    expect(events.every((e) => e.actorId === officer.id)).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: "Problem", entityId: road.id } })).toBe(6);
  });

  it("two people acting at once: exactly one wins, the other is told someone else changed it", async () => {
    const { road, bus } = await visitWithTwoProblems();
    await actAs("lz.officer");
    const results = await Promise.all([
      transitionProblemAction({ id: road.id, version: road.version, to: "IN_PROGRESS" }),
      transitionProblemAction({ id: road.id, version: road.version, to: "IN_PROGRESS" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect(await db.problemEvent.count({ where: { problemId: road.id, toStatus: "IN_PROGRESS" } })).toBe(1);
    expect((await statusOf(road.id)).version).toBe(road.version + 1);

    // Different moves from the same state (a manager escalates while the officer starts work).
    await actAs("yh.manager");
    const jxj = await unitByCode("YH-JXJ");
    const racing = await Promise.all([
      transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: jxj.id, note: "需经信局协调" }),
      transitionProblemAction({ id: bus.id, version: bus.version, to: "IN_PROGRESS" }),
    ]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.problemEvent.count({ where: { problemId: bus.id } })).toBe(2);
  });

  it("escalation needs problem.escalate, a department above the problem, and a reason", async () => {
    const { bus } = await visitWithTwoProblems();
    const jyj = await unitByCode("YH-JYJ");
    await actAs("lz.officer");
    const byOfficer = await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: jyj.id, note: "校车" });
    expect(byOfficer).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager");
    const village = await unitByCode("YH-LZ-GN");
    const notDept = await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: village.id, note: "校车" });
    expect(notDept.ok).toBe(false);
    if (!notDept.ok) expect(Object.keys(notDept.fieldErrors ?? {})).toEqual(["escalatedToOrgUnitId"]);
    // A department of another district is not on the problem's way up.
    const other = await db.orgUnit.create({ data: { name: "测试外区部门", kind: "DEPARTMENT", parentId: (await unitByCode("XS")).id, path: "/pending/", depth: 2 } });
    await db.orgUnit.update({ where: { id: other.id }, data: { path: `${(await unitByCode("XS")).path}${other.id}/` } });
    expect((await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: other.id, note: "校车" })).ok).toBe(false);
    expect((await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: jyj.id })).ok).toBe(false);
    expect((await statusOf(bus.id)).status).toBe("OPEN");
  });
});

describe("department queue", () => {
  it("余杭区教育局 sees the problem escalated to it and resolves it, but not the street's other problems", async () => {
    const { bus, road } = await visitWithTwoProblems();
    await actAs("yh.manager");
    const escalated = ok(await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: jyjId, note: "新居民子女校车需教育局协调" }));
    const row = await statusOf(bus.id);
    expect(row).toMatchObject({ status: "ESCALATED", escalatedToOrgUnitId: jyjId, escalationReason: "新居民子女校车需教育局协调" });

    await signInAs(jyjUser);
    const dept = (await loadSessionUser(jyjUser.id, jyjUser.sessionVersion))!;
    const queue = await listProblems(dept, { tab: "department" });
    expect(queue.rows.map((p) => p.id)).toContain(bus.id);
    expect(queue.rows.map((p) => p.id)).not.toContain(road.id);
    expect(queue.rows.every((p) => p.escalatedTo?.id === jyjId)).toBe(true);
    const all = await listProblems(dept, {});
    expect(all.rows.map((p) => p.id)).not.toContain(road.id);
    await expect(getProblemOrThrow(dept, road.id)).rejects.toBeInstanceOf(NotFoundError);
    const seen = await getProblemOrThrow(dept, bus.id);
    // The department may start and resolve, not confirm or re-escalate.
    expect(allowedTransitions(dept, seen).map((t) => t.to).sort()).toEqual(["IN_PROGRESS", "RESOLVED"]);

    const onRoad = await transitionProblemAction({ id: road.id, version: road.version, to: "IN_PROGRESS" });
    expect(onRoad).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    let v = ok(await transitionProblemAction({ id: bus.id, version: escalated.version, to: "IN_PROGRESS" })).version;
    v = ok(await transitionProblemAction({ id: bus.id, version: v, to: "RESOLVED", resolution: "已开通定制校车线路" })).version;
    const confirm = await transitionProblemAction({ id: bus.id, version: v, to: "CONFIRMED", confirmation: "RESIDENT" });
    expect(confirm.ok).toBe(false);
    expect((await statusOf(bus.id)).status).toBe("RESOLVED");
    // The street confirms (the manager above, on the resident's word).
    await actAs("yh.manager");
    ok(await transitionProblemAction({ id: bus.id, version: v, to: "CONFIRMED", confirmation: "MANAGER" }));
    expect((await statusOf(bus.id)).confirmedAt).not.toBeNull();
  });

  it("the department may assign to its own people; an officer elsewhere sees nothing of it", async () => {
    const { bus } = await visitWithTwoProblems();
    await actAs("yh.manager");
    const { version } = ok(await transitionProblemAction({ id: bus.id, version: bus.version, to: "ESCALATED", escalatedToOrgUnitId: jyjId, note: "校车" }));
    await signInAs(jyjUser);
    ok(await assignProblemAction({ id: bus.id, version, assigneeId: jyjUser.id }));
    expect((await statusOf(bus.id)).assigneeId).toBe(jyjUser.id);
    const mine = await listProblems((await loadSessionUser(jyjUser.id, jyjUser.sessionVersion))!, { mine: true });
    expect(mine.rows.map((p) => p.id)).toContain(bus.id);
    const py = await sessionUser("py.officer");
    expect((await listProblems(py, {})).rows.map((p) => p.id)).not.toContain(bus.id);
  });
});

describe("problem lists", () => {
  it("overdue = due before today (Shanghai) and not resolved", async () => {
    const { bus, road } = await visitWithTwoProblems();
    const officer = await sessionUser("lz.officer");
    const overdue = (await listProblems(officer, { overdue: true })).rows.map((p) => p.id);
    expect(overdue).toContain(bus.id); // due 30 days ago
    expect(overdue).not.toContain(road.id); // no due date
    await actAs("lz.officer");
    const v = ok(await transitionProblemAction({ id: bus.id, version: bus.version, to: "IN_PROGRESS" })).version;
    ok(await transitionProblemAction({ id: bus.id, version: v, to: "RESOLVED", resolution: "已解决" }));
    expect((await listProblems(officer, { overdue: true })).rows.map((p) => p.id)).not.toContain(bus.id);
  });
});
