import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { campaignOfficerProgress, campaignProgress, campaignTargets, resolveProgressUnit } from "@/lib/visits/campaigns/progress";
import { campaignDueItems } from "@/lib/visits/campaigns/due";
import { getCampaignOrThrow, getCampaignSetup } from "@/lib/visits/campaigns/queries";
import { saveCampaignSetupAction } from "@/lib/visits/campaigns/actions";
import { createEventAction } from "@/lib/events/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { demoNow, demoToday, demoYear } from "../support/time";

beforeEach(() => resetRequest());

// The seeded campaign runs over the seed's calendar year; every date below is in that year
// (Y), or just after it, whatever day the suite runs.
const Y = demoYear;
const PY_NAME = `${Y}年浦阳镇“民情双访”`;
const DAY = 86_400_000;

let programmeId: string;
let otherProgrammeId: string;
const unit: Record<string, { id: string; path: string }> = {};

beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { name: PY_NAME } })).id;
  otherProgrammeId = (await db.programme.findFirstOrThrow({ where: { name: "浦阳镇年轻干部“帮带导师”计划" } })).id;
  for (const code of ["XS-PY", "XS-PY-XJ", "XS-PY-JY", "XS-PY-SH", "XS-PY-CH"]) unit[code] = await unitByCode(code);
});

describe("seeded campaign configuration", () => {
  it("has the participants, five villages, checklist and two weekly rules", async () => {
    const setup = await getCampaignSetup(await sessionUser("py.manager"), programmeId);
    expect(setup.participants.map((p) => p.officer.name).sort()).toEqual(["张婷", "李明"].sort());
    const withMentor = setup.participants.find((p) => p.mentorId);
    expect(withMentor?.mentorId).toBe((await demoUser("py.manager")).id);
    expect(setup.assignments).toHaveLength(5);
    expect(setup.checkItems.map((c) => c.label)).toEqual(["家庭基本情况", "生产生活需求", "政策宣传讲解", "矛盾纠纷排查", "安全隐患排查"]);
    expect(setup.rules.map((r) => `${r.kind}/${r.period}/${r.minVisits}`).sort()).toEqual(["OFFICER_ANY/WEEK/3", "OFFICER_GUIDED_HOUSEHOLD/WEEK/1"]);
  });
});

