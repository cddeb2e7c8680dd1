// Issue 16: a household or enterprise registered offline is checked against the register at
// sync (findRegisterDuplicates): each match rule, candidates masked as the lists show them,
// and nothing about a record outside the officer's area beyond "the register has this key".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import type { SessionUser } from "@/lib/platform/auth/session-user";
import { findRegisterDuplicates, normalizeAddress } from "@/lib/registers/duplicates";
import { makeCreditCode } from "@/lib/registers/credit-code";
import { unitByCode, sessionUser } from "../support/fixtures";

let officer: SessionUser;
let xj: { id: string; name: string };
let jy: { id: string };

beforeAll(async () => {
  officer = await sessionUser("py.officer");
  xj = await unitByCode("XS-PY-XJ");
  jy = await unitByCode("XS-PY-JY");
});

const household = (over: Record<string, unknown> = {}) => ({
  householdKey: "DUP-NEW-1", headName: "无此人", address: "", orgUnitId: xj.id, phone: "", membersCount: "1", tags: "", idempotencyKey: crypto.randomUUID(), ...over,
});

describe("households", () => {
  it("matches on 户号, on phone and on head name + normalised address, masked as on screen", async () => {
    const h = await db.household.create({ data: { householdKey: "DUP-XJ-1", headName: "谢重复", address: "谢家村3组5号", orgUnitId: xj.id, phone: "13957009999" } });

    const byKey = await findRegisterDuplicates(officer, "household.create", household({ householdKey: "DUP-XJ-1" }));
    expect(byKey).toEqual([{ id: h.id, type: "HOUSEHOLD", name: "谢重复", address: "谢家村3组5号", orgUnitName: xj.name, phoneMasked: "139****9999", matchedOn: ["householdKey"] }]);

    const byPhone = await findRegisterDuplicates(officer, "household.create", household({ phone: " 13957009999 " }));
    expect(byPhone.map((c) => [c.id, c.matchedOn])).toEqual([[h.id, ["phone"]]]);
    expect(JSON.stringify(byPhone)).not.toContain("13957009999");

    const byNameAddress = await findRegisterDuplicates(officer, "household.create", household({ headName: "谢重复", address: "谢家村 ３组－５号" }));
    expect(byNameAddress.map((c) => [c.id, c.matchedOn])).toEqual([[h.id, ["nameAddress"]]]);

    const all = await findRegisterDuplicates(officer, "household.create", household({ householdKey: "DUP-XJ-1", phone: "13957009999", headName: "谢重复", address: "谢家村3组5号" }));
    expect(all.map((c) => [c.id, c.matchedOn])).toEqual([[h.id, ["householdKey", "phone", "nameAddress"]]]);

    // The same name at another address is another household.
    expect(await findRegisterDuplicates(officer, "household.create", household({ headName: "谢重复", address: "谢家村4组1号" }))).toEqual([]);
  });

  it("no match → []; a deactivated household is no soft match", async () => {
    expect(await findRegisterDuplicates(officer, "household.create", household({ phone: "13957000001", headName: "从未登记", address: "无处" }))).toEqual([]);
    await db.household.create({ data: { householdKey: "DUP-XJ-OLD", headName: "迁出户", address: "谢家村9组", orgUnitId: xj.id, phone: "13957008888", active: false } });
    expect(await findRegisterDuplicates(officer, "household.create", household({ phone: "13957008888", headName: "迁出户", address: "谢家村9组" }))).toEqual([]);
  });

  it("a record in another village: its 户号 is reported without any detail; its phone and name + address are not matched", async () => {
    const other = await db.household.create({ data: { householdKey: "DUP-JY-1", headName: "径游户", address: "径游村1组", orgUnitId: jy.id, phone: "13957007777" } });
    const byKey = await findRegisterDuplicates(officer, "household.create", household({ householdKey: "DUP-JY-1" }));
    expect(byKey).toEqual([{ id: "", type: "HOUSEHOLD", name: "", address: "", orgUnitName: "", phoneMasked: "", matchedOn: ["householdKey"], outOfScope: true }]);
    expect(JSON.stringify(byKey)).not.toContain(other.id);

    expect(await findRegisterDuplicates(officer, "household.create", household({ phone: "13957007777", headName: "径游户", address: "径游村1组" }))).toEqual([]);
    // The town manager's scope holds both villages: the same record is a full candidate there.
    const manager = await sessionUser("py.manager");
    const seen = await findRegisterDuplicates(manager, "household.create", household({ householdKey: "DUP-JY-1" }));
    expect(seen.map((c) => [c.id, c.outOfScope])).toEqual([[other.id, undefined]]);
  });
});

