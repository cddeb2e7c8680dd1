// Generated demo activity, seeded after the programme modules: about six months of work up to
// the anchor, from a fixed PRNG seed (same anchor → same data), so every list, report and
// dashboard of the demo has something to show on whatever day it is seeded:
//   - 民情双访: visits by 浦阳镇's young officers (some with their mentor → a GUIDED_VISIT
//     mentoring activity linked to the visit, as lib/mentorship/guided-visit.ts records it),
//     checklist answers, services, problems in every state, events; 良渚's officer's visits
//     with problems escalated to a department's queue; one officer overdue on the weekly rules;
//   - 古荡街道: ten economic commissioners (经济专员), one per grid, each enterprise visited
//     at least once in every month generated;
//   - 浦阳镇 导师库: 14 town cadres and 20 village secretaries (the article's figures);
//   - 余杭经开区: last year's (closed) programme with the article's year figures — 42 trips,
//     74 enterprises met, 38 projects signed for 230亿元 in all;
//   - 亲企办: about three closed requests a week in the months before demo-hotline.ts's six
//     weeks, a few breached, all rated;
//   - unread notifications for the hotline's people.
// Every timestamp is on a working day (the seeded calendar) in Shanghai working hours
// (08:30–17:30) and before the anchor. Rows go in with createMany; the dashboard rollups follow
// through their triggers.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/platform/db/client";
import { exceptionsFromRows } from "@/lib/platform/calendar/working-days";
import { dateOnly } from "@/lib/programmes/period";
import type { EventType } from "@/lib/events/schemas";
import { toWan } from "@/lib/platform/money";
import { shanghaiYmd as shanghaiYmdOf } from "@/lib/platform/clock";
import { cadreMentor, PY_CADRE_MENTORS, PY_SECRETARY_MENTORS, secretaryMentor, type GeneratedMentor } from "./demo-people";
import { mulberry32, type Random } from "./demo-random";
import { addDays, instantOn, workingDaysBetween, yearOf, type DemoTime } from "./demo-time";

/** The generated history's length in days (about six months). */
export const ACTIVITY_DAYS = 183;
/** Working hours of the demo's timestamps, minutes after Shanghai midnight: 08:30–17:30. */
export const WORK_START = 8 * 60 + 30;
export const WORK_END = 17 * 60 + 30;

const SEED = 20_120_512;

type Ctx = { db: Db | Tx; ids: Record<string, string>; users: Record<string, string>; t: DemoTime; rnd: Random; days: string[]; exceptions: Map<string, "HOLIDAY" | "WORKDAY"> };

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A random instant in working hours on `day`, or null when that would not be before the anchor. */
function workTime(c: Ctx, day: string): Date | null {
  const at = instantOn(day, hhmm(c.rnd.int(WORK_START, WORK_END - 1)));
  return at < c.t.now ? at : null;
}

export async function seedDemoActivity(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {
  const exceptions = exceptionsFromRows(await db.calendarDay.findMany({ select: { date: true, kind: true } })) as Map<string, "HOLIDAY" | "WORKDAY">;
  const users = Object.fromEntries((await db.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]));
  const c: Ctx = { db, ids, users: { ...users, ...userIds }, t, rnd: mulberry32(SEED), days: workingDaysBetween(t.D(-ACTIVITY_DAYS), t.today, exceptions), exceptions };
  await seedMentorPool(c);
  await seedPuyangVisits(c);
  await seedLiangzhuVisits(c);
  await seedGudang(c);
  await seedInvestmentYear(c);
  await seedHotlineHistory(c);
  await seedNotifications(c);
}

// ── 浦阳镇 导师库: 14 机关干部 + 20 村社书记 ─────────────────────────────────────────────

async function seedMentorPool(c: Ctx) {
  const programme = await c.db.programme.findFirst({ where: { type: "MENTORSHIP", status: "ACTIVE" }, select: { id: true } });
  if (!programme) return;
  const existing = await c.db.poolMember.findMany({ where: { programmeId: programme.id, pool: "MENTOR" }, select: { user: { select: { orgUnit: { select: { kind: true } } } } } });
  const cadres = existing.filter((m) => m.user.orgUnit.kind === "TOWN").length;
  const secretaries = existing.length - cadres;
  const template = await c.db.user.findUniqueOrThrow({ where: { username: "py.officer" }, select: { passwordHash: true } });
  const specs: GeneratedMentor[] = [];
  for (let i = cadres; i < PY_CADRE_MENTORS; i++) specs.push(cadreMentor(i));
  for (let i = secretaries; i < PY_SECRETARY_MENTORS; i++) specs.push(secretaryMentor(i));
  await c.db.user.createMany({
    data: specs.map((s, i) => ({ username: s.username, name: s.name, role: "OFFICER" as const, orgUnitId: c.ids[s.unit]!, phone: `137000013${String(i).padStart(2, "0")}`, passwordHash: template.passwordHash, passwordChangedAt: c.t.now })),
  });
  const created = new Map((await c.db.user.findMany({ where: { username: { in: specs.map((s) => s.username) } }, select: { id: true, username: true } })).map((u) => [u.username, u.id]));
  const joinedOn = dateOnly(c.t.D(-304));
  const manager = c.users["py.manager"]!;
  const members = specs.map((s) => ({ id: randomUUID(), programmeId: programme.id, userId: created.get(s.username)!, pool: "MENTOR" as const, lineOfWork: s.line, capacity: 2, joinedOn }));
  await c.db.poolMember.createMany({ data: members });
  await c.db.poolMemberChange.createMany({
    data: members.map((m, i) => ({ memberId: m.id, kind: "JOINED" as const, toStatus: "ACTIVE" as const, reason: specs[i]!.unit === "py" ? "镇党委选派机关干部为帮带导师" : "村社书记担任帮带导师", effectiveOn: joinedOn, decidedById: manager })),
  });
}

