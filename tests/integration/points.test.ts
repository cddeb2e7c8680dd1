// The points ledger, applications, caps, redemptions under concurrency, tiers and reversals,
// against the real database (demo scheme from prisma/demo-talent.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createTalentAction } from "@/lib/talent/actions";
import { makeIdNumber } from "@/lib/talent/id-number";
import {
  approveApplicationAction, createApplicationAction, rejectApplicationAction, returnApplicationAction, startReviewAction, submitApplicationAction,
  updateApplicationAction, uploadEvidenceAction,
} from "@/lib/talent/points/application-actions";
import { cancelRedemptionAction, decideRedemptionAction, fulfilRedemptionAction, requestRedemptionAction } from "@/lib/talent/points/redemption-actions";
import { reverseGrantAction } from "@/lib/talent/points/ledger-actions";
import { findLedgerMismatches, postEntry, shanghaiYear } from "@/lib/talent/points/ledger";
import { enterpriseStanding } from "@/lib/talent/points/tiers";
import { expirePoints } from "@/lib/talent/points/expiry";
import { DEFAULT_TALENT_ITEMS } from "@/lib/talent/points/defaults";
import { resetRequest } from "../support/next-stubs";
import { actAs, ok } from "../support/fixtures";
import { demoYear } from "../support/time";

beforeEach(() => resetRequest());

const YEAR = shanghaiYear();
let serial = 700;
// This year's scheme: the seed also has last year's, CLOSED.
const programme = () => db.programme.findFirstOrThrow({ where: { type: "TALENT_POINTS", status: "ACTIVE" } });
const item = (code: string, subject: "TALENT" | "ENTERPRISE" = "TALENT") => db.pointItem.findFirstOrThrow({ where: { code, subject } });
const resource = (code: string) => db.pointResource.findFirstOrThrow({ where: { code } });
const lz = () => db.orgUnit.findUniqueOrThrow({ where: { code: "YH-LZ" } });
const PDF = new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF")], "证书.pdf", { type: "application/pdf" });

async function newTalent(name = "测试人才") {
  await actAs("lz.officer");
  const e = await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } });
  const { id } = ok(await createTalentAction({
    enterpriseId: e.id, name, idNumber: makeIdNumber("330110", "19930101", serial++), phone: "", education: "", title: "", position: "", joinedOn: "", idempotencyKey: crypto.randomUUID(),
  }));
  return db.talent.findUniqueOrThrow({ where: { id }, include: { account: true } });
}

/** Grants points straight into the ledger (test setup), through the same conditional UPDATE. */
async function grant(accountId: string, points: number) {
  await db.$transaction((tx) => postEntry({ accountId, kind: "GRANT", points, year: YEAR, reason: "测试发放" }, tx));
}

/** Sets (or creates) 良渚街道's quota of a resource for this year. */
async function setQuota(code: string, total: number) {
  const r = await resource(code);
  const unit = await lz();
  const existing = await db.resourceQuota.findFirst({ where: { resourceId: r.id, period: String(YEAR), orgUnitId: unit.id, enterpriseId: null } });
  if (existing) return db.resourceQuota.update({ where: { id: existing.id }, data: { total: Math.max(total, existing.used) } });
  return db.resourceQuota.create({ data: { resourceId: r.id, period: String(YEAR), orgUnitId: unit.id, total } });
}

/** Officer files and submits an application with evidence; returns its id and version. */
async function filed(talentId: string, lines: { code: string; level: string; quantity?: number }[]) {
  await actAs("lz.officer");
  const items = await Promise.all(lines.map((l) => item(l.code)));
  const { id } = ok(await createApplicationAction({
    subject: "TALENT", talentId, lines: lines.map((l, i) => ({ itemId: items[i]!.id, levelCode: l.level, quantity: l.quantity ?? 1, note: "" })), idempotencyKey: crypto.randomUUID(),
  }));
  for (const it of items) {
    const fd = new FormData();
    fd.set("applicationId", id);
    fd.set("evidenceType", it.evidenceTypes[0] ?? "其他材料");
    fd.set("file", PDF);
    ok(await uploadEvidenceAction(fd));
  }
  const s = ok(await submitApplicationAction({ id, version: 1, note: "" }));
  return { id, version: s.version };
}