describe("campaign progress", () => {
  // A small fixed dataset: households in three villages and one at the town itself, visits
  // (some repeated), an enterprise visit, problems in several states, a visit of another
  // programme that must not count.
  // The fixture goes into a campaign of its own (same town, same period): the seeded campaign
  // carries months of generated visits, and these counts are of the fixture only. Targets and
  // scoping are read from the seeded campaign.
  let progressId: string;
  beforeAll(async () => {
    const seeded = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    progressId = (await db.programme.create({ data: { type: "VISIT_CAMPAIGN", name: "进度测试专项", startDate: seeded.startDate, endDate: seeded.endDate, orgUnitId: seeded.orgUnitId, status: "ACTIVE", createdById: seeded.createdById } })).id;
    const officer = await demoUser("py.officer");
    const officer2 = await demoUser("py.officer2");
    const mk = async (key: string, code: string) =>
      db.household.create({ data: { householdKey: `T-${key}`, orgUnitId: unit[code]!.id, headName: `户主${key}` } });
    const h = {
      xj1: await mk("xj1", "XS-PY-XJ"), xj2: await mk("xj2", "XS-PY-XJ"), xj3: await mk("xj3", "XS-PY-XJ"),
      jy1: await mk("jy1", "XS-PY-JY"), jy2: await mk("jy2", "XS-PY-JY"),
      sh1: await mk("sh1", "XS-PY-SH"),
      town: await mk("town", "XS-PY"),
    };
    const ent = await db.enterprise.create({ data: { creditCode: "91330109MA2TEST001", name: "传化测试企业", orgUnitId: unit["XS-PY-CH"]!.id, commissionerId: officer.id } });
    const at = new Date(`${Y}-11-10T02:00:00Z`);
    const visit = (officerId: string, householdId: string | null, orgCode: string, extra: Record<string, unknown> = {}) =>
      db.visit.create({ data: { programmeId: progressId, officerId, householdId, orgUnitId: unit[orgCode]!.id, kind: "HOUSEHOLD", visitedAt: at, ...extra } });
    const v1 = await visit(officer.id, h.xj1.id, "XS-PY-XJ");
    await visit(officer.id, h.xj1.id, "XS-PY-XJ"); // same household again: one household, two visits
    await visit(officer2.id, h.xj1.id, "XS-PY-XJ"); // and by another officer
    await visit(officer.id, h.xj2.id, "XS-PY-XJ");
    const v4 = await visit(officer2.id, h.jy1.id, "XS-PY-JY");
    await visit(officer2.id, h.jy1.id, "XS-PY-JY");
    await visit(officer2.id, h.jy2.id, "XS-PY-JY");
    await visit(officer2.id, h.sh1.id, "XS-PY-SH");
    await visit(officer.id, h.town.id, "XS-PY");
    await visit(officer.id, null, "XS-PY-CH", { kind: "ENTERPRISE", enterpriseId: ent.id });
    // Not this campaign: neither counts.
    await visit(officer.id, h.xj3.id, "XS-PY-XJ", { programmeId: otherProgrammeId });
    await visit(officer.id, h.xj3.id, "XS-PY-XJ", { programmeId: null });

    const t0 = new Date(`${Y}-11-01T00:00:00Z`);
    const problem = (code: string, visitId: string, status: string, days: number | null) =>
      db.problem.create({
        data: {
          programmeId: progressId, visitId, orgUnitId: unit[code]!.id, title: `问题${status}${days}`, status: status as never, createdAt: t0,
          resolvedAt: days === null ? null : new Date(t0.getTime() + days * DAY),
        },
      });
    await problem("XS-PY-XJ", v1.id, "RESOLVED", 2);
    await problem("XS-PY-XJ", v1.id, "CONFIRMED", 5);
    await problem("XS-PY-XJ", v1.id, "OPEN", null);
    await problem("XS-PY-XJ", v1.id, "ESCALATED", null);
    await problem("XS-PY-JY", v4.id, "RESOLVED", 1.25);
    await db.problem.create({ data: { programmeId: otherProgrammeId, orgUnitId: unit["XS-PY-JY"]!.id, title: "别的专项", status: "RESOLVED", createdAt: t0, resolvedAt: t0 } });

    const ev = (code: string, organiserId: string) =>
      db.campaignEvent.create({ data: { programmeId: progressId, orgUnitId: unit[code]!.id, organiserId, type: "CLINIC", title: "义诊", heldOn: new Date(`${Y}-11-05T00:00:00Z`) } });
    await ev("XS-PY-XJ", officer.id);
    await ev("XS-PY-XJ", officer.id);
    await ev("XS-PY-SH", officer2.id);
  });

  it("town numbers equal counts computed directly from the rows", async () => {
    const p = await campaignProgress(progressId, unit["XS-PY"]!);
    const inTown = { orgUnit: { path: { startsWith: unit["XS-PY"]!.path } } };
    const hhVisits = await db.visit.findMany({ where: { programmeId: progressId, household: inTown }, select: { householdId: true } });
    const distinctHouseholds = new Set(hhVisits.map((v) => v.householdId)).size;
    expect(distinctHouseholds).toBe(6); // xj1, xj2, jy1, jy2, sh1, town — not 9 visits
    expect(p.total.households).toBe(distinctHouseholds);
    expect(p.total.enterprises).toBe(1);
    expect(p.total.visits).toBe(await db.visit.count({ where: { programmeId: progressId, ...inTown } }));
    expect(p.total.visits).toBe(10);
    expect(p.total.problemsRaised).toBe(await db.problem.count({ where: { programmeId: progressId, ...inTown } }));
    expect(p.total.problemsRaised).toBe(5);
    expect(p.total.problemsSolved).toBe(3);
    // Median of 2, 5 and 1.25 days.
    expect(p.total.medianDaysToSolve).toBe(2);
    expect(p.total.events).toBe(3);
  });

  it("children add up to the parent exactly; the town's own records form their own row", async () => {
    const p = await campaignProgress(progressId, unit["XS-PY"]!);
    const xj = p.children.find((c) => c.unitId === unit["XS-PY-XJ"]!.id)!;
    expect(xj).toMatchObject({ households: 2, visits: 4, problemsRaised: 4, problemsSolved: 2, medianDaysToSolve: 3.5, events: 2 });
    expect(p.children.find((c) => c.unitId === unit["XS-PY-JY"]!.id)).toMatchObject({ households: 2, visits: 3, problemsSolved: 1, medianDaysToSolve: 1.3 });
    expect(p.own).toMatchObject({ households: 1, visits: 1 });
    for (const key of ["households", "enterprises", "visits", "problemsRaised", "problemsSolved", "events"] as const) {
      const sum = p.children.reduce((s, c) => s + c[key], 0) + (p.own?.[key] ?? 0);
      expect(sum, key).toBe(p.total[key]);
    }
    expect(p.children).toHaveLength(5); // every village listed, with zeros where nothing happened

    // Drill down: the village's page total equals its row on the town page.
    const village = await campaignProgress(progressId, unit["XS-PY-XJ"]!);
    const { unitId: _u, name: _n, kind: _k, hasChildren: _h, ...row } = xj;
    expect(village.total).toEqual(row);
  });

  it("per officer: visits, distinct households, problems raised on their visits, events", async () => {
    const rows = await campaignOfficerProgress(progressId, unit["XS-PY"]!);
    const li = rows.find((r) => r.name === "李明")!;
    expect(li).toMatchObject({ visits: 5, households: 3, enterprises: 1, problemsRaised: 4, problemsSolved: 2, events: 2 });
    const zhang = rows.find((r) => r.name === "张婷")!;
    expect(zhang).toMatchObject({ visits: 5, households: 4, problemsRaised: 1, problemsSolved: 1, events: 1 });
  });

  it("targets: the unit's own target whose period covers today", async () => {
    const targets = await campaignTargets(programmeId, [unit["XS-PY"]!.id, unit["XS-PY-XJ"]!.id], new Date(`${Y}-11-23T00:00:00Z`));
    expect(targets.get(unit["XS-PY"]!.id)).toEqual({ households: 2000, enterprises: null, problemsSolved: 100, events: 40 });
    expect(targets.get(unit["XS-PY-XJ"]!.id)?.households).toBe(400);
  });

  it("a village officer starts at their village and cannot drill up or sideways", async () => {
    const officer = await sessionUser("py.officer");
    const campaign = await getCampaignOrThrow(officer, programmeId);
    const own = await resolveProgressUnit(officer, campaign);
    expect(own.unit.id).toBe(unit["XS-PY-XJ"]!.id);
    await expect(resolveProgressUnit(officer, campaign, unit["XS-PY"]!.id)).rejects.toThrow("notFound");
    await expect(resolveProgressUnit(officer, campaign, unit["XS-PY-JY"]!.id)).rejects.toThrow("notFound");
    const admin = await sessionUser("admin");
    const fromTop = await resolveProgressUnit(admin, await getCampaignOrThrow(admin, programmeId), unit["XS-PY-XJ"]!.id);
    expect(fromTop.breadcrumb.map((b) => b.id)).toEqual([unit["XS-PY"]!.id, unit["XS-PY-XJ"]!.id]);
  });
});

