// "Address contains …" goes through the addressBigrams GIN index, which a trigger keeps in
// step with the address on every write path.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { bigrams, listEnterprises, listHouseholds } from "@/lib/registers/queries";
import { unitByCode, sessionUser } from "../support/fixtures";

describe("address search", () => {
  it("the trigger fills the bigrams exactly as the query computes them, and refreshes them on update", async () => {
    const village = await unitByCode("XS-PY-XJ");
    const h = await db.household.create({ data: { householdKey: "ADDR-1", headName: "测地址", address: "萧山区浦阳镇谢家村桃园路88号", orgUnitId: village.id } });
    const stored = await db.household.findUniqueOrThrow({ where: { id: h.id } });
    expect([...stored.addressBigrams].sort()).toEqual(bigrams("萧山区浦阳镇谢家村桃园路88号").sort());
    await db.household.update({ where: { id: h.id }, data: { address: "萧山区浦阳镇谢家村梨花弄1号" } });
    const updated = await db.household.findUniqueOrThrow({ where: { id: h.id } });
    expect(updated.addressBigrams).toContain("梨花");
    expect(updated.addressBigrams).not.toContain("桃园");
  });

  it("finds a household by any part of its address, in order, within scope only", async () => {
    const manager = await sessionUser("py.manager");
    const village = await unitByCode("XS-PY-XJ");
    await db.household.create({ data: { householdKey: "ADDR-2", headName: "测顺序", address: "萧山区浦阳镇谢家村杏花巷7号", orgUnitId: village.id } });
    const found = await listHouseholds(manager, { addr: "杏花巷7" });
    expect(found.households.map((x) => x.householdKey)).toEqual(["ADDR-2"]);
    // Same bigrams in another order do not match.
    expect((await listHouseholds(manager, { addr: "巷花杏" })).households).toHaveLength(0);
    // One character has no bigram: still answered (by a scan within scope).
    expect((await listHouseholds(manager, { addr: "杏" })).households.map((x) => x.householdKey)).toContain("ADDR-2");
    // A manager of another district does not find it.
    expect((await listHouseholds(await sessionUser("yh.manager"), { addr: "杏花巷7" })).households).toHaveLength(0);
  });

  it("works for enterprises too", async () => {
    const grid = await unitByCode("GD-G01");
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { orgUnitId: grid.id } });
    const part = Array.from(enterprise.address).slice(2, 6).join("");
    const found = await listEnterprises(await sessionUser("admin"), { addr: part });
    expect(found.enterprises.map((e) => e.id)).toContain(enterprise.id);
  });
});
