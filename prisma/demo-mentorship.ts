// Demo records of 导师带徒 (浦阳镇“帮带导师”计划) and 三争一实 (未来科技城季度擂台), seeded on
// top of the registers and campaigns. Adds its own demo users (village secretaries and young
// officers in 浦阳's villages, cadres and judges in 未来科技城); existing users are untouched
// except that py.manager mentors py.officer (as in the visit campaign).
// Dates are relative to the day the seed runs, so "late" and "overdue" stay true.
import type { Db, Tx } from "@/lib/platform/db/client";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { dateOnly } from "@/lib/programmes/period";
import { buildSnapshot } from "@/lib/mentorship/plan-diff";
import { DEFAULT_TEMPLATE, type TemplateContent } from "@/lib/mentorship/schemas";
import { DEFAULT_CRITERIA } from "@/lib/showcases/schemas";
import { computeResults } from "@/lib/showcases/scoring";
import { instantOn, type DemoTime } from "./demo-time";

const DAY = 86_400_000;

type NewUser = { username: string; name: string; role: "OFFICER" | "MANAGER"; unit: string; phone: string };

const PY_USERS: NewUser[] = [
  { username: "py.cadre", name: "何建华", role: "OFFICER", unit: "py", phone: "13700001101" },
  { username: "py.xj.sec", name: "谢国强", role: "OFFICER", unit: "py-xj", phone: "13700001102" },
  { username: "py.jy.sec", name: "傅志明", role: "OFFICER", unit: "py-jy", phone: "13700001103" },
  { username: "py.as.sec", name: "楼金花", role: "OFFICER", unit: "py-as", phone: "13700001104" },
  { username: "py.jy.officer", name: "王晨阳", role: "OFFICER", unit: "py-jy", phone: "13700001105" },
  { username: "py.ch.officer", name: "赵一帆", role: "OFFICER", unit: "py-cnh", phone: "13700001106" },
  { username: "py.as.officer", name: "孙悦", role: "OFFICER", unit: "py-as", phone: "13700001107" },
  { username: "py.sh.officer", name: "钱浩", role: "OFFICER", unit: "py-sh", phone: "13700001108" },
];

