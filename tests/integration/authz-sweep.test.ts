// The authorization sweep: every entry of tests/support/action-registry.ts (every exported
// server action and route handler), called with real ids of another area's records, signed out
// and as each role of other areas (officers, managers, admins of another district, department
// and 亲企办 users): writes are refused and no business table changes; reads and exports
// answer without a single row of the other area (workbooks are read back with exceljs).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/platform/db/client";
import { messagesFor } from "@/lib/programmes/messages";
import * as orgActions from "@/lib/platform/org/actions";
import * as userActions from "@/lib/users/actions";
import * as programmeActions from "@/lib/programmes/actions";
import * as notificationActions from "@/lib/platform/notifications/actions";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import { EXTRA_ROUTE_CALLS, INPUT_SCHEMAS, LIST_QUERIES, REGISTRY, type SweepEntry } from "../support/action-registry";
import { ForbiddenError, NotFoundError } from "@/lib/platform/errors";
import { loadSweepFixtures, removeSweepFiles, type SweepFixtures } from "../support/sweep-fixtures";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode } from "../support/fixtures";
import { businessSnapshot, databaseSnapshot } from "../support/snapshot";
import { demoYear } from "../support/time";

const CHECK_FIELDS = (messagesFor("zh-CN") as { errors: { checkFields: string } }).errors.checkFields;

/**
 * Callers from other areas, one of each kind the demo has: village officer (谢家村), town
 * manager (浦阳镇), district admin and manager (余杭区), street officer and 亲企办 operator
 * (良渚街道), zone manager and department officer (余杭经开区, 未来科技城), a district bureau
 * (经信局), a grid officer (西湖区古荡), and an admin of 萧山区 created here (the demo's only
 * district admin is 余杭区's).
 */
const CALLERS = ["py.officer", "py.manager", "yh.admin", "yh.manager", "lz.officer", "lz.qqb", "etdz.manager", "etdz.officer", "fst.manager", "yh.jxj", "gd.officer", "xs.admin"];
const ENTRIES: SweepEntry[] = [...REGISTRY, ...EXTRA_ROUTE_CALLS, ...LIST_QUERIES];

let fx: SweepFixtures;
let unitPath: Map<string, string>;
/**
 * A name or number shown for a record, with the org units whose users may legitimately see
 * it. `fine` markers (household and enterprise ids and keys) count at the level of the unit
 * itself, so that a village officer seeing the next village's household is caught too.
 */
let markers: { text: string; paths: string[]; fine?: boolean }[];
const swept = new Set<string>();

const segments = (path: string) => path.split("/").filter(Boolean);
const isPrefix = (a: string[], b: string[]) => a.every((s, i) => b[i] === s);
/** Neither unit contains the other. */
const disjoint = (a: string, b: string) => !a.startsWith(b) && !b.startsWith(a);
/**
 * Disjoint at the level of the district's areas (街道/镇/园区/局): a marker is forbidden to a
 * caller only if it belongs to another area altogether, so that names legitimately shared
 * inside a town (a mentor from the next village) never count as a leak.
 */
const otherArea = (owner: string, caller: string) => {
  const [o, c] = [segments(owner).slice(0, 3), segments(caller).slice(0, 3)];
  return !isPrefix(o, c) && !isPrefix(c, o);
};

