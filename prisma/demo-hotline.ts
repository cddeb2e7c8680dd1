// Demo records of the Hotline module, seeded on top of the registers and campaigns: ~30
// requests to 良渚街道亲企办24小时热线 over the last six weeks, across every status, some
// breached, with their timelines, feedback and two service officers (助企服务员) — 高唐 of
// 亲企办 (lz.qqb) and 钱卫东 of 余杭区经信局 (yh.jxj), password as every demo login.
// Demo tracking codes are "DEMO" + the request's 4-digit index (e.g. DEMO0001), so the
// public status page can be shown: /service/track?n=<number>&c=DEMO0001.
import type { Db, Tx } from "@/lib/platform/db/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/platform/auth/password";
import { addCalendarDays, exceptionsFromRows, sameDayDeadline, shanghaiDay, shanghaiInstant } from "@/lib/platform/calendar/working-days";
import { hashTrackingCode } from "@/lib/hotline/numbers";
import { DEFAULT_CATEGORIES } from "@/lib/hotline/settings";
import { DEMO_PASSWORD } from "./demo-data";
import type { DemoTime } from "./demo-time";

type Spec = {
  daysAgo: number; at: string; enterprise: string | null; name: string; caller: string; phone: string; category: string; description: string;
  status: RequestStatus; dept?: "lz-qqb" | "yh-jxj" | "yh-zqzb"; officer?: "lz.qqb" | "yh.jxj";
  /** Minutes taken to accept, assign (after accept), respond (after assign); a big number makes a late one. */
  m?: [number, number?, number?]; satisfaction?: number; comment?: string; reopened?: boolean; urgent?: boolean; channel?: "PHONE" | "VISIT" | "ONLINE";
};

