// Demo records of the investment (招商) and key-project (重点项目) modules, seeded on top of the
// registers. 余杭经开区's "4+8+21"-style task forces (a leadership-led team, an economic
// department's team and two street/platform teams), eight trips, prospects and register
// enterprises met, twelve leads across every stage (amounts typed in 万元 and 亿元), seven key
// projects of 余杭区重点项目提速年 across the three stages with milestones (some late), blockers
// and pledges (军令状). Three demo users are added in 余杭经开区 (password as the others):
// etdz.manager (MANAGER 余杭经开区), etdz.officer (OFFICER 招商服务局), rh.officer (OFFICER 仁和街道).
// No register enterprise is added or changed. Dates are day offsets from the seed's anchor
// (t.D(-30) = 30 days before), so the same milestones are late, due and ahead on any day.
import type { Db, Tx } from "@/lib/platform/db/client";
import { toWan, type AmountUnit } from "@/lib/platform/money";
import { dateOnly } from "@/lib/programmes/period";
import { instantOn, yearOf, type DemoTime } from "./demo-time";

type Stage = "LEAD" | "NEGOTIATING" | "SIGNED" | "LANDED" | "LOST";

export async function seedDemoInvestment(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {
  const investment = await db.programme.findFirst({ where: { type: "INVESTMENT", name: "余杭经开区招商引资攻坚", status: "ACTIVE" } });
  const keyProgramme = await db.programme.findFirst({ where: { type: "KEY_PROJECT", name: "余杭区重点项目提速年", status: "ACTIVE" } });
  if (!investment || !keyProgramme) return;

  // ── People ──
  const admin = await db.user.findUniqueOrThrow({ where: { id: userIds.admin! }, select: { passwordHash: true } });
  const people: { username: string; name: string; role: "MANAGER" | "OFFICER"; unit: string; phone: string }[] = [
    { username: "etdz.manager", name: "沈立群", role: "MANAGER", unit: "etdz", phone: "13900000011" },
    { username: "etdz.officer", name: "吴佳琪", role: "OFFICER", unit: "etdz-zs", phone: "13700000012" },
    { username: "rh.officer", name: "钱志远", role: "OFFICER", unit: "rh", phone: "13700000013" },
  ];
  for (const p of people) {
    const u = await db.user.create({
      data: { username: p.username, name: p.name, role: p.role, orgUnitId: ids[p.unit]!, phone: p.phone, passwordHash: admin.passwordHash, passwordChangedAt: t.now },
    });
    userIds[p.username] = u.id;
  }
  const U = (name: string) => userIds[name]!;
  const wan = (amount: string, unit: AmountUnit) => toWan(amount, unit)!;

  // ── Task forces (突击队/攻坚队) ──
  const tfSpecs = [
    { key: "hq", name: "总部经济突击队", kind: "LEADERSHIP", unit: "etdz", leader: "etdz.manager", members: ["etdz.officer", "yh.manager"], sectors: ["总部经济", "金融基金"], t: [12, 20, 10, "80"] },
    { key: "chain", name: "产业链招商突击队", kind: "DEPARTMENT", unit: "etdz-zs", leader: "etdz.officer", members: ["etdz.manager"], sectors: ["智能装备", "新材料"], t: [16, 30, 15, "100"] },
    { key: "rh", name: "仁和街道攻坚队", kind: "STREET_PLATFORM", unit: "rh", leader: "rh.officer", members: ["etdz.officer"], sectors: ["未来产业", "时尚产业"], t: [10, 18, 8, "30"] },
    { key: "soe", name: "经开国资平台攻坚队", kind: "STREET_PLATFORM", unit: "etdz", leader: "etdz.manager", members: ["rh.officer"], sectors: ["大健康"], t: [4, 6, 5, "20"] },
  ] as const;
  const tf: Record<string, { id: string; orgUnitId: string }> = {};
  for (const s of tfSpecs) {
    const created = await db.taskForce.create({
      data: {
        programmeId: investment.id, orgUnitId: ids[s.unit]!, name: s.name, kind: s.kind, leaderId: U(s.leader), sectors: [...s.sectors],
        targetTrips: s.t[0], targetEnterprises: s.t[1], targetProjects: s.t[2], targetInvestmentWan: wan(s.t[3], "YI"),
        members: { create: s.members.map((m) => ({ userId: U(m) })) },
      },
    });
    tf[s.key] = { id: created.id, orgUnitId: created.orgUnitId };
  }

  // ── Register enterprises of 余杭经开区 and prospects ──
  const enterprise = async (name: string) => (await db.enterprise.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  const zhineng = await enterprise("杭州仁和智能装备有限公司");
  const xincailiao = await enterprise("杭州经开新材料股份有限公司");
  const zhangshan = await enterprise("杭州獐山精密机械有限公司");
  const prospectSpecs = [
    { key: "lingang", name: "上海临港智造科技有限公司", city: "上海", sector: "智能装备", contact: "顾总", tf: "chain" },
    { key: "huaxin", name: "深圳华芯半导体有限公司", city: "深圳", sector: "集成电路", contact: "林经理", tf: "chain" },
    { key: "zhongke", name: "北京中科新能源有限公司", city: "北京", sector: "新能源", contact: "赵博士", tf: "hq" },
    { key: "jinrong", name: "北京启元私募基金管理有限公司", city: "北京", sector: "金融基金", contact: "孙总", tf: "hq" },
    { key: "shishang", name: "广州锦绣时尚服饰有限公司", city: "广州", sector: "时尚产业", contact: "梁女士", tf: "rh" },
    { key: "ningbo", name: "宁波海曙新材料有限公司", city: "宁波", sector: "新材料", contact: "周经理", tf: "rh" },
    { key: "wuhan", name: "武汉光谷生物医药有限公司", city: "武汉", sector: "大健康", contact: "陈总", tf: "soe" },
    { key: "suzhou", name: "苏州工业园机器人有限公司", city: "苏州", sector: "智能装备", contact: "吴经理", tf: "chain" },
  ] as const;
  const prospect: Record<string, string> = {};
  for (const p of prospectSpecs) {
    const created = await db.prospect.create({
      data: { programmeId: investment.id, orgUnitId: tf[p.tf]!.orgUnitId, name: p.name, city: p.city, sector: p.sector, contactName: p.contact },
    });
    prospect[p.key] = created.id;
  }

  // ── Trips (外出招商) with the enterprises met ──
  type Meet = { e?: string; p?: string; notes: string };
  const tripSpecs: { key: string; tf: string; start: string; end: string; city: string; by: string; with: string[]; meet: Meet[]; notes: string }[] = [
    { key: "sh1", tf: "chain", start: t.D(-267), end: t.D(-265), city: "上海", by: "etdz.officer", with: ["etdz.manager"], notes: "对接长三角智能装备产业链。",
      meet: [{ p: prospect.lingang, notes: "有意在经开区设立华东生产基地。" }, { p: prospect.suzhou, notes: "关注人才公寓与厂房配套。" }, { e: zhineng, notes: "本地链主企业陪同推介。" }] },
    { key: "sz", tf: "chain", start: t.D(-232), end: t.D(-230), city: "深圳", by: "etdz.officer", with: [], notes: "",
      meet: [{ p: prospect.huaxin, notes: "封装测试项目，用地约80亩。" }, { e: xincailiao, notes: "上下游配套洽谈。" }] },
    { key: "bj", tf: "hq", start: t.D(-208), end: t.D(-206), city: "北京", by: "etdz.manager", with: ["yh.manager", "etdz.officer"], notes: "区领导带队总部经济专场推介。",
      meet: [{ p: prospect.zhongke, notes: "拟设区域总部。" }, { p: prospect.jinrong, notes: "产业基金合作意向。" }] },
    { key: "gz", tf: "rh", start: t.D(-182), end: t.D(-181), city: "广州", by: "rh.officer", with: ["etdz.officer"], notes: "",
      meet: [{ p: prospect.shishang, notes: "首店即总部模式。" }, { e: zhangshan, notes: "回访本地企业扩产需求。" }] },
    { key: "nb", tf: "rh", start: t.D(-140), end: t.D(-140), city: "宁波", by: "rh.officer", with: [], notes: "",
      meet: [{ p: prospect.ningbo, notes: "新材料中试基地选址。" }] },
    { key: "wh", tf: "soe", start: t.D(-104), end: t.D(-102), city: "武汉", by: "etdz.manager", with: ["rh.officer"], notes: "国资平台联合招商。",
      meet: [{ p: prospect.wuhan, notes: "生物医药中试平台。" }] },
    { key: "sh2", tf: "hq", start: t.D(-77), end: t.D(-76), city: "上海", by: "etdz.manager", with: ["yh.manager"], notes: "",
      meet: [{ p: prospect.lingang, notes: "二次对接，推进签约。" }, { e: xincailiao, notes: "推介总部增资。" }] },
    { key: "hf", tf: "chain", start: t.D(-42), end: t.D(-40), city: "合肥", by: "etdz.officer", with: [], notes: "新能源汽车零部件专场。",
      meet: [{ e: zhineng, notes: "配套需求摸排。" }] },
  ];
  const meetingIds: Record<string, string[]> = {};
  for (const s of tripSpecs) {
    const trip = await db.investmentTrip.create({
      data: {
        programmeId: investment.id, taskForceId: tf[s.tf]!.id, orgUnitId: tf[s.tf]!.orgUnitId, createdById: U(s.by),
        startDate: dateOnly(s.start), endDate: dateOnly(s.end), destinationCity: s.city, notes: s.notes, createdAt: instantOn(s.end, "18:00"),
        participants: { create: [s.by, ...s.with].map((u) => ({ userId: U(u) })) },
      },
    });
    meetingIds[s.key] = [];
    for (const m of s.meet) {
      const meeting = await db.tripMeeting.create({ data: { tripId: trip.id, enterpriseId: m.e ?? null, prospectId: m.p ?? null, notes: m.notes } });
      meetingIds[s.key]!.push(meeting.id);
    }
  }

  // ── Leads (招商线索) across the stages; each walks its stages with timeline events ──
  const path: Record<Stage, Stage[]> = {
    LEAD: ["LEAD"], NEGOTIATING: ["LEAD", "NEGOTIATING"], SIGNED: ["LEAD", "NEGOTIATING", "SIGNED"],
    LANDED: ["LEAD", "NEGOTIATING", "SIGNED", "LANDED"], LOST: ["LEAD", "NEGOTIATING", "LOST"],
  };
  const leadSpecs: {
    title: string; tf: string; by: string; stage: Stage; sector: string; planned: [string, AmountUnit];
    meeting?: [string, number]; e?: string; p?: string; signed?: [string, string, AmountUnit, string]; landed?: string; lost?: string;
  }[] = [
    { title: "临港智造华东生产基地", tf: "chain", by: "etdz.officer", stage: "LANDED", sector: "智能装备", planned: ["12", "YI"], meeting: ["sh1", 0], signed: [t.D(-196), "12", "YI", `YHJK-${yearOf(t.D(-196))}-018`], landed: t.D(-63) },
    { title: "华芯封装测试项目", tf: "chain", by: "etdz.officer", stage: "SIGNED", sector: "集成电路", planned: ["35", "YI"], meeting: ["sz", 0], signed: [t.D(-112), "32.5", "YI", `YHJK-${yearOf(t.D(-112))}-031`] },
    { title: "仁和智能装备扩产", tf: "chain", by: "etdz.officer", stage: "SIGNED", sector: "智能装备", planned: ["8000", "WAN"], meeting: ["sh1", 2], signed: [t.D(-167), "8000", "WAN", `YHJK-${yearOf(t.D(-167))}-022`] },
    { title: "苏州机器人区域中心", tf: "chain", by: "etdz.officer", stage: "NEGOTIATING", sector: "智能装备", planned: ["3", "YI"], meeting: ["sh1", 1] },
    { title: "中科新能源区域总部", tf: "hq", by: "etdz.manager", stage: "SIGNED", sector: "新能源", planned: ["20", "YI"], meeting: ["bj", 0], signed: [t.D(-146), "18", "YI", `YHJK-${yearOf(t.D(-146))}-027`] },
    { title: "启元产业基金", tf: "hq", by: "etdz.manager", stage: "NEGOTIATING", sector: "金融基金", planned: ["10", "YI"], meeting: ["bj", 1] },
    { title: "经开新材料总部增资", tf: "hq", by: "etdz.manager", stage: "LEAD", sector: "新材料", planned: ["6500", "WAN"], meeting: ["sh2", 1] },
    { title: "锦绣时尚首店总部", tf: "rh", by: "rh.officer", stage: "LANDED", sector: "时尚产业", planned: ["5000", "WAN"], meeting: ["gz", 0], signed: [t.D(-154), "5000", "WAN", `RH-${yearOf(t.D(-154))}-007`], landed: t.D(-48) },
    { title: "獐山精密机械技改", tf: "rh", by: "rh.officer", stage: "LEAD", sector: "专用设备", planned: ["1200", "WAN"], meeting: ["gz", 1] },
    { title: "海曙新材料中试基地", tf: "rh", by: "rh.officer", stage: "LOST", sector: "新材料", planned: ["2.5", "YI"], meeting: ["nb", 0], lost: "企业最终选择落户宁波本地园区。" },
    { title: "光谷生物医药中试平台", tf: "soe", by: "etdz.manager", stage: "NEGOTIATING", sector: "大健康", planned: ["4.8", "YI"], meeting: ["wh", 0] },
    { title: "长三角数字经济产业园", tf: "soe", by: "rh.officer", stage: "LEAD", sector: "数字经济", planned: ["15", "YI"], p: undefined },
  ];
  for (const s of leadSpecs) {
    let enterpriseId: string | null = s.e ?? null;
    let prospectId: string | null = s.p ?? null;
    let tripMeetingId: string | null = null;
    if (s.meeting) {
      tripMeetingId = meetingIds[s.meeting[0]]![s.meeting[1]]!;
      const m = await db.tripMeeting.findUniqueOrThrow({ where: { id: tripMeetingId } });
      enterpriseId = m.enterpriseId;
      prospectId = m.prospectId;
    }
    const stages = path[s.stage];
    const lead = await db.investmentLead.create({
      data: {
        programmeId: investment.id, taskForceId: tf[s.tf]!.id, orgUnitId: tf[s.tf]!.orgUnitId, ownerId: U(s.by), tripMeetingId, enterpriseId, prospectId,
        title: s.title, sector: s.sector, plannedInvestmentWan: wan(...s.planned), stage: s.stage,
        signedOn: s.signed ? dateOnly(s.signed[0]) : null, signedAmountWan: s.signed ? wan(s.signed[1], s.signed[2]) : null, contractNo: s.signed?.[3] ?? null,
        landedOn: s.landed ? dateOnly(s.landed) : null, lostReason: s.lost ?? null, version: stages.length,
        createdAt: t.at(-262, "10:00"),
      },
    });
    for (const [i, stage] of stages.entries()) {
      await db.investmentLeadEvent.create({
        data: { leadId: lead.id, fromStage: i === 0 ? null : stages[i - 1]!, toStage: stage, actorId: U(s.by), note: stage === "LOST" ? (s.lost ?? "") : "", at: t.at(-262 + 30 * i, "10:00") },
      });
    }
  }

  // ── Key projects (重点项目) of 余杭区重点项目提速年 ──
  type Ms = Partial<Record<"LAND_LISTING" | "PERMITS" | "START" | "COMPLETION" | "PRODUCTION", [string, string?]>>;
  const kpSpecs: { name: string; unit: string; owner?: string; amount: [string, AmountUnit]; location: string; liaison: string; stage: "PLANNED" | "UNDER_CONSTRUCTION" | "IN_PRODUCTION"; ms: Ms }[] = [
    { name: "经开区智能装备产业园一期", unit: "etdz", owner: xincailiao, amount: ["28", "YI"], location: "余杭经开区兴中路北侧", liaison: "etdz.officer", stage: "UNDER_CONSTRUCTION",
      ms: { LAND_LISTING: [t.D(-316), t.D(-318)], PERMITS: [t.D(-276), t.D(-267)], START: [t.D(-245), t.D(-238)], COMPLETION: [t.D(210)], PRODUCTION: [t.D(333)] } },
    { name: "仁和智能装备扩产项目", unit: "rh", owner: zhineng, amount: ["8000", "WAN"], location: "仁和街道獐山路99号", liaison: "rh.officer", stage: "IN_PRODUCTION",
      ms: { PERMITS: [t.D(-290), t.D(-295)], START: [t.D(-276), t.D(-276)], COMPLETION: [t.D(-93), t.D(-81)], PRODUCTION: [t.D(-62), t.D(-43)] } },
    { name: "华芯封装测试基地", unit: "etdz", amount: ["32.5", "YI"], location: "余杭经开区临平大道东", liaison: "etdz.officer", stage: "PLANNED",
      ms: { LAND_LISTING: [t.D(-63)], PERMITS: [t.D(-17)], START: [t.D(44)], COMPLETION: [t.D(576)], PRODUCTION: [t.D(699)] } },
    { name: "獐山村精密机械技改", unit: "rh-zs", owner: zhangshan, amount: ["1200", "WAN"], location: "仁和街道獐山村5组", liaison: "rh.officer", stage: "PLANNED",
      ms: { PERMITS: [t.D(-32), t.D(-35)], START: [t.D(-22)], PRODUCTION: [t.D(119)] } },
    { name: "未来科技城数字经济总部园", unit: "fst", amount: ["45", "YI"], location: "未来科技城文一西路", liaison: "yh.manager", stage: "UNDER_CONSTRUCTION",
      ms: { LAND_LISTING: [t.D(-347), t.D(-347)], PERMITS: [t.D(-277), t.D(-279)], START: [t.D(-257), t.D(-259)], COMPLETION: [t.D(-32)], PRODUCTION: [t.D(210)] } },
    { name: "仓前人才创新综合体", unit: "cq", amount: ["6.8", "YI"], location: "仓前街道梦想小镇", liaison: "yh.manager", stage: "PLANNED",
      ms: { LAND_LISTING: [t.D(-155)], PERMITS: [t.D(-63)], START: [t.D(29)] } },
    { name: "中科新能源区域总部大楼", unit: "etdz", amount: ["18", "YI"], location: "余杭经开区星光街", liaison: "etdz.manager", stage: "PLANNED",
      ms: { LAND_LISTING: [t.D(13)], PERMITS: [t.D(119)], START: [t.D(180)] } },
  ];
  const kp: Record<string, { id: string; orgUnitId: string }> = {};
  for (const s of kpSpecs) {
    const project = await db.keyProject.create({
      data: {
        programmeId: keyProgramme.id, orgUnitId: ids[s.unit]!, name: s.name, ownerEnterpriseId: s.owner ?? null, investmentWan: wan(...s.amount),
        location: s.location, liaisonId: U(s.liaison), stage: s.stage, createdAt: t.at(-331, "10:00"), version: s.stage === "PLANNED" ? 1 : s.stage === "UNDER_CONSTRUCTION" ? 2 : 3,
        stageChangedAt: instantOn(s.ms.START?.[1] ?? s.ms.PRODUCTION?.[1] ?? t.D(-331), "10:00"),
        milestones: {
          create: Object.entries(s.ms).map(([kind, [planned, actual]]) => ({
            kind: kind as keyof Ms, plannedOn: dateOnly(planned), actualOn: actual ? dateOnly(actual) : null,
          })),
        },
        events: {
          create: [
            { kind: "CREATED", toStage: "PLANNED", actorId: U("yh.manager"), at: t.at(-331, "10:00") },
            ...(s.stage !== "PLANNED" ? [{ kind: "STAGE", fromStage: "PLANNED" as const, toStage: "UNDER_CONSTRUCTION" as const, actorId: U("yh.manager"), at: instantOn(s.ms.START![1]!, "14:00") }] : []),
            ...(s.stage === "IN_PRODUCTION" ? [{ kind: "STAGE", fromStage: "UNDER_CONSTRUCTION" as const, toStage: "IN_PRODUCTION" as const, actorId: U("yh.manager"), at: instantOn(s.ms.PRODUCTION![1]!, "14:00") }] : []),
          ],
        },
      },
    });
    kp[s.name] = { id: project.id, orgUnitId: project.orgUnitId };
  }

  // ── Blockers (堵点) as problems of the key projects ──
  const blockers = [
    { project: "经开区智能装备产业园一期", title: "施工临时用电接入滞后", description: "需供电公司提前接入10千伏临时电源。", status: "ESCALATED" as const, due: t.D(-2), escalate: "yh-jxj" },
    { project: "未来科技城数字经济总部园", title: "地下室防水分期验收", description: "希望分区块组织验收，以便先行布设机电。", status: "IN_PROGRESS" as const, due: t.D(13) },
    { project: "华芯封装测试基地", title: "能评指标待省级统筹", description: "项目能耗指标需省里统筹解决。", status: "OPEN" as const, due: t.D(29) },
    { project: "仁和智能装备扩产项目", title: "新厂房消防验收排期", description: "", status: "CONFIRMED" as const, due: t.D(-63) },
  ];
  for (const b of blockers) {
    const p = kp[b.project]!;
    const steps: ("OPEN" | "IN_PROGRESS" | "ESCALATED" | "RESOLVED" | "CONFIRMED")[] =
      b.status === "OPEN" ? ["OPEN"] : b.status === "IN_PROGRESS" ? ["OPEN", "IN_PROGRESS"] : b.status === "ESCALATED" ? ["OPEN", "ESCALATED"] : ["OPEN", "IN_PROGRESS", "RESOLVED", "CONFIRMED"];
    await db.problem.create({
      data: {
        keyProjectId: p.id, programmeId: keyProgramme.id, orgUnitId: p.orgUnitId, title: b.title, description: b.description, category: "重点项目堵点", createdAt: t.at(-92, "10:00"),
        status: b.status, dueDate: dateOnly(b.due), version: steps.length,
        escalatedToOrgUnitId: b.escalate ? ids[b.escalate]! : null, escalationReason: b.escalate ? "需经信局协调供电公司。" : null,
        resolution: b.status === "CONFIRMED" ? "消防部门已安排专场验收，顺利通过。" : null,
        resolvedAt: b.status === "CONFIRMED" ? t.at(-68, "16:00") : null,
        confirmedAt: b.status === "CONFIRMED" ? t.at(-67, "16:00") : null,
        events: { create: steps.map((to, i) => ({ fromStatus: i === 0 ? null : steps[i - 1]!, toStatus: to, actorId: U("yh.manager"), at: t.at(-92 + i * 3, "10:00") })) },
      },
    });
  }

  // ── Pledges (军令状) ──
  const pledges = [
    { unit: "etdz", by: "etdz.manager", project: "经开区智能装备产业园一期", problem: "年底前解决产业园一期施工临时用电", due: t.D(18), status: "OPEN" as const },
    { unit: "rh", by: "rh.officer", project: "仁和智能装备扩产项目", problem: "三季度完成扩产项目消防验收", due: t.D(-63), status: "DONE" as const, done: t.D(-68) },
    { unit: "etdz-zs", by: "etdz.officer", project: "华芯封装测试基地", problem: "10月底前完成华芯项目用地挂牌", due: t.D(-32), status: "OPEN" as const },
    { unit: "fst", by: "yh.manager", project: "未来科技城数字经济总部园", problem: "协调地下室分期验收方案", due: t.D(44), status: "OPEN" as const },
  ];
  for (const p of pledges) {
    await db.pledge.create({
      data: {
        programmeId: keyProgramme.id, orgUnitId: ids[p.unit]!, pledgerId: U(p.by), keyProjectId: kp[p.project]!.id, problem: p.problem,
        dueOn: dateOnly(p.due), status: p.status, doneOn: p.status === "DONE" ? dateOnly(p.done!) : null,
      },
    });
  }
}