async function loadMarkers() {
  const byText = new Map<string, Set<string>>();
  const add = (text: string | null | undefined, ...unitIds: (string | null | undefined)[]) => {
    if (!text || text.length < 2) return;
    const set = byText.get(text) ?? new Set<string>();
    for (const id of unitIds) if (id && unitPath.has(id)) set.add(unitPath.get(id)!);
    byText.set(text, set);
  };
  for (const u of await db.orgUnit.findMany()) add(u.name, u.id);
  for (const u of await db.user.findMany()) add(u.name, u.orgUnitId);
  const unitName = new Map((await db.orgUnit.findMany()).map((u) => [u.id, u.name]));
  for (const p of await db.programme.findMany({ include: { participants: true } })) {
    const takingPart = p.participants.map((x) => x.orgUnitId);
    add(p.name, p.orgUnitId, ...takingPart);
    // A programme's participants see who runs it.
    add(unitName.get(p.orgUnitId), ...takingPart);
  }
  for (const h of await db.household.findMany()) add(h.headName, h.orgUnitId);
  for (const e of await db.enterprise.findMany()) add(e.name, e.orgUnitId);
  for (const t of await db.talent.findMany()) add(t.name, t.orgUnitId);
  for (const r of await db.serviceRequest.findMany({ include: { assignee: true, coHandlers: true } })) add(r.number, r.orgUnitId, r.leadDepartmentId, r.assignee?.orgUnitId, ...r.coHandlers.map((c) => c.orgUnitId));
  for (const t of await db.taskForce.findMany()) add(t.name, t.orgUnitId);
  for (const k of await db.keyProject.findMany()) add(k.name, k.orgUnitId);
  for (const e of await db.showcaseEntry.findMany()) add(e.topic, e.orgUnitId);
  for (const l of await db.investmentLead.findMany()) add(l.title, l.orgUnitId);
  const fine = [
    ...(await db.household.findMany({ select: { id: true, householdKey: true, orgUnitId: true } })).flatMap((h) => [h.id, `"${h.householdKey}"`].map((text) => ({ text, unit: h.orgUnitId }))),
    ...(await db.enterprise.findMany({ select: { id: true, orgUnitId: true } })).map((e) => ({ text: e.id, unit: e.orgUnitId })),
  ].map(({ text, unit }) => ({ text, paths: [unitPath.get(unit)!], fine: true }));
  return [...[...byText].map(([text, paths]) => ({ text, paths: [...paths] })), ...fine];
}

async function textOf(response: Response): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value))));
  return cells.join("\n");
}