const ZSY = "杭州中双元科技有限公司";
const SPECS: Spec[] = [
  { daysAgo: 41, at: "09:12", enterprise: null, name: ZSY, caller: "陈经理", phone: "13857100001", category: "检验检测", description: "新研发的实验室教学仪器上市前需第三方权威检测，网上找的机构沟通成本高，希望推荐附近的专业检测机构。", status: "CLOSED", dept: "lz-qqb", officer: "lz.qqb", m: [8, 25, 120], satisfaction: 5, comment: "推荐的检测机构不到一公里，上门检测很快，非常感谢！" },
  { daysAgo: 39, at: "10:40", enterprise: "杭州良渚文旅发展有限公司", name: "", caller: "王经理", phone: "13857100002", category: "用工招工", description: "旅游旺季前需招聘讲解员和保安约20人，希望参加街道组织的招聘会。", status: "CLOSED", dept: "lz-qqb", officer: "lz.qqb", m: [5, 30, 180], satisfaction: 4 },
  { daysAgo: 37, at: "14:05", enterprise: "杭州美丽洲包装材料有限公司", name: "", caller: "李总", phone: "13857100003", category: "融资贷款", description: "原材料涨价，流动资金紧张，想了解政府贴息贷款和“小微易贷”办理条件。", status: "CLOSED", dept: "yh-jxj", officer: "yh.jxj", m: [12, 40, 300], satisfaction: 5 },
  { daysAgo: 35, at: "16:48", enterprise: null, name: "杭州良渚新城物流有限公司", caller: "赵主任", phone: "0571-88201234", category: "物流交通", description: "园区门口道路限高，货车绕行三公里，希望协调增设临时通行时段。", status: "CLOSED", dept: "lz-qqb", m: [20, 60, 600], satisfaction: 3, comment: "临时通行解决了，长期方案还在等。" },
  { daysAgo: 33, at: "09:30", enterprise: "杭州港南农业科技有限公司", name: "", caller: "周先生", phone: "13857100005", category: "政策咨询", description: "咨询农业科技企业研发费用加计扣除政策和申报时间。", status: "CLOSED", dept: "yh-jxj", m: [6, 15, 90], satisfaction: 5 },
  { daysAgo: 30, at: "11:20", enterprise: null, name: "杭州玉鸟精密五金有限公司", caller: "孙女士", phone: "13857100006", category: "水电气保障", description: "厂区计划停电检修通知太晚，影响订单交付，希望协调错峰检修。", status: "CLOSED", dept: "lz-qqb", officer: "lz.qqb", m: [4, 10, 45], satisfaction: 4, urgent: true },
  { daysAgo: 28, at: "15:10", enterprise: null, name: "杭州勾庄仓储服务有限公司", caller: "吴经理", phone: "13857100007", category: "审批办证", description: "仓库消防验收材料被退回两次，不清楚还缺什么，希望有人指导。", status: "CLOSED", dept: "lz-qqb", m: [30, 200, 1500], satisfaction: 3, reopened: true, comment: "第二次上门后终于通过验收。" },
  { daysAgo: 26, at: "10:05", enterprise: "杭州良渚文旅发展有限公司", name: "", caller: "王经理", phone: "13857100002", category: "知识产权", description: "文创产品被仿冒，想了解商标维权的途径。", status: "CLOSED", dept: "yh-zqzb", m: [10, 35, 240], satisfaction: 4 },
  { daysAgo: 24, at: "08:50", enterprise: null, name: "杭州大观山果业有限公司", caller: "郑先生", phone: "13857100009", category: "人才住房", description: "新招的两名研究生想申请人才公寓，不清楚积分和申请流程。", status: "CLOSED", dept: "yh-jxj", officer: "yh.jxj", m: [9, 20, 150], satisfaction: 5 },
  { daysAgo: 21, at: "13:40", enterprise: "杭州美丽洲包装材料有限公司", name: "", caller: "李总", phone: "13857100003", category: "科技创新", description: "想申报省级专精特新中小企业，需要辅导材料准备。", status: "RESOLVED", dept: "yh-jxj", officer: "yh.jxj", m: [15, 45, 360] },
  { daysAgo: 18, at: "10:15", enterprise: null, name: "杭州安溪建材有限公司", caller: "冯经理", phone: "13857100011", category: "用工招工", description: "缺少叉车工和电焊工各5名，希望对接职业技能培训机构。", status: "RESOLVED", dept: "lz-qqb", officer: "lz.qqb", m: [7, 18, 200] },
  { daysAgo: 15, at: "16:30", enterprise: null, name: "杭州瓶窑机电有限公司", caller: "褚女士", phone: "13857100012", category: "水电气保障", description: "新厂房天然气接入排期太长，影响投产。", status: "RESOLVED", dept: "lz-qqb", m: [25, 90, 900] },
  { daysAgo: 13, at: "09:45", enterprise: "杭州港南农业科技有限公司", name: "", caller: "周先生", phone: "13857100005", category: "物流交通", description: "冷链运输车进城通行证办理咨询。", status: "RESOLVED", dept: "yh-zqzb", m: [11, 30, 120] },
  { daysAgo: 11, at: "14:20", enterprise: null, name: "杭州运河数字科技有限公司", caller: "卫总", phone: "13857100014", category: "政策咨询", description: "数字经济企业房租补贴政策是否适用于新迁入企业。", status: "RESPONDED", dept: "yh-jxj", officer: "yh.jxj", m: [6, 20, 240] },
  { daysAgo: 9, at: "11:00", enterprise: null, name: "杭州良渚玉文化创意有限公司", caller: "蒋经理", phone: "13857100015", category: "融资贷款", description: "文创企业知识产权质押融资怎么办理。", status: "RESPONDED", dept: "yh-jxj", m: [40, 300, 2000] },
  { daysAgo: 7, at: "10:30", enterprise: "杭州美丽洲包装材料有限公司", name: "", caller: "沈女士", phone: "13857100016", category: "审批办证", description: "厂房扩建需办理规划许可，材料清单请指导。", status: "RESPONDED", dept: "lz-qqb", officer: "lz.qqb", m: [8, 25, 160], channel: "VISIT" },
  { daysAgo: 6, at: "15:55", enterprise: null, name: "杭州崇贤纺织有限公司", caller: "韩先生", phone: "13857100017", category: "用工招工", description: "外地员工子女入学咨询，希望街道协助对接学校。", status: "RESPONDED", dept: "lz-qqb", m: [12, 40, 420] },
  { daysAgo: 5, at: "09:20", enterprise: null, name: "杭州良渚建工有限公司", caller: "杨经理", phone: "13857100018", category: "其他", description: "施工噪音被投诉，想了解夜间施工许可办理。", status: "REOPENED", dept: "lz-qqb", m: [10, 30, 100], reopened: true },
  { daysAgo: 4, at: "10:10", enterprise: "杭州良渚文旅发展有限公司", name: "", caller: "王经理", phone: "13857100002", category: "水电气保障", description: "景区游客中心用水压力不足，夏季高峰时段经常断水。", status: "ASSIGNED", dept: "lz-qqb", officer: "lz.qqb", m: [9, 35] },
  { daysAgo: 3, at: "14:00", enterprise: null, name: "杭州安溪食品有限公司", caller: "朱女士", phone: "13857100020", category: "审批办证", description: "食品生产许可证延续办理进度查询。", status: "ASSIGNED", dept: "yh-jxj", m: [15, 60] },
  { daysAgo: 2, at: "09:05", enterprise: null, name: "杭州瓶窑机电有限公司", caller: "褚女士", phone: "13857100012", category: "融资贷款", description: "设备更新贷款贴息申请材料咨询。", status: "ASSIGNED", dept: "yh-zqzb", m: [20, 50] },
  { daysAgo: 1, at: "16:20", enterprise: null, name: "杭州勾庄仓储服务有限公司", caller: "吴经理", phone: "13857100007", category: "物流交通", description: "园区道路破损严重，重载货车通行困难。", status: "ASSIGNED", dept: "lz-qqb", m: [10, 20] },
  { daysAgo: 1, at: "10:45", enterprise: null, name: "杭州良渚新城物流有限公司", caller: "赵主任", phone: "0571-88201234", category: "物流交通", description: "园区门口道路限高问题，希望有长期解决方案。", status: "MERGED" },
  { daysAgo: 2, at: "11:30", enterprise: "杭州港南农业科技有限公司", name: "", caller: "周先生", phone: "13857100005", category: "科技创新", description: "想与浙江大学对接农业无人机植保技术合作。", status: "ACCEPTED", m: [45] },
  { daysAgo: 1, at: "15:40", enterprise: null, name: "杭州运河数字科技有限公司", caller: "卫总", phone: "13857100014", category: "人才住房", description: "引进的3名软件工程师租房补贴如何申请。", status: "ACCEPTED", m: [600] },
  { daysAgo: 0, at: "08:40", enterprise: null, name: "杭州崇贤纺织有限公司", caller: "韩先生", phone: "13857100017", category: "水电气保障", description: "今天上午突然停水，车间染色工序停工，请尽快协调。", status: "ACCEPTED", m: [5], urgent: true },
  { daysAgo: 2, at: "10:00", enterprise: null, name: "杭州良渚茶业有限公司", caller: "陶女士", phone: "13857100027", category: "政策咨询", description: "农产品电商直播补贴政策咨询。", status: "RECEIVED", channel: "ONLINE" },
  { daysAgo: 0, at: "09:15", enterprise: null, name: "杭州良渚智造科技有限公司", caller: "许总", phone: "13857100028", category: "检验检测", description: "出口产品需要CE认证检测，希望推荐检测机构。", status: "RECEIVED" },
  { daysAgo: 0, at: "07:55", enterprise: "杭州美丽洲包装材料有限公司", name: "", caller: "李总", phone: "13857100003", category: "用工招工", description: "春节后返岗率低，需要临时用工约30人。", status: "RECEIVED", channel: "ONLINE" },
];

