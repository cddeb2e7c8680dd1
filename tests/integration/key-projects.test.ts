// Key projects (重点项目): creation with milestones, the stage advance conditional on the
// milestone's actual date (and on the current stage, under concurrency), audited; blockers as
// problems moved by the problem state machine; the battle map and totals; pledges; scoping.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { advanceStageAction, completePledgeAction, createBlockerAction, createKeyProjectAction, createPledgeAction, updateMilestoneAction } from "@/lib/key-projects/actions";
import { getKeyProjectOrThrow, keyProjectBoard, listPledges } from "@/lib/key-projects/queries";
import { keyProjectTotals } from "@/lib/key-projects/progress";
import { transitionProblemAction } from "@/lib/problems/actions";
import { NotFoundError } from "@/lib/platform/errors";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { wanToCents } from "@/lib/platform/money";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser, ok } from "../support/fixtures";
import { addDaysYmd, shanghaiYmd } from "../support/time";

beforeEach(() => resetRequest());
const key = () => ({ idempotencyKey: crypto.randomUUID() });
async function programmeId() {
  return (await db.programme.findFirstOrThrow({ where: { name: "余杭区重点项目提速年" } })).id;
}
// Dates relative to today (Shanghai), read when used: the first three milestones are past, the
// last two years ahead, whatever day the suite runs.
const day = (n: number) => addDaysYmd(shanghaiYmd(), n);
const milestones = (over: Record<string, string> = {}) => ({ LAND_LISTING: day(-60), PERMITS: day(-30), START: day(-10), COMPLETION: day(365), PRODUCTION: day(730), ...over });

async function newProject(name: string, amount = "3", unit = "YI") {
  await actAs("etdz.manager");
  const rh = await unitByCode("YH-RH");
  const liaison = await demoUser("rh.officer");
  return ok(await createKeyProjectAction({
    programmeId: await programmeId(), name, orgUnitId: rh.id, investmentAmount: amount, investmentUnit: unit, location: "仁和街道",
    liaisonId: liaison.id, ownerEnterpriseId: "", milestones: milestones(), ...key(),
  })).id;
}
const version = async (id: string) => (await db.keyProject.findUniqueOrThrow({ where: { id } })).version;

