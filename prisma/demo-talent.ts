// Demo records of the talent-points module (企业人才积分制), seeded on top of the registers:
// the default scheme (nine personal items, enterprise items, four tiers, resources), quotas
// for this year and last in 余杭经开区 and 良渚街道 (良渚 takes part in the programme), 20 talents in the six
// 余杭 demo enterprises with valid ID numbers, applications in every state, a ledger history,
// enterprise tiers (one tier-1 enterprise that has redeemed most of its points) and
// redemptions, some fulfilled (housing / schooling solved). Deterministic.
import type { Db, Tx } from "@/lib/platform/db/client";
import { encryptPii, piiHash } from "@/lib/platform/privacy/crypto";
import { makeIdNumber, idNumberFacts } from "@/lib/talent/id-number";
import { addDefaults } from "@/lib/talent/points/config";
import { ensureEnterpriseAccount, ensureTalentAccount, postEntry } from "@/lib/talent/points/ledger";
import { allocateTierQuotas } from "@/lib/talent/points/tiers";
import { linePoints, parseLevels } from "@/lib/talent/points/rules";
import { shanghaiYear } from "@/lib/platform/clock";
import type { DemoTime } from "./demo-time";

// Spec "months" count back from the anchor's month (12 = this month, 11 = last month …):
// `at(month, day)` is about (12 − month) months before the anchor, so the history always ends
// just before the seed and spans the last ten months, across a new year when the anchor is early
// in one. Ledger entries, numbers and quotas belong to the Shanghai year they happen in.
let T: DemoTime;
const at = (month: number, day: number, hour = 10) => T.at(Math.min(-1, (month - 12) * 30 + day - 22), `${String(hour).padStart(2, "0")}:00`);
const yearAt = (instant: Date) => shanghaiYear(instant);

type TalentSpec = { name: string; firm: string; birth: string; seq: number; education: string; title: string; position: string };
const TALENTS: TalentSpec[] = [
  { name: "张海涛", firm: "杭州经开新材料股份有限公司", birth: "19880312", seq: 131, education: "博士研究生", title: "高级工程师", position: "研发总监" },
  { name: "李思远", firm: "杭州经开新材料股份有限公司", birth: "19920705", seq: 242, education: "硕士研究生", title: "工程师", position: "材料研发工程师" },
  { name: "王雅琴", firm: "杭州经开新材料股份有限公司", birth: "19950118", seq: 326, education: "大学本科", title: "助理工程师", position: "质量工程师" },
  { name: "陈志强", firm: "杭州经开新材料股份有限公司", birth: "19860921", seq: 411, education: "大学专科", title: "高级技师", position: "生产主管" },
  { name: "刘晓燕", firm: "杭州仁和智能装备有限公司", birth: "19900427", seq: 158, education: "硕士研究生", title: "高级工程师", position: "技术经理" },
  { name: "赵明轩", firm: "杭州仁和智能装备有限公司", birth: "19930614", seq: 273, education: "大学本科", title: "工程师", position: "电气工程师" },
  { name: "孙丽华", firm: "杭州仁和智能装备有限公司", birth: "19910803", seq: 364, education: "大学本科", title: "技师", position: "装配班长" },
  { name: "周文博", firm: "杭州仁和智能装备有限公司", birth: "19971130", seq: 195, education: "硕士研究生", title: "", position: "算法工程师" },
  { name: "吴建平", firm: "杭州獐山精密机械有限公司", birth: "19840216", seq: 457, education: "大学专科", title: "高级技师", position: "数控车间主任" },
  { name: "郑晓峰", firm: "杭州獐山精密机械有限公司", birth: "19960509", seq: 118, education: "大学本科", title: "助理工程师", position: "工艺员" },
  { name: "冯雪梅", firm: "杭州獐山精密机械有限公司", birth: "19941022", seq: 286, education: "大学本科", title: "", position: "质检员" },
  { name: "何俊杰", firm: "杭州良渚文旅发展有限公司", birth: "19890707", seq: 333, education: "硕士研究生", title: "中级经济师", position: "运营总监" },
  { name: "许嘉怡", firm: "杭州良渚文旅发展有限公司", birth: "19980304", seq: 146, education: "大学本科", title: "", position: "策展专员" },
  { name: "沈立新", firm: "杭州良渚文旅发展有限公司", birth: "19870915", seq: 259, education: "大学本科", title: "馆员", position: "文物保护主管" },
  { name: "韩梦琪", firm: "杭州港南农业科技有限公司", birth: "19930126", seq: 362, education: "硕士研究生", title: "农艺师", position: "种植技术员" },
  { name: "曹国庆", firm: "杭州港南农业科技有限公司", birth: "19851001", seq: 477, education: "大学专科", title: "高级工", position: "农机手" },
  { name: "蒋悦", firm: "杭州美丽洲包装材料有限公司", birth: "19960818", seq: 128, education: "大学本科", title: "", position: "设计师" },
  { name: "杜宏伟", firm: "杭州美丽洲包装材料有限公司", birth: "19821205", seq: 391, education: "大学本科", title: "高级工程师", position: "厂长" },
  { name: "袁静", firm: "杭州美丽洲包装材料有限公司", birth: "19990420", seq: 204, education: "大学专科", title: "中级工", position: "印刷机长" },
  { name: "潘一鸣", firm: "杭州仁和智能装备有限公司", birth: "19900101", seq: 315, education: "博士研究生", title: "正高级工程师", position: "首席科学家" },
];