const FST_USERS: NewUser[] = [
  { username: "fst.manager", name: "沈立群", role: "MANAGER", unit: "fst", phone: "13900001201" },
  { username: "fst.judge1", name: "屈永辉", role: "OFFICER", unit: "fst-dev", phone: "13700001202" },
  { username: "fst.judge2", name: "唐海燕", role: "OFFICER", unit: "fst", phone: "13700001203" },
  { username: "fst.judge3", name: "梁文博", role: "OFFICER", unit: "fst", phone: "13700001204" },
  { username: "fst.judge4", name: "胡静怡", role: "OFFICER", unit: "cq", phone: "13700001205" },
  { username: "fst.judge5", name: "陈志远", role: "OFFICER", unit: "fst-dev", phone: "13700001206" },
  { username: "fst.officer1", name: "韩腾嘉", role: "OFFICER", unit: "fst-dev", phone: "13700001207" },
  { username: "fst.officer2", name: "王鹏", role: "OFFICER", unit: "fst-dev", phone: "13700001208" },
  { username: "fst.officer3", name: "何佳敏", role: "OFFICER", unit: "cq-mx", phone: "13700001209" },
  { username: "fst.officer4", name: "平晓阳", role: "OFFICER", unit: "cq-ty", phone: "13700001210" },
  { username: "fst.officer5", name: "林思远", role: "OFFICER", unit: "cq", phone: "13700001211" },
];

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoMentorship(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {
  const template = await db.user.findUniqueOrThrow({ where: { username: "py.officer" }, select: { passwordHash: true } });
  const users: Record<string, string> = { ...userIds };
  for (const u of [...PY_USERS, ...FST_USERS]) {
    const created = await db.user.create({
      data: { username: u.username, name: u.name, role: u.role, orgUnitId: ids[u.unit]!, phone: u.phone, passwordHash: template.passwordHash, passwordChangedAt: t.now },
    });
    users[u.username] = created.id;
  }
  await seedMentorship(db, users, t);
  await seedShowcase(db, ids, users, t);
}

async function seedMentorship(db: Db | Tx, users: Record<string, string>, t: DemoTime) {
  const programme = await db.programme.findFirstOrThrow({ where: { type: "MENTORSHIP", name: "浦阳镇年轻干部“帮带导师”计划" } });
  await db.programme.update({
    where: { id: programme.id },
    data: { settings: { expectations: [{ kind: "GUIDED_VISIT", period: "WEEK", min: 1 }, { kind: "TALK", period: "MONTH", min: 1 }], dueSoonDays: 2, defaultCapacity: 3 } },
  });
  const admin = users.admin!;
  const manager = users["py.manager"]!;
  const content: TemplateContent = DEFAULT_TEMPLATE;
  const tpl = await db.planTemplate.create({ data: { programmeId: programme.id, name: "年轻干部一人一策（联村）", content } });

  const now = t.now;
  const today = shanghaiDate(now);
  // The pools were set up about ten months ago; the first (ended) pairing ran from then.
  const joined = t.D(-304);
  const addMember = async (username: string, pool: "MENTOR" | "TRAINEE", lineOfWork: string, capacity: number | null, extra: { priorityPromotion?: boolean; reserveCadre?: boolean; reserveNote?: string } = {}) => {
    const m = await db.poolMember.create({
      data: { programmeId: programme.id, userId: users[username]!, pool, lineOfWork, capacity, joinedOn: dateOnly(joined), ...extra },
    });
    await db.poolMemberChange.create({
      data: { memberId: m.id, kind: "JOINED", toStatus: "ACTIVE", reason: pool === "MENTOR" ? "镇党委选派为帮带导师" : "年轻干部入库培养", effectiveOn: dateOnly(joined), decidedById: manager },
    });
    return m;
  };
  // 导师库: town cadres and village secretaries.
  await addMember("py.manager", "MENTOR", "联村工作", 3);
  await addMember("py.cadre", "MENTOR", "矛盾调解", 2);
  await addMember("py.xj.sec", "MENTOR", "联村工作", 2);
  await addMember("py.jy.sec", "MENTOR", "农业农村", 1);
  const paused = await addMember("py.as.sec", "MENTOR", "矛盾调解", 2);
  await db.poolMember.update({ where: { id: paused.id }, data: { status: "PAUSED", version: 2 } });
  await db.poolMemberChange.create({
    data: { memberId: paused.id, kind: "STATUS", fromStatus: "ACTIVE", toStatus: "PAUSED", reason: "村社换届期间暂停帮带", effectiveOn: dateOnly(t.D(-78)), decidedById: manager },
  });
  // 培养库: young officers.
  const liMing = await addMember("py.officer", "TRAINEE", "联村工作", null, { priorityPromotion: true });
  await db.poolMemberChange.create({ data: { memberId: liMing.id, kind: "PRIORITY_PROMOTION_ON", reason: "民情双访表现突出，擂台比拼第一", effectiveOn: dateOnly(t.D(-43)), decidedById: manager } });
  const zhangTing = await addMember("py.officer2", "TRAINEE", "社区治理", null, { reserveCadre: true, reserveNote: "熟悉新居民服务，可重点培养" });
  await db.poolMemberChange.create({ data: { memberId: zhangTing.id, kind: "RESERVE_CADRE_ON", reason: "纳入干部后备库（熟悉新居民服务，可重点培养）", effectiveOn: dateOnly(t.D(-43)), decidedById: manager } });
  await addMember("py.jy.officer", "TRAINEE", "农业农村", null);
  await addMember("py.ch.officer", "TRAINEE", "矛盾调解", null);
  await addMember("py.as.officer", "TRAINEE", "联村工作", null);
  await addMember("py.sh.officer", "TRAINEE", "社区治理", null);

  // Pairings: start so that some milestones are late by now.
  const pairingSpecs = [
    { mentor: "py.manager", trainee: "py.officer", unit: "py-xj", startDaysAgo: 100, progress: "good" },
    { mentor: "py.manager", trainee: "py.officer2", unit: "py-sh", startDaysAgo: 80, progress: "late" },
    { mentor: "py.cadre", trainee: "py.ch.officer", unit: "py-cnh", startDaysAgo: 60, progress: "late" },
    { mentor: "py.jy.sec", trainee: "py.jy.officer", unit: "py-jy", startDaysAgo: 50, progress: "good" },
    { mentor: "py.xj.sec", trainee: "py.as.officer", unit: "py-as", startDaysAgo: 30, progress: "fresh" },
  ] as const;
  const units = await db.user.findMany({ where: { id: { in: pairingSpecs.map((p) => users[p.trainee]!) } }, select: { id: true, orgUnitId: true } });
  const unitOf = new Map(units.map((u) => [u.id, u.orgUnitId]));
  for (const spec of pairingSpecs) {
    const start = dateOnly(shanghaiDate(new Date(now.getTime() - spec.startDaysAgo * DAY)));
    const mentorId = users[spec.mentor]!;
    const traineeId = users[spec.trainee]!;
    const pairing = await db.pairing.create({
      data: { programmeId: programme.id, orgUnitId: unitOf.get(traineeId)!, mentorId, traineeId, startDate: start, endDate: dateOnly(`${t.Y}-12-31`), createdById: manager },
    });
    await db.$executeRaw`UPDATE pool_member SET "activeTrainees" = "activeTrainees" + 1 WHERE "programmeId" = ${programme.id} AND pool = 'MENTOR' AND "userId" = ${mentorId}`;
    await db.$executeRaw`UPDATE pool_member SET "activeTrainees" = 1 WHERE "programmeId" = ${programme.id} AND pool = 'TRAINEE' AND "userId" = ${traineeId}`;
    const plan = await db.developmentPlan.create({ data: { pairingId: pairing.id, templateId: tpl.id } });
    let order = 0;
    for (const area of content.areas) {
      for (const goal of area.goals) {
        await db.planGoal.create({
          data: {
            planId: plan.id, area: area.name, title: goal.title, sortOrder: order++,
            milestones: {
              create: goal.milestones.map((m, i) => {
                const due = new Date(start.getTime() + m.dueOffsetDays * DAY);
                const past = day(due) < today;
                // "good": everything past due is done (the early ones signed off); "late": past-due ones open.
                const status = spec.progress === "good" && past ? (m.dueOffsetDays <= 30 ? "SIGNED_OFF" : "DONE") : spec.progress === "late" && past && m.dueOffsetDays <= 21 ? "DONE" : past ? "IN_PROGRESS" : "PLANNED";
                return {
                  title: m.title, dueDate: due, sortOrder: i, status,
                  note: status === "DONE" || status === "SIGNED_OFF" ? "已按期完成" : "",
                  ...(status === "SIGNED_OFF" ? { signedOffById: manager, signedOffAt: new Date(due.getTime() + 2 * DAY) } : {}),
                };
              }),
            },
          },
        });
      }
    }
    const goals = await db.planGoal.findMany({
      where: { planId: plan.id }, orderBy: { sortOrder: "asc" },
      include: { milestones: { orderBy: { sortOrder: "asc" }, include: { signedOffBy: { select: { name: true } } } } },
    });
    // Version 1 as generated from the template, version 2 with the progress recorded since.
    const v1 = buildSnapshot(goals.map((g) => ({ ...g, milestones: g.milestones.map((m) => ({ ...m, status: "PLANNED", note: "", signedOffBy: null })) })));
    await db.developmentPlanVersion.create({ data: { planId: plan.id, version: 1, snapshot: v1, changeNote: `按模板“${tpl.name}”生成`, changedById: manager, at: start } });
    if (spec.progress !== "fresh") {
      await db.developmentPlanVersion.create({ data: { planId: plan.id, version: 2, snapshot: buildSnapshot(goals), changeNote: "更新里程碑进展", changedById: traineeId, at: new Date(now.getTime() - 5 * DAY) } });
      await db.developmentPlan.update({ where: { id: plan.id }, data: { version: 2 } });
    }

    // Mentoring log: guided visits most weeks (the "late" pairings miss the last weeks).
    const weeks = Math.floor(spec.startDaysAgo / 7);
    const skipRecent = spec.progress === "late" ? 2 : 0;
    const kinds = ["GUIDED_VISIT", "GUIDED_VISIT", "TALK", "GUIDED_VISIT", "DISPUTE_RESOLUTION", "GUIDED_VISIT", "COORDINATION", "REVIEW"] as const;
    const places = ["谢家村", "径游村", "传化农创村", "安山村", "森海社区"];
    const notes: Record<(typeof kinds)[number], string> = {
      GUIDED_VISIT: "导师陪同入户走访，完成入户清单并梳理问题清单。",
      TALK: "谈心谈话，交流联村工作中的困惑。",
      DISPUTE_RESOLUTION: "共同调解邻里宅基地纠纷，双方达成一致。",
      COORDINATION: "协调镇相关科室，推进慈善共富工坊大棚建设。",
      REVIEW: "月度复盘，对照一人一策检查里程碑进度。",
    };
    for (let w = skipRecent; w < weeks; w += 1) {
      const kind = kinds[w % kinds.length]!;
      const occurred = dateOnly(shanghaiDate(new Date(now.getTime() - (w * 7 + 1) * DAY)));
      if (occurred < start) continue;
      await db.mentoringActivity.create({
        data: { pairingId: pairing.id, kind, occurredOn: occurred, place: places[w % places.length]!, notes: notes[kind], recordedById: w % 2 ? mentorId : traineeId },
      });
      if (kind !== "GUIDED_VISIT" && w % 3 === 0) {
        await db.mentoringActivity.create({
          data: { pairingId: pairing.id, kind: "GUIDED_VISIT", occurredOn: occurred, place: places[(w + 1) % places.length]!, notes: notes.GUIDED_VISIT, recordedById: traineeId },
        });
      }
    }
  }
  // One ended pairing with its evaluation (visible to the trainee).
  const ended = await db.pairing.create({
    data: {
      programmeId: programme.id, orgUnitId: unitOf.get(users["py.officer"]!) ?? programme.orgUnitId, mentorId: users["py.xj.sec"]!, traineeId: users["py.officer"]!,
      startDate: dateOnly(t.D(-304)), endDate: dateOnly(t.D(-124)), status: "ENDED", endedReason: "第一期帮带期满",
      rating: 5, evaluation: "入户走访扎实，群众工作能力提升明显，能独立化解一般矛盾纠纷。", evaluatedById: manager, evaluatedAt: t.at(-121, "10:00"), createdById: manager, version: 3,
    },
  });
  const endedPlan = await db.developmentPlan.create({ data: { pairingId: ended.id, templateId: tpl.id } });
  await db.developmentPlanVersion.create({ data: { planId: endedPlan.id, version: 1, snapshot: { goals: [] }, changeNote: "第一期（简化方案）", changedById: admin } });
}

async function seedShowcase(db: Db | Tx, ids: Record<string, string>, users: Record<string, string>, t: DemoTime) {
  // Last quarter's session is closed and scored; this quarter's is open. Each belongs to the
  // programme of its year (last quarter may be last year's Q4).
  const prevQ = t.quarter === 1 ? { y: t.Y - 1, q: 4 } : { y: t.Y, q: t.quarter - 1 };
  const programmeOf = async (y: number) =>
    db.programme.findFirstOrThrow({ where: { type: "SHOWCASE", name: y === t.Y ? "未来科技城“三争一实”季度擂台" : `${y}年未来科技城“三争一实”季度擂台` } });
  const quarterDay = (y: number, q: number, day: number) => `${y}-${String(q * 3).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const judges = ["fst.manager", "fst.judge1", "fst.judge2", "fst.judge3", "fst.judge4", "fst.judge5"];
  const entrants = [
    { u: "fst.officer1", topic: "从“接不上话”到懂行服务：人工智能企业走访手记" },
    { u: "fst.officer2", topic: "人人都是招商员：一个项目的鉴别与落地" },
    { u: "fst.officer3", topic: "为专精特新企业牵线上下游：20家企业走进单项冠军" },
    { u: "fst.officer4", topic: "招商人员的复合能力：财务报表与法律基础" },
    { u: "fst.officer5", topic: "梦想小镇创业服务“周三面对面”" },
  ];
  const mkSession = async (y: number, quarter: string, heldOn: string, place: string) => {
    const programme = await programmeOf(y);
    const s = await db.showcaseSession.create({
      data: {
        programmeId: programme.id, orgUnitId: ids.fst!, quarter, heldOn: dateOnly(heldOn), place, trimMinJudges: 5,
        criteria: { create: DEFAULT_CRITERIA.map((c, sortOrder) => ({ ...c, sortOrder })) },
        judges: { create: judges.map((j) => ({ userId: users[j]! })) },
      },
      include: { criteria: true },
    });
    const entries = [];
    for (const e of entrants) {
      const officer = await db.user.findUniqueOrThrow({ where: { id: users[e.u]! }, select: { id: true, orgUnitId: true } });
      entries.push(await db.showcaseEntry.create({
        data: { sessionId: s.id, officerId: officer.id, orgUnitId: officer.orgUnitId, topic: e.topic, narrative: `${e.topic}。\n\n围绕“人人争先、事事争优、样样争效，创新实干”，讲工作、晒成果、拼成绩、聊困惑。` },
      }));
    }
    return { session: s, entries };
  };

  // Last quarter: closed, six judges scored every entry (one recusal), final scores and ranks.
  const q3Held = quarterDay(prevQ.y, prevQ.q, 24);
  const q3 = await mkSession(prevQ.y, `${prevQ.y}-Q${prevQ.q}`, q3Held, "梦想小镇天使村10号楼A101会议室");
  const judge4 = users["fst.judge4"]!;
  await db.showcaseConflict.create({ data: { sessionId: q3.session.id, judgeId: judge4, entryId: q3.entries[4]!.id, reason: "同一科室直接上下级" } });
  const scores: { entryId: string; judgeId: string; criterionId: string; score: number }[] = [];
  const base = [88, 84, 91, 79, 82];
  judges.forEach((j, ji) => {
    q3.entries.forEach((entry, ei) => {
      if (j === "fst.judge4" && ei === 4) return;
      q3.session.criteria.forEach((c, ci) => {
        const score = Math.max(60, Math.min(100, base[ei]! + ((ji * 3 + ci * 5 + ei) % 9) - 4));
        scores.push({ entryId: entry.id, judgeId: users[j]!, criterionId: c.id, score });
      });
    });
  });
  await db.showcaseScore.createMany({ data: scores });
  const results = computeResults(
    q3.entries.map((e) => e.id),
    q3.session.criteria.map((c) => ({ id: c.id, weight: Number(c.weight), maxScore: c.maxScore })),
    scores,
    q3.session.trimMinJudges,
  );
  for (const r of results) await db.showcaseEntry.update({ where: { id: r.entryId }, data: { finalScore: r.finalScore, rank: r.rank } });
  await db.showcaseSession.update({ where: { id: q3.session.id }, data: { status: "CLOSED", closedAt: instantOn(q3Held, "18:00"), version: 2 } });
  const top = results.find((r) => r.rank === 1)!;
  const topEntry = q3.entries.find((e) => e.id === top.entryId)!;
  await db.talentListEntry.create({
    data: { list: "PROFESSIONAL", userId: topEntry.officerId, orgUnitId: topEntry.orgUnitId, sourceEntryId: topEntry.id, note: `${prevQ.y}年第${"一二三四"[prevQ.q - 1]}季度“三争一实”擂台第一名`, addedById: users["fst.manager"]! },
  });

  // This quarter: open; two judges have scored some entries so far.
  const q4 = await mkSession(t.Y, `${t.Y}-Q${t.quarter}`, quarterDay(t.Y, t.quarter, 16), "未来科技城学术交流中心");
  const early: typeof scores = [];
  for (const j of ["fst.judge1", "fst.judge2"]) {
    for (const entry of q4.entries.slice(0, 2)) {
      q4.session.criteria.forEach((c, ci) => early.push({ entryId: entry.id, judgeId: users[j]!, criterionId: c.id, score: 80 + ci * 2 }));
    }
  }
  await db.showcaseScore.createMany({ data: early });
}
