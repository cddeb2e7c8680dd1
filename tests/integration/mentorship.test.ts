// 导师带徒: pools with dated history, the mentor capacity under concurrent pairings, plan
// versioning with snapshots and diffs, the mentoring log, and permission denials.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import {
  addPoolMemberAction,
  changeCapacityAction,
  changeMemberFlagsAction,
  changeMemberStatusAction,
  changePlanAction,
  createPairingAction,
  endPairingAction,
  evaluatePairingAction,
  logActivityAction,
  saveSettingsAction,
  saveTemplateAction,
  signOffMilestoneAction,
  suggestMentorsAction,
} from "@/lib/mentorship/actions";
import { diffPlans, readSnapshot } from "@/lib/mentorship/plan-diff";
import { pairingExpectations, progressByUnit } from "@/lib/mentorship/progress";
import { getPairingOrThrow } from "@/lib/mentorship/queries";
import { readSettings } from "@/lib/mentorship/schemas";
import { now } from "@/lib/platform/clock";
import { NotFoundError } from "@/lib/platform/errors";
import { resetRequest, signInAs } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { addDaysYmd, shanghaiYmd } from "../support/time";

const NAME = "浦阳镇年轻干部“帮带导师”计划";
let programmeId: string;
// Pairings must lie within the seeded programme, which runs to the end of the seed's year.
let programmeEnd: string;
const people: Record<string, { id: string; role: "OFFICER"; orgUnitId: string; sessionVersion: number; name: string }> = {};
// Every date the test writes is relative to the clock, so it passes on any day of any year.
const today = shanghaiYmd(now());
const daysAgo = (n: number) => addDaysYmd(today, -n);
const key = () => crypto.randomUUID();

async function mkUser(username: string, name: string, code: string) {
  const unit = await unitByCode(code);
  const u = await db.user.create({ data: { username, name, role: "OFFICER", orgUnitId: unit.id, passwordHash: "x" } });
  people[username] = { id: u.id, role: "OFFICER", orgUnitId: unit.id, sessionVersion: u.sessionVersion, name };
  return u;
}
const as = (username: string) => signInAs(people[username]!);

async function addMember(userId: string, pool: "MENTOR" | "TRAINEE", extra: { capacity?: string; lineOfWork?: string } = {}) {
  return addPoolMemberAction({ programmeId, pool, userId, lineOfWork: extra.lineOfWork ?? "", capacity: extra.capacity ?? "", joinedOn: daysAgo(90), reason: "入库", idempotencyKey: key() });
}
const pairingInput = (traineeId: string, mentorId: string) => ({ programmeId, traineeId, mentorId, startDate: daysAgo(20), endDate: programmeEnd, templateId: "", idempotencyKey: key() });

beforeAll(async () => {
  const programme = await db.programme.findFirstOrThrow({ where: { name: NAME } });
  programmeId = programme.id;
  programmeEnd = programme.endDate.toISOString().slice(0, 10);
  await mkUser("t.mentor", "测试导师", "XS-PY");
  await mkUser("t.trainee1", "学员一", "XS-PY-JY");
  await mkUser("t.trainee2", "学员二", "XS-PY-JY");
  await mkUser("t.trainee3", "学员三", "XS-PY-AS");
  await mkUser("t.outsider", "旁观者", "XS-PY-JY");
  await actAs("py.manager");
  ok(await addMember(people["t.mentor"]!.id, "MENTOR", { capacity: "1", lineOfWork: "测试条线" }));
  for (const t of ["t.trainee1", "t.trainee2", "t.trainee3"]) ok(await addMember(people[t]!.id, "TRAINEE", { lineOfWork: "测试条线" }));
});
beforeEach(() => resetRequest());