/** Approved applications: [talent index, [item code, level code, quantity][], month]. */
const APPROVED: [number, [string, string, number][], number][] = [
  [0, [["EDUCATION", "DOCTOR", 1], ["TITLE", "VICE_SENIOR", 1], ["CONTRIBUTION", "INVENTION_PATENT", 2]], 3],
  [1, [["EDUCATION", "MASTER", 1], ["SALARY", "FROM_200K", 1], ["SERVICE", "Y3", 1]], 3],
  [2, [["EDUCATION", "BACHELOR", 1], ["HONOUR", "CITY", 1]], 4],
  [3, [["SKILL", "SENIOR_TECHNICIAN", 1], ["SERVICE", "Y10", 1], ["AWARD", "CITY", 1]], 4],
  [4, [["EDUCATION", "MASTER", 1], ["TITLE", "VICE_SENIOR", 1], ["CONTRIBUTION", "KEY_PROJECT", 1]], 5],
  [5, [["EDUCATION", "BACHELOR", 1], ["TITLE", "INTERMEDIATE", 1], ["SALARY", "FROM_100K", 1]], 5],
  [6, [["SKILL", "TECHNICIAN", 1], ["EDUCATION", "BACHELOR", 1], ["SERVICE", "Y5", 1]], 6],
  [8, [["SKILL", "SENIOR_TECHNICIAN", 1], ["SERVICE", "Y10", 1], ["HONOUR", "PROVINCIAL", 1]], 6],
  [11, [["EDUCATION", "MASTER", 1], ["TITLE", "INTERMEDIATE", 1], ["AWARD", "PROVINCIAL", 1], ["HONOUR", "CITY", 1]], 7],
  [13, [["EDUCATION", "BACHELOR", 1], ["TITLE", "INTERMEDIATE", 1], ["SERVICE", "Y10", 1]], 7],
  [14, [["EDUCATION", "MASTER", 1], ["TITLE", "INTERMEDIATE", 1]], 8],
  [17, [["EDUCATION", "BACHELOR", 1], ["TITLE", "VICE_SENIOR", 1], ["SERVICE", "Y10", 1]], 8],
  [19, [["EDUCATION", "DOCTOR", 1], ["TITLE", "SENIOR", 1], ["TALENT_PROGRAMME", "PROVINCIAL", 1]], 9],
];