async function approve(id: string, version: number) {
  await actAs("yh.manager");
  return ok(await approveApplicationAction({ id, version, note: "" }));
}

describe("rule tables and caps", () => {
  it("each default item's level gives its points, computed by the server", async () => {
    const t = await newTalent();
    const lines = DEFAULT_TALENT_ITEMS.map((d) => ({ code: d.code, level: d.levels[0]!.code }));
    const { id, version } = await filed(t.id, lines);
    const stored = await db.pointApplicationLine.findMany({ where: { applicationId: id }, include: { item: true } });
    for (const d of DEFAULT_TALENT_ITEMS) expect(stored.find((l) => l.item.code === d.code)!.claimedPoints).toBe(d.levels[0]!.points);
    const r = await approve(id, version);
    const expected = DEFAULT_TALENT_ITEMS.reduce((s, d) => s + Math.min(d.levels[0]!.points, d.capPerYear ?? Infinity), 0);
    expect(r.total).toBe(expected);
    const account = await db.pointAccount.findUniqueOrThrow({ where: { talentId: t.id } });
    expect(account.balance).toBe(expected);
    expect(await db.pointLedgerEntry.count({ where: { accountId: account.id, kind: "GRANT", applicationId: id } })).toBe(DEFAULT_TALENT_ITEMS.length);
  });

  it("a client cannot send points: claimedPoints is not an input", async () => {
    const t = await newTalent();
    const edu = await item("EDUCATION");
    const r = await createApplicationAction({ subject: "TALENT", talentId: t.id, lines: [{ itemId: edu.id, levelCode: "DOCTOR", quantity: 1, note: "", claimedPoints: 9999 }], idempotencyKey: crypto.randomUUID() });
    expect(r.ok).toBe(false);
    const r2 = await createApplicationAction({ subject: "TALENT", talentId: t.id, lines: [{ itemId: edu.id, levelCode: "NOBEL", quantity: 1, note: "" }], idempotencyKey: crypto.randomUUID() });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors?.["lines.0.levelCode"]).toBeDefined();
  });

  it("caps per year and per item reduce the award, and say why", async () => {
    const t = await newTalent();
    // 奖励分: 50 a year, 100 in all. 贡献分: 60 a year.
    const a = await filed(t.id, [{ code: "AWARD", level: "NATIONAL" }, { code: "CONTRIBUTION", level: "INVENTION_PATENT", quantity: 4 }]);
    const r1 = await approve(a.id, a.version);
    expect(r1.awards.map((x) => [x.itemName, x.claimed, x.awarded, x.cappedBy])).toEqual([["奖励分", 50, 50, null], ["贡献分", 80, 60, "year"]]);
    const b = await filed(t.id, [{ code: "AWARD", level: "PROVINCIAL" }]);
    const r2 = await approve(b.id, b.version);
    expect(r2.awards[0]).toMatchObject({ claimed: 30, awarded: 0, cappedBy: "year", cap: 50 });
    const capped = await db.pointLedgerEntry.findFirstOrThrow({ where: { applicationId: a.id, points: 60 } });
    expect(capped.reason).toContain("年度上限 60 分");
    // Per item, across years: a grant of last year's counts towards the item cap of 100.
    const award = await item("AWARD");
    await db.$transaction((tx) => postEntry({ accountId: t.account!.id, kind: "GRANT", points: 45, year: YEAR - 1, itemId: award.id, reason: "去年" }, tx));
    const c = await filed(t.id, [{ code: "AWARD", level: "NATIONAL" }]);
    // This year's 50 are used up anyway; check the item cap with a fresh year budget by reversing this year's award grant.
    const grant50 = await db.pointLedgerEntry.findFirstOrThrow({ where: { applicationId: a.id, itemId: award.id } });
    await actAs("yh.manager");
    ok(await reverseGrantAction({ seq: String(grant50.seq), reason: "证书有误" }));
    const r3 = await approve(c.id, c.version);
    // Held: 45 (last year) → item room 55, year room 50 → 50; then item total 95.
    expect(r3.awards[0]).toMatchObject({ claimed: 50, awarded: 50 });
    const d = await filed(t.id, [{ code: "AWARD", level: "COUNTY" }]);
    const r4 = await approve(d.id, d.version);
    expect(r4.awards[0]).toMatchObject({ claimed: 8, awarded: 0, cappedBy: "year" });
  });
});

