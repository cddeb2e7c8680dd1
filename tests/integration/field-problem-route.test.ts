// GET /api/field/problems/<id> (issue 16): the server's current state of a problem, which the
// outbox's conflict panel shows beside the officer's offline transition. Same scope as the
// problem page: in the caller's area → its fields; another area's → the same 404 as an unknown
// id, with a DENIED audit row; signed out → 401.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { GET } from "@/app/api/field/problems/[id]/route";
import { transitionProblemAction } from "@/lib/problems/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";

beforeEach(() => resetRequest());

const get = (id: string) => GET(new Request(`http://localhost:3000/api/field/problems/${id}`), { params: Promise.resolve({ id }) });

async function problemIn(code: string, title: string) {
  const unit = await unitByCode(code);
  return db.problem.create({ data: { orgUnitId: unit.id, title, events: { create: { fromStatus: null, toStatus: "OPEN", actorId: (await db.user.findFirstOrThrow({ where: { username: "py.officer" } })).id } } } });
}

describe("GET /api/field/problems/<id>", () => {
  it("answers a problem of the officer's village with its status, version, resolution and latest note", async () => {
    const p = await problemIn("XS-PY-XJ", "谢家村路灯不亮");
    await actAs("py.officer");
    const moved = await transitionProblemAction({ id: p.id, version: 1, to: "IN_PROGRESS", note: "已联系电工" });
    expect(moved.ok).toBe(true);
    const res = await get(p.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      id: p.id, version: 2, title: "谢家村路灯不亮", status: "IN_PROGRESS", resolution: "", note: "已联系电工", escalatedToOrgUnitId: "", escalatedToName: "",
    });
  });

  it("another village's problem is the same 404 as an unknown id, audited as DENIED, without its contents", async () => {
    const p = await problemIn("XS-PY-JY", "径游村的机密问题");
    const officer = await actAs("py.officer");
    const res = await get(p.id);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain("径游村的机密问题");
    const unknown = await get("no-such-problem");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe(JSON.parse(body).error);
    const denied = await db.auditLog.findFirst({ where: { actorId: officer.id, action: "field.problem.read", outcome: "DENIED" } });
    expect(denied).not.toBeNull();

    // The town's manager covers 径游村: the same id answers.
    await actAs("py.manager");
    expect((await get(p.id)).status).toBe(200);
  });

  it("signed out: 401", async () => {
    const p = await problemIn("XS-PY-XJ", "未登录");
    resetRequest();
    expect((await get(p.id)).status).toBe(401);
  });
});
