// Issue 13 item 18: a page takes the version a successful action returns and sends it with the
// next step at once (components/forms/use-version.ts), without waiting for the page to
// re-render. So every action whose form sends a version must return the row's new version —
// exactly the one now in the database — and a step with the version from before someone
// else's change must still be refused as a conflict.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import {
  acceptRequestAction, assignRequestAction, decideExtensionAction, intakeRequestAction, reassignRequestAction,
  requestExtensionAction, respondRequestAction,
} from "@/lib/hotline/actions";
import {
  addPoolMemberAction, changeCapacityAction, changeMemberFlagsAction, changeMemberStatusAction, createPairingAction,
  endPairingAction, evaluatePairingAction, saveSettingsAction,
} from "@/lib/mentorship/actions";
import { assignProblemAction, transitionProblemAction } from "@/lib/problems/actions";
import { now } from "@/lib/platform/clock";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { addDaysYmd, shanghaiYmd } from "../support/time";

const CONFLICT = "该记录已被他人修改，请刷新后重试。";

beforeEach(() => resetRequest());

/** The version an action returned, checked against the row's. */
async function returnedIsStored(data: unknown, stored: () => Promise<{ version: number }>) {
  const returned = (data as { version?: unknown }).version;
  expect(returned, "the action returns a version").toEqual(expect.any(Number));
  expect(returned).toBe((await stored()).version);
  return returned as number;
}

describe("problems", () => {
  it("each step returns the stored version, the next step goes through with it, a stale one is refused", async () => {
    const yh = await unitByCode("YH");
    const problem = await db.problem.findFirstOrThrow({ where: { status: "OPEN", orgUnit: { path: { startsWith: yh.path } } }, orderBy: { id: "asc" } });
    const stored = () => db.problem.findUniqueOrThrow({ where: { id: problem.id } });
    await actAs("yh.manager");
    const manager = await demoUser("yh.manager");

    let v = await returnedIsStored(ok(await transitionProblemAction({ id: problem.id, version: problem.version, to: "IN_PROGRESS" })), stored);
    v = await returnedIsStored(ok(await assignProblemAction({ id: problem.id, version: v, assigneeId: manager.id })), stored);
    const beforeOther = v;

    // Someone else resolves it meanwhile: the version this user holds is now stale.
    await actAs("yh.admin");
    await returnedIsStored(ok(await transitionProblemAction({ id: problem.id, version: v, to: "RESOLVED", resolution: "已处理" })), stored);
    await actAs("yh.manager");
    expect(await transitionProblemAction({ id: problem.id, version: beforeOther, to: "REOPENED", note: "仍未解决" })).toMatchObject({ ok: false, error: CONFLICT });
    expect((await stored()).status).toBe("RESOLVED");
  });
});

describe("hotline requests", () => {
  let programmeId: string;
  let enterpriseId: string;
  beforeAll(async () => {
    programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
    enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
  });

  it("every move and both extension steps return the stored version", async () => {
    await actAs("lz.officer");
    const { id } = ok(await intakeRequestAction({
      programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
      callerName: "王经理", callerPhone: "13812345678", category: "检验检测", title: "", description: "新产品需要第三方检测机构", urgency: "NORMAL",
      idempotencyKey: crypto.randomUUID(),
    }));
    const stored = () => db.serviceRequest.findUniqueOrThrow({ where: { id } });
    const qqb = (await unitByCode("YH-LZ-QQB")).id;
    const gaoTang = await demoUser("lz.qqb");

    let v = await returnedIsStored(ok(await acceptRequestAction({ id, version: (await stored()).version, note: "" })), stored);
    v = await returnedIsStored(ok(await assignRequestAction({ id, version: v, leadDepartmentId: qqb, assigneeId: "", coHandlerIds: [], note: "" })), stored);
    // 改派 then 回应 back to back, as on the page.
    v = await returnedIsStored(ok(await reassignRequestAction({ id, version: v, leadDepartmentId: qqb, assigneeId: gaoTang.id, coHandlerIds: [], note: "" })), stored);

    // Asking for more time leaves the version; an approval moves the deadline and the version.
    const r = await stored();
    const proposed = toShanghaiLocal(new Date(Math.max(r.respondDueAt.getTime(), now().getTime()) + 3 * 86_400_000));
    const asked = ok(await requestExtensionAction({ id, version: v, reason: "需要召集三个部门会商", proposedDueAt: proposed }));
    expect(await returnedIsStored(asked, stored)).toBe(v);
    await actAs("yh.manager");
    const approved = await returnedIsStored(ok(await decideExtensionAction({ id, extensionId: asked.extensionId, approve: true, note: "同意" })), stored);
    expect(approved).toBe(v + 1);

    // The version from before the approval is stale now; the returned one goes through.
    await actAs("lz.officer");
    expect(await respondRequestAction({ id, version: v, response: "已答复" })).toMatchObject({ ok: false, error: CONFLICT });
    await returnedIsStored(ok(await respondRequestAction({ id, version: approved, response: "已答复" })), stored);
  });
});

