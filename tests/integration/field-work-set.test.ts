// GET /api/field/work-set (issue 16): the officer's device copy. Same scope as the online lists
// (another village's rows never come), phones masked and no ID numbers anywhere, 401 signed
// out, 403 without visit.create, an owner fingerprint that moves with role, org unit and
// session version, and offline pages only of pages the user may open.
import { readFileSync, existsSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { can } from "@/lib/platform/authz/can";
import type { Permission } from "@/lib/platform/authz/permissions";
import type { WorkSet } from "@/lib/field/schemas";
import { GET } from "@/app/api/field/work-set/route";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";

beforeEach(() => resetRequest());

const get = () => GET(new Request("http://localhost:3000/api/field/work-set"));

async function workSetOf(username: string): Promise<WorkSet> {
  await actAs(username);
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  return (await res.json()) as WorkSet;
}

async function placesIn(code: string, tag: string) {
  const unit = await unitByCode(code);
  const household = await db.household.create({
    data: { householdKey: `WS-${tag}`, orgUnitId: unit.id, headName: `${tag}户主`, address: `${tag}路1号`, phone: "13912345678" },
  });
  const enterprise = await db.enterprise.findFirst({ where: { orgUnitId: unit.id, active: true }, select: { id: true } });
  const officer = await db.user.findFirstOrThrow({ where: { username: "py.officer" } });
  const problem = await db.problem.create({
    data: { orgUnitId: unit.id, title: `${tag}的问题`, assigneeId: officer.id, events: { create: { fromStatus: null, toStatus: "OPEN", actorId: officer.id } } },
  });
  return { household, enterprise, problem };
}

describe("GET /api/field/work-set", () => {
  it("holds the officer's village only: another village's households, enterprises and problems never appear", async () => {
    const mine = await placesIn("XS-PY-XJ", "谢家");
    const theirs = await placesIn("XS-PY-SH", "别村");
    const ws = await workSetOf("py.officer");
    const ids = new Set(ws.places.map((p) => p.id));
    expect(ids.has(mine.household.id)).toBe(true);
    expect(ids.has(theirs.household.id)).toBe(false);
    if (theirs.enterprise) expect(ids.has(theirs.enterprise.id)).toBe(false);
    const xj = await unitByCode("XS-PY-XJ");
    for (const p of ws.places) expect(p.orgUnitId).toBe(xj.id);
    expect(ws.problems.map((p) => p.id)).toContain(mine.problem.id);
    // Assigned to py.officer, but in another village: out of their area, so not on the device.
    expect(ws.problems.map((p) => p.id)).not.toContain(theirs.problem.id);
    const row = ws.places.find((p) => p.id === mine.household.id)!;
    expect(row).toMatchObject({ type: "HOUSEHOLD", name: "谢家户主", code: "WS-谢家", orgUnitName: xj.name, phoneMasked: "139****5678" });
    const problem = ws.problems.find((p) => p.id === mine.problem.id)!;
    expect(problem).toMatchObject({ status: "OPEN", version: 1 });
    expect(problem.next.map((n) => n.to)).toContain("IN_PROGRESS");
    expect(ws.capped).toBe(false);
    expect(ws.owner.userId).toBe((await db.user.findFirstOrThrow({ where: { username: "py.officer" } })).id);

    // The other village's officer gets theirs and none of py.officer's.
    const other = await workSetOf("py.officer2");
    const otherIds = new Set(other.places.map((p) => p.id));
    expect(otherIds.has(theirs.household.id)).toBe(true);
    expect(otherIds.has(mine.household.id)).toBe(false);
  });

  it("each download is audited with what it held (a bulk copy of the register leaves for a device)", async () => {
    const before = await db.auditLog.count({ where: { action: "field.workSet" } });
    const workSet = await workSetOf("py.officer");
    const rows = await db.auditLog.findMany({ where: { action: "field.workSet" }, orderBy: { seq: "desc" }, take: 1 });
    expect(await db.auditLog.count({ where: { action: "field.workSet" } })).toBe(before + 1);
    const households = workSet.places.filter((p) => p.type === "HOUSEHOLD").length;
    expect(rows[0]!.data).toMatchObject({ households, enterprises: workSet.places.length - households, problems: workSet.problems.length });
  });

  it("carries the visit form's campaigns with checklists and rules", async () => {
    const ws = await workSetOf("py.officer");
    expect(ws.campaigns.length).toBeGreaterThan(0);
    for (const c of ws.campaigns) {
      expect(Array.isArray(c.checkItems)).toBe(true);
      expect(Array.isArray(c.rules)).toBe(true);
    }
    for (const d of ws.due) expect(ws.campaigns.map((c) => c.id)).toContain(d.programmeId);
  });

  it("no full phone number and no ID-number field anywhere in the answer", async () => {
    await placesIn("XS-PY-XJ", "掩码");
    await actAs("py.officer");
    const text = await (await get()).text();
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/idNumber/i);
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/"phone"\s*:/);
  });

  it("signed out: 401; without visit.create (admin): 403", async () => {
    resetRequest();
    expect((await get()).status).toBe(401);
    await actAs("admin");
    expect((await get()).status).toBe(403);
  });

  it("offline pages: only pages the user may open (each page's own requirePermission)", async () => {
    const mine = await placesIn("XS-PY-XJ", "页面");
    for (const username of ["py.officer", "py.manager"]) {
      const user = await actAs(username);
      const actor = { id: user.id, role: user.role, orgPath: user.orgUnit.path };
      const ws = (await (await get()).json()) as WorkSet;
      expect(ws.offlinePages).toContain("/");
      expect(ws.offlinePages).toContain("/visits/new");
      if (username === "py.officer") expect(ws.offlinePages).toContain(`/problems/${mine.problem.id}`);
      for (const url of ws.offlinePages) {
        if (url === "/") continue;
        const file = `app/(app)${url.replace(/^\/problems\/[^/]+$/, "/problems/[id]").replace(/^\/campaigns\/[^/]+/, "/campaigns/[programmeId]")}/page.tsx`;
        // /field is the outbox helper's page; it serves those who record visits.
        const required: Permission | undefined = existsSync(file)
          ? pagePermission(readFileSync(file, "utf8"))
          : url === "/field" ? "visit.create" : undefined;
        expect(required, `${url} (${file})`).toBeDefined();
        expect(can(actor, required!), `${username} may open ${url}`).toBe(true);
      }
    }
  });
  it("the owner fingerprint moves with the session version, the role and the org unit", async () => {
    const first = (await workSetOf("py.officer")).owner.fingerprint;
    expect((await workSetOf("py.officer")).owner.fingerprint).toBe(first);

    await db.user.update({ where: { username: "py.officer" }, data: { sessionVersion: { increment: 1 } } });
    const afterSession = (await workSetOf("py.officer")).owner.fingerprint;
    expect(afterSession).not.toBe(first);

    const sh = await unitByCode("XS-PY-SH");
    await db.user.update({ where: { username: "py.officer" }, data: { orgUnitId: sh.id } });
    const afterOrg = (await workSetOf("py.officer")).owner.fingerprint;
    expect([first, afterSession]).not.toContain(afterOrg);

    await db.user.update({ where: { username: "py.officer" }, data: { role: "MANAGER" } });
    const afterRole = (await workSetOf("py.officer")).owner.fingerprint;
    expect([first, afterSession, afterOrg]).not.toContain(afterRole);
    // Last test of the file: py.officer stays moved.
  });

});

/** The permission a page asks requirePermission for ("household.manage" behind HOUSEHOLDS.manage). */
function pagePermission(source: string): Permission | undefined {
  const literal = /requirePermission\("([^"]+)"\)/.exec(source);
  if (literal) return literal[1] as Permission;
  const kind = /requirePermission\((HOUSEHOLDS|ENTERPRISES)\.manage\)/.exec(source);
  if (kind) return kind[1] === "HOUSEHOLDS" ? "household.manage" : "enterprise.manage";
  return undefined;
}
