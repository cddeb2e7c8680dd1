// The officer's home (issue 13 items 4 and 5): its figures count the same rows as the lists
// they stand for — 待我处理 for hotline requests (including those waiting for the intake
// officer's 受理), "只看我的" for problems — and it spells a request's deadline exactly as
// the request page does.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import { db } from "@/lib/platform/db/client";
import { acceptRequestAction, assignRequestAction, intakeRequestAction } from "@/lib/hotline/actions";
import { listRequests } from "@/lib/hotline/queries";
import { listProblems } from "@/lib/problems/queries";
import { UNRESOLVED_STATUSES } from "@/lib/problems/transitions";
import { officerDue } from "@/lib/dashboards/officer-home";
import { type SessionUser } from "@/lib/platform/auth/session";
import { now, pinClock, unpinClock } from "@/lib/platform/clock";
import HomePage from "@/app/(app)/page";
import RequestPage from "@/app/(app)/hotline/[id]/page";
import { ClockList } from "@/components/hotline/clock-list";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode, sessionUser, ok } from "../support/fixtures";

let programmeId: string;
let enterpriseId: string;

beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
  enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
});
beforeEach(() => resetRequest());
afterEach(() => unpinClock());

/** A call logged by lz.officer, left waiting for his 受理. */
async function receivedRequest() {
  await actAs("lz.officer");
  const { id } = ok(await intakeRequestAction({
    programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
    callerName: "王经理", callerPhone: "13812345678", category: "检验检测", title: "", description: "新产品需要第三方检测机构", urgency: "NORMAL",
    idempotencyKey: crypto.randomUUID(),
  }));
  return id;
}