/** Enterprise grants: [firm, [item, level, quantity][], month]. */
const ENTERPRISE_GRANTS: [string, [string, string, number][], number][] = [
  ["杭州经开新材料股份有限公司", [["RECRUIT", "BACHELOR", 18], ["RECRUIT", "SKILLED", 120], ["PLATFORM", "PROVINCIAL_RD", 1], ["DEVELOP", "TITLE_UP", 6]], 6],
  ["杭州经开新材料股份有限公司", [["RECRUIT", "MASTER", 3], ["DEVELOP", "PROGRAMME", 1], ["PLATFORM", "POSTDOC", 1]], 9],
  ["杭州仁和智能装备有限公司", [["RECRUIT", "MASTER", 4], ["RECRUIT", "BACHELOR", 12], ["PLATFORM", "CITY_RD", 1], ["PLATFORM", "POSTDOC", 1], ["DEVELOP", "SKILL_UP", 15]], 7],
  ["杭州良渚文旅发展有限公司", [["RECRUIT", "BACHELOR", 10], ["DEVELOP", "TITLE_UP", 6]], 8],
  ["杭州獐山精密机械有限公司", [["RECRUIT", "SKILLED", 12], ["DEVELOP", "SKILL_UP", 4]], 9],
];

export async function seedDemoTalent(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {
  T = t;
  const YEARS = [t.Y - 1, t.Y];
  const tx = db as Tx;
  const programme = await tx.programme.findFirst({ where: { type: "TALENT_POINTS", status: "ACTIVE" }, select: { id: true } });
  if (!programme) return;
  // 良渚街道 takes part beside the owner (余杭经开区), so its officer files applications.
  await tx.programmeOrgUnit.createMany({ data: [{ programmeId: programme.id, orgUnitId: ids.etdz! }, { programmeId: programme.id, orgUnitId: ids.lz! }] });
  await addDefaults(programme.id, tx);
  const items = await tx.pointItem.findMany({ where: { programmeId: programme.id } });
  const resources = await tx.pointResource.findMany({ where: { programmeId: programme.id } });
  const item = (code: string, subject: "TALENT" | "ENTERPRISE") => items.find((i) => i.code === code && i.subject === subject)!;
  const resource = (code: string) => resources.find((r) => r.code === code)!;

  const places: Record<string, [number, number]> = { APARTMENT: [20, 10], SCHOOL: [15, 8], HEALTH_CHECK: [60, 30], REST: [10, 5] };
  const unitQuota: Record<string, string> = {};
  for (const r of resources) {
    const [etdz, lz] = places[r.code] ?? [5, 5];
    for (const year of YEARS) {
      const a = await tx.resourceQuota.create({ data: { resourceId: r.id, period: String(year), orgUnitId: ids.etdz!, total: etdz } });
      const b = await tx.resourceQuota.create({ data: { resourceId: r.id, period: String(year), orgUnitId: ids.lz!, total: lz } });
      unitQuota[`${r.code}:etdz:${year}`] = a.id;
      unitQuota[`${r.code}:lz:${year}`] = b.id;
    }
  }

  const firms = await tx.enterprise.findMany({ where: { name: { in: [...new Set(TALENTS.map((t) => t.firm))] } }, select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } } });
  const firm = (name: string) => firms.find((f) => f.name === name)!;
  const inLz = (f: { orgUnit: { path: string } }) => f.orgUnit.path.includes(`/${ids.lz}/`);

  const talents: { id: string; orgUnitId: string; enterpriseId: string; accountId: string; name: string }[] = [];
  for (const t of TALENTS) {
    const f = firm(t.firm);
    const idNumber = makeIdNumber("330110", t.birth, t.seq);
    const facts = idNumberFacts(idNumber);
    const row = await tx.talent.create({
      data: {
        enterpriseId: f.id, orgUnitId: f.orgUnitId, name: t.name, idNumberEnc: encryptPii(idNumber), idHash: piiHash(idNumber), idLast4: idNumber.slice(-4),
        gender: facts.gender, birthDate: facts.birthDate, phone: `136${String(52000000 + t.seq * 1931).padStart(8, "0")}`,
        education: t.education, title: t.title, position: t.position, joinedOn: new Date(Date.UTC(T.Y - 8 + (t.seq % 6), t.seq % 12, 1)),
      },
    });
    talents.push({ id: row.id, orgUnitId: row.orgUnitId, enterpriseId: f.id, accountId: await ensureTalentAccount(row, tx), name: t.name });
  }

  const appSeqs = new Map<number, number>();
  let appSeq = 0;
  const officer = (enterpriseId: string) => (inLz(firms.find((f) => f.id === enterpriseId)!) ? userIds["lz.officer"]! : userIds["yh.manager"]!);
  const manager = userIds["yh.manager"]!;
  const admin = userIds["yh.admin"]!;

  type Line = [string, string, number];
  const makeApplication = async (
    subject: "TALENT" | "ENTERPRISE", holder: { talentId: string | null; enterpriseId: string; orgUnitId: string; accountId: string },
    lines: Line[], status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "RETURNED", month: number, note = "",
  ) => {
    appSeq += 1;
    const created = at(month, 3 + (appSeq % 20));
    const year = yearAt(created);
    const seqInYear = (appSeqs.get(year) ?? 0) + 1;
    appSeqs.set(year, seqInYear);
    const preparedById = subject === "TALENT" ? officer(holder.enterpriseId) : userIds["yh.manager"]!;
    const decider = preparedById === manager ? admin : manager;
    const priced = lines.map(([code, level, quantity]) => {
      const it = item(code, subject);
      return { itemId: it.id, levelCode: level, quantity, note: "", claimedPoints: linePoints(parseLevels(it.levels), level, quantity)! };
    });
    const app = await tx.pointApplication.create({
      data: {
        number: `JF${year}-${String(seqInYear).padStart(5, "0")}`, programmeId: programme.id, subject, talentId: holder.talentId, enterpriseId: holder.enterpriseId,
        orgUnitId: holder.orgUnitId, status, preparedById, createdAt: created, submittedAt: status === "DRAFT" ? null : new Date(created.getTime() + 3_600_000),
        reviewerId: ["UNDER_REVIEW", "APPROVED", "REJECTED", "RETURNED"].includes(status) ? manager : null,
        decidedById: ["APPROVED", "REJECTED"].includes(status) ? decider : null, decidedAt: ["APPROVED", "REJECTED"].includes(status) ? new Date(created.getTime() + 2 * 86_400_000) : null,
        decisionNote: note || null, lines: { create: priced },
      },
      include: { lines: true },
    });
    const steps: ["DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "RETURNED", string, number][] = [["DRAFT", preparedById, 0]];
    if (status !== "DRAFT") steps.push(["SUBMITTED", preparedById, 1]);
    if (["UNDER_REVIEW", "APPROVED", "REJECTED", "RETURNED"].includes(status)) steps.push(["UNDER_REVIEW", manager, 20]);
    if (["APPROVED", "REJECTED", "RETURNED"].includes(status)) steps.push([status, status === "RETURNED" ? manager : decider, 48]);
    let from: (typeof steps)[number][0] | null = null;
    for (const [to, actorId, hours] of steps) {
      await tx.pointApplicationEvent.create({ data: { applicationId: app.id, fromStatus: from, toStatus: to, actorId, at: new Date(created.getTime() + hours * 3_600_000), note: to === status ? note : "" } });
      from = to;
    }
    if (status === "APPROVED") {
      for (const line of app.lines) {
        const it = items.find((i) => i.id === line.itemId)!;
        const awarded = it.capPerYear !== null ? Math.min(line.claimedPoints, it.capPerYear) : line.claimedPoints;
        await tx.pointApplicationLine.update({ where: { id: line.id }, data: { awardedPoints: awarded } });
        const level = parseLevels(it.levels).find((l) => l.code === line.levelCode)!;
        const when = new Date(created.getTime() + 2 * 86_400_000);
        await postEntry({
          accountId: holder.accountId, kind: "GRANT", points: awarded, year, itemId: it.id, applicationId: app.id, actorId: decider, at: when,
          expiresOn: it.validityMonths ? new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth() + it.validityMonths, 5)) : null,
          reason: `${app.number} ${it.name}（${level.label}${line.quantity > 1 ? ` ×${line.quantity}` : ""}）${awarded < line.claimedPoints ? `；申报 ${line.claimedPoints} 分，年度上限 ${it.capPerYear} 分，核定 ${awarded} 分` : ""}`,
        }, tx);
      }
    }
    return app;
  };

  for (const [i, lines, month] of APPROVED) {
    const t = talents[i]!;
    await makeApplication("TALENT", { talentId: t.id, enterpriseId: t.enterpriseId, orgUnitId: t.orgUnitId, accountId: t.accountId }, lines, "APPROVED", month);
  }
  const open: [number, Line[], "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "REJECTED" | "RETURNED", string][] = [
    [7, [["EDUCATION", "MASTER", 1], ["CONTRIBUTION", "UTILITY_PATENT", 3]], "SUBMITTED", ""],
    [12, [["EDUCATION", "BACHELOR", 1]], "SUBMITTED", ""],
    [9, [["EDUCATION", "BACHELOR", 1], ["TITLE", "JUNIOR", 1]], "UNDER_REVIEW", ""],
    [15, [["SKILL", "SENIOR_WORKER", 1], ["SERVICE", "Y10", 1]], "RETURNED", "社保缴纳证明不完整，请补充近 12 个月记录。"],
    [16, [["EDUCATION", "BACHELOR", 1]], "DRAFT", ""],
    [18, [["AWARD", "NATIONAL", 1]], "REJECTED", "获奖证书为企业内部表彰，不属于国家级奖项。"],
    [10, [["EDUCATION", "BACHELOR", 1], ["SALARY", "FROM_100K", 1]], "SUBMITTED", ""],
  ];
  for (const [i, lines, status, note] of open) {
    const t = talents[i]!;
    await makeApplication("TALENT", { talentId: t.id, enterpriseId: t.enterpriseId, orgUnitId: t.orgUnitId, accountId: t.accountId }, lines, status, 10, note);
  }

  const enterpriseAccounts = new Map<string, string>();
  for (const [name, lines, month] of ENTERPRISE_GRANTS) {
    const f = firm(name);
    const accountId = enterpriseAccounts.get(f.id) ?? (await ensureEnterpriseAccount(f, tx));
    enterpriseAccounts.set(f.id, accountId);
    await makeApplication("ENTERPRISE", { talentId: null, enterpriseId: f.id, orgUnitId: f.orgUnitId, accountId }, lines, "APPROVED", month);
  }
  for (const f of firms) if (!enterpriseAccounts.has(f.id)) enterpriseAccounts.set(f.id, await ensureEnterpriseAccount(f, tx));

  // Tier quotas for the year, from the points earned so far.
  for (const year of YEARS) await allocateTierQuotas(programme.id, firms.map((f) => f.id), year, tx);

  let redSeq = 0;
  const redSeqs = new Map<number, number>();
  const redeem = async (
    r: { code: string; talentIdx: number | null; firmName?: string; status: "REQUESTED" | "APPROVED" | "FULFILLED" | "CANCELLED" | "REJECTED"; month: number; fromEnterprise?: boolean },
  ) => {
    redSeq += 1;
    const res = resource(r.code);
    const t = r.talentIdx !== null ? talents[r.talentIdx]! : null;
    const f = t ? firms.find((x) => x.id === t.enterpriseId)! : firm(r.firmName!);
    const when = at(r.month, 10 + redSeq);
    const year = yearAt(when);
    // An enterprise redeems from its tier's places of that year; with the anchor early in a
    // year the tier may not have earned places yet, and the story is left out.
    const tierQuota = r.fromEnterprise ? await tx.resourceQuota.findFirst({ where: { resourceId: res.id, period: String(year), enterpriseId: f.id } }) : null;
    if (r.fromEnterprise && !tierQuota) return;
    const quotaId = tierQuota ? tierQuota.id : unitQuota[`${r.code}:${inLz(f) ? "lz" : "etdz"}:${year}`]!;
    const accountId = r.fromEnterprise ? enterpriseAccounts.get(f.id)! : t!.accountId;
    const seqInYear = (redSeqs.get(year) ?? 0) + 1;
    redSeqs.set(year, seqInYear);
    const redemption = await tx.redemption.create({
      data: {
        number: `DH${year}-${String(seqInYear).padStart(5, "0")}`, resourceId: res.id, quotaId, accountId, talentId: t?.id ?? null, enterpriseId: f.id,
        orgUnitId: f.orgUnitId, points: res.pointsCost, status: r.status, requestedById: inLz(f) ? userIds["lz.officer"]! : manager, createdAt: when,
        decidedById: r.status === "REQUESTED" ? null : manager, decidedAt: r.status === "REQUESTED" ? null : new Date(when.getTime() + 86_400_000),
        fulfilledAt: r.status === "FULFILLED" ? new Date(when.getTime() + 7 * 86_400_000) : null,
        cancelledAt: r.status === "CANCELLED" ? new Date(when.getTime() + 3 * 86_400_000) : null,
        decisionNote: r.status === "REJECTED" ? "本期名额已优先安排给首次申请人才。" : r.status === "CANCELLED" ? "人才已自行解决住房。" : null,
      },
    });
    const n = await tx.$executeRaw`UPDATE resource_quota SET used = used + 1 WHERE id = ${quotaId} AND used < total`;
    if (n !== 1) throw new Error(`demo quota full: ${r.code}`);
    const spent = await postEntry({ accountId, kind: "REDEMPTION", points: -res.pointsCost, year, redemptionId: redemption.id, reason: `${redemption.number} ${res.name}`, actorId: redemption.requestedById, at: when }, tx);
    if (r.status === "CANCELLED" || r.status === "REJECTED") {
      await tx.$executeRaw`UPDATE resource_quota SET used = used - 1 WHERE id = ${quotaId} AND used > 0`;
      await postEntry({
        accountId, kind: "REVERSAL", points: res.pointsCost, year, redemptionId: redemption.id, reversesSeq: spent.seq, actorId: manager,
        reason: `${redemption.number} ${r.status === "CANCELLED" ? "取消" : "驳回"}：${redemption.decisionNote}`, at: new Date(when.getTime() + 86_400_000),
      }, tx);
    }
  };

  // Talents whose housing or schooling was solved this year, from the org-unit quotas.
  await redeem({ code: "APARTMENT", talentIdx: 0, status: "FULFILLED", month: 4 });
  await redeem({ code: "SCHOOL", talentIdx: 4, status: "FULFILLED", month: 6 });
  await redeem({ code: "APARTMENT", talentIdx: 3, status: "FULFILLED", month: 6 });
  await redeem({ code: "SCHOOL", talentIdx: 11, status: "FULFILLED", month: 8 });
  await redeem({ code: "APARTMENT", talentIdx: 19, status: "FULFILLED", month: 10 });
  await redeem({ code: "HEALTH_CHECK", talentIdx: 8, status: "FULFILLED", month: 9 });
  await redeem({ code: "APARTMENT", talentIdx: 17, status: "APPROVED", month: 10 });
  await redeem({ code: "HEALTH_CHECK", talentIdx: 1, status: "REQUESTED", month: 11 });
  await redeem({ code: "HEALTH_CHECK", talentIdx: 5, status: "CANCELLED", month: 9 });
  await redeem({ code: "APARTMENT", talentIdx: 6, status: "REJECTED", month: 9 });
  // The tier-1 enterprise spends most of its points on its tier places (it keeps its tier).
  await redeem({ code: "SCHOOL", talentIdx: 1, status: "FULFILLED", month: 10, fromEnterprise: true });
  await redeem({ code: "APARTMENT", talentIdx: 2, status: "FULFILLED", month: 10, fromEnterprise: true });
  await redeem({ code: "SCHOOL", talentIdx: 3, status: "APPROVED", month: 11, fromEnterprise: true });
  // The numbers above came from these counters' ranges: continue after them.
  await tx.sequenceCounter.createMany({
    data: [
      ...[...appSeqs].map(([year, value]) => ({ name: `points.application.${year}`, value })),
      ...[...redSeqs].map(([year, value]) => ({ name: `points.redemption.${year}`, value })),
    ],
  });
}