describe("application states", () => {
  it("return for more evidence → edit → resubmit → review → reject with a reason; timeline kept", async () => {
    const t = await newTalent();
    const { id, version } = await filed(t.id, [{ code: "EDUCATION", level: "BACHELOR" }]);
    await actAs("lz.officer");
    // The preparer reviews nothing of their own? Officers may review; but returning needs a reason.
    const noReason = await returnApplicationAction({ id, version, note: "" });
    expect(noReason.ok).toBe(false);
    await actAs("yh.manager");
    const ret = ok(await returnApplicationAction({ id, version, note: "请补充学位证书" }));
    await actAs("lz.officer");
    const edu = await item("EDUCATION");
    const edited = ok(await updateApplicationAction({ id, version: ret.version, lines: [{ itemId: edu.id, levelCode: "MASTER", quantity: 1, note: "已补充" }] }));
    expect((await db.pointApplicationLine.findFirstOrThrow({ where: { applicationId: id } })).claimedPoints).toBe(40);
    const sub = ok(await submitApplicationAction({ id, version: edited.version, note: "" }));
    // Not editable once submitted.
    expect((await updateApplicationAction({ id, version: sub.version, lines: [{ itemId: edu.id, levelCode: "DOCTOR", quantity: 1, note: "" }] })).ok).toBe(false);
    // An officer reviews but cannot decide.
    const rev = ok(await startReviewAction({ id, version: sub.version, note: "" }));
    const officerApprove = await approveApplicationAction({ id, version: rev.version, note: "" });
    expect(officerApprove.ok).toBe(false);
    await actAs("yh.manager");
    ok(await rejectApplicationAction({ id, version: rev.version, note: "学历不在认定范围" }));
    const app = await db.pointApplication.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { at: "asc" } }, entries: true } });
    expect(app.status).toBe("REJECTED");
    expect(app.decisionNote).toBe("学历不在认定范围");
    expect(app.events.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "UNDER_REVIEW", "REJECTED"]);
    expect(app.entries).toHaveLength(0);
  });

  it("submitting needs evidence; bad files are refused by their bytes", async () => {
    const t = await newTalent();
    await actAs("lz.officer");
    const edu = await item("EDUCATION");
    const { id } = ok(await createApplicationAction({ subject: "TALENT", talentId: t.id, lines: [{ itemId: edu.id, levelCode: "BACHELOR", quantity: 1, note: "" }], idempotencyKey: crypto.randomUUID() }));
    const noEvidence = await submitApplicationAction({ id, version: 1, note: "" });
    expect(noEvidence.ok).toBe(false);
    if (!noEvidence.ok) expect(noEvidence.error).toContain("学历分");
    const fake = new FormData();
    fake.set("applicationId", id);
    fake.set("evidenceType", "学历证书");
    fake.set("file", new File([Buffer.from("MZ\x90\x00 not a pdf")], "cert.pdf", { type: "application/pdf" }));
    const r = await uploadEvidenceAction(fake);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.file).toBeDefined();
    expect(await db.pointEvidence.count({ where: { applicationId: id } })).toBe(0);
  });

  it("the preparer cannot approve their own application, and two approvals grant once", async () => {
    const t = await newTalent();
    await actAs("yh.manager");
    const edu = await item("EDUCATION");
    const { id } = ok(await createApplicationAction({ subject: "TALENT", talentId: t.id, lines: [{ itemId: edu.id, levelCode: "BACHELOR", quantity: 1, note: "" }], idempotencyKey: crypto.randomUUID() }));
    const fd = new FormData();
    fd.set("applicationId", id); fd.set("evidenceType", "学历证书"); fd.set("file", PDF);
    ok(await uploadEvidenceAction(fd));
    const s = ok(await submitApplicationAction({ id, version: 1, note: "" }));
    expect((await approveApplicationAction({ id, version: s.version, note: "" })).ok).toBe(false);
    await actAs("yh.admin");
    const results = await Promise.all([approveApplicationAction({ id, version: s.version, note: "" }), approveApplicationAction({ id, version: s.version, note: "" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.pointLedgerEntry.count({ where: { applicationId: id } })).toBe(1);
  });
});

describe("redemptions under concurrency", () => {
  it("50 concurrent redemptions against a balance for 3: exactly 3 succeed, 5 rounds, ledger sums match", async () => {
    const health = await resource("HEALTH_CHECK");
    await setQuota("HEALTH_CHECK", 10_000);
    for (let round = 0; round < 5; round++) {
      const t = await newTalent(`并发${round}`);
      await grant(t.account!.id, health.pointsCost * 3 + 7);
      await actAs("lz.officer");
      const results = await Promise.all(
        Array.from({ length: 50 }, () => requestRedemptionAction({ resourceId: health.id, mode: "TALENT", talentId: t.id, idempotencyKey: crypto.randomUUID() })),
      );
      const okCount = results.filter((r) => r.ok).length;
      expect(okCount).toBe(3);
      const failures = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
      // Every refusal is "not enough points" — never a timeout or a generic error.
      expect(failures.map((r) => r.error).filter((e) => !e.includes("积分不足"))).toEqual([]);
      const account = await db.pointAccount.findUniqueOrThrow({ where: { id: t.account!.id } });
      expect(account.balance).toBe(7);
      const sum = await db.pointLedgerEntry.aggregate({ where: { accountId: account.id }, _sum: { points: true } });
      expect(sum._sum.points).toBe(7);
      expect(await db.redemption.count({ where: { talentId: t.id } })).toBe(3);
    }
    expect((await findLedgerMismatches()).mismatches).toEqual([]);
    // 250 actions through a pool of ten: about 10 s on a quiet machine, over 30 s on a loaded
    // one (the whole suite on two cores, under faketime). Nothing here is timed; only the
    // harness's patience is.
  }, 120_000);

  it("a quota is never oversold: 4 places, 16 talents at once → 4 redemptions", async () => {
    const rest = await resource("SCHOOL");
    const talents = [];
    for (let i = 0; i < 16; i++) {
      const t = await newTalent(`名额${i}`);
      await grant(t.account!.id, rest.pointsCost);
      talents.push(t);
    }
    const q = await setQuota("SCHOOL", 0);
    const used = (await db.resourceQuota.findUniqueOrThrow({ where: { id: q.id } })).used;
    await db.resourceQuota.update({ where: { id: q.id }, data: { total: used + 4 } });
    await actAs("lz.officer");
    const results = await Promise.all(talents.map((t) => requestRedemptionAction({ resourceId: rest.id, mode: "TALENT", talentId: t.id, idempotencyKey: crypto.randomUUID() })));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.includes("名额已满"))).toBe(true);
    const after = await db.resourceQuota.findUniqueOrThrow({ where: { id: q.id } });
    expect(after.used).toBe(after.total);
    // Losers kept their points.
    const balances = await db.pointAccount.findMany({ where: { talentId: { in: talents.map((t) => t.id) } } });
    expect(balances.filter((b) => b.balance === 0)).toHaveLength(4);
    expect(balances.filter((b) => b.balance === rest.pointsCost)).toHaveLength(12);
  });

  it("approve → fulfil; reject and cancel return the points and the place", async () => {
    const apt = await resource("APARTMENT");
    await setQuota("APARTMENT", 100);
    const t = await newTalent();
    await grant(t.account!.id, apt.pointsCost * 3);
    await actAs("lz.officer");
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await requestRedemptionAction({ resourceId: apt.id, mode: "TALENT", talentId: t.id, idempotencyKey: crypto.randomUUID() })).id);
    const quota = await db.redemption.findUniqueOrThrow({ where: { id: ids[0]! }, include: { quota: true } });
    const usedBefore = quota.quota.used;
    // An officer cannot decide.
    expect((await decideRedemptionAction({ id: ids[0]!, version: 1, decision: "APPROVE", note: "" })).ok).toBe(false);
    await actAs("yh.manager");
    const a = ok(await decideRedemptionAction({ id: ids[0]!, version: 1, decision: "APPROVE", note: "" }));
    ok(await fulfilRedemptionAction({ id: ids[0]!, version: a.version, note: "" }));
    expect((await decideRedemptionAction({ id: ids[1]!, version: 1, decision: "REJECT", note: "" })).ok).toBe(false);
    ok(await decideRedemptionAction({ id: ids[1]!, version: 1, decision: "REJECT", note: "材料不符" }));
    await actAs("lz.officer");
    ok(await cancelRedemptionAction({ id: ids[2]!, version: 1, note: "已自行解决" }));
    const account = await db.pointAccount.findUniqueOrThrow({ where: { talentId: t.id } });
    expect(account.balance).toBe(apt.pointsCost * 2);
    expect((await db.resourceQuota.findUniqueOrThrow({ where: { id: quota.quotaId } })).used).toBe(usedBefore - 2);
    const statuses = await db.redemption.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    expect(ids.map((id) => statuses.find((s) => s.id === id)!.status)).toEqual(["FULFILLED", "REJECTED", "CANCELLED"]);
    // A fulfilled redemption cannot be cancelled.
    await actAs("yh.manager");
    expect((await cancelRedemptionAction({ id: ids[0]!, version: 3, note: "" })).ok).toBe(false);
    expect((await findLedgerMismatches()).mismatches).toEqual([]);
  });
});