// ── 民情双访 in 浦阳镇 ────────────────────────────────────────────────────────────────
const SERVICES = ["代办医保缴费", "帮助申请临时救助", "联系电工检修线路", "协助办理老年证", "送药上门", "代缴水电费", "帮助联系就业岗位", "讲解养老保险政策"];
const PROBLEMS: [string, string][] = [
  ["村道路灯损坏", "基础设施"], ["屋顶漏雨需要修缮", "住房安全"], ["灌溉水渠堵塞", "农业生产"], ["邻里宅基地纠纷", "矛盾纠纷"], ["独居老人就医不便", "民生服务"],
  ["垃圾清运不及时", "环境卫生"], ["农产品销路不畅", "农业生产"], ["河道岸坡塌方", "安全隐患"], ["子女入学咨询", "民生服务"], ["老旧电线存在隐患", "安全隐患"],
];
// The type is the event form's code (lib/events/schemas.ts EVENT_TYPES), which the events page
// names through messages; a Chinese word here showed as "campaigns.eventTypes.义诊".
const EVENT_TYPES: [EventType, string][] = [["CLINIC", "健康义诊进村"], ["CULTURE", "文艺下乡演出"], ["SUMMER_CLASS", "暑期爱心课堂"], ["OTHER", "惠民政策宣讲会"], ["OTHER", "邻里志愿服务日"]];

type VisitRow = { id: string; programmeId: string | null; orgUnitId: string; officerId: string; mentorId: string | null; kind: "HOUSEHOLD" | "ENTERPRISE"; householdId: string | null; enterpriseId: string | null; visitedAt: Date; checklist: object; notes: string; createdAt: Date };

async function campaignFor(c: Ctx) {
  const rows = await c.db.programme.findMany({ where: { type: "VISIT_CAMPAIGN", name: { endsWith: "浦阳镇“民情双访”" } }, select: { id: true, startDate: true, endDate: true, checkItems: { select: { id: true, label: true }, orderBy: { sortOrder: "asc" } } } });
  return (day: string) => rows.find((p) => p.startDate.toISOString().slice(0, 10) <= day && day <= p.endDate.toISOString().slice(0, 10)) ?? null;
}

