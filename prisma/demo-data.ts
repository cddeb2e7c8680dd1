// The demo district, drawn from the news reports in ../shared/seeds: 余杭区 (未来科技城,
// 良渚街道, 余杭经开区), 萧山区浦阳镇 and its villages, 西湖区古荡街道 and its ten building grids,
// 上城区湖滨街道 and its six communities (the 湖滨商圈 service station, demo-service-stations.ts),
// plus the departments problems get escalated to. Used by `npm run db:seed`, the demo and
// the tests (which run against exactly this data).
import type { Db, Tx } from "@/lib/platform/db/client";
import type { OrgUnitKind, ProgrammeType, Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/platform/auth/password";
import { childPath } from "@/lib/platform/org/path";
import { dateOnly, parsePeriod } from "@/lib/programmes/period";
import { now as clockNow } from "@/lib/platform/clock";
import { addDays, demoTime, type DemoTime } from "./demo-time";

export const DEMO_PASSWORD = "zj-demo-2026";

type UnitSpec = { key: string; name: string; kind: OrgUnitKind; code?: string; children?: UnitSpec[] };

const grids: UnitSpec[] = ["云州国际中心", "西溪国际", "华星时代广场", "世贸丽晶城", "嘉华国际", "古荡新村", "益乐新村", "万塘路", "文一路", "紫荆花路"].map(
  (name, i) => ({ key: `gd-grid-${i + 1}`, name: `${name}网格`, kind: "GRID" as const, code: `GD-G${String(i + 1).padStart(2, "0")}` }),
);

/** 湖滨街道's six communities (社区), keyed for the station's enterprises (demo-service-stations.ts). */
export const HB_COMMUNITIES: UnitSpec[] = [
  { key: "hb-dpl", name: "东坡路社区", kind: "COMMUNITY", code: "SC-HB-DPL" },
  { key: "hb-ywl", name: "岳王路社区", kind: "COMMUNITY", code: "SC-HB-YWL" },
  { key: "hb-qnl", name: "青年路社区", kind: "COMMUNITY", code: "SC-HB-QNL" },
  { key: "hb-wsl", name: "吴山路社区", kind: "COMMUNITY", code: "SC-HB-WSL" },
  { key: "hb-dpx", name: "东平巷社区", kind: "COMMUNITY", code: "SC-HB-DPX" },
  { key: "hb-yjm", name: "涌金门社区", kind: "COMMUNITY", code: "SC-HB-YJM" },
];

export const ORG_TREE: UnitSpec = {
  key: "hz", name: "杭州市", kind: "CITY", code: "HZ",
  children: [
    {
      key: "yh", name: "余杭区", kind: "DISTRICT", code: "YH",
      children: [
        {
          key: "fst", name: "杭州未来科技城", kind: "ZONE", code: "YH-FST",
          children: [
            { key: "cq", name: "仓前街道", kind: "STREET", code: "YH-CQ", children: [
              { key: "cq-mx", name: "梦想小镇社区", kind: "COMMUNITY", code: "YH-CQ-MX" },
              { key: "cq-ty", name: "太炎社区", kind: "COMMUNITY", code: "YH-CQ-TY" },
            ] },
            { key: "fst-dev", name: "产业发展处", kind: "DEPARTMENT", code: "YH-FST-CY" },
          ],
        },
        {
          key: "lz", name: "良渚街道", kind: "STREET", code: "YH-LZ",
          children: [
            { key: "lz-wh", name: "良渚文化村社区", kind: "COMMUNITY", code: "YH-LZ-WH" },
            { key: "lz-gn", name: "港南村", kind: "VILLAGE", code: "YH-LZ-GN" },
            { key: "lz-qqb", name: "亲企办", kind: "DEPARTMENT", code: "YH-LZ-QQB" },
          ],
        },
        {
          key: "etdz", name: "余杭经开区", kind: "ZONE", code: "YH-ETDZ",
          children: [
            { key: "rh", name: "仁和街道", kind: "STREET", code: "YH-RH", children: [
              { key: "rh-zs", name: "獐山村", kind: "VILLAGE", code: "YH-RH-ZS" },
            ] },
            { key: "etdz-zs", name: "招商服务局", kind: "DEPARTMENT", code: "YH-ETDZ-ZS" },
          ],
        },
        { key: "yh-jxj", name: "余杭区经信局", kind: "DEPARTMENT", code: "YH-JXJ" },
        { key: "yh-zqzb", name: "助企专班", kind: "DEPARTMENT", code: "YH-ZQZB" },
        { key: "yh-jyj", name: "余杭区教育局", kind: "DEPARTMENT", code: "YH-JYJ" },
      ],
    },
    {
      key: "xs", name: "萧山区", kind: "DISTRICT", code: "XS",
      children: [
        {
          key: "py", name: "浦阳镇", kind: "TOWN", code: "XS-PY",
          children: [
            { key: "py-xj", name: "谢家村", kind: "VILLAGE", code: "XS-PY-XJ" },
            { key: "py-jy", name: "径游村", kind: "VILLAGE", code: "XS-PY-JY" },
            { key: "py-cnh", name: "传化农创村", kind: "VILLAGE", code: "XS-PY-CH" },
            { key: "py-as", name: "安山村", kind: "VILLAGE", code: "XS-PY-AS" },
            { key: "py-sh", name: "森海社区", kind: "COMMUNITY", code: "XS-PY-SH" },
          ],
        },
      ],
    },
    {
      key: "xh", name: "西湖区", kind: "DISTRICT", code: "XH",
      children: [{ key: "gd", name: "古荡街道", kind: "STREET", code: "XH-GD", children: grids }],
    },
    // Last in the tree, so every unit above keeps its sortOrder.
    {
      key: "sc", name: "上城区", kind: "DISTRICT", code: "SC",
      children: [{ key: "hb", name: "湖滨街道", kind: "STREET", code: "SC-HB", children: HB_COMMUNITIES }],
    },
  ],
};

type UserSpec = { username: string; name: string; role: Role; unit: string; phone: string };

/** Fixed demo logins (README lists them). One of each role, at different levels. */
export const DEMO_USERS: UserSpec[] = [
  { username: "admin", name: "系统管理员", role: "ADMIN", unit: "hz", phone: "13800000001" },
  { username: "yh.admin", name: "余杭区管理员", role: "ADMIN", unit: "yh", phone: "13800000002" },
  { username: "yh.manager", name: "王建国", role: "MANAGER", unit: "yh", phone: "13900000003" },
  { username: "py.manager", name: "陈晓燕", role: "MANAGER", unit: "py", phone: "13900000004" },
  { username: "py.officer", name: "李明", role: "OFFICER", unit: "py-xj", phone: "13700000005" },
  { username: "py.officer2", name: "张婷", role: "OFFICER", unit: "py-sh", phone: "13700000006" },
  { username: "lz.officer", name: "周海峰", role: "OFFICER", unit: "lz", phone: "13700000007" },
  { username: "gd.officer", name: "徐静", role: "OFFICER", unit: "gd-grid-1", phone: "13700000008" },
  // 湖滨商圈增值服务驿站: two 导办员 at the station, the street's and the district's managers.
  { username: "hb.officer", name: "楼佳琪", role: "OFFICER", unit: "hb", phone: "13700001501" },
  { username: "hb.officer2", name: "邵宇航", role: "OFFICER", unit: "hb", phone: "13700001502" },
  { username: "hb.manager", name: "金晓东", role: "MANAGER", unit: "hb", phone: "13900001501" },
  { username: "sc.manager", name: "胡卫平", role: "MANAGER", unit: "sc", phone: "13900001502" },
];

type TargetSpec = { unit: string; period: string; value: number };
type ProgrammeSpec = {
  type: ProgrammeType; name: string; description: string; owner: string; participants: string[];
  start: string; end: string; status: "ACTIVE" | "DRAFT" | "CLOSED";
  indicators: { code: string; name: string; unit: string; targets: TargetSpec[] }[];
};

const PY_VILLAGES = ["py-xj", "py-jy", "py-cnh", "py-as", "py-sh"];

/**
 * The programmes of year `Y`: each runs over the calendar year with targets for the year
 * (`${Y}`) and, where quarters are used, the quarter `q`. Names carry the year only where the
 * real programme's name does (“<year>年浦阳镇‘民情双访’”); `prefix` ("" this year, "<year−1>年"
 * for last year's closed copy) keeps every name unique, so lookups by name find one programme.
 */
function programmesOfYear(Y: number, q: number, status: "ACTIVE" | "CLOSED", prefix: string): ProgrammeSpec[] {
  const year = String(Y);
  const quarter = `${Y}-Q${q}`;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return [
    {
      type: "VISIT_CAMPAIGN", name: `${Y}年浦阳镇“民情双访”`, owner: "py", participants: PY_VILLAGES, start, end, status,
      description: "年轻干部在帮带导师陪同下走村入户，建立入户清单、问题清单、服务清单，每人为走访村社组织至少一场活动。",
      indicators: [
        { code: "households_visited", name: "走访农户", unit: "户", targets: [{ unit: "py", period: year, value: 2000 }, ...PY_VILLAGES.map((unit) => ({ unit, period: year, value: 400 }))] },
        { code: "problems_solved", name: "解决问题", unit: "个", targets: [{ unit: "py", period: year, value: 100 }] },
        { code: "events_held", name: "组织活动", unit: "场", targets: [{ unit: "py", period: year, value: 40 }] },
      ],
    },
    {
      type: "MENTORSHIP", name: `${prefix}浦阳镇年轻干部“帮带导师”计划`, owner: "py", participants: [], start, end, status,
      description: "14名机关干部和20名村社书记担任帮带导师，一人一策培养方案，帮带入户走亲、矛盾化解、协调破难。",
      indicators: [
        { code: "pairings_active", name: "在帮结对", unit: "对", targets: [{ unit: "py", period: year, value: 34 }] },
        { code: "guided_visits", name: "帮带入户走亲", unit: "次", targets: [{ unit: "py", period: quarter, value: 400 }] },
      ],
    },
    {
      type: "HOTLINE", name: `${prefix}良渚街道亲企办24小时热线`, owner: "lz", participants: [], start, end, status,
      description: "当天受理、当天交办、当天回应；企业反馈后闭环。",
      indicators: [
        { code: "requests_closed", name: "闭环诉求", unit: "件", targets: [{ unit: "lz", period: year, value: 300 }] },
        { code: "same_day_response_rate", name: "当天回应率", unit: "%", targets: [{ unit: "lz", period: year, value: 100 }] },
      ],
    },
    {
      type: "TALENT_POINTS", name: `${prefix}企业人才积分制`, owner: "etdz", participants: [], start, end, status,
      description: "个人积分9项评价指标，积分兑换人才公寓、子女入学、体检、疗休养；企业积分分四档。",
      indicators: [
        { code: "talents_served", name: "解决住房或入学人才", unit: "人", targets: [{ unit: "etdz", period: year, value: 60 }] },
        { code: "resources_redeemed", name: "兑换资源", unit: "个", targets: [{ unit: "etdz", period: year, value: 120 }] },
      ],
    },
    {
      type: "SHOWCASE", name: `${prefix}未来科技城“三争一实”季度擂台`, owner: "fst", participants: [], start, end, status,
      description: "每季度一场，年轻干部现场叙事与书面叙事，评委打分，形成优秀年轻干部名单。",
      indicators: [
        { code: "sessions_held", name: "擂台场次", unit: "场", targets: [{ unit: "fst", period: year, value: 4 }] },
        { code: "entries_presented", name: "上台干部", unit: "人", targets: [{ unit: "fst", period: quarter, value: 20 }] },
      ],
    },
    {
      type: "INVESTMENT", name: `${prefix}余杭经开区招商引资攻坚`, owner: "etdz", participants: [], start, end, status,
      description: "外出招商、走访企业、签约项目与投资额，按突击队与单位统计。",
      indicators: [
        { code: "trips", name: "外出招商", unit: "次", targets: [{ unit: "etdz", period: year, value: 42 }] },
        { code: "enterprises_met", name: "走访企业", unit: "家", targets: [{ unit: "etdz", period: year, value: 74 }] },
        { code: "projects_signed", name: "签约项目", unit: "个", targets: [{ unit: "etdz", period: year, value: 38 }] },
        { code: "investment_signed", name: "签约投资额", unit: "亿元", targets: [{ unit: "etdz", period: year, value: 230 }] },
      ],
    },
    {
      type: "SERVICE_STATION", name: `${Y}年湖滨商圈增值服务驿站`, owner: "hb", participants: [], start, end, status,
      description: "湖滨商圈“一站式”增值服务驿站：32项人工服务事项、150项自助服务事项，商户的事打包成“一类事”，导办帮办、圆桌协同审批，少跑窗口、节省时间。",
      indicators: [
        { code: "station_cases", name: "办件数", unit: "件", targets: [{ unit: "hb", period: year, value: 350 }] },
        { code: "station_enterprises", name: "服务企业", unit: "家", targets: [{ unit: "hb", period: year, value: 300 }] },
        { code: "station_minutes_saved", name: "节省时间", unit: "分钟", targets: [{ unit: "hb", period: year, value: 12_000 }] },
      ],
    },
    {
      type: "KEY_PROJECT", name: `${prefix}余杭区重点项目提速年`, owner: "yh", participants: ["fst", "etdz"], start, end, status,
      description: "谋划储备、开工建设、投产达效，专班专员挂图作战。",
      indicators: [
        { code: "projects_started", name: "新开工项目", unit: "个", targets: [{ unit: "yh", period: year, value: 20 }, { unit: "fst", period: year, value: 12 }, { unit: "etdz", period: year, value: 8 }] },
        { code: "projects_in_production", name: "投产达效项目", unit: "个", targets: [{ unit: "yh", period: year, value: 10 }] },
      ],
    },
  ];
}

/**
 * This year's programmes (ACTIVE), last year's (CLOSED, same targets, for year-on-year
 * comparison) and 古荡's monthly enterprise campaign, a DRAFT for twelve months from the first
 * of this month (drafted, not yet started: its activation is part of the demo).
 */
export function demoProgrammes(t: DemoTime): ProgrammeSpec[] {
  const monthStart = `${t.today.slice(0, 8)}01`;
  return [
    ...programmesOfYear(t.Y, t.quarter, "ACTIVE", ""),
    ...programmesOfYear(t.Y - 1, 4, "CLOSED", `${t.Y - 1}年`),
    {
      type: "VISIT_CAMPAIGN", name: "古荡街道楼宇企业月度走访", owner: "gd", participants: [], start: monthStart, end: addDays(`${String(t.Y + 1)}${monthStart.slice(4)}`, -1), status: "DRAFT",
      description: "10个网格、10名经济专员，每家企业每月至少走访一次。",
      indicators: [{ code: "enterprises_visited", name: "走访企业", unit: "家", targets: [] }],
    },
  ];
}

/** Seeds the demo data into an empty database. Returns the org-unit ids by key. */
export async function seedDemo(db: Db | Tx, options: { now?: Date } = {}): Promise<Record<string, string>> {
  const t = demoTime(options.now ?? clockNow());
  const ids: Record<string, string> = {};
  const paths: Record<string, string> = {};
  let order = 0;
  const createUnit = async (spec: UnitSpec, parentKey: string | null, depth: number) => {
    const parentPath = parentKey ? paths[parentKey]! : null;
    const created = await db.orgUnit.create({
      data: { name: spec.name, kind: spec.kind, code: spec.code, parentId: parentKey ? ids[parentKey] : null, path: `/pending-${spec.key}/`, depth, sortOrder: order++ },
    });
    const path = childPath(parentPath, created.id);
    await db.orgUnit.update({ where: { id: created.id }, data: { path } });
    ids[spec.key] = created.id;
    paths[spec.key] = path;
    for (const child of spec.children ?? []) await createUnit(child, spec.key, depth + 1);
  };
  await createUnit(ORG_TREE, null, 0);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const user = await db.user.create({
      data: { username: u.username, name: u.name, role: u.role, orgUnitId: ids[u.unit]!, phone: u.phone, passwordHash, passwordChangedAt: t.now },
    });
    userIds[u.username] = user.id;
  }

  for (const p of demoProgrammes(t)) {
    await db.programme.create({
      data: {
        type: p.type, name: p.name, description: p.description, status: p.status,
        startDate: dateOnly(p.start), endDate: dateOnly(p.end),
        orgUnitId: ids[p.owner]!, createdById: userIds.admin!,
        participants: { create: p.participants.map((k) => ({ orgUnitId: ids[k]! })) },
        indicators: {
          create: p.indicators.map((ind, sortOrder) => ({
            code: ind.code, name: ind.name, unit: ind.unit, sortOrder,
            targets: {
              create: ind.targets.map((t) => {
                const range = parsePeriod(t.period)!;
                return { orgUnitId: ids[t.unit]!, period: t.period, periodStart: dateOnly(range.start), periodEnd: dateOnly(range.end), value: t.value };
              }),
            },
          })),
        },
      },
    });
  }
  // Programme modules add their own demo records (registers, campaigns …) on top. The working
  // calendar goes first: demo activity happens on working days.
  await (await import("./demo-calendar")).seedDemoCalendar(db, t, userIds["admin"]!);
  const { seedDemoRegisters } = await import("./demo-registers");
  await seedDemoRegisters(db, ids, userIds, t);
  const { seedDemoCampaigns } = await import("./demo-campaigns");
  await seedDemoCampaigns(db, ids, userIds, t);
  const { seedDemoHotline } = await import("./demo-hotline");
  await seedDemoHotline(db, ids, userIds, t);
  const { seedDemoMentorship } = await import("./demo-mentorship");
  await seedDemoMentorship(db, ids, userIds, t);
  const { seedDemoTalent } = await import("./demo-talent");
  await seedDemoTalent(db, ids, userIds, t);
  const { seedDemoInvestment } = await import("./demo-investment");
  await seedDemoInvestment(db, ids, userIds, t);
  const { seedDemoServiceStations } = await import("./demo-service-stations");
  await seedDemoServiceStations(db, ids, userIds, t);
  // Six months of generated activity up to the anchor (visits, problems, events, 古荡's
  // commissioners, the mentor pool, last year's investment figures, notifications).
  const { seedDemoActivity } = await import("./demo-activity");
  await seedDemoActivity(db, ids, userIds, t);
  const { seedDemoDashboards } = await import("./demo-dashboards");
  await seedDemoDashboards(db, ids, userIds);
  return ids;
}