describe("stage advance", () => {
  it("needs the START milestone's actual date to reach 开工建设, then PRODUCTION for 投产达效; audited", async () => {
    const id = await newProject("测试项目甲");
    expect((await db.keyProject.findUniqueOrThrow({ where: { id } })).investmentWan.toFixed(2)).toBe("30000.00");
    const early = await advanceStageAction({ id, version: await version(id), to: "UNDER_CONSTRUCTION" });
    expect(early).toMatchObject({ ok: false, error: "还没有记录“开工”的实际日期，不能进入“开工建设”。" });
    // Skipping a stage is refused with the stages named.
    expect(await advanceStageAction({ id, version: await version(id), to: "IN_PRODUCTION" })).toMatchObject({ ok: false, error: "状态不能从“谋划储备”变为“投产达效”，可能已被他人处理，请刷新。" });

    // The liaison officer (an OFFICER) records the actual start date; a future date is refused.
    await actAs("rh.officer");
    const future = await updateMilestoneAction({ projectId: id, version: await version(id), kind: "START", plannedOn: day(-10), actualOn: day(1) });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.fieldErrors?.actualOn).toEqual(["日期不能晚于今天"]);
    ok(await updateMilestoneAction({ projectId: id, version: await version(id), kind: "START", plannedOn: day(-10), actualOn: day(-5) }));
    // …but advancing is a manager's decision.
    expect((await advanceStageAction({ id, version: await version(id), to: "UNDER_CONSTRUCTION" })).ok).toBe(false);
    await actAs("etdz.manager");
    expect(ok(await advanceStageAction({ id, version: await version(id), to: "UNDER_CONSTRUCTION" })).stage).toBe("UNDER_CONSTRUCTION");
    expect((await advanceStageAction({ id, version: await version(id), to: "IN_PRODUCTION" })).ok).toBe(false);
    ok(await updateMilestoneAction({ projectId: id, version: await version(id), kind: "PRODUCTION", plannedOn: day(730), actualOn: todayInShanghai() }));
    ok(await advanceStageAction({ id, version: await version(id), to: "IN_PRODUCTION" }));
    const events = await db.keyProjectEvent.findMany({ where: { projectId: id, kind: "STAGE" }, orderBy: { at: "asc" } });
    expect(events.map((e) => `${e.fromStage}>${e.toStage}`)).toEqual(["PLANNED>UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION>IN_PRODUCTION"]);
    const audits = await db.auditLog.findMany({ where: { entityId: id, action: "keyProject.advance" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => (a.data as { after: { stage: string } }).after.stage)).toEqual(["UNDER_CONSTRUCTION", "IN_PRODUCTION"]);
    expect(await db.auditLog.count({ where: { entityId: id, action: "keyProject.milestone" } })).toBe(2);
  });

  it("two managers advancing at once: exactly one wins", async () => {
    const id = await newProject("测试项目乙");
    await actAs("rh.officer");
    ok(await updateMilestoneAction({ projectId: id, version: await version(id), kind: "START", plannedOn: day(-10), actualOn: day(-10) }));
    const v = await version(id);
    await actAs("etdz.manager");
    const results = await Promise.all([
      advanceStageAction({ id, version: v, to: "UNDER_CONSTRUCTION" }),
      advanceStageAction({ id, version: v, to: "UNDER_CONSTRUCTION" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "该记录已被他人修改，请刷新后重试。" });
    expect(await db.keyProjectEvent.count({ where: { projectId: id, kind: "STAGE" } })).toBe(1);
  });
});

describe("battle map, blockers and totals", () => {
  it("shows late milestones (Shanghai), counts blockers raised and resolved as problems, and totals per stage without mixing units", async () => {
    const pid = await programmeId();
    const manager = await sessionUser("etdz.manager");
    const before = await keyProjectTotals(manager, pid);
    const id = await newProject("测试项目丙", "5000", "WAN");
    let board = await keyProjectBoard(manager, pid);
    const card = board.columns.PLANNED.find((c) => c.id === id)!;
    // LAND_LISTING, PERMITS and START were planned for the past weeks and have no actual date.
    expect(card.lateMilestones.map((m) => m.kind)).toEqual(["LAND_LISTING", "PERMITS", "START"]);
    expect(card.nextMilestone?.kind).toBe("LAND_LISTING");

    await actAs("rh.officer");
    const blockerId = ok(await createBlockerAction({ projectId: id, title: "用地指标未落实", description: "", dueDate: "", ...key() })).id;
    const problem = await db.problem.findUniqueOrThrow({ where: { id: blockerId } });
    expect(problem).toMatchObject({ keyProjectId: id, status: "OPEN", orgUnitId: (await unitByCode("YH-RH")).id });
    board = await keyProjectBoard(manager, pid);
    expect(board.cards.find((c) => c.id === id)!.openBlockers).toBe(1);

    const after = await keyProjectTotals(manager, pid);
    expect(after.byStage.PLANNED.projects).toBe(before.byStage.PLANNED.projects + 1);
    // 5000 万元 added to a total kept in 万元.
    expect(wanToCents(after.byStage.PLANNED.investmentWan) - wanToCents(before.byStage.PLANNED.investmentWan)).toBe(wanToCents("5000"));
    expect(after.openBlockers).toBe(before.openBlockers + 1);
    expect(after.lateMilestones).toBe(before.lateMilestones + 3);

    // The blocker moves through the problem state machine and leaves the count when resolved.
    let v = ok(await transitionProblemAction({ id: blockerId, version: problem.version, to: "IN_PROGRESS" })).version;
    v = ok(await transitionProblemAction({ id: blockerId, version: v, to: "RESOLVED", resolution: "区里统筹解决指标" })).version;
    board = await keyProjectBoard(manager, pid);
    expect(board.cards.find((c) => c.id === id)!.openBlockers).toBe(0);
    expect(v).toBe(3);
  });

  it("is scoped: a unit outside sees neither the project nor its figures", async () => {
    const id = await newProject("测试项目丁");
    const lz = await sessionUser("lz.officer");
    await expect(getKeyProjectOrThrow(lz, id)).rejects.toBeInstanceOf(NotFoundError);
    const pid = await programmeId();
    expect((await keyProjectBoard(lz, pid)).cards).toHaveLength(0);
    expect((await keyProjectTotals(lz, pid)).total.projects).toBe(0);
    await actAs("lz.officer");
    expect((await createBlockerAction({ projectId: id, title: "越权", ...key() })).ok).toBe(false);
    // The liaison officer sits in 仁和 and sees it; the demo has seven projects for the district.
    expect((await keyProjectBoard(await sessionUser("yh.manager"), pid)).cards.length).toBeGreaterThanOrEqual(8);
  });
});

describe("pledges (军令状)", () => {
  it("are made by managers, shown as missed when open past their date, and completed conditionally", async () => {
    const pid = await programmeId();
    await actAs("rh.officer");
    const rh = await unitByCode("YH-RH");
    const officer = await demoUser("rh.officer");
    const input = { programmeId: pid, orgUnitId: rh.id, pledgerId: officer.id, keyProjectId: "", problem: "月底前解决用地指标", dueOn: day(-30), note: "" };
    expect((await createPledgeAction({ ...input, ...key() })).ok).toBe(false);
    await actAs("etdz.manager");
    const id = ok(await createPledgeAction({ ...input, ...key() })).id;
    const rows = await listPledges(await sessionUser("rh.officer"), { programmeId: pid });
    expect(rows.find((r) => r.id === id)).toMatchObject({ status: "OPEN", effectiveStatus: "MISSED" });
    // The pledger marks it done (late); a second completion is refused.
    await actAs("rh.officer");
    ok(await completePledgeAction({ id, version: 1, doneOn: todayInShanghai(), note: "已落实" }));
    expect(await db.pledge.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", version: 2 });
    expect((await completePledgeAction({ id, version: 2, doneOn: todayInShanghai() })).ok).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: id } })).toBe(2);
  });
});