describe("frequency: overdue across a month boundary in Asia/Shanghai", () => {
  let enterpriseId: string;
  beforeAll(async () => {
    const officer = await demoUser("py.officer");
    await db.campaignFrequencyRule.create({ data: { programmeId, kind: "ENTERPRISE_BY_COMMISSIONER", period: "MONTH", minVisits: 1, dueSoonDays: 5 } });
    const e = await db.enterprise.create({ data: { creditCode: "91330109MA2TEST002", name: "安山月度企业", orgUnitId: unit["XS-PY-CH"]!.id, commissionerId: officer.id } });
    enterpriseId = e.id;
    const visit = (iso: string, officerId = officer.id) =>
      db.visit.create({ data: { programmeId, officerId, enterpriseId, orgUnitId: unit["XS-PY-CH"]!.id, kind: "ENTERPRISE", visitedAt: new Date(iso) } });
    await visit(`${Y}-10-15T02:00:00Z`); // October met
    await visit(`${Y}-11-30T16:30:00Z`); // 1 Dec 00:30 in Shanghai: December, not November
    await visit(`${Y}-11-20T02:00:00Z`, (await demoUser("py.officer2")).id); // not its commissioner
  });

  const itemFor = async (username: string, iso: string) => {
    const user = await sessionUser(username);
    const items = await campaignDueItems(user, await getCampaignOrThrow(user, programmeId), new Date(iso));
    return { items, item: items.find((i) => i.subjectId === enterpriseId && i.kind === "ENTERPRISE_BY_COMMISSIONER") };
  };

  it("on 30 Nov 23:00 Shanghai November is unmet and due soon", async () => {
    const { item } = await itemFor("py.manager", `${Y}-11-30T15:00:00Z`);
    expect(item).toMatchObject({ status: "DUE_SOON", count: 0, daysLeft: 1, missed: null, current: { firstDay: `${Y}-11-01`, lastDay: `${Y}-11-30` } });
  });

  it("on 1 Dec 08:00 Shanghai the late visit counts for December and November is the missed month", async () => {
    const { item } = await itemFor("py.manager", `${Y}-12-01T00:00:00Z`);
    expect(item).toMatchObject({ status: "MET", count: 1, missed: { firstDay: `${Y}-11-01`, lastDay: `${Y}-11-30`, count: 0 } });
  });

  it("in January, December (met) is not overdue; with nothing in January it is pending", async () => {
    // The campaign ends on 31 Dec: after the end, its last month is evaluated.
    const { item } = await itemFor("py.manager", `${Y + 1}-01-05T00:00:00Z`);
    expect(item).toMatchObject({ status: "MET", current: { firstDay: `${Y}-12-01` } });
  });

  it("officer rules: overdue after a week without guided visits; scoped to what the user may see", async () => {
    const manager = await itemFor("py.manager", demoNow.toISOString());
    const guided = manager.items.filter((i) => i.kind === "OFFICER_GUIDED_HOUSEHOLD");
    expect(guided.map((i) => i.subjectName).sort()).toEqual(["张婷", "李明"].sort());
    // The seeded activity: 张婷 has not been out for the two weeks before the seed, so the week
    // before the seed's week (Monday to Sunday) is missed and she is overdue.
    const today = new Date(`${demoToday}T00:00:00Z`);
    const lastWeekMonday = new Date(today.getTime() - (((today.getUTCDay() + 6) % 7) + 7) * DAY).toISOString().slice(0, 10);
    expect(guided.find((i) => i.subjectName === "张婷")).toMatchObject({ status: "OVERDUE", missed: { firstDay: lastWeekMonday } });
    // An officer sees only their own items, and as commissioner only their own enterprises.
    const own = await itemFor("py.officer2", demoNow.toISOString());
    expect(new Set(own.items.map((i) => i.officerName))).toEqual(new Set(["张婷"]));
    expect(own.item).toBeUndefined();
    // A manager of another district sees nothing of this campaign at all.
    const yh = await sessionUser("yh.manager");
    await expect(getCampaignOrThrow(yh, programmeId)).rejects.toThrow("notFound");
  });
});

