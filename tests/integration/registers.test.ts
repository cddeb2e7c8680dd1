// Household and enterprise registers: create/edit/deactivate with org scoping, optimistic
// concurrency, credit-code validation and uniqueness, phone masking and audited unmasking.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import {
  createEnterpriseAction, createHouseholdAction, setHouseholdActiveAction, unmaskEnterprisePhoneAction, unmaskHouseholdPhoneAction,
  updateEnterpriseAction, updateHouseholdAction,
} from "@/lib/registers/actions";
import { getHouseholdOrThrow, listEnterprises, listHouseholds } from "@/lib/registers/queries";
import { makeCreditCode } from "@/lib/registers/credit-code";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";

beforeEach(() => resetRequest());

const key = () => crypto.randomUUID();

describe("households", () => {
  it("an officer registers a household in their own village, audited; the key must be unique", async () => {
    await actAs("py.officer");
    const village = await unitByCode("XS-PY-XJ");
    const input = { householdKey: "XJ-T001", headName: "谢阿大", address: "谢家村3组5号", orgUnitId: village.id, phone: "13957001234", membersCount: "3", tags: "困难家庭、新居民" };
    const r = await createHouseholdAction({ ...input, idempotencyKey: key() });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const saved = await db.household.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(saved).toMatchObject({ householdKey: "XJ-T001", headName: "谢阿大", orgUnitId: village.id, phone: "13957001234", membersCount: 3, tags: ["困难家庭", "新居民"], active: true, version: 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "household.create", entityId: saved.id } });
    expect(JSON.stringify(audit.data)).not.toContain("13957001234");

    const again = await createHouseholdAction({ ...input, headName: "另一户", idempotencyKey: key() });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.fieldErrors?.householdKey?.[0]).toBe("该户号已被使用");
  });

  it("an officer cannot create in, read, or change a household of another village by its real id", async () => {
    const officer = await actAs("py.officer");
    const jy = await unitByCode("XS-PY-JY");
    const other = await db.household.findFirstOrThrow({ where: { orgUnitId: jy.id } });
    const before = await db.household.findUniqueOrThrow({ where: { id: other.id } });

    const created = await createHouseholdAction({ householdKey: "JY-FORGED", headName: "伪造", address: "", orgUnitId: jy.id, phone: "", membersCount: 1, tags: "", idempotencyKey: key() });
    expect(created.ok).toBe(false);
    expect(await db.household.count({ where: { householdKey: "JY-FORGED" } })).toBe(0);

    const me = (await loadSessionUser(officer.id, officer.sessionVersion))!;
    await expect(getHouseholdOrThrow(me, other.id)).rejects.toThrow("notFound");
    const list = await listHouseholds(me, { orgUnitId: jy.id });
    expect(list.households).toHaveLength(0);

    const upd = await updateHouseholdAction({ id: other.id, version: other.version, headName: "改名", address: "", orgUnitId: other.orgUnitId, phone: "", membersCount: 1, tags: "" });
    expect(upd.ok).toBe(false);
    if (!upd.ok) expect(upd.error).toBe("记录不存在，或不在您的管辖范围内。");
    const deact = await setHouseholdActiveAction({ id: other.id, version: other.version, active: false });
    expect(deact.ok).toBe(false);
    const unmask = await unmaskHouseholdPhoneAction({ id: other.id });
    expect(unmask.ok).toBe(false);
    expect(await db.household.findUniqueOrThrow({ where: { id: other.id } })).toEqual(before);
  });

  it("an officer cannot move their household into another village", async () => {
    await actAs("py.officer");
    const xj = await unitByCode("XS-PY-XJ");
    const jy = await unitByCode("XS-PY-JY");
    const h = await db.household.findFirstOrThrow({ where: { orgUnitId: xj.id } });
    const r = await updateHouseholdAction({ id: h.id, version: h.version, headName: h.headName, address: h.address, orgUnitId: jy.id, phone: "", membersCount: h.membersCount, tags: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.orgUnitId?.[0]).toBe("该单位不在您的管辖范围内");
    expect((await db.household.findUniqueOrThrow({ where: { id: h.id } })).orgUnitId).toBe(xj.id);
  });

  it("a 余杭区 admin sees none of 浦阳镇's households; the root admin sees them", async () => {
    const yh = await sessionUser("yh.admin");
    const py = await unitByCode("XS-PY");
    expect((await listHouseholds(yh, { orgUnitId: py.id })).households).toHaveLength(0);
    const all = await listHouseholds(yh, {});
    const pyUnitIds = (await db.orgUnit.findMany({ where: { path: { startsWith: py.path } } })).map((u) => u.id);
    expect(all.households.length).toBeGreaterThan(0);
    expect(all.households.some((h) => pyUnitIds.includes(h.orgUnit.id))).toBe(false);
    const xjHousehold = await db.household.findFirstOrThrow({ where: { orgUnitId: pyUnitIds[1] } });
    await expect(getHouseholdOrThrow(yh, xjHousehold.id)).rejects.toThrow("notFound");
    const root = await sessionUser("admin");
    expect((await listHouseholds(root, { orgUnitId: py.id })).households.length).toBeGreaterThan(0);
  });

  it("edits bump the version; a stale version is refused; an empty phone keeps the stored one", async () => {
    await actAs("py.officer");
    const xj = await unitByCode("XS-PY-XJ");
    const h = await db.household.findFirstOrThrow({ where: { orgUnitId: xj.id, phone: { not: null } } });
    const edit = { id: h.id, version: h.version, headName: "谢新名", address: "谢家村新地址", orgUnitId: xj.id, phone: "", membersCount: "5", tags: "独居老人" };
    const r = await updateHouseholdAction(edit);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const saved = await db.household.findUniqueOrThrow({ where: { id: h.id } });
    expect(saved).toMatchObject({ headName: "谢新名", membersCount: 5, tags: ["独居老人"], phone: h.phone, version: h.version + 1 });

    const stale = await updateHouseholdAction({ ...edit, headName: "过期的修改" });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toBe("该记录已被他人修改，请刷新后重试。");
    expect((await db.household.findUniqueOrThrow({ where: { id: h.id } })).headName).toBe("谢新名");

    const cleared = await updateHouseholdAction({ ...edit, version: saved.version, clearPhone: true });
    expect(cleared.ok).toBe(true);
    expect((await db.household.findUniqueOrThrow({ where: { id: h.id } })).phone).toBeNull();
  });

  it("deactivates and reactivates (conditional on version), and the list filters by active", async () => {
    const officer = await actAs("py.officer");
    const xj = await unitByCode("XS-PY-XJ");
    const h = await db.household.findFirstOrThrow({ where: { orgUnitId: xj.id, active: true } });
    const off = await setHouseholdActiveAction({ id: h.id, version: h.version, active: false });
    if (!off.ok) throw new Error(JSON.stringify(off));
    const me = (await loadSessionUser(officer.id, officer.sessionVersion))!;
    expect((await listHouseholds(me, { active: true })).households.map((x) => x.id)).not.toContain(h.id);
    expect((await listHouseholds(me, { active: false })).households.map((x) => x.id)).toContain(h.id);
    const staleOn = await setHouseholdActiveAction({ id: h.id, version: h.version, active: true });
    expect(staleOn.ok).toBe(false);
    const on = await setHouseholdActiveAction({ id: h.id, version: off.data.version, active: true });
    expect(on.ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: h.id, action: { in: ["household.deactivate", "household.activate"] } } })).toBe(2);
  });

  it("searches by name prefix, exact key, address and tag; pages by keyset cursor", async () => {
    const manager = await sessionUser("py.manager");
    const byName = await listHouseholds(manager, { q: "谢" });
    expect(byName.households.length).toBeGreaterThan(0);
    expect(byName.households.every((h) => h.headName.startsWith("谢"))).toBe(true);
    expect((await listHouseholds(manager, { q: "JY-0003" })).households.map((h) => h.householdKey)).toEqual(["JY-0003"]);
    const byAddr = await listHouseholds(manager, { addr: "安山村" });
    expect(byAddr.households.length).toBe(20);
    const byTag = await listHouseholds(manager, { tag: "困难家庭" });
    expect(byTag.households.length).toBeGreaterThan(0);
    expect(byTag.households.every((h) => h.tags.includes("困难家庭"))).toBe(true);

    // Pages of 50 by id cursor: together exactly the town's active households, no overlap.
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listHouseholds(manager, {}, cursor);
      expect(page.households.length).toBeLessThanOrEqual(50);
      if (page.nextCursor) expect(page.households).toHaveLength(50);
      seen.push(...page.households.map((h) => h.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    const expected = await db.household.findMany({ where: { orgUnit: { path: { startsWith: manager.orgPath } } }, orderBy: { id: "asc" }, select: { id: true } });
    expect(expected.length).toBeGreaterThanOrEqual(100);
    expect(seen).toEqual(expected.map((h) => h.id));
    expect(pages).toBe(Math.ceil(expected.length / 50));
  });

  it("list payloads carry only masked phones", async () => {
    const officer = await sessionUser("py.officer");
    const page = await listHouseholds(officer, {});
    const json = JSON.stringify(page);
    const phones = (await db.household.findMany({ where: { id: { in: page.households.map((h) => h.id) } }, select: { phone: true } })).map((h) => h.phone).filter(Boolean) as string[];
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(json).not.toContain(phone);
    expect(page.households.find((h) => h.phoneMasked)?.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const enterprises = await listEnterprises(await sessionUser("gd.officer"), {});
    const contactPhones = (await db.enterprise.findMany({ where: { id: { in: enterprises.enterprises.map((e) => e.id) } } })).map((e) => e.contactPhone!);
    for (const phone of contactPhones) expect(JSON.stringify(enterprises)).not.toContain(phone);
  });

  it("unmasking needs personalData.unmask and writes an audit row", async () => {
    const xj = await unitByCode("XS-PY-XJ");
    const h = await db.household.findFirstOrThrow({ where: { orgUnitId: xj.id, phone: { not: null } } });
    await actAs("py.officer");
    const refused = await unmaskHouseholdPhoneAction({ id: h.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(JSON.stringify(refused)).not.toContain(h.phone!);
    expect(await db.auditLog.count({ where: { action: "personalData.unmask", entityId: h.id, outcome: "OK" } })).toBe(0);

    const manager = await actAs("py.manager");
    const r = await unmaskHouseholdPhoneAction({ id: h.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data).toEqual({ value: h.phone });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "personalData.unmask", entityId: h.id, outcome: "OK" } });
    expect(row).toMatchObject({ actorId: manager.id, entityType: "Household", orgUnitId: xj.id });
  });
});

describe("enterprises", () => {
  const base = async () => {
    const grid = await unitByCode("GD-G02");
    return { grid, input: { name: "杭州测试科技有限公司", creditCode: makeCreditCode(424_242, "330106"), address: "西溪国际1幢", orgUnitId: grid.id, industry: "软件", size: "SMALL_MICRO", contactName: "测试", contactPhone: "13811112222", commissionerId: "" } };
  };

  it("officers may not create enterprises; a manager in scope may, with a valid code", async () => {
    await actAs("gd.officer");
    const { input } = await base();
    const denied = await createEnterpriseAction({ ...input, idempotencyKey: key() });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error).toBe("您没有执行此操作的权限。");

    await actAs("admin");
    const r = await createEnterpriseAction({ ...input, creditCode: ` ${input.creditCode.toLowerCase()} `, idempotencyKey: key() });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const saved = await db.enterprise.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(saved.creditCode).toBe(input.creditCode);
  });

  it("an invalid or duplicate credit code is a field error and writes nothing", async () => {
    await actAs("admin");
    const { input } = await base();
    const before = await db.enterprise.count();
    const tampered = input.creditCode.slice(0, 17) + (input.creditCode[17] === "0" ? "1" : "0");
    const bad = await createEnterpriseAction({ ...input, creditCode: tampered, idempotencyKey: key() });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.creditCode?.[0]).toBe("统一社会信用代码无效（应为 18 位且校验码正确）");

    const existing = await db.enterprise.findFirstOrThrow();
    const dup = await createEnterpriseAction({ ...input, creditCode: existing.creditCode, idempotencyKey: key() });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.fieldErrors?.creditCode?.[0]).toBe("该统一社会信用代码已登记");

    const other = await db.enterprise.findFirstOrThrow({ where: { NOT: { id: existing.id } } });
    const dupEdit = await updateEnterpriseAction({
      id: other.id, version: other.version, name: other.name, creditCode: existing.creditCode, address: other.address, orgUnitId: other.orgUnitId,
      industry: other.industry, size: other.size, contactName: other.contactName, contactPhone: "", commissionerId: "",
    });
    expect(dupEdit.ok).toBe(false);
    if (!dupEdit.ok) expect(dupEdit.fieldErrors?.creditCode?.[0]).toBe("该统一社会信用代码已登记");
    expect(await db.enterprise.count()).toBe(before);
  });

  it("the commissioner must be a user inside the actor's subtree", async () => {
    await actAs("yh.manager");
    const lz = await unitByCode("YH-LZ");
    const outsider = await demoUser("gd.officer");
    const insider = await demoUser("lz.officer");
    const input = { name: "杭州良渚测试有限公司", creditCode: makeCreditCode(515_151), address: "", orgUnitId: lz.id, industry: "", size: "ABOVE_SCALE", contactName: "", contactPhone: "", commissionerId: outsider.id };
    const r = await createEnterpriseAction({ ...input, idempotencyKey: key() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.commissionerId?.[0]).toBe("该用户不存在或不在您的管辖范围内");
    const ok = await createEnterpriseAction({ ...input, commissionerId: insider.id, idempotencyKey: key() });
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: ok.data.id } })).commissionerId).toBe(insider.id);
  });

  it("gd.officer sees only their grid's enterprises; unmask is refused for officers", async () => {
    const officer = await sessionUser("gd.officer");
    const grid1 = await unitByCode("GD-G01");
    const list = await listEnterprises(officer, {});
    expect(list.enterprises).toHaveLength(3);
    expect(list.enterprises.every((e) => e.orgUnit.id === grid1.id && e.commissioner?.id === officer.id)).toBe(true);
    const grid2Enterprise = await db.enterprise.findFirstOrThrow({ where: { orgUnit: { code: "GD-G02" } } });
    await actAs("gd.officer");
    const r = await unmaskEnterprisePhoneAction({ id: list.enterprises[0]!.id });
    expect(r.ok).toBe(false);
    const forged = await unmaskEnterprisePhoneAction({ id: grid2Enterprise.id });
    expect(forged.ok).toBe(false);
  });
});