async function insertProblems(c: Ctx, visits: VisitRow[], rate: number, escalateTo: string | null) {
  const problems: object[] = [];
  const events: object[] = [];
  for (const v of visits) {
    if (!c.rnd.chance(rate)) continue;
    const [title, category] = c.rnd.pick(PROBLEMS);
    const ageDays = (c.t.now.getTime() - v.visitedAt.getTime()) / 86_400_000;
    const roll = c.rnd.next();
    // Older problems are mostly settled; recent ones still open or being worked on.
    const status =
      escalateTo && roll < 0.25 ? "ESCALATED"
      : ageDays > 30 ? (roll < 0.6 ? "CONFIRMED" : roll < 0.8 ? "RESOLVED" : roll < 0.9 ? "IN_PROGRESS" : "REOPENED")
      : roll < 0.4 ? "OPEN" : roll < 0.75 ? "IN_PROGRESS" : "RESOLVED";
    const path: string[] =
      status === "OPEN" ? ["OPEN"] : status === "IN_PROGRESS" ? ["OPEN", "IN_PROGRESS"] : status === "ESCALATED" ? ["OPEN", "ESCALATED"]
      : status === "RESOLVED" ? ["OPEN", "IN_PROGRESS", "RESOLVED"] : status === "CONFIRMED" ? ["OPEN", "IN_PROGRESS", "RESOLVED", "CONFIRMED"] : ["OPEN", "IN_PROGRESS", "RESOLVED", "REOPENED"];
    // Each step on a later working day than the previous one where the time allows (about a
    // week apart, closer for recent problems), in working hours, never after the anchor.
    const visitDay = c.days.indexOf(shanghaiYmdOf(v.visitedAt));
    const gap = Math.max(1, Math.min(5, Math.floor((ageDays * 0.6) / Math.max(1, path.length - 1))));
    const times: Date[] = [v.visitedAt];
    for (let i = 1; i < path.length; i++) {
      const day = c.days[visitDay < 0 ? c.days.length - 1 : Math.min(c.days.length - 1, visitDay + i * gap)]!;
      const at = workTime(c, day);
      const previous = times[i - 1]!;
      times.push(at && at > previous ? at : new Date(Math.max(previous.getTime(), Math.min(c.t.now.getTime() - 60_000, previous.getTime() + 10 * 60_000))));
    }
    const id = randomUUID();
    const resolvedAt = path.includes("RESOLVED") ? times[path.indexOf("RESOLVED")]! : null;
    problems.push({
      id, visitId: v.id, programmeId: v.programmeId, orgUnitId: v.orgUnitId, title, category, description: `${title}，群众反映较为迫切。`, status,
      assigneeId: status === "OPEN" ? null : v.officerId, escalatedToOrgUnitId: status === "ESCALATED" ? escalateTo : null,
      escalationReason: status === "ESCALATED" ? "涉及多个部门职责，需上级部门协调。" : null,
      resolution: resolvedAt ? "已协调相关部门处理完毕。" : null, resolvedAt: status === "REOPENED" ? null : resolvedAt,
      confirmedAt: status === "CONFIRMED" ? times[3]! : null, dueDate: dateOnly(addDays(v.visitedAt.toISOString().slice(0, 10), 15)),
      version: path.length, createdAt: v.visitedAt,
    });
    path.forEach((to, i) => events.push({ problemId: id, fromStatus: i === 0 ? null : path[i - 1], toStatus: to, actorId: v.officerId, at: times[i]!, note: "" }));
  }
  await c.db.problem.createMany({ data: problems as never });
  await c.db.problemEvent.createMany({ data: events as never });
}