describe("enterprises (registered by managers: officers may not)", () => {
  let manager: SessionUser;
  let elsewhere: { id: string };
  beforeAll(async () => {
    manager = await sessionUser("py.manager");
    elsewhere = await unitByCode("YH-LZ");
  });
  const enterprise = (over: Record<string, unknown> = {}) => ({
    name: "无此企业", creditCode: makeCreditCode(987001), address: "", orgUnitId: xj.id, industry: "", size: "SMALL_MICRO", contactName: "", contactPhone: "", commissionerId: "", ...over,
  });

  it("matches on credit code (spaces and case ignored), on name, and on name + address", async () => {
    const code = makeCreditCode(987002);
    const e = await db.enterprise.create({ data: { name: "谢家重复厂", creditCode: code, address: "谢家村工业区8号", orgUnitId: xj.id, contactPhone: "13857006666" } });

    // An officer may not register enterprises: no candidates for them (the action refuses).
    expect(await findRegisterDuplicates(officer, "enterprise.create", enterprise({ creditCode: code }))).toEqual([]);

    const byCode = await findRegisterDuplicates(manager, "enterprise.create", enterprise({ creditCode: ` ${code.toLowerCase().slice(0, 6)} ${code.toLowerCase().slice(6)}` }));
    expect(byCode).toEqual([{ id: e.id, type: "ENTERPRISE", name: "谢家重复厂", address: "谢家村工业区8号", orgUnitName: xj.name, phoneMasked: "138****6666", matchedOn: ["creditCode"] }]);

    const byName = await findRegisterDuplicates(manager, "enterprise.create", enterprise({ name: "谢家重复厂", address: "别处" }));
    expect(byName.map((c) => [c.id, c.matchedOn])).toEqual([[e.id, ["name"]]]);

    const byNameAddress = await findRegisterDuplicates(manager, "enterprise.create", enterprise({ name: "谢家重复厂", address: "谢家村工业区 8 号" }));
    expect(byNameAddress.map((c) => [c.id, c.matchedOn])).toEqual([[e.id, ["nameAddress", "name"]]]);

    expect(await findRegisterDuplicates(manager, "enterprise.create", enterprise())).toEqual([]);
  });

  it("a credit code held in another district is reported without detail; a same-named enterprise there is not matched", async () => {
    const code = makeCreditCode(987003);
    const other = await db.enterprise.create({ data: { name: "径游重复厂", creditCode: code, address: "径游村", orgUnitId: elsewhere.id, contactPhone: "13857005555" } });
    const byCode = await findRegisterDuplicates(manager, "enterprise.create", enterprise({ creditCode: code }));
    expect(byCode).toEqual([{ id: "", type: "ENTERPRISE", name: "", address: "", orgUnitName: "", phoneMasked: "", matchedOn: ["creditCode"], outOfScope: true }]);
    expect(JSON.stringify(byCode)).not.toContain(other.id);
    expect(await findRegisterDuplicates(manager, "enterprise.create", enterprise({ name: "径游重复厂", address: "径游村" }))).toEqual([]);
  });
});

it("normalizeAddress ignores spaces, full-width forms and punctuation", () => {
  expect(normalizeAddress("谢家村 ３组－５号，Ａ座")).toBe(normalizeAddress("谢家村3组5号a座"));
  expect(normalizeAddress("谢家村3组5号")).not.toBe(normalizeAddress("谢家村3组6号"));
});