// An unfiltered list (unit and active state only) is read unit by unit and merged
// (lib/registers/queries.ts pageByUnit); it must page through exactly the rows, in the order,
// the plain `orgUnitId IN (…) ORDER BY id` query gives.
/** The ids of every page of a keyset-paged list, following its cursor to the end. */
async function everyPage(page: (after?: string) => Promise<{ rows: { id: string }[]; nextCursor?: string }>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const { rows, nextCursor } = await page(after);
    ids.push(...rows.map((r) => r.id));
    after = nextCursor;
  } while (after);
  return ids;
}

describe("register pages, unit by unit", () => {
  it("hold the same rows in the same id order as the plain query, page after page, for every level and active state", async () => {
    let rowsSeen = 0;
    for (const username of ["admin", "yh.manager", "py.manager", "py.officer"]) {
      const user = await sessionUser(username);
      const units = (await db.orgUnit.findMany({ where: { path: { startsWith: user.orgPath } }, select: { id: true } })).map((u) => u.id);
      for (const active of [undefined, true, false]) {
        const where = { orgUnitId: { in: units }, ...(active === undefined ? {} : { active }) };
        const households = await everyPage(async (after) => {
          const { households: rows, nextCursor } = await listHouseholds(user, { active }, after);
          return { rows, nextCursor };
        });
        expect(households, `${username} households active=${active}`).toEqual((await db.household.findMany({ where, orderBy: { id: "asc" }, select: { id: true } })).map((h) => h.id));
        const enterprises = await everyPage(async (after) => {
          const { enterprises: rows, nextCursor } = await listEnterprises(user, { active }, after);
          return { rows, nextCursor };
        });
        expect(enterprises, `${username} enterprises active=${active}`).toEqual((await db.enterprise.findMany({ where, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id));
        rowsSeen += households.length + enterprises.length;
      }
    }
    expect(rowsSeen).toBeGreaterThan(100);
  });
});