describe("campaign setup actions", () => {
  const input = async (version: number) => {
    const officer = await demoUser("py.officer");
    const officer2 = await demoUser("py.officer2");
    const mentor = await demoUser("py.manager");
    const setup = await getCampaignSetup(await sessionUser("py.manager"), programmeId);
    return {
      programmeId, version,
      participants: [{ officerId: officer.id, mentorId: mentor.id }, { officerId: officer2.id, mentorId: mentor.id }],
      assignments: [{ orgUnitId: unit["XS-PY-XJ"]!.id, officerId: officer.id }, { orgUnitId: unit["XS-PY-SH"]!.id, officerId: "" }],
      checkItems: [
        { id: setup.checkItems[1]!.id, label: "生产生活需求（含就业）", active: true },
        { id: setup.checkItems[0]!.id, label: "家庭基本情况", active: false },
        { id: "", label: "新增：环境卫生", active: true },
      ],
      rules: [{ kind: "OFFICER_ANY", period: "MONTH", minVisits: "8", dueSoonDays: "5" }],
      problemDueDays: "30",
    };
  };

  it("a town manager saves the whole configuration, versioned and audited", async () => {
    await actAs("py.manager");
    const before = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const r = await saveCampaignSetupAction(await input(before.version));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data.version).toBe(before.version + 1);
    const setup = await getCampaignSetup(await sessionUser("py.manager"), programmeId);
    expect(setup.participants.every((p) => p.mentorId)).toBe(true);
    expect(setup.assignments).toHaveLength(2);
    // Reordered and renamed; the left-out items are deactivated, not deleted.
    expect(setup.checkItems.slice(0, 3).map((c) => [c.label, c.active])).toEqual([["生产生活需求（含就业）", true], ["家庭基本情况", false], ["新增：环境卫生", true]]);
    expect(setup.checkItems).toHaveLength(6);
    expect(setup.checkItems.slice(3).every((c) => !c.active)).toBe(true);
    expect(setup.rules).toEqual([expect.objectContaining({ kind: "OFFICER_ANY", period: "MONTH", minVisits: 8, dueSoonDays: 5 })]);
    // 问题最长办理期限 lives in the campaign's settings, beside whatever else is there.
    expect(setup.campaign.settings.problemDueDays).toBe(30);
    expect(await db.auditLog.count({ where: { action: "campaign.configure", entityId: programmeId, outcome: "OK" } })).toBe(1);

    // The same (now stale) version again: refused, nothing changes.
    const stale = await saveCampaignSetupAction({ ...(await input(before.version)), rules: [] });
    expect(stale).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect(await db.campaignFrequencyRule.count({ where: { programmeId } })).toBe(1);
  });

  it("refuses people and units outside the campaign, on their fields", async () => {
    await actAs("py.manager");
    const { version } = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const base = await input(version);
    const lz = await demoUser("lz.officer");
    const r1 = await saveCampaignSetupAction({ ...base, participants: [{ officerId: lz.id, mentorId: null }] });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.fieldErrors?.["participants.0.officerId"]).toBeDefined();
    const r2 = await saveCampaignSetupAction({ ...base, assignments: [{ orgUnitId: (await unitByCode("YH-LZ-GN")).id, officerId: null }] });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors?.["assignments.0.orgUnitId"]).toBeDefined();
    expect((await db.programme.findUniqueOrThrow({ where: { id: programmeId } })).version).toBe(version);
  });

  it("a 余杭区 manager cannot configure the 浦阳镇 campaign; an officer cannot configure at all", async () => {
    const { version } = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const payload = { ...(await input(version)), rules: [] };
    await actAs("yh.manager");
    expect(await saveCampaignSetupAction(payload)).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    await actAs("py.officer");
    expect(await saveCampaignSetupAction(payload)).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    expect(await db.campaignFrequencyRule.count({ where: { programmeId } })).toBeGreaterThan(0);
    expect((await db.programme.findUniqueOrThrow({ where: { id: programmeId } })).version).toBe(version);
  });
});

