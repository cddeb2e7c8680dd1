// A problem raised on a visit is due between the day of the visit and the campaign's horizon
// (问题最长办理期限, default 365 days): 9999-12-31 (never overdue) and a day before the visit
// (overdue at once) were saved before (issue 13 item 8).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createVisitAction } from "@/lib/visits/actions";
import { createBlockerAction } from "@/lib/key-projects/actions";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { PROBLEM_DUE_DAYS_DEFAULT } from "@/lib/visits/campaigns/settings";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";
import { addDaysYmd, demoYear, shanghaiInstant, shanghaiYmd } from "../support/time";

let campaignId: string;
let householdId: string;
beforeAll(async () => {
  const campaign = await db.programme.findFirstOrThrow({ where: { name: `${demoYear}年浦阳镇“民情双访”` } });
  campaignId = campaign.id;
  const xj = await unitByCode("XS-PY-XJ");
  householdId = (await db.household.create({ data: { householdKey: `T-DUE-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: xj.id, headName: "期测试", address: "谢家村9号" } })).id;
});
beforeEach(() => resetRequest());

// The visit a minute ago, but never before today began (Shanghai: at 00:30 on 1 January an hour
// ago is last year, outside this year's campaign); its day is the first allowed due date.
const [y, m, d] = shanghaiYmd().split("-").map(Number) as [number, number, number];
const visitedAt = toShanghaiLocal(new Date(Math.max(Date.now() - 60_000, shanghaiInstant(y, m, d).getTime())));
const visitDay = visitedAt.slice(0, 10);

async function submit(dueDate: string) {
  await actAs("py.officer");
  return createVisitAction({
    programmeId: campaignId, officerId: "", mentorId: "", kind: "HOUSEHOLD", placeType: "HOUSEHOLD", placeId: householdId,
    visitedAt, checklist: [], services: [], notes: "", latitude: "", longitude: "",
    problems: [{ title: "办理期限测试", description: "", category: "", dueDate }],
    idempotencyKey: crypto.randomUUID(),
  });
}

const refusal = (from: string, to: string) => ({ ok: false, fieldErrors: { "problems.0.dueDate": [`办理期限须在 ${from} 至 ${to} 之间`] } });

describe("problem due dates on a visit", () => {
  it("refuses 9999-12-31 and a day before the visit, naming the allowed range", async () => {
    const to = addDaysYmd(visitDay, PROBLEM_DUE_DAYS_DEFAULT);
    const before = await db.problem.count();
    expect(await submit("9999-12-31")).toMatchObject(refusal(visitDay, to));
    expect(await submit(addDaysYmd(visitDay, -1))).toMatchObject(refusal(visitDay, to));
    expect(await submit(addDaysYmd(visitDay, PROBLEM_DUE_DAYS_DEFAULT + 1))).toMatchObject(refusal(visitDay, to));
    expect(await db.problem.count()).toBe(before);
  });

  it("accepts both edges: the visit's day and the last day of the horizon", async () => {
    for (const due of [visitDay, addDaysYmd(visitDay, PROBLEM_DUE_DAYS_DEFAULT)]) {
      const r = await submit(due);
      if (!r.ok) throw new Error(JSON.stringify(r));
      const problem = await db.problem.findFirstOrThrow({ where: { visitId: r.data.id } });
      expect(problem.dueDate?.toISOString().slice(0, 10)).toBe(due);
    }
  });

  it("respects the campaign's own horizon", async () => {
    const campaign = await db.programme.findUniqueOrThrow({ where: { id: campaignId }, select: { settings: true } });
    await db.programme.update({ where: { id: campaignId }, data: { settings: { ...(campaign.settings as object), problemDueDays: 30 } } });
    try {
      expect(await submit(addDaysYmd(visitDay, 31))).toMatchObject(refusal(visitDay, addDaysYmd(visitDay, 30)));
      expect((await submit(addDaysYmd(visitDay, 30))).ok).toBe(true);
    } finally {
      await db.programme.update({ where: { id: campaignId }, data: { settings: campaign.settings ?? {} } });
    }
  });
});

describe("blocker due dates on a key project", () => {
  it("a blocker is due from the day it is raised to the default horizon", async () => {
    const project = await db.keyProject.findFirstOrThrow({ where: { programme: { name: "余杭区重点项目提速年" } }, orderBy: { createdAt: "asc" } });
    await actAs("etdz.manager");
    const today = shanghaiYmd();
    const to = addDaysYmd(today, PROBLEM_DUE_DAYS_DEFAULT);
    const raise = (dueDate: string) => createBlockerAction({ projectId: project.id, title: "办理期限测试", description: "", dueDate, idempotencyKey: crypto.randomUUID() });
    const refused = { ok: false, fieldErrors: { dueDate: [`办理期限须在 ${today} 至 ${to} 之间`] } };
    expect(await raise("9999-12-31")).toMatchObject(refused);
    expect(await raise(addDaysYmd(today, -1))).toMatchObject(refused);
    expect((await raise(to)).ok).toBe(true);
  });
});