/** What is wrong with one call's answer, if anything ("" when it held). */
async function judge(entry: SweepEntry, forbidden: string[], signedIn: boolean): Promise<string> {
  const tag = entry.knownLeak ? `KNOWN LEAK (${entry.knownLeak}) ` : "";
  let result: unknown;
  try {
    result = await entry.call!(fx);
  } catch (error) {
    // A list query refuses by throwing, as the pages' loaders expect.
    if (entry.kind === "read" && (error instanceof NotFoundError || error instanceof ForbiddenError)) return "";
    return `${tag}${entry.key}: threw ${String(error).slice(0, 200)}`;
  }
  const leaked = (text: string) => forbidden.filter((m) => text.includes(m)).slice(0, 5);
  if (result instanceof Response) {
    if (result.status >= 400) return "";
    if (!signedIn) return `${tag}${entry.key}: answered ${result.status} without a session`;
    if (!(result.headers.get("content-type") ?? "").includes("spreadsheetml")) return `${tag}${entry.key}: served ${result.status} ${result.headers.get("content-type")} for another area's record`;
    const found = leaked(await textOf(result));
    return found.length ? `${tag}${entry.key}: the workbook shows another area's ${JSON.stringify(found)}` : "";
  }
  const r = result as { ok?: boolean; error?: string; fieldErrors?: unknown; data?: unknown };
  if (entry.kind === "read") {
    if (r && typeof r === "object" && !("ok" in r) || Array.isArray(r)) {
      const found = leaked(JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
      return found.length ? `${tag}${entry.key}: the rows show another area's ${JSON.stringify(found)}` : "";
    }
    if (r.ok === false) return "";
    if (!signedIn) return `${tag}${entry.key}: answered ok without a session`;
    const found = leaked(JSON.stringify(r.data ?? null));
    return found.length ? `${tag}${entry.key}: the answer shows another area's ${JSON.stringify(found)}` : "";
  }
  if (r.ok !== false) return `${tag}${entry.key}: NOT REFUSED (${JSON.stringify(result)?.slice(0, 200)})`;
  // Entries with a schema are shown valid once (below); a field error is then a scope rule
  // ("该单位不在您的管辖范围内"). Without one, a field error may be a wrong input.
  if (signedIn && r.error === CHECK_FIELDS && !INPUT_SCHEMAS[entry.key]) return `${entry.key}: refused by the field check, so the registry's input is wrong: ${JSON.stringify(r.fieldErrors)}`;
  return "";
}

/** Runs `fn` over `items`, `limit` at a time (refusals are mostly waits on the database). */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

function diff(before: string, after: string): string[] {
  const was = new Set(before.split("\n"));
  return after.split("\n").filter((l) => !was.has(l)).map((l) => l.split(":")[0]!);
}

beforeAll(async () => {
  const admin = await demoUser("admin");
  await db.user.create({ data: { username: "xs.admin", name: "萧山区管理员", role: "ADMIN", orgUnitId: (await unitByCode("XS")).id, passwordHash: admin.passwordHash, passwordChangedAt: admin.passwordChangedAt } });
  unitPath = new Map((await db.orgUnit.findMany({ select: { id: true, path: true } })).map((u) => [u.id, u.path]));
  fx = await loadSweepFixtures();
  markers = await loadMarkers();
}, 60_000);
beforeEach(() => resetRequest());
afterAll(async () => {
  if (fx) await removeSweepFiles(fx);
});

describe("authorization sweep over the registry", () => {
  it("signed out: every action and route handler is refused, nothing changes", async () => {
    const before = await databaseSnapshot();
    const problems = await mapLimit(ENTRIES.filter((e) => e.call && e.kind !== "public" && !LIST_QUERIES.includes(e)), 4, (entry) => judge(entry, [], false));
    expect(problems.filter(Boolean)).toEqual([]);
    expect(diff(before, await databaseSnapshot()), "tables changed").toEqual([]);
  }, 120_000);

  for (const username of CALLERS) {
    it(`${username}: refused on every other area's record, sees none of its rows, changes nothing`, async () => {
      const caller = await actAs(username);
      // A caller sent to the password form is refused everything, which would prove nothing.
      expect(caller.mustChangePassword || !caller.active, "a caller who may act at all").toBe(false);
      const path = caller.orgUnit.path;
      const forbidden = markers.filter((m) => m.paths.length > 0 && m.paths.every((p) => (m.fine ? disjoint(p, path) : otherArea(p, path)))).map((m) => m.text);
      const entries = ENTRIES.filter((e) => {
        if (!e.call || !["write", "read", "route"].includes(e.kind)) return false;
        if (e.roles) return !e.roles.includes(caller.role);
        const owners = [fx.unit[e.owner!]!.id, ...(e.alsoOwnedBy?.(fx) ?? [])].filter((id): id is string => Boolean(id));
        return owners.every((id) => disjoint(unitPath.get(id)!, path));
      });
      expect(entries.length, "entries swept for this caller").toBeGreaterThan(0);
      const before = await databaseSnapshot();
      for (const entry of entries) swept.add(entry.key);
      const problems = await mapLimit(entries, 4, (entry) => judge(entry, forbidden, true));
      expect(problems.filter(Boolean)).toEqual([]);
      expect(diff(before, await databaseSnapshot()), "tables changed").toEqual([]);
    }, 120_000);
  }

  it("inside the area, a role without the permission is refused too: 浦阳's manager and 径游's officer on admin actions", async () => {
    const adminOnly = ENTRIES.filter((e) => /^lib\/(platform\/org|users|programmes)\//.test(e.key) && e.kind === "write");
    expect(adminOnly.length).toBeGreaterThanOrEqual(12);
    for (const username of ["py.manager", "py.jy.officer"]) {
      await actAs(username);
      const before = await databaseSnapshot();
      const problems = await mapLimit(adminOnly, 4, (entry) => judge(entry, [], true));
      expect(problems.filter(Boolean), username).toEqual([]);
      expect(diff(before, await databaseSnapshot()), "tables changed").toEqual([]);
    }
  });

  it("every input would pass its action's own field check (so a refusal is the authorization's)", () => {
    const invalid: string[] = [];
    for (const [k, schema] of Object.entries(INPUT_SCHEMAS)) {
      const entry = ENTRIES.find((e) => e.key === k);
      expect(entry?.input, k).toBeTypeOf("function");
      const { idempotencyKey: _key, ...fields } = entry!.input!(fx) as Record<string, unknown>;
      const parsed = schema.safeParse(fields);
      if (!parsed.success) invalid.push(`${k}: ${JSON.stringify(parsed.error.issues.map((i) => [i.path.join("."), i.message]))}`);
    }
    expect(invalid).toEqual([]);
  });

  it("every write, read and route entry was swept by at least one signed-in caller of another area", () => {
    const missed = ENTRIES.filter((e) => e.call && ["write", "read", "route"].includes(e.kind) && !swept.has(e.key)).map((e) => e.key);
    expect(missed).toEqual([]);
  });

  it("marking all notifications read touches only the caller's own", async () => {
    const victim = fx.notification.userId;
    const unread = () => db.notification.count({ where: { userId: victim, readAt: null } });
    const before = await unread();
    await actAs("yh.manager");
    expect((await notificationActions.markAllNotificationsReadAction({})).ok).toBe(true);
    expect(await unread()).toBe(before);
  });

  it("refusals are audited as DENIED", async () => {
    const officer = await actAs("py.officer");
    await ENTRIES.find((e) => e.key === "lib/platform/org/actions#renameOrgUnitAction")!.call!(fx);
    expect(await db.auditLog.count({ where: { actorId: officer.id, outcome: "DENIED" } })).toBeGreaterThan(0);
  });

  it("the sweep can fail: an owner of the area gets past authorization with the same inputs", async () => {
    // Before the password reset below, which sends 径游's officer to the password form.
    await actAs("py.jy.officer");
    const photo = (await ENTRIES.find((e) => e.key.startsWith("app/api/visits/[visitId]/photos/"))!.call!(fx)) as Response;
    expect(photo.status, "径游's own officer gets the photo the sweep asks for").toBe(200);
    const manager = await actAs("yh.manager");
    const viewed = () => db.auditLog.count({ where: { action: "points.evidence.view", entityId: fx.evidence.id, actorId: manager.id, outcome: "OK" } });
    const viewedBefore = await viewed();
    const evidence = (await ENTRIES.find((e) => e.key.startsWith("app/api/talent/evidence/"))!.call!(fx)) as Response;
    expect(evidence.status, "余杭区's manager gets the evidence file the sweep asks for").toBe(200);
    expect(await viewed(), "the file served is in the audit log").toBe(viewedBefore + 1);
    await actAs("admin");
    for (const k of ["lib/platform/org/actions#renameOrgUnitAction", "lib/users/actions#resetUserPasswordAction"]) {
      const result = (await ENTRIES.find((e) => e.key === k)!.call!(fx)) as { ok: boolean };
      expect(result.ok, k).toBe(true);
    }
    await actAs("py.manager");
    const search = (await ENTRIES.find((e) => e.key === "lib/visits/actions#searchPlacesAction")!.call!(fx)) as { data: unknown[] };
    expect(search.data.length, "the search finds 径游's households for someone allowed").toBeGreaterThan(0);
  });

  it("the marker check can fail: 良渚's request export, read by 余杭区, shows what the sweep forbids 浦阳 to see", async () => {
    await actAs("yh.manager");
    const response = (await ENTRIES.find((e) => e.key === "app/api/exports/requests/route#GET")!.call!(fx)) as Response;
    expect(response.status).toBe(200);
    const text = await textOf(response);
    const puyang = (await demoUser("py.manager")).orgUnit.path;
    const forbiddenToPuyang = markers.filter((m) => m.paths.length > 0 && m.paths.every((p) => otherArea(p, puyang))).map((m) => m.text);
    expect(forbiddenToPuyang.filter((m) => text.includes(m)).length).toBeGreaterThan(5);
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
