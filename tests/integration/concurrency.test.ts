import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createOrgUnitAction, renameOrgUnitAction } from "@/lib/platform/org/actions";
import { createUserAction } from "@/lib/users/actions";
import { setProgrammeStatusAction } from "@/lib/programmes/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";

beforeEach(() => resetRequest());

describe("idempotent create", () => {
  it("a double submit (same key, at the same time) creates one record and answers both with it", async () => {
    await actAs("admin");
    const town = await unitByCode("XS-PY");
    const input = { parentId: town.id, name: "桃北村", kind: "VILLAGE", idempotencyKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([createOrgUnitAction(input), createOrgUnitAction(input)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.id).toBe(b.data.id);
    expect(await db.orgUnit.count({ where: { name: "桃北村" } })).toBe(1);
    // A later retry of the same submit, too.
    const c = await createOrgUnitAction(input);
    expect(c).toMatchObject({ ok: true, duplicate: true, data: { id: a.data.id } });
    expect(await db.auditLog.count({ where: { action: "orgUnit.create", entityId: a.data.id } })).toBe(1);
  });

  it("a double submit of a new user creates one account", async () => {
    await actAs("admin");
    const village = await unitByCode("XS-PY-JY");
    const input = { username: "jy.officer", name: "王芳", phone: "", role: "OFFICER", orgUnitId: village.id, idempotencyKey: crypto.randomUUID() };
    const results = await Promise.all([createUserAction(input), createUserAction(input), createUserAction(input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.user.count({ where: { username: "jy.officer" } })).toBe(1);
  });
});

describe("optimistic concurrency", () => {
  it("a save based on a stale version is refused and changes nothing", async () => {
    await actAs("admin");
    const village = await unitByCode("XS-PY-AS");
    const first = await renameOrgUnitAction({ id: village.id, name: "安山村一", version: village.version });
    expect(first.ok).toBe(true);
    const stale = await renameOrgUnitAction({ id: village.id, name: "安山村二", version: village.version });
    expect(stale).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: village.id } })).name).toBe("安山村一");
  });

  it("two parallel edits of the same version: exactly one wins", async () => {
    await actAs("admin");
    const village = await unitByCode("XS-PY-CH");
    const results = await Promise.all([
      renameOrgUnitAction({ id: village.id, name: "传化农创村甲", version: village.version }),
      renameOrgUnitAction({ id: village.id, name: "传化农创村乙", version: village.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const saved = await db.orgUnit.findUniqueOrThrow({ where: { id: village.id } });
    expect(saved.version).toBe(village.version + 1);
  });

  it("two admins closing the same programme at once: one wins, the other gets a clear message", async () => {
    await actAs("admin");
    const programme = await db.programme.findFirstOrThrow({ where: { name: { contains: "招商" } } });
    const results = await Promise.all([
      setProgrammeStatusAction({ id: programme.id, version: programme.version, status: "CLOSED" }),
      setProgrammeStatusAction({ id: programme.id, version: programme.version, status: "CLOSED" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok && loser.error).toMatch(/已被他人修改|不能从/);
    expect((await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).status).toBe("CLOSED");
  });
});