describe("events", () => {
  const form = (orgUnitId: string, extra: Record<string, unknown> = {}) => ({
    programmeId, orgUnitId, type: "CULTURE", title: "文艺下乡进谢家", heldOn: `${Y}-11-20`, participants: "120", notes: "", ...extra,
  });

  it("an officer records an event for their village; a repeat with the same key creates nothing", async () => {
    const officer = await actAs("py.officer");
    const key = crypto.randomUUID();
    const before = await db.campaignEvent.count();
    const r1 = await createEventAction({ ...form(unit["XS-PY-XJ"]!.id), idempotencyKey: key });
    if (!r1.ok) throw new Error(JSON.stringify(r1));
    const r2 = await createEventAction({ ...form(unit["XS-PY-XJ"]!.id), idempotencyKey: key });
    expect(r2).toMatchObject({ ok: true, duplicate: true, data: { id: r1.data.id } });
    expect(await db.campaignEvent.count()).toBe(before + 1);
    const saved = await db.campaignEvent.findUniqueOrThrow({ where: { id: r1.data.id } });
    expect(saved).toMatchObject({ organiserId: officer.id, participants: 120, type: "CULTURE" });
    expect(saved.heldOn.toISOString()).toBe(`${Y}-11-20T00:00:00.000Z`);
    expect(await db.auditLog.count({ where: { action: "event.create", entityId: saved.id } })).toBe(1);
  });

  it("the organiser is the signed-in user whatever the form says; other villages and dates outside are refused", async () => {
    await actAs("py.officer");
    const before = await db.campaignEvent.count();
    const forged = await createEventAction({ ...form(unit["XS-PY-XJ"]!.id), organiserId: (await demoUser("py.officer2")).id, idempotencyKey: crypto.randomUUID() });
    expect(forged.ok).toBe(false);
    const other = await createEventAction({ ...form(unit["XS-PY-JY"]!.id), idempotencyKey: crypto.randomUUID() });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.fieldErrors?.orgUnitId).toBeDefined();
    const late = await createEventAction({ ...form(unit["XS-PY-XJ"]!.id, { heldOn: `${Y + 1}-01-05` }), idempotencyKey: crypto.randomUUID() });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.fieldErrors?.heldOn).toBeDefined();
    await actAs("gd.officer");
    const outsider = await createEventAction({ ...form(unit["XS-PY-XJ"]!.id), idempotencyKey: crypto.randomUUID() });
    expect(outsider).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    await actAs("py.manager");
    // (The setup test above left 谢家村 and 森海社区 assigned.)
    const manager = await createEventAction({ ...form(unit["XS-PY-SH"]!.id), idempotencyKey: crypto.randomUUID() });
    expect(manager.ok).toBe(true);
    expect(await db.campaignEvent.count()).toBe(before + 1);
  });
});