describe("tiers, reversals and the append-only ledger", () => {
  it("tier comes from points earned in the year, not the balance", async () => {
    const p = await programme();
    const e = await db.enterprise.findFirstOrThrow({ where: { name: "杭州经开新材料股份有限公司" } });
    // The seed's ledger spans the ten months before its anchor (early in a year, mostly last
    // year's): its story — this enterprise in tier 1 — is told in the year it earned more in.
    const [last, seedYear] = await Promise.all([demoYear - 1, demoYear].map((y) => enterpriseStanding(p.id, e.id, y)));
    const [storyYear, s] = seedYear!.earned >= last!.earned ? [demoYear, seedYear!] : [demoYear - 1, last!];
    expect(s.tier).toBe(1);
    expect(s.earned).toBeGreaterThanOrEqual(300);
    // Below the tier-1 threshold (300): the tier does not come from the balance. (How much is
    // left depends on how much of the seed's spending story fell before its anchor.)
    expect(s.balance).toBeLessThan(300);
    // Spend what is left (this year's tier places, so only when the story is this year's): the tier stays.
    const health = await resource("HEALTH_CHECK");
    await actAs("yh.manager");
    if (storyYear === YEAR && s.balance >= health.pointsCost) ok(await requestRedemptionAction({ resourceId: health.id, mode: "ENTERPRISE", enterpriseId: e.id, idempotencyKey: crypto.randomUUID() }));
    expect((await enterpriseStanding(p.id, e.id, storyYear)).tier).toBe(1);
    // An enterprise without a tier quota gets a clear message.
    const none = await db.enterprise.findFirstOrThrow({ where: { name: "杭州港南农业科技有限公司" } });
    const r = await requestRedemptionAction({ resourceId: health.id, mode: "ENTERPRISE", enterpriseId: none.id, idempotencyKey: crypto.randomUUID() });
    expect(r.ok).toBe(false);
  });

  it("a reversal keeps the original entry and cannot be done twice (not even at once)", async () => {
    const t = await newTalent();
    const { id, version } = await filed(t.id, [{ code: "EDUCATION", level: "MASTER" }]);
    await approve(id, version);
    const g = await db.pointLedgerEntry.findFirstOrThrow({ where: { applicationId: id, kind: "GRANT" } });
    await actAs("lz.officer");
    expect((await reverseGrantAction({ seq: String(g.seq), reason: "错误" })).ok).toBe(false);
    await actAs("yh.manager");
    const [a, b] = await Promise.all([reverseGrantAction({ seq: String(g.seq), reason: "学历认定错误" }), reverseGrantAction({ seq: String(g.seq), reason: "学历认定错误" })]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const again = await reverseGrantAction({ seq: String(g.seq), reason: "再次" });
    expect(again.ok).toBe(false);
    const entries = await db.pointLedgerEntry.findMany({ where: { accountId: g.accountId }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.kind, e.points, e.balanceAfter])).toEqual([["GRANT", 40, 40], ["REVERSAL", -40, 0]]);
    expect(entries[1]!.reversesSeq).toBe(g.seq);
  });

  it("the database refuses UPDATE and DELETE of ledger entries, and a negative balance", async () => {
    const e = await db.pointLedgerEntry.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE point_ledger_entry SET points = points + 1 WHERE seq = ${e.seq}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM point_ledger_entry WHERE seq = ${e.seq}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE point_account SET balance = -1 WHERE id = ${e.accountId}`).rejects.toThrow();
    const q = await db.resourceQuota.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE resource_quota SET used = total + 1 WHERE id = ${q.id}`).rejects.toThrow();
  });

  it("expiry takes what is left of an expired grant, once", async () => {
    const t = await newTalent();
    const salary = await item("SALARY");
    await db.$transaction((tx) => postEntry({ accountId: t.account!.id, kind: "GRANT", points: 30, year: YEAR, itemId: salary.id, expiresOn: new Date(Date.UTC(YEAR - 2, 0, 1)), reason: "旧薪酬分" }, tx));
    await db.$transaction((tx) => postEntry({ accountId: t.account!.id, kind: "REDEMPTION", points: -10, year: YEAR, reason: "已用" }, tx));
    const r = await expirePoints(new Date());
    expect(r.expired).toBeGreaterThanOrEqual(1);
    const last = await db.pointLedgerEntry.findFirstOrThrow({ where: { accountId: t.account!.id }, orderBy: { seq: "desc" } });
    expect([last.kind, last.points, last.balanceAfter]).toEqual(["EXPIRY", -20, 0]);
    const again = await expirePoints(new Date());
    expect(await db.pointLedgerEntry.count({ where: { accountId: t.account!.id, kind: "EXPIRY" } })).toBe(1);
    expect(again.points).toBe(0);
    expect((await findLedgerMismatches()).mismatches).toEqual([]);
  });

  it("points:verify finds a balance that disagrees with the ledger", async () => {
    const t = await newTalent();
    await grant(t.account!.id, 10);
    expect((await findLedgerMismatches()).mismatches).toEqual([]);
    await db.$executeRaw`UPDATE point_account SET balance = balance + 5 WHERE id = ${t.account!.id}`;
    const { mismatches } = await findLedgerMismatches();
    expect(mismatches).toEqual([{ accountId: t.account!.id, balance: 15, ledgerSum: 10, lastBalanceAfter: 10 }]);
  });
});
