// 三争一实 showcases: recusal enforced on the server, scores hidden until the session closes,
// trimmed-mean final scores with 3, 5 and 7 judges, locking after close, the talent list,
// and permission denials.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import {
  addEntryAction,
  addJudgeAction,
  addToTalentListAction,
  closeSessionAction,
  createSessionAction,
  declareConflictAction,
  readSessionScoresAction,
  saveCriteriaAction,
  saveScoreSheetAction,
} from "@/lib/showcases/actions";
import { myScores, yearLeaderboard } from "@/lib/showcases/queries";
import { DEFAULT_CRITERIA } from "@/lib/showcases/schemas";
import { resetRequest, signInAs } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { demoToday, demoYear } from "../support/time";

// The seeded programme runs over the seed's year and already holds sessions for the seed's
// quarter and the one before; the tests' sessions take two other quarters of that year.
const seedQuarter = Math.floor((Number(demoToday.slice(5, 7)) - 1) / 3) + 1;
const [QA, QB] = [1, 2, 3, 4].filter((q) => q !== seedQuarter && q !== seedQuarter - 1).map((q) => `${demoYear}-Q${q}`) as [string, string];
/** A day in the middle month of a quarter "YYYY-Qn". */
const dayIn = (quarter: string) => `${quarter.slice(0, 4)}-${String(Number(quarter.slice(-1)) * 3 - 1).padStart(2, "0")}-20`;

let programmeId: string;
const people: Record<string, { id: string; role: "OFFICER"; orgUnitId: string; sessionVersion: number; name: string }> = {};
const as = (u: string) => signInAs(people[u]!);
const key = () => crypto.randomUUID();

async function mkUser(username: string, name: string, code: string) {
  const unit = await unitByCode(code);
  const u = await db.user.create({ data: { username, name, role: "OFFICER", orgUnitId: unit.id, passwordHash: "x" } });
  people[username] = { id: u.id, role: "OFFICER", orgUnitId: unit.id, sessionVersion: u.sessionVersion, name };
}

/** A session with entrants e1..e3 and judges j1..jN (e1 is also a judge); simple 2-criterion sheet. */
async function setupSession(quarter: string, judgeCount: number, trimMinJudges = 5) {
  await actAs("yh.manager");
  const sessionId = ok(await createSessionAction({
    programmeId, quarter, heldOn: dayIn(quarter), place: "梦想小镇", trimMinJudges,
    criteria: [{ dimension: "LIVE", name: "现场", weight: 50, maxScore: 100 }, { dimension: "WRITTEN", name: "书面", weight: 50, maxScore: 100 }],
    idempotencyKey: key(),
  })).id;
  const entries: Record<string, string> = {};
  for (const e of ["e1", "e2", "e3"]) {
    entries[e] = ok(await addEntryAction({ sessionId, officerId: people[e]!.id, topic: `${people[e]!.name}的工作`, narrative: "叙事", idempotencyKey: key() })).id;
  }
  for (let i = 1; i <= judgeCount; i += 1) ok(await addJudgeAction({ sessionId, userId: people[`j${i}`]!.id }));
  ok(await addJudgeAction({ sessionId, userId: people.e1!.id }));
  const criteria = await db.showcaseCriterion.findMany({ where: { sessionId }, orderBy: { sortOrder: "asc" } });
  return { sessionId, entries, criteria };
}

async function score(judge: string, entryId: string, criteria: { id: string }[], values: number[]) {
  await as(judge);
  return saveScoreSheetAction({ entryId, scores: criteria.map((c, i) => ({ criterionId: c.id, score: values[i] })) });
}

beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "SHOWCASE", name: "未来科技城“三争一实”季度擂台" } })).id;
  for (const [u, name] of [["e1", "擂手甲"], ["e2", "擂手乙"], ["e3", "擂手丙"]] as const) await mkUser(u, name, "YH-CQ-MX");
  for (let i = 1; i <= 7; i += 1) await mkUser(`j${i}`, `评委${i}`, "YH-FST");
});
beforeEach(() => resetRequest());