/** Every row of the 待我处理 tab, page by page. */
async function queueIds(user: SessionUser) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRequests(user, { tab: "queue", cursor });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function myOpenProblemIds(user: SessionUser) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProblems(user, { mine: true, cursor });
    ids.push(...page.rows.filter((p) => (UNRESOLVED_STATUSES as readonly string[]).includes(p.status)).map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("the home's figures count what the lists hold", () => {
  it("counts a request waiting for the intake officer's 受理, as 待我处理 does", async () => {
    const id = await receivedRequest();
    const officer = await sessionUser("lz.officer");
    const due = await officerDue(officer);
    const queue = await queueIds(officer);
    expect(queue).toContain(id);
    expect(due.requests.map((r) => r.id)).toContain(id);
    expect(due.counts.requests).toBe(queue.length);
    // Its running clock is 受理's.
    expect(due.requests.find((r) => r.id === id)!.nextClock).toMatchObject({ stage: "ACCEPT", state: "pending" });
  });

  it("counts a request handed to the department, for the department's officer, as 待我处理 does", async () => {
    const id = await receivedRequest();
    await actAs("lz.officer");
    ok(await acceptRequestAction({ id, version: 1, note: "" }));
    ok(await assignRequestAction({ id, version: 2, leadDepartmentId: (await unitByCode("YH-LZ-QQB")).id, assigneeId: "", coHandlerIds: [], note: "" }));
    const qqb = await sessionUser("lz.qqb");
    const due = await officerDue(qqb);
    const queue = await queueIds(qqb);
    expect(queue).toContain(id);
    expect(due.requests.map((r) => r.id)).toContain(id);
    expect(due.counts.requests).toBe(queue.length);
    expect(due.requests.find((r) => r.id === id)!.nextClock).toMatchObject({ stage: "RESPOND" });
  });

  it("lists the most urgent first: by the running clock's due time, so a request waiting for 受理 is not pushed out by one accepted long ago", async () => {
    // A: accepted two days ago, its 交办 due in five days. B: waiting for 受理 today.
    const a = await receivedRequest();
    await actAs("lz.officer");
    ok(await acceptRequestAction({ id: a, version: 1, note: "" }));
    const day = 86_400_000;
    await db.serviceRequest.update({ where: { id: a }, data: { acceptDueAt: new Date(now().getTime() - 2 * day), acceptedAt: new Date(now().getTime() - 2 * day - 3_600_000), assignDueAt: new Date(now().getTime() + 5 * day) } });
    const b = await receivedRequest();
    const due = await officerDue(await sessionUser("lz.officer"));
    const ids = due.requests.map((r) => r.id);
    expect(ids).toContain(b);
    if (ids.includes(a)) expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
    const dues = due.requests.map((r) => r.nextClock?.dueAt.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
  });

  it("counts the officer's open problems as the problems list's 只看我的 does, including those found on his visits", async () => {
    for (const username of ["py.officer", "lz.officer"]) {
      const officer = await sessionUser(username);
      const due = await officerDue(officer);
      expect(due.counts.problems, username).toBe((await myOpenProblemIds(officer)).length);
    }
    // A problem found on py.officer's visit and not (yet) assigned to anyone is his to follow.
    const officer = await sessionUser("py.officer");
    const visit = await db.visit.findFirstOrThrow({ where: { officerId: officer.id }, select: { id: true, programmeId: true, orgUnitId: true } });
    const problem = await db.problem.create({
      data: { visitId: visit.id, programmeId: visit.programmeId, orgUnitId: visit.orgUnitId, title: "屋顶漏水待修", category: "住房", description: "雨天漏水", status: "OPEN" },
    });
    const due = await officerDue(officer);
    expect(due.problems.map((p) => p.id)).toContain(problem.id);
  });

  it("knows who found a problem from its visit, in the database: set on insert, not writable to anyone else", async () => {
    const officer = await sessionUser("py.officer");
    const other = await sessionUser("lz.officer");
    const visit = await db.visit.findFirstOrThrow({ where: { officerId: officer.id }, select: { id: true, programmeId: true, orgUnitId: true } });
    const problem = await db.problem.create({
      data: { visitId: visit.id, programmeId: visit.programmeId, orgUnitId: visit.orgUnitId, title: "路灯不亮", category: "基础设施", description: "村口路灯", status: "OPEN", foundById: other.id },
    });
    const foundBy = async () => (await db.problem.findUniqueOrThrow({ where: { id: problem.id }, select: { foundById: true } })).foundById;
    expect(await foundBy()).toBe(officer.id);
    await db.problem.update({ where: { id: problem.id }, data: { foundById: other.id } });
    expect(await foundBy()).toBe(officer.id);
    await db.problem.update({ where: { id: problem.id }, data: { visitId: null } });
    expect(await foundBy()).toBeNull();
    // Every problem agrees with its visit (none found on a visit, none found by anyone).
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM problem p LEFT JOIN visit v ON v.id = p."visitId" WHERE p."foundById" IS DISTINCT FROM v."officerId"`;
    expect(n).toBe(0);
  });
});

const testId = (id: string) => (e: ReactElement) => (e.props as Record<string, unknown>)["data-testid"] === id;

describe("one spelling of a deadline", () => {
  it("the home widget and the request page render the same deadline for the same request", async () => {
    pinClock(now());
    const id = await receivedRequest();
    await actAs("lz.officer");

    const home = await HomePage();
    const link = findElements(home, (e) => (e.props as { href?: string }).href === `/hotline/${id}`);
    expect(link).toHaveLength(1);
    const homeDeadline = findElements(link[0], testId("home-deadline")).map(elementText);
    expect(homeDeadline).toHaveLength(1);
    expect(homeDeadline[0]).toMatch(/^(当日|\d{1,2}月\d{1,2}日) \d{2}:\d{2}$/);
    expect(homeDeadline[0]).not.toMatch(/00:00$/);

    const page = await RequestPage({ params: Promise.resolve({ id }) });
    const [clocks] = findElements(page, (e) => e.type === ClockList);
    const rendered = await ClockList(clocks!.props as Parameters<typeof ClockList>[0]);
    const accept = findElements(rendered, (e) => (e.props as Record<string, unknown>)["data-clock"] === "ACCEPT");
    expect(findElements(accept, testId("clock-due")).map(elementText)).toEqual([`时限 ${homeDeadline[0]}`]);
  });
});