describe("pools", () => {
  it("records joining, status changes and flags as dated rows with reason and decider", async () => {
    await actAs("py.manager");
    const manager = await demoUser("py.manager");
    const member = await db.poolMember.findFirstOrThrow({ where: { programmeId, userId: people["t.trainee3"]!.id, pool: "TRAINEE" } });
    ok(await changeMemberStatusAction({ memberId: member.id, version: member.version, toStatus: "PAUSED", effectiveOn: daysAgo(60), reason: "借调县里三个月" }));
    ok(await changeMemberStatusAction({ memberId: member.id, version: member.version + 1, toStatus: "ACTIVE", effectiveOn: daysAgo(30), reason: "借调结束" }));
    ok(await changeMemberFlagsAction({ memberId: member.id, version: member.version + 2, priorityPromotion: true, reserveCadre: true, reserveNote: "擅长矛盾调解", reason: "季度考评优秀" }));
    const history = await db.poolMemberChange.findMany({ where: { memberId: member.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.kind, h.fromStatus, h.toStatus])).toEqual([
      ["JOINED", null, "ACTIVE"],
      ["STATUS", "ACTIVE", "PAUSED"],
      ["STATUS", "PAUSED", "ACTIVE"],
      ["PRIORITY_PROMOTION_ON", null, null],
      ["RESERVE_CADRE_ON", null, null],
    ]);
    expect(history.every((h) => h.decidedById === manager.id)).toBe(true);
    expect(history[1]).toMatchObject({ reason: "借调县里三个月", effectiveOn: new Date(`${daysAgo(60)}T00:00:00Z`) });
    expect(history[4]!.reason).toContain("擅长矛盾调解");
    expect(await db.poolMember.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ status: "ACTIVE", priorityPromotion: true, reserveCadre: true, reserveNote: "擅长矛盾调解" });

    // Stale version: refused, nothing written.
    const stale = await changeMemberStatusAction({ memberId: member.id, version: member.version, toStatus: "REMOVED", effectiveOn: today, reason: "x" });
    expect(stale).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect(await db.poolMemberChange.count({ where: { memberId: member.id } })).toBe(5);
  });

  it("refuses a second membership in the same pool, and people outside the manager's area", async () => {
    await actAs("py.manager");
    const dup = await addMember(people["t.trainee1"]!.id, "TRAINEE");
    expect(dup).toMatchObject({ ok: false, fieldErrors: { userId: ["该人员已在库中"] } });
    const lz = await demoUser("lz.officer");
    expect(await addMember(lz.id, "TRAINEE")).toMatchObject({ ok: false, fieldErrors: { userId: ["该人员不在您的管辖范围内"] } });
  });

  it("officers cannot manage pools", async () => {
    await actAs("py.officer");
    const before = await db.poolMember.count();
    expect(await addMember(people["t.outsider"]!.id, "TRAINEE")).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    expect(await db.poolMember.count()).toBe(before);
  });
});

describe("pairings and capacity", () => {
  it("two concurrent pairings for a mentor's last place: exactly one succeeds", async () => {
    await actAs("py.manager");
    const mentor = people["t.mentor"]!.id;
    const results = await Promise.all([
      createPairingAction(pairingInput(people["t.trainee1"]!.id, mentor)),
      createPairingAction(pairingInput(people["t.trainee2"]!.id, mentor)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, fieldErrors: { mentorId: ["该导师的带徒名额已满，请选择其他导师"] } });
    expect(await db.pairing.count({ where: { mentorId: mentor, status: "ACTIVE" } })).toBe(1);
    const m = await db.poolMember.findFirstOrThrow({ where: { programmeId, userId: mentor, pool: "MENTOR" } });
    expect(m).toMatchObject({ capacity: 1, activeTrainees: 1 });

    // A full mentor is not suggested; capacity cannot go below the trainees they have.
    const suggestions = ok(await suggestMentorsAction({ programmeId, traineeId: people["t.trainee3"]!.id }));
    expect(suggestions.map((s) => s.userId)).not.toContain(mentor);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.freePlaces === null || s.freePlaces > 0)).toBe(true);

    // Ending the pairing releases the place; the other trainee can now be paired.
    const accepted = results.find((r) => r.ok) as { ok: true; data: { id: string } };
    const pairing = await db.pairing.findUniqueOrThrow({ where: { id: accepted.data.id } });
    ok(await endPairingAction({ pairingId: pairing.id, version: pairing.version, reason: "调整导师" }));
    expect((await db.poolMember.findUniqueOrThrow({ where: { id: m.id } })).activeTrainees).toBe(0);
    const otherTrainee = pairing.traineeId === people["t.trainee1"]!.id ? people["t.trainee2"]! : people["t.trainee1"]!;
    ok(await createPairingAction(pairingInput(otherTrainee.id, mentor)));
    expect((await db.poolMember.findUniqueOrThrow({ where: { id: m.id } })).activeTrainees).toBe(1);
    // The database itself refuses a count beyond capacity.
    await expect(db.poolMember.update({ where: { id: m.id }, data: { activeTrainees: 2 } })).rejects.toThrow();
    const capacity = await changeCapacityAction({ memberId: m.id, version: (await db.poolMember.findUniqueOrThrow({ where: { id: m.id } })).version, capacity: 1, reason: "不变" });
    expect(capacity.ok).toBe(true);
  });

  it("a trainee cannot be paired twice at once; officers cannot create pairings", async () => {
    await actAs("py.manager");
    const pyMentor = await demoUser("py.manager");
    const paired = await db.pairing.findFirstOrThrow({ where: { mentorId: people["t.mentor"]!.id, status: "ACTIVE" } });
    const again = await createPairingAction(pairingInput(paired.traineeId, pyMentor.id));
    expect(again).toMatchObject({ ok: false, fieldErrors: { traineeId: ["该培养对象已有在帮结对"] } });
    await actAs("py.officer");
    const before = await db.pairing.count();
    expect(await createPairingAction(pairingInput(people["t.trainee3"]!.id, pyMentor.id))).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    expect(await db.pairing.count()).toBe(before);
  });
});

