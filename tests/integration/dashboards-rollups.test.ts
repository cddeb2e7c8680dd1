// Dashboard rollups: the trigger-maintained tables equal a set-based recomputation from the
// base records, and the indicators read from them equal counts taken directly from the
// records — on a small fixed dataset, and again after updates and deletes. Children of an
// additive indicator add up to the parent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { checkRollups } from "@/lib/dashboards/consistency";
import { computeIndicators } from "@/lib/dashboards/indicators";
import { dateOnly } from "@/lib/programmes/period";
import { demoUser, unitByCode } from "../support/fixtures";
import { addDaysYmd, shanghaiInstant, shanghaiYear } from "../support/time";

// A small fixed dataset in March–April of last year (wholly in the past, whatever day the suite
// runs); the dashboard is read for March as of 15 April.
const Y = shanghaiYear() - 1;
const FROM = `${Y}-03-01`;
const TO = `${Y}-03-31`;
const NOW = shanghaiInstant(Y, 4, 15, 12);
const TODAY = `${Y}-04-15`;
/** `hour` o'clock in Shanghai on `day`. */
const at = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000);

let programmeId: string;
let hotlineId: string;
let talentProgrammeId: string;
let units: { id: string; path: string; code: string }[];
let officerId: string;
let mentorId: string;
const households: Record<string, string[]> = {};

async function expectConsistent() {
  const report = await checkRollups();
  for (const [table, r] of Object.entries(report)) expect({ table, ...r }).toEqual({ table, mismatches: 0, sample: [] });
}

async function indicators(keys: string[], unitList = units, programme: string | null = programmeId, from = FROM, to = TO) {
  return computeIndicators(keys, { units: unitList, from, to, programmeId: programme, today: TODAY, now: NOW });
}

/** Direct from the records, for the subtree of `path`, over [from, to] (Shanghai days). */
async function direct(path: string, from = FROM, to = TO) {
  const inTree = { orgUnit: { path: { startsWith: path } } };
  const range = { gte: at(from, 0), lt: at(addDaysYmd(to, 1), 0) };
  const visits = await db.visit.findMany({ where: { programmeId, ...inTree, visitedAt: range }, select: { householdId: true, mentorId: true } });
  // First visit of each household within the programme, counted in the household's unit.
  const firsts = await db.visit.groupBy({ by: ["householdId"], where: { programmeId, householdId: { not: null }, household: inTree }, _min: { visitedAt: true } });
  const reached = firsts.filter((f) => f._min.visitedAt! >= range.gte && f._min.visitedAt! < range.lt).length;
  const everReached = firsts.filter((f) => f._min.visitedAt! < range.lt).length;
  const activeHouseholds = await db.household.count({ where: { ...inTree, active: true } });
  const raised = await db.problem.count({ where: { programmeId, ...inTree, createdAt: range } });
  const solvedRows = await db.problem.findMany({ where: { programmeId, ...inTree, status: { in: ["RESOLVED", "CONFIRMED"] }, resolvedAt: range }, select: { createdAt: true, resolvedAt: true } });
  return {
    visits: visits.length,
    guided: visits.filter((v) => v.mentorId).length,
    reached,
    coverage: activeHouseholds ? Math.round((everReached / activeHouseholds) * 1000) / 10 : null,
    raised,
    solved: solvedRows.length,
    avgDays: solvedRows.length
      ? Math.round((solvedRows.reduce((s, p) => s + (p.resolvedAt!.getTime() - p.createdAt.getTime()) / 86_400_000, 0) / solvedRows.length) * 10) / 10
      : null,
  };
}

