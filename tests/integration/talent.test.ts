// Talents (人才): ID numbers validated, encrypted at rest, masked in every read and action
// result for users without "personalData.unmask"; unmasking is audited.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createTalentAction, unmaskTalentIdAction, updateTalentAction } from "@/lib/talent/actions";
import { getTalentOrThrow, listTalents, talentOptions, talentView } from "@/lib/talent/queries";
import { makeIdNumber } from "@/lib/talent/id-number";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { createApplicationAction } from "@/lib/talent/points/application-actions";
import { getApplicationOrThrow, listApplications } from "@/lib/talent/points/applications";
import { loadSessionUser } from "@/lib/platform/auth/session";
import TalentPage from "@/app/(app)/talent/[id]/page";
import { elementStrings } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, ok } from "../support/fixtures";
import { addDaysYmd, shanghaiYmd } from "../support/time";

beforeEach(() => resetRequest());

async function sessionOf(username: string) {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

const firm = (name: string) => db.enterprise.findFirstOrThrow({ where: { name } });
let serial = 500;
const freshId = () => makeIdNumber("330110", "19910615", serial++);

describe("talent records", () => {
  it("an officer registers a talent: the ID number is stored encrypted, hashed and never returned", async () => {
    await actAs("lz.officer");
    const e = await firm("杭州良渚文旅发展有限公司");
    const idNumber = freshId();
    const r = await createTalentAction({ enterpriseId: e.id, name: "测试人才", idNumber, phone: "", education: "大学本科", title: "", position: "讲解员", joinedOn: addDaysYmd(shanghaiYmd(), -1000), idempotencyKey: crypto.randomUUID() });
    const data = ok(r);
    expect(JSON.stringify(r)).not.toContain(idNumber);
    const row = await db.talent.findUniqueOrThrow({ where: { id: data.id }, include: { account: true } });
    expect(row.idNumberEnc).not.toContain(idNumber.slice(6, 14));
    expect(row.idLast4).toBe(idNumber.slice(-4));
    expect(row.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.orgUnitId).toBe(e.orgUnitId);
    expect(row.gender).toBe(Number(idNumber[16]) % 2 === 1 ? "M" : "F");
    expect(row.account?.balance).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "talent.create", entityId: data.id } });
    expect(JSON.stringify(audit.data)).not.toContain(idNumber);
  });

  it("a wrong check digit, a duplicate and an enterprise outside the scheme are field errors", async () => {
    await actAs("lz.officer");
    const e = await firm("杭州良渚文旅发展有限公司");
    const base = { enterpriseId: e.id, name: "甲", phone: "", education: "", title: "", position: "", joinedOn: "" };
    const good = freshId();
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const r1 = await createTalentAction({ ...base, idNumber: bad, idempotencyKey: crypto.randomUUID() });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.fieldErrors?.idNumber?.[0]).toContain("校验位");
    ok(await createTalentAction({ ...base, idNumber: good, idempotencyKey: crypto.randomUUID() }));
    const r2 = await createTalentAction({ ...base, name: "乙", idNumber: good.toLowerCase(), idempotencyKey: crypto.randomUUID() });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors?.idNumber?.[0]).toContain("已登记");
    // 古荡 enterprises are outside lz.officer's subtree; 浦阳 is outside the programme.
    const gd = await db.enterprise.findFirstOrThrow({ where: { orgUnit: { code: "GD-G01" } } });
    const r3 = await createTalentAction({ ...base, enterpriseId: gd.id, idNumber: freshId(), idempotencyKey: crypto.randomUUID() });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.fieldErrors?.enterpriseId).toBeDefined();
    // Mass assignment: orgUnitId is not an input.
    const r4 = await createTalentAction({ ...base, idNumber: freshId(), orgUnitId: gd.orgUnitId, idempotencyKey: crypto.randomUUID() });
    expect(r4.ok).toBe(false);
  });

  it("ID numbers never appear unmasked in an officer's reads or action results", async () => {
    const officer = await actAs("lz.officer");
    const actor = await sessionOf("lz.officer");
    const programme = await getTalentProgrammeOrThrow(actor);
    const e = await firm("杭州良渚文旅发展有限公司");
    const idNumber = freshId();
    const { id } = ok(await createTalentAction({ enterpriseId: e.id, name: "掩码测试", idNumber, phone: "13612345678", education: "", title: "", position: "", joinedOn: "", idempotencyKey: crypto.randomUUID() }));
    const edited = await updateTalentAction({ id, version: 1, enterpriseId: e.id, name: "掩码测试", idNumber: "", phone: "", education: "硕士研究生", title: "", position: "", joinedOn: "" });
    const app = await createApplicationAction({ subject: "TALENT", talentId: id, lines: [{ itemId: (await db.pointItem.findFirstOrThrow({ where: { code: "EDUCATION", subject: "TALENT" } })).id, levelCode: "MASTER", quantity: 1, note: "" }], idempotencyKey: crypto.randomUUID() });
    const denied = await unmaskTalentIdAction({ id });
    // What the talent pages render comes from these reads.
    const outputs = [
      edited, app, denied,
      await listTalents(actor, { reach: programme.reach }),
      talentView(await getTalentOrThrow(actor, id)),
      await talentOptions(actor, programme.reach),
      await listApplications(actor, {}),
      await getApplicationOrThrow(actor, ok(app).id),
    ];
    const text = JSON.stringify(outputs, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain("13612345678");
    expect(text).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    // Nor the birth date (8 of the 10 masked digits): with it the number is a guess or two away.
    expect(text).not.toContain(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    expect(denied.ok).toBe(false);
    expect(officer.role).toBe("OFFICER");
    // Every seeded talent, too: no clear ID number anywhere in the officer's list.
    const all = await listTalents(actor, { reach: programme.reach });
    expect(all.talents.every((t) => /^\d{4}\*{10}[\dX]{4}$/.test(t.idMasked))).toBe(true);
  });

  it("the talent's page shows the birth year, never the birth date the masked number hides", async () => {
    await actAs("lz.officer");
    const e = await firm("杭州良渚文旅发展有限公司");
    // 29 February: a day no other date on the page (none is set) can be.
    const idNumber = makeIdNumber("330110", "19920229", serial++);
    const { id } = ok(await createTalentAction({ enterpriseId: e.id, name: "生日测试", idNumber, phone: "", education: "", title: "", position: "", joinedOn: "", idempotencyKey: crypto.randomUUID() }));
    const page = await TalentPage({ params: Promise.resolve({ id }) });
    const all = elementStrings(page).join("\n");
    expect(all).toContain("1992");
    for (const day of ["02-29", "02/29", "2月29", "0229"]) expect(all).not.toContain(day);
    expect(all).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(all).not.toContain(idNumber);
  });

  it("a manager may unmask, and the look is audited", async () => {
    await actAs("lz.officer");
    const e = await firm("杭州良渚文旅发展有限公司");
    const idNumber = freshId();
    const { id } = ok(await createTalentAction({ enterpriseId: e.id, name: "揭示测试", idNumber, phone: "", education: "", title: "", position: "", joinedOn: "", idempotencyKey: crypto.randomUUID() }));
    await actAs("yh.manager");
    const r = ok(await unmaskTalentIdAction({ id }));
    expect(r).toEqual({ value: idNumber });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "personalData.unmask", entityType: "Talent", entityId: id } });
    expect(audit.data).toMatchObject({ field: "idNumber" });
    expect(JSON.stringify(audit.data)).not.toContain(idNumber);
    // Out of scope for a manager elsewhere: not found.
    await actAs("py.manager");
    const far = await unmaskTalentIdAction({ id });
    expect(far.ok).toBe(false);
  });
});