describe("mentorship", () => {
  const today = shanghaiYmd(now());
  let programmeId: string;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    const programme = await db.programme.findFirstOrThrow({ where: { name: "浦阳镇年轻干部“帮带导师”计划" } });
    programmeId = programme.id;
    for (const [username, code] of [["v.mentor", "XS-PY"], ["v.trainee", "XS-PY-JY"]] as const) {
      const unit = await unitByCode(code);
      users[username] = (await db.user.create({ data: { username, name: username, role: "OFFICER", orgUnitId: unit.id, passwordHash: "x" } })).id;
    }
    await actAs("py.manager");
    for (const [username, pool] of [["v.mentor", "MENTOR"], ["v.trainee", "TRAINEE"]] as const) {
      ok(await addPoolMemberAction({ programmeId, pool, userId: users[username], lineOfWork: "", capacity: pool === "MENTOR" ? "2" : "", joinedOn: addDaysYmd(today, -90), reason: "入库", idempotencyKey: crypto.randomUUID() }));
    }
  });

  it("pool member changes return the stored version", async () => {
    await actAs("py.manager");
    const member = await db.poolMember.findFirstOrThrow({ where: { programmeId, userId: users["v.trainee"], pool: "TRAINEE" } });
    const stored = () => db.poolMember.findUniqueOrThrow({ where: { id: member.id } });
    let v = await returnedIsStored(ok(await changeMemberStatusAction({ memberId: member.id, version: member.version, toStatus: "PAUSED", effectiveOn: addDaysYmd(today, -10), reason: "借调" })), stored);
    v = await returnedIsStored(ok(await changeMemberFlagsAction({ memberId: member.id, version: v, priorityPromotion: true, reserveCadre: false, reserveNote: "", reason: "考评优秀" })), stored);
    await returnedIsStored(ok(await changeMemberStatusAction({ memberId: member.id, version: v, toStatus: "ACTIVE", effectiveOn: today, reason: "借调结束" })), stored);

    const mentor = await db.poolMember.findFirstOrThrow({ where: { programmeId, userId: users["v.mentor"], pool: "MENTOR" } });
    await returnedIsStored(ok(await changeCapacityAction({ memberId: mentor.id, version: mentor.version, capacity: 3, reason: "精力充足" })), () => db.poolMember.findUniqueOrThrow({ where: { id: mentor.id } }));
  });

  it("evaluating and ending a pairing return the stored version", async () => {
    await actAs("py.manager");
    const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const { id } = ok(await createPairingAction({
      programmeId, traineeId: users["v.trainee"]!, mentorId: users["v.mentor"]!, startDate: addDaysYmd(today, -20),
      endDate: programme.endDate.toISOString().slice(0, 10), templateId: "", idempotencyKey: crypto.randomUUID(),
    }));
    const stored = () => db.pairing.findUniqueOrThrow({ where: { id } });
    let v = await returnedIsStored(ok(await evaluatePairingAction({ pairingId: id, version: (await stored()).version, rating: 4, evaluation: "进步明显" })), stored);
    v = await returnedIsStored(ok(await evaluatePairingAction({ pairingId: id, version: v, rating: 5, evaluation: "进步很大" })), stored);
    await returnedIsStored(ok(await endPairingAction({ pairingId: id, version: v, reason: "结对期满" })), stored);
  });

  it("saving the settings twice in a row goes through with the returned version", async () => {
    await actAs("admin");
    const stored = () => db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const input = { programmeId, expectations: [{ kind: "GUIDED_VISIT", period: "WEEK", min: 2 }], dueSoonDays: 2, defaultCapacity: 3 };
    const v = await returnedIsStored(ok(await saveSettingsAction({ ...input, version: (await stored()).version })), stored);
    await returnedIsStored(ok(await saveSettingsAction({ ...input, version: v, dueSoonDays: 3 })), stored);
  });
});
