// Investment (招商): task forces, trips with register enterprises and prospects, the lead
// pipeline (conditional, audited, concurrent), amounts in 万元/亿元 never mixed in totals,
// lead scoping by task force with the programme's shareLeads setting, prospect conversion.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { convertProspectAction, createLeadAction, createTaskForceAction, createTripAction, lookupEnterprisesAction, transitionLeadAction, updateInvestmentSettingsAction } from "@/lib/investment/actions";
import { getLeadOrThrow, listLeads } from "@/lib/investment/queries";
import { investmentProgress, yearRange } from "@/lib/investment/progress";
import { formatAmount } from "@/lib/platform/money";
import { makeCreditCode } from "@/lib/registers/credit-code";
import { dateOnly } from "@/lib/programmes/period";
import { NotFoundError } from "@/lib/platform/errors";
import { resetRequest, signOut } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser, ok } from "../support/fixtures";
import { demoYear, shanghaiYear } from "../support/time";

// The test's own programme is for this year; the demo programme (the export) for the seed's.
const YEAR = shanghaiYear();

let programmeId: string; // a fresh programme, so figures do not depend on the demo records
let demoProgrammeId: string;
let taskForceId: string;
const key = () => ({ idempotencyKey: crypto.randomUUID() });

beforeAll(async () => {
  const etdz = await unitByCode("YH-ETDZ");
  const admin = await demoUser("admin");
  programmeId = (await db.programme.create({
    data: { type: "INVESTMENT", name: "招商测试专项", startDate: dateOnly(`${YEAR}-01-01`), endDate: dateOnly(`${YEAR}-12-31`), orgUnitId: etdz.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  demoProgrammeId = (await db.programme.findFirstOrThrow({ where: { name: "余杭经开区招商引资攻坚" } })).id;
});
beforeEach(() => resetRequest());

async function newTaskForce(overrides: Record<string, unknown> = {}) {
  await actAs("etdz.manager");
  const zs = await unitByCode("YH-ETDZ-ZS");
  const officer = await demoUser("etdz.officer");
  const yh = await demoUser("yh.manager");
  return ok(await createTaskForceAction({
    programmeId, name: "测试突击队", kind: "DEPARTMENT", orgUnitId: zs.id, leaderId: officer.id, memberIds: [yh.id],
    sectors: "智能装备、新材料", targetTrips: "10", targetEnterprises: "20", targetProjects: "5", targetInvestment: "50", targetInvestmentUnit: "YI",
    ...overrides, ...key(),
  })).id;
}

async function newLead(title: string, amount: string, unit: "WAN" | "YI") {
  const e = await db.enterprise.findFirstOrThrow({ where: { name: "杭州仁和智能装备有限公司" } });
  return ok(await createLeadAction({ taskForceId, source: "ENTERPRISE", enterpriseId: e.id, title, sector: "智能装备", plannedAmount: amount, plannedUnit: unit, ...key() })).id;
}

const signing = (amount: string, unit: "WAN" | "YI") => ({ signedOn: `${YEAR}-06-01`, signedAmount: amount, signedUnit: unit, contractNo: `HT-${crypto.randomUUID().slice(0, 6)}` });

async function moveTo(id: string, to: string, extra: Record<string, unknown> = {}) {
  const lead = await db.investmentLead.findUniqueOrThrow({ where: { id } });
  return transitionLeadAction({ id, version: lead.version, to, ...extra });
}

describe("task forces", () => {
  it("are created by a manager with leader, members from several units, sectors and targets in 亿元 stored as 万元", async () => {
    taskForceId = await newTaskForce();
    const tf = await db.taskForce.findUniqueOrThrow({ where: { id: taskForceId }, include: { members: { include: { user: { include: { orgUnit: true } } } } } });
    expect(tf.sectors).toEqual(["智能装备", "新材料"]);
    expect(tf.targetInvestmentWan.toFixed(2)).toBe("500000.00");
    expect(tf.members.map((m) => m.user.orgUnit.code)).toEqual(["YH"]);
    expect(await db.auditLog.count({ where: { action: "investment.taskForce.create", entityId: taskForceId } })).toBe(1);
  });

  it("are refused to officers, outside the programme's area, and with extra fields", async () => {
    await actAs("rh.officer");
    const rh = await unitByCode("YH-RH");
    const officer = await demoUser("rh.officer");
    const base = { programmeId, name: "越权", kind: "STREET_PLATFORM", orgUnitId: rh.id, leaderId: officer.id, targetTrips: "1", targetEnterprises: "1", targetProjects: "1" };
    expect(await createTaskForceAction({ ...base, ...key() })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    await actAs("yh.manager");
    const lz = await unitByCode("YH-LZ");
    const outside = await createTaskForceAction({ ...base, orgUnitId: lz.id, ...key() });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.fieldErrors?.orgUnitId).toEqual(["该单位不在本专项范围内"]);
    const extra = await createTaskForceAction({ ...base, version: 9, ...key() });
    expect(extra.ok).toBe(false);
    expect(await db.taskForce.count({ where: { name: "越权" } })).toBe(0);
  });
});

describe("trips", () => {
  it("log a trip meeting a register enterprise and a new prospect; both count as enterprises visited", async () => {
    taskForceId ??= await newTaskForce();
    await actAs("etdz.officer");
    const lookup = ok(await lookupEnterprisesAction({ programmeId, q: "獐山" }));
    expect(lookup.map((m) => m.label)).toEqual(["杭州獐山精密机械有限公司"]);
    const trip = ok(await createTripAction({
      taskForceId, startDate: `${YEAR}-05-06`, endDate: `${YEAR}-05-07`, destinationCity: "上海", participantIds: [], notes: "",
      meetings: [
        { kind: "ENTERPRISE", enterpriseId: lookup[0]!.id, notes: "扩产需求" },
        { kind: "PROSPECT", prospectName: "上海测试智造有限公司", prospectCity: "上海", prospectSector: "智能装备", notes: "" },
      ],
      ...key(),
    }));
    const meetings = await db.tripMeeting.findMany({ where: { tripId: trip.id }, include: { prospect: true } });
    expect(meetings).toHaveLength(2);
    expect(meetings.find((m) => m.prospect)?.prospect?.name).toBe("上海测试智造有限公司");
    const progress = await investmentProgress(await sessionUser("etdz.manager"), programmeId, yearRange(String(YEAR)));
    expect(progress.total).toMatchObject({ trips: 1, enterprises: 2 });

    // The end date cannot come before the start date.
    const bad = await createTripAction({ taskForceId, startDate: `${YEAR}-05-06`, endDate: `${YEAR}-05-01`, destinationCity: "上海", ...key() });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["endDate"]);
    // A street officer who is not on the task force may not record for it.
    await actAs("lz.officer");
    expect((await createTripAction({ taskForceId, startDate: `${YEAR}-05-06`, endDate: `${YEAR}-05-06`, destinationCity: "上海", ...key() })).ok).toBe(false);
  });
});

describe("leads: stages and amounts", () => {
  it("a 2亿元 lead and a 5000万元 lead total 2.5亿元 = 25000万元 once signed", async () => {
    taskForceId ??= await newTaskForce();
    await actAs("etdz.officer");
    const a = await newLead("两亿项目", "2", "YI");
    const b = await newLead("五千万项目", "5000", "WAN");
    expect((await db.investmentLead.findUniqueOrThrow({ where: { id: a } })).plannedInvestmentWan.toFixed(2)).toBe("20000.00");
    for (const [id, amount, unit] of [[a, "2", "YI"], [b, "5,000", "WAN"]] as const) {
      ok(await moveTo(id, "NEGOTIATING"));
      ok(await moveTo(id, "SIGNED", signing(amount, unit)));
    }
    const progress = await investmentProgress(await sessionUser("etdz.manager"), programmeId, yearRange(String(YEAR)));
    const row = progress.taskForces.find((t) => t.key === taskForceId)!;
    expect(row.signed).toBe(2);
    expect(row.signedWan).toBe("25000.00");
    expect(formatAmount(row.signedWan)).toBe("2.5亿元");
    expect(progress.total.signedWan).toBe("25000.00");
    // The target was typed as 50 亿元 and is compared in 万元.
    expect(row.targets?.investmentWan).toBe("500000.00");
  });

  it("refuses a skipped stage with the stages named, and requires date, amount and contract to sign", async () => {
    await actAs("etdz.officer");
    const id = await newLead("条件测试", "3000", "WAN");
    expect(await moveTo(id, "LANDED", { landedOn: `${YEAR}-06-01` })).toMatchObject({ ok: false, error: "状态不能从“线索”变为“已落地”，可能已被他人处理，请刷新。" });
    ok(await moveTo(id, "NEGOTIATING"));
    const bare = await moveTo(id, "SIGNED");
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(Object.keys(bare.fieldErrors ?? {}).sort()).toEqual(["contractNo", "signedAmount", "signedOn"]);
    const badAmount = await moveTo(id, "SIGNED", { ...signing("1.234", "WAN") });
    expect(badAmount.ok).toBe(false);
    if (!badAmount.ok) expect(badAmount.fieldErrors?.signedAmount).toEqual(["请输入金额（万元最多两位小数，亿元最多六位小数）"]);
    ok(await moveTo(id, "SIGNED", signing("0.3", "YI")));
    // Landing before signing is refused; a lost lead needs a reason.
    const early = await moveTo(id, "LANDED", { landedOn: `${YEAR}-05-01` });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.fieldErrors?.landedOn).toEqual(["落地日期不能早于签约日期"]);
    const noReason = await moveTo(id, "LOST");
    expect(noReason.ok).toBe(false);
    ok(await moveTo(id, "LANDED", { landedOn: `${YEAR}-07-01` }));
    const lead = await db.investmentLead.findUniqueOrThrow({ where: { id } });
    expect(lead).toMatchObject({ stage: "LANDED", contractNo: expect.stringMatching(/^HT-/) });
    expect(lead.signedAmountWan?.toFixed(2)).toBe("3000.00");
    // Final: nothing follows LANDED.
    expect((await moveTo(id, "LOST", { lostReason: "x" })).ok).toBe(false);
    const events = await db.investmentLeadEvent.findMany({ where: { leadId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.toStage)).toEqual(["LEAD", "NEGOTIATING", "SIGNED", "LANDED"]);
    const audits = await db.auditLog.findMany({ where: { entityId: id, action: "investment.lead.transition" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => (a.data as { after: { stage: string } }).after.stage)).toEqual(["NEGOTIATING", "SIGNED", "LANDED"]);
  });

  it("two people moving the same lead at once: exactly one wins", async () => {
    await actAs("etdz.officer");
    const id = await newLead("并发测试", "100", "WAN");
    const lead = await db.investmentLead.findUniqueOrThrow({ where: { id } });
    const results = await Promise.all([
      transitionLeadAction({ id, version: lead.version, to: "NEGOTIATING" }),
      transitionLeadAction({ id, version: lead.version, to: "LOST", lostReason: "企业撤回" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "该记录已被他人修改，请刷新后重试。" });
    expect(await db.investmentLeadEvent.count({ where: { leadId: id } })).toBe(2);
    expect((await db.investmentLead.findUniqueOrThrow({ where: { id } })).version).toBe(lead.version + 1);
  });

  it("refuses without a session and writes nothing", async () => {
    signOut();
    const before = await db.investmentLead.count();
    expect((await createLeadAction({ taskForceId, source: "PROSPECT", prospectName: "x", title: "x", plannedAmount: "1", plannedUnit: "WAN", ...key() })).ok).toBe(false);
    expect(await db.investmentLead.count()).toBe(before);
  });
});

describe("lead scoping in the demo programme", () => {
  it("a street's task force sees only its own leads unless the programme shares them; managers above see all", async () => {
    const rh = await sessionUser("rh.officer");
    const manager = await sessionUser("etdz.manager");
    const all = await listLeads(manager, { programmeId: demoProgrammeId });
    expect(all).toHaveLength(12);
    const own = await listLeads(rh, { programmeId: demoProgrammeId });
    // rh.officer leads 仁和街道攻坚队 and is a member of 经开国资平台攻坚队.
    expect(new Set(own.map((l) => l.taskForce.name))).toEqual(new Set(["仁和街道攻坚队", "经开国资平台攻坚队"]));
    const foreign = all.find((l) => l.taskForce.name === "产业链招商突击队")!;
    await expect(getLeadOrThrow(rh, foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    // 良渚 is outside the zone: sees none.
    expect(await listLeads(await sessionUser("lz.officer"), { programmeId: demoProgrammeId })).toHaveLength(0);

    // Officers may not change the setting; the zone's manager may.
    const programme = await db.programme.findUniqueOrThrow({ where: { id: demoProgrammeId } });
    await actAs("rh.officer");
    expect((await updateInvestmentSettingsAction({ programmeId: demoProgrammeId, version: programme.version, shareLeads: true })).ok).toBe(false);
    await actAs("etdz.manager");
    ok(await updateInvestmentSettingsAction({ programmeId: demoProgrammeId, version: programme.version, shareLeads: true }));
    expect((await db.programme.findUniqueOrThrow({ where: { id: demoProgrammeId } })).settings).toMatchObject({ shareLeads: true });
    expect(await listLeads(rh, { programmeId: demoProgrammeId })).toHaveLength(12);
    // Shared leads are read-only for other task forces.
    await actAs("rh.officer");
    const moved = await transitionLeadAction({ id: foreign.id, version: (await db.investmentLead.findUniqueOrThrow({ where: { id: foreign.id } })).version, to: "LOST", lostReason: "x" });
    expect(moved).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    // Still nothing for units that do not see the programme.
    expect(await listLeads(await sessionUser("lz.officer"), { programmeId: demoProgrammeId })).toHaveLength(0);

    await actAs("etdz.manager");
    const v = (await db.programme.findUniqueOrThrow({ where: { id: demoProgrammeId } })).version;
    ok(await updateInvestmentSettingsAction({ programmeId: demoProgrammeId, version: v, shareLeads: false }));
    expect(await listLeads(rh, { programmeId: demoProgrammeId })).toHaveLength(own.length);
    expect(await db.auditLog.count({ where: { action: "investment.settings.update", entityId: demoProgrammeId } })).toBe(2);
  });
});

describe("prospect conversion", () => {
  it("turns a landed prospect into a register enterprise in one transaction and moves its leads", async () => {
    taskForceId ??= await newTaskForce();
    await actAs("etdz.officer");
    const leadId = ok(await createLeadAction({ taskForceId, source: "PROSPECT", prospectName: "杭州落地测试科技有限公司", prospectCity: "杭州", title: "落地测试", plannedAmount: "1.2", plannedUnit: "YI", ...key() })).id;
    const prospect = await db.prospect.findFirstOrThrow({ where: { name: "杭州落地测试科技有限公司" } });
    const rh = await unitByCode("YH-RH");
    // Officers may not create register enterprises.
    expect((await convertProspectAction({ id: prospect.id, version: prospect.version, name: prospect.name, creditCode: makeCreditCode(99_001), orgUnitId: rh.id })).ok).toBe(false);
    await actAs("etdz.manager");
    const bad = await convertProspectAction({ id: prospect.id, version: prospect.version, name: prospect.name, creditCode: "91330110ABCDEFGH12", orgUnitId: rh.id });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.creditCode).toEqual(["统一社会信用代码无效（应为 18 位且校验码正确）"]);
    const before = await db.enterprise.count();
    const code = makeCreditCode(99_002);
    const done = ok(await convertProspectAction({ id: prospect.id, version: prospect.version, name: prospect.name, creditCode: ` ${code.toLowerCase()} `, orgUnitId: rh.id, industry: "软件" }));
    expect(await db.enterprise.count()).toBe(before + 1);
    const enterprise = await db.enterprise.findUniqueOrThrow({ where: { id: done.enterpriseId } });
    expect(enterprise).toMatchObject({ creditCode: code, orgUnitId: rh.id });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).convertedEnterpriseId).toBe(enterprise.id);
    expect(await db.investmentLead.findUniqueOrThrow({ where: { id: leadId } })).toMatchObject({ enterpriseId: enterprise.id, prospectId: null });
    // Twice is refused, and a taken code leaves nothing behind.
    const again = await convertProspectAction({ id: prospect.id, version: prospect.version + 1, name: prospect.name, creditCode: makeCreditCode(99_003), orgUnitId: rh.id });
    expect(again).toMatchObject({ ok: false, error: "该意向企业已转为在册企业。" });
    expect(await db.enterprise.count()).toBe(before + 1);
  });
});

describe("Excel export", () => {
  it("needs report.export, has Chinese headers and the figures, and is audited", async () => {
    const { GET } = await import("@/app/api/investment/export/route");
    const url = `http://localhost:3000/api/investment/export?programme=${demoProgrammeId}&from=${demoYear}-01-01&to=${demoYear}-12-31`;
    await actAs("rh.officer");
    expect((await GET(new Request(url))).status).toBe(403);
    await actAs("etdz.manager");
    const res = await GET(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("余杭经开区招商引资攻坚"));
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["突击队进度", "单位汇总", "招商线索"]);
    const units = wb.getWorksheet("单位汇总")!;
    expect(String(units.getRow(1).getCell(1).value)).toContain(`筛选条件：专项=余杭经开区招商引资攻坚；期间=${demoYear}-01-01～${demoYear}-12-31`);
    expect(units.getRow(2).values).toContain("签约金额（万元）");
    const totalRow = units.getRow(units.rowCount);
    expect(String(totalRow.getCell(1).value)).toMatch(/^合计/);
    // The seed's activity runs up to its anchor, so this year's trips so far depend on the day it
    // was seeded: counted from the records.
    const trips = await db.investmentTrip.count({ where: { programmeId: demoProgrammeId, startDate: { gte: dateOnly(`${demoYear}-01-01`), lte: dateOnly(`${demoYear}-12-31`) } } });
    expect(totalRow.getCell(2).value).toBe(trips);
    // The programme's 230 亿元 target, in 万元.
    expect(totalRow.getCell(10).value).toBe(2_300_000);
    expect(wb.getWorksheet("招商线索")!.rowCount).toBe(2 + (await db.investmentLead.count({ where: { programmeId: demoProgrammeId } })));
    expect(await db.auditLog.count({ where: { action: "investment.export", entityId: demoProgrammeId } })).toBe(1);
  });
});