beforeAll(async () => {
  const admin = await demoUser("admin");
  const py = await unitByCode("XS-PY");
  const codes = ["XS-PY", "XS-PY-XJ", "XS-PY-JY", "XS-PY-SH"];
  units = await Promise.all(codes.map(async (code) => ({ ...(await unitByCode(code)), code })));
  officerId = (await demoUser("py.officer")).id;
  mentorId = (await demoUser("py.manager")).id;
  programmeId = (await db.programme.create({
    data: { type: "VISIT_CAMPAIGN", name: "看板测试走访", startDate: dateOnly(`${Y}-01-01`), endDate: dateOnly(`${Y}-12-31`), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  for (const code of ["XS-PY-XJ", "XS-PY-JY", "XS-PY-SH"]) {
    const unit = units.find((u) => u.code === code)!;
    households[code] = [];
    for (let i = 0; i < 4; i++) {
      households[code].push((await db.household.create({ data: { householdKey: `DB-${code}-${i}`, orgUnitId: unit.id, headName: `测试户${i}`, address: "测试地址" } })).id);
    }
  }
  // Visits: XJ households 0,1 in March (0 twice, once guided), 2 in February then March; JY 0 in April; SH 3 in March.
  const visit = (code: string, i: number, day: string, mentor = false) => {
    const unit = units.find((u) => u.code === code)!;
    return db.visit.create({ data: { programmeId, orgUnitId: unit.id, officerId, mentorId: mentor ? mentorId : null, kind: "HOUSEHOLD", householdId: households[code]![i]!, visitedAt: at(day) } });
  };
  await visit("XS-PY-XJ", 0, `${Y}-03-02`, true);
  await visit("XS-PY-XJ", 0, `${Y}-03-20`);
  await visit("XS-PY-XJ", 1, `${Y}-03-31`, false);
  await visit("XS-PY-XJ", 2, `${Y}-02-10`);
  await visit("XS-PY-XJ", 2, `${Y}-03-05`);
  await visit("XS-PY-JY", 0, `${Y}-04-02`);
  await visit("XS-PY-SH", 3, `${Y}-03-15`, true);
  // A visit outside the programme does not count in it.
  await db.visit.create({ data: { orgUnitId: units[1]!.id, officerId, kind: "HOUSEHOLD", householdId: households["XS-PY-XJ"]![3]!, visitedAt: at(`${Y}-03-03`) } });

  // Problems: raised in March, some solved.
  const problem = (code: string, created: string, status: "OPEN" | "RESOLVED" | "CONFIRMED", resolved?: string) =>
    db.problem.create({
      data: {
        programmeId, orgUnitId: units.find((u) => u.code === code)!.id, title: `问题${created}`, status, createdAt: at(created), resolvedAt: resolved ? at(resolved, 16) : null,
      },
    });
  await problem("XS-PY-XJ", `${Y}-03-03`, "RESOLVED", `${Y}-03-06`);
  await problem("XS-PY-XJ", `${Y}-03-10`, "OPEN");
  await problem("XS-PY-JY", `${Y}-02-20`, "CONFIRMED", `${Y}-03-02`);
  await problem("XS-PY-SH", `${Y}-03-12`, "RESOLVED", `${Y}-04-03`);

  // Hotline requests and a points ledger (checked by the consistency check).
  hotlineId = (await db.programme.create({
    data: { type: "HOTLINE", name: "看板测试热线", startDate: dateOnly(`${Y}-01-01`), endDate: dateOnly(`${Y}-12-31`), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  const request = (n: number, unit: string, received: string, accepted: string | null, dueHour: number, extra: object = {}) =>
    db.serviceRequest.create({
      data: {
        number: `DBT-${n}`, trackingCode: `t${n}`, programmeId: hotlineId, orgUnitId: units.find((u) => u.code === unit)!.id, channel: "PHONE",
        callerName: "来电人", callerPhone: "13800000000", category: "政策", description: "测试诉求", receivedAt: at(received, 9),
        acceptDueAt: at(received, dueHour), assignDueAt: at(received, dueHour), respondDueAt: at(received, dueHour),
        acceptedAt: accepted ? at(received, Number(accepted)) : null, status: accepted ? "ACCEPTED" : "RECEIVED", ...extra,
      },
    });
  await request(1, "XS-PY-XJ", `${Y}-03-04`, "10", 17);
  await request(2, "XS-PY-XJ", `${Y}-03-04`, "18", 17, { satisfaction: 4, closedAt: at(`${Y}-03-05`), status: "CLOSED" });
  await request(3, "XS-PY-SH", `${Y}-03-09`, null, 17);
  await request(4, "XS-PY-SH", `${Y}-03-09`, "11", 17, { status: "MERGED" });

  talentProgrammeId = (await db.programme.create({
    data: { type: "TALENT_POINTS", name: "看板测试积分", startDate: dateOnly(`${Y}-01-01`), endDate: dateOnly(`${Y}-12-31`), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  const ent = await db.enterprise.create({ data: { creditCode: "91330109DBTEST001X", name: "看板测试企业", orgUnitId: units[1]!.id } });
  const account = await db.pointAccount.create({ data: { subject: "ENTERPRISE", enterpriseId: ent.id, orgUnitId: units[1]!.id } });
  const item = await db.pointItem.create({ data: { programmeId: talentProgrammeId, subject: "ENTERPRISE", code: "T1", name: "测试项", levels: [] } });
  const g1 = await db.pointLedgerEntry.create({ data: { accountId: account.id, kind: "GRANT", points: 30, balanceAfter: 30, year: Y, itemId: item.id, at: at(`${Y}-03-02`) } });
  await db.pointLedgerEntry.create({ data: { accountId: account.id, kind: "GRANT", points: 20, balanceAfter: 50, year: Y, itemId: item.id, at: at(`${Y}-03-03`) } });
  await db.pointLedgerEntry.create({ data: { accountId: account.id, kind: "REVERSAL", points: -30, balanceAfter: 20, year: Y, reversesSeq: g1.seq, at: at(`${Y}-03-04`) } });
  await db.pointAccount.update({ where: { id: account.id }, data: { balance: 20 } });
});

describe("rollups equal the base records", () => {
  it("after inserts", async () => {
    await expectConsistent();
    const r = await db.rollupPointsDay.aggregate({ where: { programmeKey: talentProgrammeId }, _sum: { granted: true, entries: true } });
    expect(r._sum).toEqual({ granted: 20, entries: 3 });
    const req = await db.rollupRequestDay.aggregate({ where: { programmeId: hotlineId }, _sum: { received: true, acceptOnTime: true, acceptMet: true, satisfactionSum: true } });
    expect(req._sum).toEqual({ received: 3, acceptOnTime: 1, acceptMet: 2, satisfactionSum: 4 });
  });

  it("indicator values equal counts taken directly from the records; children add up to the parent", async () => {
    const keys = ["visits.count", "visits.guided", "visits.households", "visits.coverage", "problems.raised", "problems.solved", "problems.avgDaysToSolve"];
    const values = await indicators(keys);
    for (const u of units) {
      const d = await direct(u.path);
      expect({ unit: u.code, visits: values.get("visits.count")!.get(u.id), guided: values.get("visits.guided")!.get(u.id), reached: values.get("visits.households")!.get(u.id) })
        .toEqual({ unit: u.code, visits: d.visits, guided: d.guided, reached: d.reached });
      expect(values.get("visits.coverage")!.get(u.id)).toBe(d.coverage);
      expect([values.get("problems.raised")!.get(u.id), values.get("problems.solved")!.get(u.id), values.get("problems.avgDaysToSolve")!.get(u.id)]).toEqual([d.raised, d.solved, d.avgDays]);
    }
    // The fixed numbers, so the test cannot pass by both sides being wrong the same way.
    const xj = units[1]!.id;
    expect(values.get("visits.count")!.get(xj)).toBe(4);
    expect(values.get("visits.households")!.get(xj)).toBe(2); // household 2 was first reached in February
    const town = units[0]!.id;
    for (const key of ["visits.count", "visits.guided", "visits.households", "problems.raised", "problems.solved"]) {
      const children = units.slice(1).reduce((s, u) => s + (values.get(key)!.get(u.id) ?? 0), 0);
      // 浦阳镇 has other (seeded) villages; the test's records are all in these three.
      expect({ key, total: values.get(key)!.get(town) }).toEqual({ key, total: children });
    }
  });

  it("hotline rates: on time ÷ clocks run out or met; a merged duplicate is left out", async () => {
    const values = await indicators(["hotline.received", "hotline.acceptOnTime", "hotline.breaches", "hotline.satisfaction"], units, hotlineId);
    const town = units[0]!.id;
    expect(values.get("hotline.received")!.get(town)).toBe(3);
    expect(values.get("hotline.acceptOnTime")!.get(town)).toBe(33.3); // 1 of 3 (one late, one never accepted and overdue)
    expect(values.get("hotline.satisfaction")!.get(town)).toBe(80);
  });

  it("stay equal after updates and deletes", async () => {
    const xj = households["XS-PY-XJ"]!;
    // Move the first visit of household 0 to April, delete household 1's only visit, re-date household 2's February visit into March.
    const first = await db.visit.findFirstOrThrow({ where: { householdId: xj[0], programmeId }, orderBy: { visitedAt: "asc" } });
    await db.visit.update({ where: { id: first.id }, data: { visitedAt: at(`${Y}-04-05`), mentorId: null } });
    await db.visit.deleteMany({ where: { householdId: xj[1] } });
    const feb = await db.visit.findFirstOrThrow({ where: { householdId: xj[2], visitedAt: { lt: at(`${Y}-03-01`, 0) } } });
    await db.visit.update({ where: { id: feb.id }, data: { visitedAt: at(`${Y}-03-01`) } });
    // A household moves village; another is deactivated.
    await db.household.update({ where: { id: households["XS-PY-SH"]![3]! }, data: { orgUnitId: units[2]!.id } });
    await db.household.update({ where: { id: xj[3]! }, data: { active: false } });
    // Problems: one reopened, one deleted, one resolved now.
    const [p1, p2] = await db.problem.findMany({ where: { programmeId }, orderBy: { createdAt: "asc" } });
    await db.problem.update({ where: { id: p2!.id }, data: { status: "REOPENED", resolvedAt: null } });
    await db.problem.delete({ where: { id: p1!.id } });
    const open = await db.problem.findFirstOrThrow({ where: { programmeId, status: "OPEN" } });
    await db.problem.update({ where: { id: open.id }, data: { status: "RESOLVED", resolvedAt: at(`${Y}-03-25`) } });
    // Requests: one answered on time, one merged later, one deleted.
    await db.serviceRequest.update({ where: { number: "DBT-3" }, data: { acceptedAt: at(`${Y}-03-09`, 12), status: "ACCEPTED", satisfaction: 2 } });
    await db.serviceRequest.update({ where: { number: "DBT-1" }, data: { status: "MERGED" } });
    await db.serviceRequest.delete({ where: { number: "DBT-2" } });

    await expectConsistent();
    const values = await indicators(["visits.count", "visits.guided", "visits.households", "visits.coverage", "problems.raised", "problems.solved", "problems.avgDaysToSolve"]);
    for (const u of units) {
      const d = await direct(u.path);
      expect([u.code, values.get("visits.count")!.get(u.id), values.get("visits.guided")!.get(u.id), values.get("visits.households")!.get(u.id), values.get("visits.coverage")!.get(u.id)])
        .toEqual([u.code, d.visits, d.guided, d.reached, d.coverage]);
      expect([values.get("problems.raised")!.get(u.id), values.get("problems.solved")!.get(u.id), values.get("problems.avgDaysToSolve")!.get(u.id)]).toEqual([d.raised, d.solved, d.avgDays]);
    }
    const hot = await indicators(["hotline.received", "hotline.acceptOnTime"], units, hotlineId);
    expect([hot.get("hotline.received")!.get(units[0]!.id), hot.get("hotline.acceptOnTime")!.get(units[0]!.id)]).toEqual([1, 100]);
  });
});

describe("month rollups equal the records (docs/decisions/0021-month-rollups.md)", () => {
  const KEYS = ["visits.count", "visits.guided", "visits.households", "visits.coverage", "problems.raised", "problems.solved", "problems.avgDaysToSolve"];
  /** Every unit's indicators over [from, to] against counts taken straight from the records. */
  async function expectDirect(from: string, to: string) {
    const values = await indicators(KEYS, units, programmeId, from, to);
    for (const u of units) {
      const d = await direct(u.path, from, to);
      expect({ from, to, unit: u.code, values: KEYS.map((k) => values.get(k)!.get(u.id)) })
        .toEqual({ from, to, unit: u.code, values: [d.visits, d.guided, d.reached, d.coverage, d.raised, d.solved, d.avgDays] });
    }
  }
  // Whole months (month rows only), mid-month starts and ends (day rows at the edges), a range
  // inside no whole month (days only, across a month edge), and the whole year.
  const RANGES: [string, string][] = [
    [`${Y}-03-01`, `${Y}-03-31`], [`${Y}-02-10`, `${Y}-04-05`], [`${Y}-03-15`, `${Y}-04-10`], [`${Y}-02-01`, `${Y}-03-20`], [`${Y}-01-01`, `${Y}-12-31`],
  ];
  const monthVisits = async (unitId: string, month: string) =>
    (await db.rollupVisitMonth.findUnique({ where: { programmeKey_month_orgUnitId: { programmeKey: programmeId, month: dateOnly(month), orgUnitId: unitId } } }))?.visits ?? 0;

  it("over whole months, partial months at either edge and a whole year", async () => {
    await expectConsistent();
    for (const [from, to] of RANGES) await expectDirect(from, to);
  });

  it("a visit moved across a month edge moves its month row; deleting it takes it away", async () => {
    const xj = units[1]!;
    const [march, april] = [await monthVisits(xj.id, `${Y}-03-01`), await monthVisits(xj.id, `${Y}-04-01`)];
    // 23:30 Shanghai on 31 March is still March (15:30 UTC); 00:30 on 1 April is April.
    const v = await db.visit.create({
      data: { programmeId, orgUnitId: xj.id, officerId, kind: "HOUSEHOLD", householdId: households["XS-PY-XJ"]![0]!, visitedAt: at(`${Y}-03-31`, 23.5) },
    });
    expect([await monthVisits(xj.id, `${Y}-03-01`), await monthVisits(xj.id, `${Y}-04-01`)]).toEqual([march + 1, april]);
    await db.visit.update({ where: { id: v.id }, data: { visitedAt: at(`${Y}-04-01`, 0.5) } });
    expect([await monthVisits(xj.id, `${Y}-03-01`), await monthVisits(xj.id, `${Y}-04-01`)]).toEqual([march, april + 1]);
    await expectConsistent();
    for (const [from, to] of [...RANGES, [`${Y}-04-01`, `${Y}-04-30`] as [string, string]]) await expectDirect(from, to);
    await db.visit.delete({ where: { id: v.id } });
    expect([await monthVisits(xj.id, `${Y}-03-01`), await monthVisits(xj.id, `${Y}-04-01`)]).toEqual([march, april]);
    await expectConsistent();
    for (const [from, to] of RANGES) await expectDirect(from, to);
  });

  it("month trend buckets equal the records month by month, partial months at the edges included", async () => {
    const [from, to] = [`${Y}-01-15`, `${Y}-04-20`];
    const town = units[0]!;
    const trend = await computeIndicators(["visits.count", "problems.raised"], { units: [town], from, to, programmeId, today: TODAY, now: NOW, grain: "month" });
    const buckets: [string, string, string][] = [[`${Y}-01-01`, from, `${Y}-01-31`], [`${Y}-02-01`, `${Y}-02-01`, addDaysYmd(`${Y}-03-01`, -1)], [`${Y}-03-01`, `${Y}-03-01`, `${Y}-03-31`], [`${Y}-04-01`, `${Y}-04-01`, to]];
    let visits = 0;
    for (const [bucket, a, b] of buckets) {
      const d = await direct(town.path, a, b);
      visits += d.visits;
      expect({ bucket, visits: trend.get("visits.count")!.get(`${town.id}|${bucket}`) ?? 0, raised: trend.get("problems.raised")!.get(`${town.id}|${bucket}`) ?? 0 })
        .toEqual({ bucket, visits: d.visits, raised: d.raised });
    }
    expect(visits).toBeGreaterThan(0);
  });
});
