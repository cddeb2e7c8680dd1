// Forged-id sweep: every action of the foundation, called with real ids of records outside
// the caller's reach (or without the role, or signed out), is refused and changes nothing.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as orgActions from "@/lib/org/actions";
import * as userActions from "@/lib/users/actions";
import * as programmeActions from "@/lib/programmes/actions";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import type { ActionResult } from "@/lib/action";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode } from "../support/fixtures";
import { businessSnapshot } from "../support/snapshot";
import { demoYear } from "../support/time";

type Call = [name: string, run: () => Promise<ActionResult<unknown>>];

/** One call of every mutating action, aimed at records of 萧山区浦阳镇 径游村 and its programme. */
async function callsAgainstPuyang(): Promise<Call[]> {
  const village = await unitByCode("XS-PY-JY");
  const otherVillage = await unitByCode("XS-PY-AS");
  const victim = await demoUser("py.officer2");
  const programme = await db.programme.findFirstOrThrow({ where: { name: `${demoYear}年浦阳镇“民情双访”` } });
  const key = () => crypto.randomUUID();
  const programmeInput = {
    name: "伪造专项", description: "", startDate: `${demoYear}-01-01`, endDate: `${demoYear}-12-31`, orgUnitId: village.id, participantIds: [],
    indicators: [{ code: "households_visited", name: "走访农户", unit: "户", targets: [{ orgUnitId: village.id, period: String(demoYear), value: 1 }] }],
  };
  return [
    ["orgUnit.create", () => orgActions.createOrgUnitAction({ parentId: village.id, name: "伪造网格", kind: "GRID", idempotencyKey: key() })],
    ["orgUnit.rename", () => orgActions.renameOrgUnitAction({ id: village.id, name: "伪造", version: village.version })],
    ["orgUnit.move", () => orgActions.moveOrgUnitAction({ id: village.id, newParentId: otherVillage.id, version: village.version })],
    ["orgUnit.setActive", () => orgActions.setOrgUnitActiveAction({ id: otherVillage.id, active: false, version: otherVillage.version })],
    ["user.create", () => userActions.createUserAction({ username: "forged.user", name: "伪造", phone: "", role: "ADMIN", orgUnitId: village.id, idempotencyKey: key() })],
    ["user.update", () => userActions.updateUserAction({ id: victim.id, version: victim.version, name: "伪造", phone: "", role: "ADMIN", orgUnitId: victim.orgUnitId })],
    ["user.setActive", () => userActions.setUserActiveAction({ id: victim.id, version: victim.version, active: false })],
    ["user.resetPassword", () => userActions.resetUserPasswordAction({ id: victim.id, version: victim.version })],
    ["programme.create", () => programmeActions.createProgrammeAction({ ...programmeInput, type: "VISIT_CAMPAIGN", idempotencyKey: key() })],
    ["programme.update", () => programmeActions.updateProgrammeAction({ ...programmeInput, id: programme.id, version: programme.version })],
    ["programme.setStatus", () => programmeActions.setProgrammeStatusAction({ id: programme.id, version: programme.version, status: "CLOSED" })],
    ["programme.rollover", () => rolloverProgrammeAction({ id: programme.id, version: programme.version, name: "伪造结转", startDate: `${demoYear + 1}-01-01`, endDate: `${demoYear + 1}-12-31`, periodMap: [] })],
  ];
}

let calls: Call[];
beforeAll(async () => {
  calls = await callsAgainstPuyang();
});
beforeEach(() => resetRequest());

async function expectAllRefused(expectedError: RegExp) {
  const before = await businessSnapshot();
  for (const [name, run] of calls) {
    const result = await run();
    expect(result.ok, `${name} should be refused`).toBe(false);
    if (!result.ok) expect(result.error, name).toMatch(expectedError);
  }
  expect(await businessSnapshot()).toBe(before);
}

describe("authorization sweep", () => {
  it("every action refuses a caller with no session", async () => {
    await expectAllRefused(/登录已失效/);
  });

  it("an officer of another village (谢家村) is refused on 径游村's records", async () => {
    await actAs("py.officer");
    await expectAllRefused(/不存在|没有执行此操作的权限/);
  });

  it("a manager of the same town has no admin rights", async () => {
    await actAs("py.manager");
    await expectAllRefused(/不存在|没有执行此操作的权限/);
  });

  it("an admin of 余杭区 cannot touch 萧山区 records with their real ids", async () => {
    await actAs("yh.admin");
    await expectAllRefused(/不存在|不在您的管辖范围|请检查/);
  });

  it("refusals on permission are audited as DENIED", async () => {
    const officer = await actAs("py.officer");
    await calls.find(([n]) => n === "orgUnit.rename")![1]();
    const denial = await db.auditLog.findFirst({ where: { actorId: officer.id, outcome: "DENIED" } });
    expect(denial).not.toBeNull();
  });

  it("the same admin actions succeed inside the caller's own subtree (the sweep can fail)", async () => {
    await actAs("admin");
    const results = await Promise.all(calls.filter(([n]) => n === "orgUnit.rename" || n === "user.resetPassword").map(([, run]) => run()));
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe("no mass assignment", () => {
  it("extra fields are rejected and nothing changes", async () => {
    const admin = await actAs("admin");
    const village = await unitByCode("XS-PY-JY");
    const victim = await demoUser("py.officer2");
    const before = await businessSnapshot();
    const attempts = [
      orgActions.renameOrgUnitAction({ id: village.id, name: "改名", version: village.version, path: "/evil/" }),
      userActions.updateUserAction({ id: victim.id, version: victim.version, name: "x", phone: "", role: "OFFICER", orgUnitId: victim.orgUnitId, sessionVersion: 99 }),
      userActions.createUserAction({ username: "mass.assign", name: "x", phone: "", role: "OFFICER", orgUnitId: village.id, idempotencyKey: crypto.randomUUID(), passwordHash: "x" }),
      programmeActions.setProgrammeStatusAction({ id: "x", version: 1, status: "CLOSED", createdById: admin.id }),
      rolloverProgrammeAction({ id: "x", version: 1, name: "结转", startDate: `${demoYear + 1}-01-01`, endDate: `${demoYear + 1}-12-31`, periodMap: [], status: "ACTIVE" }),
    ];
    for (const r of await Promise.all(attempts)) expect(r).toMatchObject({ ok: false, error: "请检查标红的字段。" });
    expect(await businessSnapshot()).toBe(before);
  });

  it("garbage input gets field errors, never an exception", async () => {
    await actAs("admin");
    for (const input of [null, undefined, 42, "x", [], { id: {} }, { name: "a".repeat(10_000) }]) {
      const r = await orgActions.renameOrgUnitAction(input);
      expect(r.ok).toBe(false);
      const p = await programmeActions.createProgrammeAction(input);
      expect(p.ok).toBe(false);
    }
  });
});