async function seedPuyangVisits(c: Ctx) {
  const campaign = await campaignFor(c);
  const households = await c.db.household.findMany({ where: { orgUnitId: { in: ["py-xj", "py-jy", "py-cnh", "py-as", "py-sh"].map((k) => c.ids[k]!) } }, select: { id: true, orgUnitId: true }, orderBy: { householdKey: "asc" } });
  // The first five households of each village (XJ-0001 … XJ-0005) are not reached yet: coverage
  // stays below 100 %, and a visit recorded in the demo adds a household.
  const byUnit = new Map<string, string[]>();
  const seen = new Map<string, number>();
  for (const h of households) {
    seen.set(h.orgUnitId, (seen.get(h.orgUnitId) ?? 0) + 1);
    if (seen.get(h.orgUnitId)! > 5) byUnit.set(h.orgUnitId, [...(byUnit.get(h.orgUnitId) ?? []), h.id]);
  }
  const pairings = await c.db.pairing.findMany({ where: { status: "ACTIVE" }, select: { id: true, mentorId: true, traineeId: true, startDate: true, endDate: true } });
  const officers: { user: string; unit: string; quietDays?: number }[] = [
    { user: "py.officer", unit: "py-xj" },
    // 张婷 has not been out for two weeks: last week is missed on both weekly rules.
    { user: "py.officer2", unit: "py-sh", quietDays: 14 },
    { user: "py.jy.officer", unit: "py-jy" },
    { user: "py.ch.officer", unit: "py-cnh" },
    { user: "py.as.officer", unit: "py-as" },
    { user: "py.sh.officer", unit: "py-sh" },
  ];
  const visits: VisitRow[] = [];
  const services: object[] = [];
  const activities: object[] = [];
  const unitName = new Map((await c.db.orgUnit.findMany({ where: { id: { in: officers.map((o) => c.ids[o.unit]!) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const thisMonday = addDays(c.t.today, -((new Date(`${c.t.today}T00:00:00Z`).getUTCDay() + 6) % 7));
  for (const day of c.days) {
    const programme = campaign(day);
    for (const o of officers) {
      if (o.quietDays && day > c.t.D(-o.quietDays)) continue;
      if (!c.rnd.chance(0.5)) continue;
      const officerId = c.users[o.user]!;
      const orgUnitId = c.ids[o.unit]!;
      const pairing = pairings.find((p) => p.traineeId === officerId && p.startDate.toISOString().slice(0, 10) <= day && day <= p.endDate.toISOString().slice(0, 10));
      for (let k = c.rnd.int(1, 2); k > 0; k--) {
        const visitedAt = workTime(c, day);
        if (!visitedAt) continue;
        // 李明's guided visit of this week is still to come (his home page lists it as due).
        const mentorId = pairing && c.rnd.chance(0.35) && !(o.user === "py.officer" && day >= thisMonday) ? pairing.mentorId : null;
        const id = randomUUID();
        const checklist = (programme?.checkItems ?? []).map((item) => ({ itemId: item.id, label: item.label, checked: c.rnd.chance(0.85), note: "" }));
        visits.push({
          id, programmeId: programme?.id ?? null, orgUnitId, officerId, mentorId, kind: "HOUSEHOLD", householdId: c.rnd.pick(byUnit.get(orgUnitId)!), enterpriseId: null,
          visitedAt, checklist, notes: mentorId ? "导师陪同入户，了解家庭近况并登记诉求。" : "入户走访，了解生产生活情况。", createdAt: visitedAt,
        });
        if (c.rnd.chance(0.3)) services.push({ visitId: id, description: c.rnd.pick(SERVICES), sortOrder: 0 });
        // As recordGuidedVisit: a visit with the officer's paired mentor is that pairing's 帮带入户走亲.
        if (mentorId && pairing) activities.push({ id: randomUUID(), pairingId: pairing.id, kind: "GUIDED_VISIT", occurredOn: dateOnly(day), place: unitName.get(orgUnitId) ?? "", notes: "", visitId: id, recordedById: officerId });
      }
    }
  }
  // 李明 goes out with his mentor every week (the weekly guided-visit rule met): a week
  // without one has its first visit made with the mentor.
  const liMing = c.users["py.officer"]!;
  const weekOf = (d: Date) => {
    const day = new Date(`${shanghaiYmdOf(d)}T00:00:00Z`);
    return addDays(day.toISOString().slice(0, 10), -((day.getUTCDay() + 6) % 7));
  };
  const weeks = new Map<string, VisitRow[]>();
  for (const v of visits) if (v.officerId === liMing) weeks.set(weekOf(v.visitedAt), [...(weeks.get(weekOf(v.visitedAt)) ?? []), v]);
  for (const [week, list] of weeks) {
    if (week === thisMonday || list.some((v) => v.mentorId)) continue;
    const first = list[0]!;
    const day = shanghaiYmdOf(first.visitedAt);
    const pairing = pairings.find((p) => p.traineeId === liMing && p.startDate.toISOString().slice(0, 10) <= day && day <= p.endDate.toISOString().slice(0, 10));
    if (!pairing) continue;
    first.mentorId = pairing.mentorId;
    first.notes = "导师陪同入户，了解家庭近况并登记诉求。";
    activities.push({ id: randomUUID(), pairingId: pairing.id, kind: "GUIDED_VISIT", occurredOn: dateOnly(day), place: unitName.get(first.orgUnitId) ?? "", notes: "", visitId: first.id, recordedById: liMing });
  }
  await c.db.visit.createMany({ data: visits });
  await c.db.visitService.createMany({ data: services as never });
  await c.db.mentoringActivity.createMany({ data: activities as never });
  await insertProblems(c, visits, 0.15, null);

  // Events (组织活动): each officer about once a month, in the unit they visit.
  const events: object[] = [];
  for (const o of officers) {
    for (let m = 0; m < 6; m++) {
      const day = c.days[Math.min(c.days.length - 1, Math.floor((m + c.rnd.next()) * (c.days.length / 6)))]!;
      if (day >= c.t.today) continue;
      const programme = campaign(day);
      if (!programme) continue;
      const [type, title] = c.rnd.pick(EVENT_TYPES);
      events.push({ programmeId: programme.id, orgUnitId: c.ids[o.unit]!, organiserId: c.users[o.user]!, type, title: `${unitName.get(c.ids[o.unit]!) ?? ""}${title}`, heldOn: dateOnly(day), participants: c.rnd.int(20, 120), notes: "" });
    }
  }
  await c.db.campaignEvent.createMany({ data: events as never });
}

// ── 良渚街道: the street officer's household visits; some problems go to 亲企办's queue ──
async function seedLiangzhuVisits(c: Ctx) {
  const households = await c.db.household.findMany({ where: { orgUnitId: { in: [c.ids["lz-wh"]!, c.ids["lz-gn"]!] } }, select: { id: true, orgUnitId: true } });
  if (households.length === 0) return;
  const officerId = c.users["lz.officer"]!;
  const visits: VisitRow[] = [];
  for (const day of c.days) {
    if (!c.rnd.chance(0.25)) continue;
    const visitedAt = workTime(c, day);
    if (!visitedAt) continue;
    const h = c.rnd.pick(households);
    visits.push({ id: randomUUID(), programmeId: null, orgUnitId: h.orgUnitId, officerId, mentorId: null, kind: "HOUSEHOLD", householdId: h.id, enterpriseId: null, visitedAt, checklist: [], notes: "走访了解居民诉求。", createdAt: visitedAt });
  }
  await c.db.visit.createMany({ data: visits });
  await insertProblems(c, visits, 0.3, c.ids["yh-zqzb"]!);
}

// ── 古荡街道: ten commissioners, every enterprise visited every month ──────────────────
const COMMISSIONERS = ["徐静", "俞晓峰", "潘丽君", "章浩然", "沈佳怡", "吕志华", "方雨婷", "邵建平", "戴敏", "姚立群"];

async function seedGudang(c: Ctx) {
  const template = await c.db.user.findUniqueOrThrow({ where: { username: "gd.officer" }, select: { passwordHash: true } });
  const commissioner: string[] = [c.users["gd.officer"]!];
  const specs = COMMISSIONERS.slice(1).map((name, i) => ({ username: `gd.officer${i + 2}`, name, role: "OFFICER" as const, orgUnitId: c.ids[`gd-grid-${i + 2}`]!, phone: `137000014${String(i).padStart(2, "0")}`, passwordHash: template.passwordHash, passwordChangedAt: c.t.now }));
  await c.db.user.createMany({ data: specs });
  const made = new Map((await c.db.user.findMany({ where: { username: { in: specs.map((s) => s.username) } }, select: { id: true, username: true } })).map((u) => [u.username, u.id]));
  for (const s of specs) commissioner.push(made.get(s.username)!);
  const enterprises = [];
  for (let g = 0; g < 10; g++) {
    const gridId = c.ids[`gd-grid-${g + 1}`]!;
    await c.db.enterprise.updateMany({ where: { orgUnitId: gridId }, data: { commissionerId: commissioner[g]! } });
    enterprises.push(...(await c.db.enterprise.findMany({ where: { orgUnitId: gridId }, select: { id: true, orgUnitId: true }, orderBy: { creditCode: "asc" } })).map((e) => ({ ...e, officerId: commissioner[g]! })));
  }
  // Every enterprise once in each of the six months before this one, and in this month too
  // when the month has had a working day before the anchor.
  const visits: VisitRow[] = [];
  const monthStart = `${c.t.today.slice(0, 8)}01`;
  const months: string[] = [];
  for (let m = 6; m >= 0; m--) {
    const d = new Date(`${monthStart}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - m);
    months.push(d.toISOString().slice(0, 7));
  }
  for (const month of months) {
    const days = workingDaysBetween(`${month}-01`, `${month}-31` > c.t.today ? c.t.today : `${month}-31`, c.exceptions).filter((d) => d.startsWith(month));
    for (const e of enterprises) {
      for (let tries = 0; tries < 5 && days.length > 0; tries++) {
        const visitedAt = workTime(c, c.rnd.pick(days));
        if (!visitedAt) continue;
        visits.push({ id: randomUUID(), programmeId: null, orgUnitId: e.orgUnitId, officerId: e.officerId, mentorId: null, kind: "ENTERPRISE", householdId: null, enterpriseId: e.id, visitedAt, checklist: [], notes: "经济专员月度走访，了解经营情况与诉求。", createdAt: visitedAt });
        break;
      }
    }
  }
  await c.db.visit.createMany({ data: visits });
  await insertProblems(c, visits.filter((v) => v.visitedAt > new Date(c.t.now.getTime() - 60 * 86_400_000)), 0.05, null);
}

// ── 余杭经开区 last year: 42 trips, 74 enterprises met, 38 projects, 230亿元 ──────────────
/** The article's year figures, reproduced by last year's closed investment programme. */
export const INVESTMENT_YEAR = { trips: 42, enterprisesMet: 74, projectsSigned: 38, signedYi: 230 } as const;
const CITIES = ["上海", "深圳", "北京", "广州", "苏州", "南京", "合肥", "武汉", "成都", "宁波", "无锡", "厦门"];
const SECTORS = ["智能装备", "新材料", "集成电路", "生物医药", "新能源", "数字经济", "时尚产业", "总部经济"];

async function seedInvestmentYear(c: Ctx) {
  const y = c.t.Y - 1;
  const programme = await c.db.programme.findFirst({ where: { type: "INVESTMENT", status: "CLOSED", name: `${y}年余杭经开区招商引资攻坚` }, select: { id: true } });
  if (!programme) return;
  const U = (u: string) => c.users[u]!;
  const forces = [
    { name: "总部经济突击队", kind: "LEADERSHIP" as const, unit: "etdz", leader: "etdz.manager" },
    { name: "产业链招商突击队", kind: "DEPARTMENT" as const, unit: "etdz-zs", leader: "etdz.officer" },
    { name: "仁和街道攻坚队", kind: "STREET_PLATFORM" as const, unit: "rh", leader: "rh.officer" },
  ].map((f) => ({ ...f, id: randomUUID() }));
  await c.db.taskForce.createMany({ data: forces.map((f) => ({ id: f.id, programmeId: programme.id, orgUnitId: c.ids[f.unit]!, name: f.name, kind: f.kind, leaderId: U(f.leader), sectors: [], active: false })) });
  const rnd = mulberry32(SEED + y);
  // 42 trips on working days spread over the year; 74 meetings (32 trips meet two, 10 meet one).
  const yearDays = workingDaysBetween(`${y}-01-05`, `${y}-12-20`, c.exceptions);
  const trips: object[] = [];
  const meetings: { id: string; tripId: string; prospectId: string; notes: string; day: string; force: (typeof forces)[number] }[] = [];
  const prospects: object[] = [];
  for (let i = 0; i < INVESTMENT_YEAR.trips; i++) {
    const force = forces[i % forces.length]!;
    const start = yearDays[Math.floor(((i + 0.5) * yearDays.length) / INVESTMENT_YEAR.trips)]!;
    const city = CITIES[i % CITIES.length]!;
    const id = randomUUID();
    trips.push({ id, programmeId: programme.id, taskForceId: force.id, orgUnitId: c.ids[force.unit]!, startDate: dateOnly(start), endDate: dateOnly(addDays(start, rnd.int(0, 2))), destinationCity: city, notes: "", createdById: U(force.leader), createdAt: instantOn(start, "18:00") });
    for (let k = 0; k < (i < 32 ? 2 : 1); k++) {
      const prospectId = randomUUID();
      const sector = SECTORS[(i + k) % SECTORS.length]!;
      prospects.push({ id: prospectId, programmeId: programme.id, orgUnitId: c.ids[force.unit]!, name: `${city}${["智联", "华创", "恒信", "博远", "新锐", "瑞丰"][(i * 2 + k) % 6]}${sector}有限公司`, city, sector, contactName: "", createdAt: instantOn(start, "18:00") });
      meetings.push({ id: randomUUID(), tripId: id, prospectId, notes: "", day: start, force });
    }
  }
  await c.db.investmentTrip.createMany({ data: trips as never });
  await c.db.prospect.createMany({ data: prospects as never });
  await c.db.tripMeeting.createMany({ data: meetings.map(({ id, tripId, prospectId, notes }) => ({ id, tripId, prospectId, notes })) });
  // 38 of the 74 met signed within the year, 230亿元 in all (amounts in 万元, summing exactly).
  const total = INVESTMENT_YEAR.signedYi * 10_000;
  const weights = Array.from({ length: INVESTMENT_YEAR.projectsSigned }, () => rnd.int(1, 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.floor((w * total) / sum));
  amounts[0]! += total - amounts.reduce((a, b) => a + b, 0);
  const leads: object[] = [];
  const leadEvents: object[] = [];
  for (let i = 0; i < INVESTMENT_YEAR.projectsSigned; i++) {
    const m = meetings[i * 2 < meetings.length ? i * 2 : i]!;
    const signed = addDays(m.day, 20 + (i % 30));
    const signedOn = signed.slice(0, 4) === String(y) ? signed : `${y}-12-28`;
    const id = randomUUID();
    leads.push({
      id, programmeId: programme.id, taskForceId: m.force.id, orgUnitId: c.ids[m.force.unit]!, tripMeetingId: m.id, prospectId: m.prospectId, title: `${SECTORS[i % SECTORS.length]}项目${i + 1}`,
      sector: SECTORS[i % SECTORS.length]!, plannedInvestmentWan: toWan(String(amounts[i]), "WAN")!, stage: "SIGNED", signedOn: dateOnly(signedOn), signedAmountWan: toWan(String(amounts[i]), "WAN")!,
      contractNo: `YHJK-${yearOf(signedOn)}-${String(100 + i)}`, ownerId: U(m.force.leader), version: 3, createdAt: instantOn(m.day, "18:00"),
    });
    const steps = [[null, "LEAD", m.day], ["LEAD", "NEGOTIATING", addDays(m.day, 7)], ["NEGOTIATING", "SIGNED", signedOn]] as const;
    for (const [from, to, day] of steps) leadEvents.push({ leadId: id, fromStage: from, toStage: to, actorId: U(m.force.leader), note: "", at: instantOn(day, "15:00") });
  }
  await c.db.investmentLead.createMany({ data: leads as never });
  await c.db.investmentLeadEvent.createMany({ data: leadEvents as never });
}

// ── 亲企办 hotline: the months before the hand-written six weeks (demo-hotline.ts) ─────────
const FIRMS = ["杭州良渚文旅发展有限公司", "杭州港南农业科技有限公司", "杭州美丽洲包装材料有限公司", "杭州勾庄仓储服务有限公司", "杭州瓶窑机电有限公司", "杭州崇贤纺织有限公司", "杭州安溪建材有限公司", "杭州运河数字科技有限公司"];
const ASKS: [string, string][] = [
  ["用工招工", "旺季用工缺口，希望对接街道招聘会。"], ["融资贷款", "咨询政府贴息贷款办理条件。"], ["政策咨询", "咨询研发费用加计扣除申报时间。"], ["审批办证", "厂房改造审批材料请指导。"],
  ["水电气保障", "计划停电影响生产，希望协调错峰。"], ["物流交通", "货车通行时段希望放宽。"], ["科技创新", "申报专精特新需要辅导。"], ["检验检测", "产品上市前需第三方检测，求推荐机构。"],
];

/**
 * About three closed requests a week over the months before the hand-written ones, on working
 * days in office hours: most met the same-day clocks, some responded late (breached), each
 * closed with the enterprise's rating — so the report's same-day rates and satisfaction are
 * computed over months, not weeks.
 */
async function seedHotlineHistory(c: Ctx) {
  const programme = await c.db.programme.findFirst({ where: { type: "HOTLINE", status: "ACTIVE" }, select: { id: true, orgUnitId: true, startDate: true } });
  const previous = await c.db.programme.findFirst({ where: { type: "HOTLINE", status: "CLOSED" }, select: { id: true, orgUnitId: true } });
  if (!programme) return;
  const { sameDayDeadline } = await import("@/lib/platform/calendar/working-days");
  const { hashTrackingCode } = await import("@/lib/hotline/numbers");
  const rule = { cutoff: "17:00", dayEnd: "24:00" };
  const operator = c.users["lz.officer"]!;
  const officers = [c.users["lz.qqb"], c.users["yh.jxj"]].filter((u): u is string => Boolean(u));
  const enterprises = new Map((await c.db.enterprise.findMany({ where: { name: { in: FIRMS } }, select: { id: true, name: true, orgUnitId: true } })).map((e) => [e.name, e]));
  const rnd = mulberry32(SEED + 7);
  const counters = new Map<string, number>();
  const requests: object[] = [];
  const events: object[] = [];
  const alerts: object[] = [];
  const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
  const days = c.days.filter((d) => d < c.t.D(-43));
  let n = 0;
  for (const day of days) {
    if (!rnd.chance(0.6)) continue;
    n += 1;
    const receivedAt = instantOn(day, hhmm(rnd.int(WORK_START, WORK_END - 1)));
    const due = sameDayDeadline(receivedAt, rule, c.exceptions);
    const key = day.replaceAll("-", "");
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    const late = rnd.chance(0.12);
    const acceptedAt = minutes(receivedAt, rnd.int(3, 30));
    const assignedAt = minutes(acceptedAt, rnd.int(10, 60));
    const respondedAt = late ? new Date(due.getTime() + rnd.int(60, 600) * 60_000) : new Date(Math.min(due.getTime() - 60_000, minutes(assignedAt, rnd.int(30, 240)).getTime()));
    const resolvedAt = minutes(respondedAt, rnd.int(12, 72) * 60);
    const closedAt = minutes(resolvedAt, rnd.int(4, 48) * 60);
    const firm = FIRMS[n % FIRMS.length]!;
    const enterprise = enterprises.get(firm);
    const [category, description] = rnd.pick(ASKS);
    const officer = officers.length ? officers[n % officers.length]! : null;
    const satisfaction = late ? rnd.int(3, 4) : rnd.int(4, 5);
    const id = randomUUID();
    // A request received last year belongs to last year's (closed) hotline programme.
    const owner = previous && day < programme.startDate.toISOString().slice(0, 10) ? previous : programme;
    requests.push({
      id, number: `QQB${key}-${String(seq).padStart(4, "0")}`, trackingCode: hashTrackingCode(`HIST${String(n).padStart(5, "0")}`), programmeId: owner.id,
      orgUnitId: enterprise?.orgUnitId ?? owner.orgUnitId, enterpriseId: enterprise?.id ?? null, enterpriseName: firm, channel: "PHONE", callerName: "企业联系人", callerPhone: `1385710${String(1000 + (n % 9000)).padStart(4, "0")}`,
      category, description, urgency: "NORMAL", status: "CLOSED", receivedById: operator, receivedAt, acceptDueAt: due, assignDueAt: due, respondDueAt: due,
      acceptedAt, assignedAt, respondedAt, resolvedAt, closedAt, leadDepartmentId: c.ids["lz-qqb"]!, assigneeId: officer,
      response: "已与企业负责人电话沟通，相关科室正在对接。", resolution: "已协调相关部门上门服务，问题已解决，企业确认。", satisfaction, feedbackComment: null, reopenCount: 0, createdAt: receivedAt,
    });
    const step = (kind: string, from: string | null, to: string | null, actorId: string | null, at: Date, data: object = {}) => events.push({ requestId: id, kind, fromStatus: from, toStatus: to, actorId, at, note: "", data });
    step("intake", null, "RECEIVED", operator, receivedAt, { channel: "PHONE" });
    step("accept", "RECEIVED", "ACCEPTED", operator, acceptedAt);
    step("assign", "ACCEPTED", "ASSIGNED", operator, assignedAt, { leadDepartment: "亲企办", assignee: null, coHandlers: [] });
    if (late) {
      alerts.push({ requestId: id, stage: "RESPOND", kind: "BREACH", firedAt: due });
      step("breach", null, null, null, due, { stage: "RESPOND", dueAt: due.toISOString() });
    }
    step("respond", "ASSIGNED", "RESPONDED", officer ?? operator, respondedAt);
    step("resolve", "RESPONDED", "RESOLVED", officer ?? operator, resolvedAt);
    step("close", "RESOLVED", "CLOSED", null, closedAt, { satisfaction, by: "enterprise" });
  }
  await c.db.serviceRequest.createMany({ data: requests as never });
  await c.db.serviceRequestEvent.createMany({ data: events as never });
  await c.db.serviceRequestAlert.createMany({ data: alerts as never });
  for (const [day, value] of counters) {
    await c.db.$executeRaw`INSERT INTO sequence_counter (name, value) VALUES (${`hotline:QQB${day}`}, ${value}) ON CONFLICT (name) DO UPDATE SET value = GREATEST(sequence_counter.value, EXCLUDED.value)`;
  }
}

// ── Notifications: unread notices for the hotline's people, as lib/hotline would have sent ──
async function seedNotifications(c: Ctx) {
  const requests = await c.db.serviceRequest.findMany({ select: { id: true, number: true, status: true, assigneeId: true, receivedAt: true, alerts: { select: { stage: true, firedAt: true } } }, orderBy: { receivedAt: "asc" } });
  const rows: object[] = [];
  const add = (username: string, kind: string, titleKey: string, r: (typeof requests)[number], at: Date, read: boolean, params: object = { number: r.number }) => {
    const userId = c.users[username];
    if (!userId) return;
    rows.push({ userId, kind, titleKey, params, link: `/hotline/${r.id}`, entityType: "ServiceRequest", entityId: r.id, readAt: read ? new Date(Math.min(c.t.now.getTime(), at.getTime() + 3_600_000)) : null, createdAt: at, lastAt: at });
  };
  const recent = (r: (typeof requests)[number]) => c.t.now.getTime() - r.receivedAt.getTime() < 7 * 86_400_000;
  for (const r of requests) {
    if (r.assigneeId === c.users["lz.qqb"] || r.assigneeId === c.users["yh.jxj"]) {
      add(r.assigneeId === c.users["lz.qqb"] ? "lz.qqb" : "yh.jxj", "hotline.assigned", "hotline.notify.assigned", r, new Date(r.receivedAt.getTime() + 40 * 60_000), !recent(r));
    }
    for (const alert of r.alerts) {
      if (alert.firedAt > c.t.now) continue;
      add("lz.officer", "hotline.breach", "hotline.notify.breach", r, alert.firedAt, !recent(r), { number: r.number, stage: alert.stage });
      add("yh.manager", "hotline.breach", "hotline.notify.breach", r, alert.firedAt, !recent(r), { number: r.number, stage: alert.stage });
    }
    if (r.status === "RECEIVED") add("lz.officer", "hotline.online", "hotline.notify.online", r, r.receivedAt, false);
  }
  const ext = await c.db.serviceRequestExtension.findFirst({ select: { createdAt: true, request: { select: { id: true, number: true, status: true, assigneeId: true, receivedAt: true } } } });
  if (ext) add("yh.manager", "hotline.extension", "hotline.notify.extensionRequested", { ...ext.request, alerts: [] }, new Date(Math.min(ext.createdAt.getTime(), c.t.now.getTime())), false);
  // 浦阳镇's manager: the campaign's overdue officer and problems awaiting confirmation, through
  // the platform's generic notice ({text}), as a module without its own texts would send them.
  const manager = c.users["py.manager"];
  const campaign = await c.db.programme.findFirst({ where: { type: "VISIT_CAMPAIGN", status: "ACTIVE", orgUnitId: c.ids.py! }, select: { id: true } });
  if (manager && campaign) {
    const at = new Date(c.t.now.getTime() - 2 * 3_600_000);
    rows.push({ userId: manager, kind: "campaigns.overdue", titleKey: "generic", params: { text: "民情双访：张婷上周未完成导师陪同入户走访，已逾期" }, link: `/campaigns/${campaign.id}`, entityType: "Programme", entityId: campaign.id, readAt: null, createdAt: at, lastAt: at });
    const resolved = await c.db.problem.findMany({ where: { programmeId: campaign.id, status: "RESOLVED" }, orderBy: { resolvedAt: "desc" }, take: 2, select: { id: true, title: true, resolvedAt: true } });
    for (const p of resolved) {
      const when = p.resolvedAt ?? at;
      rows.push({ userId: manager, kind: "problems.resolved", titleKey: "generic", params: { text: `问题“${p.title}”已办结，请确认` }, link: `/problems/${p.id}`, entityType: "Problem", entityId: p.id, readAt: null, createdAt: when, lastAt: when });
    }
  }
  await c.db.notification.createMany({ data: rows as never });
}