describe("one-person-one-plan", () => {
  let pairingId: string;
  let planId: string;

  beforeAll(async () => {
    // The admin defines the template; the pairing instantiates it.
    await actAs("admin");
    ok(await saveTemplateAction({
      programmeId, templateId: "", name: "测试模板", active: true,
      content: { areas: [{ name: "业务能力", goals: [{ title: "熟悉政策", milestones: [{ title: "政策宣讲", dueOffsetDays: "5" }, { title: "台账", dueOffsetDays: 40 }] }] }, { name: "实践操作", goals: [{ title: "走访", milestones: [{ title: "走访20户", dueOffsetDays: 30 }] }] }] },
    }));
    const tpl = await db.planTemplate.findFirstOrThrow({ where: { programmeId, name: "测试模板" } });
    await actAs("py.manager");
    const mentor = await demoUser("py.manager");
    pairingId = ok(await createPairingAction({ ...pairingInput(people["t.trainee3"]!.id, mentor.id), templateId: tpl.id })).id;
    planId = (await db.developmentPlan.findUniqueOrThrow({ where: { pairingId } })).id;
  });

  it("starts at version 1 with the template's goals and milestones due from the start date", async () => {
    const plan = await db.developmentPlan.findUniqueOrThrow({ where: { id: planId }, include: { goals: { include: { milestones: true } }, versions: true } });
    expect(plan.version).toBe(1);
    expect(plan.goals.map((g) => g.title).sort()).toEqual(["熟悉政策", "走访"]);
    const speech = plan.goals.flatMap((g) => g.milestones).find((m) => m.title === "政策宣讲")!;
    expect(speech.dueDate.toISOString().slice(0, 10)).toBe(daysAgo(15));
    expect(plan.versions).toHaveLength(1);
    expect(readSnapshot(plan.versions[0]!.snapshot).goals.flatMap((g) => g.milestones)).toHaveLength(3);
  });

  it("trainee and mentor change it; each change is a version with a snapshot; the diff reads as what changed", async () => {
    const milestones = await db.planMilestone.findMany({ where: { goal: { planId } }, include: { goal: true } });
    const speech = milestones.find((m) => m.title === "政策宣讲")!;
    await as("t.trainee3");
    ok(await changePlanAction({ op: "updateMilestone", planId, planVersion: 1, note: "", milestoneId: speech.id, title: "政策宣讲", dueDate: daysAgo(15), status: "DONE", milestoneNote: "在安山村宣讲医保政策" }));
    await actAs("py.manager"); // py.manager is this pairing's mentor
    ok(await changePlanAction({ op: "addMilestone", planId, planVersion: 2, note: "导师补充", goalId: speech.goalId, title: "独立宣讲一次", dueDate: addDaysYmd(today, 90) }));
    const ledger = milestones.find((m) => m.title === "台账")!;
    ok(await changePlanAction({ op: "removeMilestone", planId, planVersion: 3, note: "", milestoneId: ledger.id }));

    // Someone else's stale version is refused, nothing written.
    const stale = await changePlanAction({ op: "addGoal", planId, planVersion: 2, note: "", area: "政治素养", title: "旧页面提交" });
    expect(stale).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });

    const versions = await db.developmentPlanVersion.findMany({ where: { planId }, orderBy: { version: "asc" }, include: { changedBy: true } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(versions[1]!.changedBy.name).toBe("学员三");
    expect(versions[2]!.changeNote).toBe("导师补充");
    const diff = diffPlans(readSnapshot(versions[0]!.snapshot), readSnapshot(versions[3]!.snapshot));
    expect(diff).toContainEqual(expect.objectContaining({ type: "milestoneChanged", milestone: "政策宣讲", changes: expect.arrayContaining([{ field: "status", from: "PLANNED", to: "DONE" }]) }));
    expect(diff).toContainEqual(expect.objectContaining({ type: "milestoneAdded", milestone: "独立宣讲一次" }));
    expect(diff).toContainEqual(expect.objectContaining({ type: "milestoneRemoved", milestone: "台账" }));
    expect((await db.developmentPlan.findUniqueOrThrow({ where: { id: planId } })).version).toBe(4);
  });

  it("only the manager signs off, only a done milestone, and a signed-off milestone is locked", async () => {
    const speech = await db.planMilestone.findFirstOrThrow({ where: { goal: { planId }, title: "政策宣讲" } });
    const walk = await db.planMilestone.findFirstOrThrow({ where: { goal: { planId }, title: "走访20户" } });
    await as("t.trainee3");
    expect(await signOffMilestoneAction({ planId, planVersion: 4, milestoneId: speech.id, note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager"); // a manager, but not over 浦阳
    expect((await signOffMilestoneAction({ planId, planVersion: 4, milestoneId: speech.id, note: "" })).ok).toBe(false);
    await actAs("admin");
    expect(await signOffMilestoneAction({ planId, planVersion: 4, milestoneId: walk.id, note: "" })).toMatchObject({ ok: false, error: expect.stringContaining("已完成") });
    ok(await signOffMilestoneAction({ planId, planVersion: 4, milestoneId: speech.id, note: "" }));
    const signed = await db.planMilestone.findUniqueOrThrow({ where: { id: speech.id } });
    expect(signed.status).toBe("SIGNED_OFF");
    expect(signed.signedOffById).toBe((await demoUser("admin")).id);
    await as("t.trainee3");
    const edit = await changePlanAction({ op: "updateMilestone", planId, planVersion: 5, note: "", milestoneId: speech.id, title: "改名", dueDate: today, status: "IN_PROGRESS", milestoneNote: "" });
    expect(edit).toMatchObject({ ok: false, error: "该里程碑已审核通过，不能再修改。" });
    expect((await db.planMilestone.findUniqueOrThrow({ where: { id: speech.id } })).title).toBe("政策宣讲");
  });

  it("people other than mentor, trainee and managers cannot see or change the plan", async () => {
    await as("t.outsider");
    const outsider = (await loadSessionUser(people["t.outsider"]!.id, 1))!;
    await expect(getPairingOrThrow(outsider, pairingId)).rejects.toBeInstanceOf(NotFoundError);
    const before = await db.developmentPlanVersion.count({ where: { planId } });
    expect(await changePlanAction({ op: "addGoal", planId, planVersion: 5, note: "", area: "政治素养", title: "越权" })).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    await actAs("py.officer2"); // an officer of another village of the same town
    expect((await changePlanAction({ op: "addGoal", planId, planVersion: 5, note: "", area: "政治素养", title: "越权" })).ok).toBe(false);
    expect(await db.developmentPlanVersion.count({ where: { planId } })).toBe(before);
  });

  it("mentor or trainee log activities; the manager evaluates, and the trainee sees it", async () => {
    await as("t.trainee3");
    ok(await logActivityAction({ pairingId, kind: "TALK", occurredOn: today, place: "安山村村委", notes: "谈心谈话", idempotencyKey: key() }));
    expect(await logActivityAction({ pairingId, kind: "TALK", occurredOn: addDaysYmd(today, 1), place: "", notes: "", idempotencyKey: key() })).toMatchObject({ ok: false, fieldErrors: { occurredOn: ["日期不能晚于今天"] } });
    await as("t.outsider");
    expect((await logActivityAction({ pairingId, kind: "TALK", occurredOn: today, place: "", notes: "", idempotencyKey: key() })).ok).toBe(false);
    await actAs("admin"); // a manager over the pairing, but not its mentor or trainee
    expect((await logActivityAction({ pairingId, kind: "TALK", occurredOn: today, place: "", notes: "", idempotencyKey: key() })).ok).toBe(false);
    expect(await db.mentoringActivity.count({ where: { pairingId } })).toBe(1);

    const pairing = await db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    await actAs("py.manager"); // the mentor may not grade their own pairing
    expect((await evaluatePairingAction({ pairingId, version: pairing.version, rating: 5, evaluation: "自评" })).ok).toBe(false);
    await actAs("admin");
    expect(await evaluatePairingAction({ pairingId, version: pairing.version, rating: 7, evaluation: "x" })).toMatchObject({ ok: false, fieldErrors: { rating: ["请选择 1–5 分"] } });
    ok(await evaluatePairingAction({ pairingId, version: pairing.version, rating: 4, evaluation: "走访扎实，宣讲能力提升明显" }));
    await as("t.trainee3");
    const seen = await getPairingOrThrow((await loadSessionUser(people["t.trainee3"]!.id, 1))!, pairingId);
    expect(seen).toMatchObject({ rating: 4, evaluation: "走访扎实，宣讲能力提升明显" });
  });
});

describe("expectations, progress and configuration", () => {
  it("lists pairings behind the weekly guided-visit expectation; progress counts per village", async () => {
    const manager = (await loadSessionUser((await demoUser("py.manager")).id, 1))!;
    const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const items = await pairingExpectations(manager, programmeId, readSettings(programme.settings));
    // The test pairing of 学员三 started 20 days ago and has no guided visit.
    const mine = items.find((i) => i.traineeName === "学员三" && i.expectation.kind === "GUIDED_VISIT");
    expect(mine).toMatchObject({ status: "OVERDUE" });
    const py = await unitByCode("XS-PY");
    const rows = await progressByUnit(programmeId, py.id, today);
    const active = await db.pairing.count({ where: { programmeId, status: "ACTIVE" } });
    expect(rows.reduce((s, r) => s + r.activePairings, 0)).toBe(active);
    const as_ = rows.find((r) => r.unitName === "安山村")!;
    expect(as_.activePairings).toBeGreaterThanOrEqual(1);
    expect(as_.promotions).toBeGreaterThanOrEqual(1); // 学员三 was flagged above
    expect(as_.plansOnTrack + as_.plansLate).toBe(as_.activePairings);
  });

  it("only an admin configures expectations and templates", async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const input = { programmeId, version: programme.version, expectations: [{ kind: "GUIDED_VISIT", period: "WEEK", min: 2 }], dueSoonDays: 2, defaultCapacity: 3 };
    await actAs("py.manager");
    expect(await saveSettingsAction(input)).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    expect(await saveTemplateAction({ programmeId, templateId: "", name: "越权模板", active: true, content: { areas: [{ name: "x", goals: [{ title: "y", milestones: [] }] }] } })).toMatchObject({ ok: false });
    await actAs("yh.admin"); // an admin, but 浦阳 is not under 余杭
    expect((await saveSettingsAction(input)).ok).toBe(false);
    await actAs("admin");
    ok(await saveSettingsAction(input));
    expect(readSettings((await db.programme.findUniqueOrThrow({ where: { id: programmeId } })).settings).expectations).toEqual([{ kind: "GUIDED_VISIT", period: "WEEK", min: 2 }]);
    expect(await saveSettingsAction({ ...input, version: programme.version + 1, expectations: [{ kind: "NAP", period: "WEEK", min: 1 }] })).toMatchObject({ ok: false });
  });
});