export async function seedDemoHotline(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {

  const programme = await db.programme.findFirst({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线", status: "ACTIVE" }, select: { id: true, orgUnitId: true } });
  if (!programme) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const officers: Record<string, string> = {};
  for (const [username, name, unit] of [["lz.qqb", "高唐", "lz-qqb"], ["yh.jxj", "钱卫东", "yh-jxj"]] as const) {
    const u = await db.user.create({ data: { username, name, role: "OFFICER", orgUnitId: ids[unit]!, passwordHash, passwordChangedAt: t.now } });
    officers[username] = u.id;
  }
  const operator = userIds["lz.officer"]!;
  const enterprises = new Map(
    (await db.enterprise.findMany({ where: { orgUnit: { path: { contains: ids.lz! } } }, select: { id: true, name: true, orgUnitId: true } })).map((e) => [e.name, e]),
  );
  const now = t.now;
  const today = shanghaiDay(now);
  const exceptions = exceptionsFromRows(await db.calendarDay.findMany({ select: { date: true, kind: true } }));
  const rule = { cutoff: "17:00", dayEnd: "24:00" };
  const counters = new Map<string, number>();
  const created: { id: string; number: string; spec: Spec }[] = [];
  const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

  for (const [i, s] of SPECS.entries()) {
    const day = addCalendarDays(today, -s.daysAgo);
    const [hh, mm] = s.at.split(":").map(Number);
    let receivedAt = shanghaiInstant(day, hh! * 60 + mm!);
    if (receivedAt > now) receivedAt = new Date(now.getTime() - (SPECS.length - i) * 60_000);
    const due = sameDayDeadline(receivedAt, rule, exceptions);
    const dayKey = shanghaiDay(receivedAt).replaceAll("-", "");
    const seq = (counters.get(dayKey) ?? 0) + 1;
    counters.set(dayKey, seq);
    const number = `QQB${dayKey}-${String(seq).padStart(4, "0")}`;
    const [ma, mg, mr] = s.m ?? [];
    const cap = (d: Date | null) => (d && d <= now ? d : null);
    const acceptedAt = ma !== undefined ? cap(minutes(receivedAt, ma)) : null;
    const assignedAt = acceptedAt && mg !== undefined ? cap(minutes(acceptedAt, mg)) : null;
    const respondedAt = assignedAt && mr !== undefined ? cap(minutes(assignedAt, mr)) : null;
    const resolvedAt = respondedAt && ["RESOLVED", "CLOSED"].includes(s.status) ? cap(minutes(respondedAt, 24 * 60)) : null;
    const closedAt = resolvedAt && s.status === "CLOSED" ? cap(minutes(resolvedAt, 26 * 60)) : null;
    const enterprise = s.enterprise ? enterprises.get(s.enterprise) : undefined;
    const officer = s.officer ? officers[s.officer] : undefined;
    const lead = assignedAt && s.dept ? ids[s.dept] : undefined;
    const channel = s.channel ?? "PHONE";
    const r = await db.serviceRequest.create({
      data: {
        number, trackingCode: hashTrackingCode(`DEMO${String(i + 1).padStart(4, "0")}`), programmeId: programme.id,
        orgUnitId: enterprise?.orgUnitId ?? programme.orgUnitId, enterpriseId: enterprise?.id ?? null, enterpriseName: enterprise ? s.enterprise! : s.name,
        channel, callerName: s.caller, callerPhone: s.phone, category: DEFAULT_CATEGORIES.includes(s.category) ? s.category : "其他",
        description: s.description, urgency: s.urgent ? "URGENT" : "NORMAL", status: s.status,
        receivedById: channel === "ONLINE" ? null : operator, receivedAt, acceptDueAt: due, assignDueAt: due, respondDueAt: due,
        acceptedAt, assignedAt, respondedAt, resolvedAt, closedAt,
        leadDepartmentId: s.status === "REOPENED" ? null : (lead ?? null), assigneeId: s.status === "REOPENED" ? null : (officer && assignedAt ? officer : null),
        response: respondedAt ? "已与企业负责人电话沟通，了解具体情况，相关科室正在对接，将于近日上门服务。" : null,
        resolution: resolvedAt ? "已协调相关部门和单位上门服务，问题已解决，企业确认。" : null,
        satisfaction: closedAt ? (s.satisfaction ?? 5) : null, feedbackComment: closedAt ? (s.comment ?? null) : null,
        reopenCount: s.reopened ? 1 : 0, createdAt: receivedAt,
      },
    });
    created.push({ id: r.id, number, spec: s });

    const events: { kind: string; fromStatus?: RequestStatus; toStatus?: RequestStatus; actorId: string | null; at: Date; note?: string; data?: object }[] = [
      { kind: "intake", toStatus: "RECEIVED", actorId: channel === "ONLINE" ? null : operator, at: receivedAt, data: { channel } },
    ];
    if (acceptedAt) events.push({ kind: "accept", fromStatus: "RECEIVED", toStatus: "ACCEPTED", actorId: operator, at: acceptedAt });
    const deptName = s.dept === "lz-qqb" ? "亲企办" : s.dept === "yh-jxj" ? "余杭区经信局" : "助企专班";
    if (assignedAt) events.push({ kind: "assign", fromStatus: "ACCEPTED", toStatus: "ASSIGNED", actorId: operator, at: assignedAt, data: { leadDepartment: deptName, assignee: s.officer === "lz.qqb" ? "高唐" : s.officer === "yh.jxj" ? "钱卫东" : null, coHandlers: [] } });
    const handler = officer ?? operator;
    if (respondedAt) events.push({ kind: "respond", fromStatus: "ASSIGNED", toStatus: "RESPONDED", actorId: handler, at: respondedAt, note: "已与企业负责人电话沟通，相关科室正在对接。" });
    if (s.reopened && respondedAt) {
      const firstResolved = minutes(respondedAt, 8 * 60);
      events.push({ kind: "resolve", fromStatus: "RESPONDED", toStatus: "RESOLVED", actorId: handler, at: firstResolved, note: "已电话告知办理要求。" });
      events.push({ kind: "reopen", fromStatus: "RESOLVED", toStatus: "REOPENED", actorId: null, at: minutes(firstResolved, 20 * 60), note: "企业反映问题仍未解决。", data: { by: "enterprise" } });
      if (s.status !== "REOPENED") {
        events.push({ kind: "assign", fromStatus: "REOPENED", toStatus: "ASSIGNED", actorId: operator, at: minutes(firstResolved, 22 * 60), data: { leadDepartment: deptName, assignee: null, coHandlers: [] } });
        events.push({ kind: "respond", fromStatus: "ASSIGNED", toStatus: "RESPONDED", actorId: handler, at: minutes(firstResolved, 26 * 60), note: "安排专人第二次上门指导。" });
      }
    }
    if (resolvedAt) events.push({ kind: "resolve", fromStatus: "RESPONDED", toStatus: "RESOLVED", actorId: handler, at: s.reopened ? minutes(respondedAt!, 60 * 60) : resolvedAt, note: "已协调解决，企业确认。" });
    if (closedAt) events.push({ kind: "close", fromStatus: "RESOLVED", toStatus: "CLOSED", actorId: null, at: s.reopened ? minutes(respondedAt!, 70 * 60) : closedAt, note: s.comment ?? "", data: { satisfaction: s.satisfaction ?? 5, by: "enterprise" } });
    // Clocks that ran out unmet, or were met late, have fired their breach alert.
    for (const [stage, met] of [["ACCEPT", acceptedAt], ["ASSIGN", assignedAt], ["RESPOND", respondedAt]] as const) {
      if (s.status === "MERGED") break;
      const late = met ? met > due : due < now;
      if (!late) continue;
      await db.serviceRequestAlert.create({ data: { requestId: r.id, stage, kind: "BREACH", firedAt: due } });
      events.push({ kind: "breach", actorId: null, at: due, data: { stage, dueAt: due.toISOString() } });
    }
    await db.serviceRequestEvent.createMany({
      data: events.sort((a, b) => a.at.getTime() - b.at.getTime()).map((e) => ({ requestId: r.id, kind: e.kind, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, actorId: e.actorId, at: e.at, note: e.note ?? "", data: e.data ?? {} })),
    });
  }

  // The duplicate call about the road height limit merges into the first one.
  const dup = created.find((c) => c.spec.status === "MERGED");
  const into = created.find((c) => c.spec.name === "杭州良渚新城物流有限公司" && c.spec.status !== "MERGED");
  if (dup && into) {
    const at = new Date(Math.min(now.getTime(), (await db.serviceRequest.findUniqueOrThrow({ where: { id: dup.id } })).receivedAt.getTime() + 30 * 60_000));
    await db.serviceRequest.update({ where: { id: dup.id }, data: { mergedIntoId: into.id } });
    await db.serviceRequestEvent.createMany({
      data: [
        { requestId: dup.id, kind: "merge", fromStatus: "RECEIVED", toStatus: "MERGED", actorId: userIds["yh.manager"]!, at, note: "同一件事，并入原诉求", data: { into: into.number } },
        { requestId: into.id, kind: "mergedIn", actorId: userIds["yh.manager"]!, at, note: "同一件事，并入原诉求", data: { number: dup.number, requestId: dup.id } },
      ],
    });
  }
  // One pending extension for the manager's queue.
  const slow = created.find((c) => c.spec.status === "ASSIGNED" && c.spec.officer === "lz.qqb");
  if (slow) {
    const r = await db.serviceRequest.findUniqueOrThrow({ where: { id: slow.id } });
    await db.serviceRequestExtension.create({
      data: { requestId: r.id, requestedById: officers["lz.qqb"]!, reason: "需供水公司现场勘查管网，预计三天内给出方案。", proposedDueAt: new Date(Math.max(r.respondDueAt.getTime(), now.getTime()) + 3 * 86_400_000) },
    });
  }
  // Confirmation numbers continue after the demo's.
  for (const [day, value] of counters) {
    await db.$executeRaw`INSERT INTO sequence_counter (name, value) VALUES (${`hotline:QQB${day}`}, ${value}) ON CONFLICT (name) DO UPDATE SET value = GREATEST(sequence_counter.value, EXCLUDED.value)`;
  }
}