describe("recusal and secrecy", () => {
  let s: Awaited<ReturnType<typeof setupSession>>;
  beforeAll(async () => {
    s = await setupSession(QA, 3);
  });

  it("a judge cannot score their own entry, nor one they declared a conflict with — on the server", async () => {
    expect(await score("e1", s.entries.e1!, s.criteria, [90, 90])).toMatchObject({ ok: false, error: "评委不能给自己的参赛作品打分。" });
    ok(await score("j2", s.entries.e2!, s.criteria, [70, 75]));
    await as("j2");
    ok(await declareConflictAction({ entryId: s.entries.e2!, judgeId: "", reason: "同一科室" }));
    // The score given before the declaration is gone; a new one is refused.
    expect(await db.showcaseScore.count({ where: { judgeId: people.j2!.id, entryId: s.entries.e2! } })).toBe(0);
    expect(await score("j2", s.entries.e2!, s.criteria, [70, 75])).toMatchObject({ ok: false, error: "您已声明回避该参赛者，不能打分。" });
    // A manager declares on a judge's behalf; a judge cannot declare for another judge.
    await as("j3");
    expect((await declareConflictAction({ entryId: s.entries.e3!, judgeId: people.j1!.id, reason: "代为" })).ok).toBe(false);
    await actAs("yh.manager");
    ok(await declareConflictAction({ entryId: s.entries.e3!, judgeId: people.j1!.id, reason: "亲属关系" }));
    expect((await score("j1", s.entries.e3!, s.criteria, [80, 80])).ok).toBe(false);
  });

  it("someone who is not a judge cannot score; a sheet must cover every criterion within its maximum", async () => {
    expect(await score("e2", s.entries.e3!, s.criteria, [80, 80])).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await as("j3");
    expect(await saveScoreSheetAction({ entryId: s.entries.e3!, scores: [{ criterionId: s.criteria[0]!.id, score: 80 }] })).toMatchObject({ ok: false, error: "请为每一项评分标准打分。" });
    expect((await score("j3", s.entries.e3!, s.criteria, [80, 101])).ok).toBe(false);
    expect(await db.showcaseScore.count({ where: { judgeId: people.j3!.id } })).toBe(0);
  });

  it("before closing, nobody can read anyone else's scores — not another judge, not the manager", async () => {
    ok(await score("j3", s.entries.e3!, s.criteria, [88, 86]));
    ok(await score("j1", s.entries.e1!, s.criteria, [77, 79]));
    await as("j1");
    expect(await readSessionScoresAction({ sessionId: s.sessionId })).toEqual({ ok: true, data: [] });
    await actAs("yh.manager");
    expect(await readSessionScoresAction({ sessionId: s.sessionId })).toEqual({ ok: true, data: [] });
    // A judge's own sheet is theirs only.
    const j1 = (await loadSessionUser(people.j1!.id, 1))!;
    const own = await myScores(j1, s.sessionId);
    expect(own.every((r) => r.entryId === s.entries.e1)).toBe(true);
    expect(own).toHaveLength(2);
    // The criteria are locked once scoring started.
    const session = await db.showcaseSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(await saveCriteriaAction({ sessionId: s.sessionId, version: session.version, criteria: DEFAULT_CRITERIA })).toMatchObject({ ok: false, error: "已有评委打分，评分标准不能再修改。" });
  });

  it("after closing, scores are visible and locked: every write is refused", async () => {
    await as("j1");
    const session = await db.showcaseSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect((await closeSessionAction({ sessionId: s.sessionId, version: session.version })).ok).toBe(false); // judges cannot close
    await actAs("yh.manager");
    ok(await closeSessionAction({ sessionId: s.sessionId, version: session.version }));
    await as("j2");
    const all = ok(await readSessionScoresAction({ sessionId: s.sessionId }));
    expect(all).toHaveLength(await db.showcaseScore.count({ where: { entry: { sessionId: s.sessionId } } }));
    expect(all.length).toBeGreaterThan(0);

    const before = await db.showcaseScore.findMany({ where: { entry: { sessionId: s.sessionId } }, orderBy: { id: "asc" } });
    expect(await score("j3", s.entries.e3!, s.criteria, [10, 10])).toMatchObject({ ok: false, error: "本场擂台已结束，评分已锁定，不能再修改。" });
    expect(await score("j2", s.entries.e1!, s.criteria, [10, 10])).toMatchObject({ ok: false, error: "本场擂台已结束，评分已锁定，不能再修改。" });
    await as("j3");
    expect((await declareConflictAction({ entryId: s.entries.e3!, judgeId: "", reason: "事后回避" })).ok).toBe(false);
    await actAs("yh.manager");
    expect((await addJudgeAction({ sessionId: s.sessionId, userId: people.j4!.id })).ok).toBe(false);
    expect((await closeSessionAction({ sessionId: s.sessionId, version: session.version + 1 })).ok).toBe(false);
    expect(await db.showcaseScore.findMany({ where: { entry: { sessionId: s.sessionId } }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("final scores: weighted totals and the trimmed mean", () => {
  it("3 judges: plain mean; 5 and 7 judges: highest and lowest dropped; ranks by final score", async () => {
    const s = await setupSession(QB, 7, 5);
    // e1 gets 3 judges, e2 gets 5, e3 gets 7 (each sheet: two equal-weight criteria).
    const totals = {
      e1: [[70, 70], [80, 80], [96, 96]],
      e2: [[60, 60], [80, 80], [82, 82], [84, 84], [100, 100]],
      e3: [[10, 10], [70, 70], [80, 80], [90, 90], [75, 75], [85, 85], [99, 99]],
    } as const;
    for (const [entry, sheets] of Object.entries(totals)) {
      for (const [i, values] of sheets.entries()) ok(await score(`j${i + 1}`, s.entries[entry]!, s.criteria, [...values]));
    }
    // Mixed criteria on one extra sheet would change nothing above: weights are equal.
    await actAs("yh.manager");
    const session = await db.showcaseSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    ok(await closeSessionAction({ sessionId: s.sessionId, version: session.version }));
    const entries = await db.showcaseEntry.findMany({ where: { sessionId: s.sessionId } });
    const byOfficer = Object.fromEntries(entries.map((e) => [e.officerId, { score: Number(e.finalScore), rank: e.rank }]));
    expect(byOfficer[people.e1!.id]).toEqual({ score: 82, rank: 1 }); // (70+80+96)/3
    expect(byOfficer[people.e2!.id]).toEqual({ score: 82, rank: 1 }); // (80+82+84)/3
    expect(byOfficer[people.e3!.id]).toEqual({ score: 80, rank: 3 }); // (70+80+90+75+85)/5

    const manager = (await loadSessionUser((await demoUser("yh.manager")).id, 1))!;
    const year = await yearLeaderboard(manager, programmeId, demoYear);
    // Across the year: e3 had 87 in the first test session (one judge) and 80 in the second.
    expect(year.find((r) => r.officerId === people.e3!.id)).toMatchObject({ sessions: 2, average: 83.5, best: 87 });
  });
});

describe("talent list and permissions", () => {
  it("after closing a manager adds a top entrant once; officers cannot", async () => {
    const entry = await db.showcaseEntry.findFirstOrThrow({ where: { officerId: people.e1!.id, session: { quarter: QB, programmeId } } });
    await as("e2");
    expect(await addToTalentListAction({ entryId: entry.id, list: "YOUNG", note: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager");
    ok(await addToTalentListAction({ entryId: entry.id, list: "YOUNG", note: "第二季度并列第一" }));
    expect(await addToTalentListAction({ entryId: entry.id, list: "YOUNG", note: "" })).toMatchObject({ ok: false, fieldErrors: { list: ["该干部已在此名单中"] } });
    expect(await db.talentListEntry.findFirst({ where: { userId: people.e1!.id, list: "YOUNG" } })).toMatchObject({ sourceEntryId: entry.id, note: "第二季度并列第一" });
  });

  it("only managers over the programme create sessions; an open session's entrant cannot go on the list yet", async () => {
    await actAs("py.officer");
    const input = { programmeId, quarter: `${demoYear + 1}-Q1`, heldOn: dayIn(`${demoYear + 1}-Q1`), place: "", trimMinJudges: 5, criteria: DEFAULT_CRITERIA, idempotencyKey: key() };
    expect((await createSessionAction(input)).ok).toBe(false);
    await actAs("py.manager"); // a manager, but the programme is 未来科技城's
    expect((await createSessionAction({ ...input, idempotencyKey: key() })).ok).toBe(false);
    expect(await db.showcaseSession.count({ where: { quarter: `${demoYear + 1}-Q1` } })).toBe(0);
    await actAs("yh.manager");
    expect(await createSessionAction({ ...input, quarter: QB, idempotencyKey: key() })).toMatchObject({ ok: false, fieldErrors: { quarter: ["本专项该季度已有擂台"] } });
    const open = await db.showcaseEntry.findFirstOrThrow({ where: { session: { status: "OPEN", programmeId } } });
    expect(await addToTalentListAction({ entryId: open.id, list: "PROFESSIONAL", note: "" })).toMatchObject({ ok: false, error: "擂台结束后才能从排名中选入人才名单。" });
  });
});
