// 增值服务驿站 cases (办件), round-tables (圆桌) and documents: creation (walk-in, appointment,
// bundle ∪ items, a shop registered on the spot, idempotent), conditional audited transitions,
// time saved, two departments answering a round-table at the same instant, documents, and
// scoping (another area gets "not found" from every loader and action). The test builds its
// own station in 良渚街道 and does not rely on the demo's 湖滨 station.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { now, pinClock, unpinClock } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/platform/dates";
import { NotFoundError } from "@/lib/platform/errors";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { makeCreditCode } from "@/lib/registers/credit-code";
import {
  answerRoundTableAction, assignCaseAction, cancelCaseAction, createCaseAction, finishCaseAction, openRoundTableAction, startCaseAction,
  uploadCaseDocumentAction,
} from "@/lib/service-stations/actions";
import { caseAllows } from "@/lib/service-stations/case-rules";
import { REGISTERED_ENTERPRISE_FIELD } from "@/lib/service-stations/schemas";
import { getCaseDocumentOrThrow, getCaseOrThrow, getRoundTableOrThrow, getStationOrThrow, listCases, stationOverview } from "@/lib/service-stations/queries";
import { GET as downloadDocument } from "@/app/api/service-stations/documents/[documentId]/route";
import { resetRequest, signInAs } from "../support/next-stubs";
import { unitByCode, ok } from "../support/fixtures";
import { demoYear } from "../support/time";

const key = () => crypto.randomUUID();
const NOT_FOUND = "记录不存在，或不在您的管辖范围内。";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

type Person = { id: string; role: "OFFICER" | "MANAGER" | "ADMIN"; orgUnitId: string; sessionVersion: number; name: string };
const people: Record<string, Person> = {};
const as = (u: string) => signInAs(people[u]!);

let stationId: string;
let programmeId: string;
let lzUnitId: string;
const item: Record<string, string> = {};
let bundleId: string;
let otherStationItemId: string;
let enterpriseId: string;
let serial = 7_300;

async function mkUser(username: string, role: Person["role"], code: string) {
  const unit = await unitByCode(code);
  const u = await db.user.create({ data: { username, name: username, role, orgUnitId: unit.id, passwordHash: "x" } });
  people[username] = { id: u.id, role, orgUnitId: unit.id, sessionVersion: u.sessionVersion, name: username };
}

const actor = async (u: string) => (await loadSessionUser(people[u]!.id, people[u]!.sessionVersion))!;

/** A walk-in for the registered enterprise with the given items (and bundle). */
async function walkIn(itemIds: string[], extra: Record<string, unknown> = {}) {
  return createCaseAction({
    stationId, channel: "WALK_IN", enterpriseId, newEnterprise: null, bundleId: "", itemIds, visitorName: "王老板", request: "开店", scheduledAt: "",
    idempotencyKey: key(), ...extra,
  });
}

const caseRow = (id: string) => db.serviceCase.findUniqueOrThrow({ where: { id } });
const auditsOf = (action: string, entityId: string) => db.auditLog.findMany({ where: { action, entityId } });

beforeAll(async () => {
  process.env.STORAGE_DIR = await mkdtemp(path.join(tmpdir(), "station-docs-"));
  await mkUser("lz.station1", "OFFICER", "YH-LZ");
  await mkUser("lz.station2", "OFFICER", "YH-LZ");
  await mkUser("lz.community", "OFFICER", "YH-LZ-WH");
  await mkUser("lz.stationmgr", "MANAGER", "YH-LZ");
  await mkUser("py.outsider", "MANAGER", "XS-PY");
  await mkUser("lz.admin", "ADMIN", "YH-LZ");
  const lz = await unitByCode("YH-LZ");
  lzUnitId = lz.id;
  programmeId = (await db.programme.create({
    data: {
      type: "SERVICE_STATION", name: "良渚商圈增值服务驿站", orgUnitId: lz.id, status: "ACTIVE", createdById: people["lz.stationmgr"]!.id,
      startDate: dateOnly(`${demoYear}-01-01`), endDate: dateOnly(`${demoYear + 1}-12-31`),
    },
  })).id;
  stationId = (await db.serviceStation.create({ data: { programmeId, orgUnitId: lz.id, name: "良渚驿站", address: "良渚路 1 号" } })).id;
  const rows = [
    ["A", "营业执照", "市场监管局", 20, 60],
    ["B", "消防检查", "消防救援大队", 15, 45],
    ["C", "店招审批", "综合行政执法局", 10, 30],
  ] as const;
  for (const [code, name, department, standardMinutes, usualMinutes] of rows) {
    item[code] = (await db.serviceItem.create({ data: { stationId, code, kind: "STAFFED", name, department, standardMinutes, usualMinutes } })).id;
  }
  item.OFF = (await db.serviceItem.create({ data: { stationId, code: "OFF", kind: "SELF_SERVICE", name: "停用事项", standardMinutes: 5, usualMinutes: 10, active: false } })).id;
  bundleId = (await db.serviceBundle.create({ data: { stationId, code: "RESTAURANT", name: "开餐馆", items: { create: [{ itemId: item.A!, sortOrder: 0 }, { itemId: item.B!, sortOrder: 1 }] } } })).id;
  const py = await unitByCode("XS-PY");
  const otherStation = await db.serviceStation.create({ data: { programmeId, orgUnitId: py.id, name: "浦阳驿站" } });
  otherStationItemId = (await db.serviceItem.create({ data: { stationId: otherStation.id, code: "A", kind: "STAFFED", name: "营业执照", standardMinutes: 20, usualMinutes: 60 } })).id;
  enterpriseId = (await db.enterprise.create({ data: { name: "良渚小面馆", creditCode: makeCreditCode(serial++), orgUnitId: lz.id, contactPhone: "13812345678" } })).id;
});
beforeEach(() => resetRequest());
afterEach(() => unpinClock());

describe("creating a case", () => {
  it("a walk-in starts now with the bundle's items and the picked ones, their minutes copied, numbered from the database counter", async () => {
    await as("lz.station1");
    const { id, number } = ok(await walkIn([item.C!, item.A!], { bundleId }));
    expect(number).toMatch(/^LZ-\d{4}-\d{5}$/);
    const c = await db.serviceCase.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(c).toMatchObject({ status: "IN_PROGRESS", channel: "WALK_IN", programmeId, stationId, orgUnitId: lzUnitId, staffId: people["lz.station1"]!.id, bundleId, enterpriseId });
    expect(c.startedAt).not.toBeNull();
    expect(c.items.map((i) => [i.itemId, i.usualMinutes]).sort()).toEqual([[item.A, 60], [item.B, 45], [item.C, 30]].sort());
    const second = ok(await walkIn([item.A!]));
    expect(Number(second.number.slice(-5))).toBe(Number(number.slice(-5)) + 1);
    expect(await auditsOf("serviceStation.case.create", id)).toHaveLength(1);
  });

  it("an appointment waits (SCHEDULED) for its time; starting it is conditional on the version and audited", async () => {
    await as("lz.station1");
    const at = toShanghaiLocal(new Date(now().getTime() + 86_400_000));
    const { id } = ok(await createCaseAction({
      stationId, channel: "APPOINTMENT", enterpriseId, newEnterprise: null, bundleId: "", itemIds: [item.C!], visitorName: "", request: "", scheduledAt: at, idempotencyKey: key(),
    }));
    const c = await caseRow(id);
    expect(c).toMatchObject({ status: "SCHEDULED", startedAt: null });
    expect(toShanghaiLocal(c.scheduledAt!)).toBe(at);
    expect(await startCaseAction({ caseId: id, version: c.version + 1 })).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect((await caseRow(id)).status).toBe("SCHEDULED");
    ok(await startCaseAction({ caseId: id, version: c.version }));
    expect(await caseRow(id)).toMatchObject({ status: "IN_PROGRESS", version: c.version + 1 });
    const [row] = await auditsOf("serviceStation.case.start", id);
    expect(row!.data).toMatchObject({ before: { status: "SCHEDULED" }, after: { status: "IN_PROGRESS" } });
    expect((await startCaseAction({ caseId: id, version: c.version + 1 })).ok).toBe(false);
  });

  it("the same submit twice, even at once, opens one case", async () => {
    await as("lz.station1");
    const idempotencyKey = key();
    const before = await db.serviceCase.count({ where: { stationId } });
    const input = { stationId, channel: "WALK_IN", enterpriseId, newEnterprise: null, bundleId: "", itemIds: [item.A!], visitorName: "", request: "重复提交", scheduledAt: "", idempotencyKey };
    const [a, b] = await Promise.all([createCaseAction(input), createCaseAction(input)]);
    expect(ok(a).id).toBe(ok(b).id);
    expect(ok(await createCaseAction(input)).id).toBe(ok(a).id);
    expect(await db.serviceCase.count({ where: { stationId } })).toBe(before + 1);
  });

  it("an inactive item, another station's item or bundle is refused on its field, in Chinese", async () => {
    await as("lz.station1");
    const before = await db.serviceCase.count();
    for (const bad of [item.OFF!, otherStationItemId]) {
      const r = await walkIn([item.A!, bad]);
      expect(r).toMatchObject({ ok: false, fieldErrors: { itemIds: ["所选事项不属于本驿站或已停用"] } });
    }
    expect(await walkIn([], { bundleId: "nope" })).toMatchObject({ ok: false, fieldErrors: { bundleId: ["所选“一类事”不属于本驿站、已停用或含已停用的事项"] } });
    expect(await walkIn([])).toMatchObject({ ok: false, fieldErrors: { itemIds: ["请选择“一类事”或至少一个服务事项"] } });
    expect(await db.serviceCase.count()).toBe(before);
  });

  it("a shop not in the register is registered with the case; a credit code already registered points at that enterprise instead", async () => {
    await as("lz.station1");
    const creditCode = makeCreditCode(serial++);
    const newEnterprise = {
      name: "良渚咖啡馆", creditCode, address: "良渚路 8 号", orgUnitId: lzUnitId, industry: "餐饮", size: "SMALL_MICRO", contactName: "李店长", contactPhone: "13900001111", commissionerId: "",
    };
    const { id } = ok(await walkIn([item.A!], { enterpriseId: "", newEnterprise }));
    const c = await db.serviceCase.findUniqueOrThrow({ where: { id }, include: { enterprise: true } });
    expect(c.enterprise).toMatchObject({ name: "良渚咖啡馆", creditCode, orgUnitId: lzUnitId });
    expect(await db.auditLog.count({ where: { action: "enterprise.create", entityId: c.enterpriseId } })).toBe(1);

    const again = await walkIn([item.A!], { enterpriseId: "", newEnterprise: { ...newEnterprise, name: "另一家" } });
    // The form is told, by a flag and not by the message's wording, that it may offer to pick the enterprise.
    expect(again).toMatchObject({ ok: false, fieldErrors: { "newEnterprise.creditCode": ["该信用代码已登记为“良渚咖啡馆”，请改为从登记册选择该企业"], [REGISTERED_ENTERPRISE_FIELD]: [expect.any(String)] } });
    expect(await db.enterprise.count({ where: { creditCode } })).toBe(1);
    // Registered in another area: neither named nor offered.
    const elsewhere = makeCreditCode(serial++);
    await db.enterprise.create({ data: { name: "浦阳小店", creditCode: elsewhere, orgUnitId: (await unitByCode("XS-PY")).id } });
    const outside = await walkIn([item.A!], { enterpriseId: "", newEnterprise: { ...newEnterprise, creditCode: elsewhere } });
    expect(outside).toMatchObject({ ok: false, fieldErrors: { "newEnterprise.creditCode": ["该信用代码已在其他辖区登记，请联系其所在单位"] } });
    expect(outside.ok === false && outside.fieldErrors?.[REGISTERED_ENTERPRISE_FIELD]).toBeFalsy();
    // Both or neither: one of the two.
    expect(await walkIn([item.A!], { newEnterprise })).toMatchObject({ ok: false, fieldErrors: { enterpriseId: ["请从登记册选择企业，或登记新企业，二者选其一"] } });
  });

  it("a programme that is not active opens no case", async () => {
    await db.programme.update({ where: { id: programmeId }, data: { status: "CLOSED" } });
    try {
      await as("lz.station1");
      expect(await walkIn([item.A!])).toMatchObject({ ok: false, error: "该驿站所属专项未启动或已结束，不能新建办件。" });
    } finally {
      await db.programme.update({ where: { id: programmeId }, data: { status: "ACTIVE" } });
    }
  });
});

describe("finishing, cancelling, assigning", () => {
  it("time saved = the items' usual minutes − whole minutes taken; a second finish and a stale version are refused", async () => {
    const t0 = now();
    pinClock(t0);
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.C!]));
    const v = (await caseRow(id)).version;
    pinClock(new Date(t0.getTime() + (37 * 60 + 42) * 1000));
    await as("lz.station1");
    expect(await finishCaseAction({ caseId: id, version: v + 1, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" })).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    ok(await finishCaseAction({ caseId: id, version: v, outcome: "COMPLETED", outcomeNote: "当场办结", finishedAt: "" }));
    expect(await caseRow(id)).toMatchObject({ status: "FINISHED", outcome: "COMPLETED", usualMinutes: 90, actualMinutes: 37, savedMinutes: 53 });
    const [row] = await auditsOf("serviceStation.case.finish", id);
    expect(row!.data).toMatchObject({ before: { status: "IN_PROGRESS" }, after: { status: "FINISHED", savedMinutes: 53 } });
    expect(await finishCaseAction({ caseId: id, version: v + 1, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" })).toMatchObject({ ok: false, error: "该办件已办结或已取消，不能再修改。" });
    expect(await auditsOf("serviceStation.case.finish", id)).toHaveLength(1);
  });

  it("the items' minutes are the ones copied at opening, not the catalogue's later edit", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.B!]));
    await db.serviceItem.update({ where: { id: item.B! }, data: { usualMinutes: 999 } });
    try {
      ok(await finishCaseAction({ caseId: id, version: (await caseRow(id)).version, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }));
      expect((await caseRow(id)).usualMinutes).toBe(45);
    } finally {
      await db.serviceItem.update({ where: { id: item.B! }, data: { usualMinutes: 45 } });
    }
  });

  it("cancel records the reason; a cancelled case changes no more", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!]));
    const v = (await caseRow(id)).version;
    ok(await cancelCaseAction({ caseId: id, version: v, reason: "企业材料不齐，改日再来" }));
    expect(await caseRow(id)).toMatchObject({ status: "CANCELLED", outcomeNote: "企业材料不齐，改日再来" });
    expect((await cancelCaseAction({ caseId: id, version: v + 1, reason: "再次" })).ok).toBe(false);
    expect((await startCaseAction({ caseId: id, version: v + 1 })).ok).toBe(false);
  });

  it("a case is handed only to someone of the station's area who may handle cases", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!]));
    const v = (await caseRow(id)).version;
    // Someone of another area, and someone of a unit below the station (they could not open the case).
    for (const u of ["py.outsider", "lz.community"]) {
      expect(await assignCaseAction({ caseId: id, version: v, staffId: people[u]!.id })).toMatchObject({ ok: false, fieldErrors: { staffId: ["该人员不能办理本驿站的办件"] } });
    }
    ok(await assignCaseAction({ caseId: id, version: v, staffId: people["lz.station2"]!.id }));
    expect((await caseRow(id)).staffId).toBe(people["lz.station2"]!.id);
    const [row] = await auditsOf("serviceStation.case.assign", id);
    expect(row!.data).toMatchObject({ before: { staffId: people["lz.station1"]!.id }, after: { staffId: people["lz.station2"]!.id } });
  });
});

describe("round-tables (圆桌协同审批)", () => {
  it("two departments answering at the same instant conclude the table exactly once and hand the case back", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!]));
    const v = (await caseRow(id)).version;
    expect(await openRoundTableAction({ caseId: id, version: v, topic: "开店联审", departments: ["市场监管局", " 市场监管局 "] }))
      .toMatchObject({ ok: false, fieldErrors: { departments: ["圆桌会商至少需要两个不同的部门"] } });
    const { id: rtId } = ok(await openRoundTableAction({ caseId: id, version: v, topic: "开店联审", departments: ["市场监管局", "消防救援大队"] }));
    expect((await caseRow(id)).status).toBe("ROUND_TABLE");
    // The case waits: it cannot finish while a department has not answered.
    expect(await finishCaseAction({ caseId: id, version: v + 1, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }))
      .toMatchObject({ ok: false, error: "圆桌会商尚未结束：各部门全部答复后才能办结。" });

    await as("lz.station2");
    const [a, b] = await Promise.all([
      answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" }),
      answerRoundTableAction({ roundTableId: rtId, department: "消防救援大队", verdict: "DISAGREE", comment: "疏散通道不足" }),
    ]);
    const results = [ok(a), ok(b)];
    expect(results.filter((r) => r.concluded)).toHaveLength(1);
    const rt = await db.roundTable.findUniqueOrThrow({ where: { id: rtId }, include: { opinions: true } });
    expect(rt.status).toBe("CONCLUDED");
    expect(rt.opinions.every((o) => o.verdict && o.answeredById === people["lz.station2"]!.id)).toBe(true);
    expect(rt.opinions.find((o) => o.department === "消防救援大队")).toMatchObject({ verdict: "DISAGREE", comment: "疏散通道不足" });
    const rows = await auditsOf("serviceStation.roundTable.answer", rtId);
    expect(rows.map((r) => (r.data as { department: string }).department).sort()).toEqual(["市场监管局", "消防救援大队"].sort());
    const c = await caseRow(id);
    expect(c).toMatchObject({ status: "IN_PROGRESS", version: v + 2 });

    // A seat answers once; the staff then decide (a disagreement: referred).
    expect((await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "DISAGREE", comment: "" })).ok).toBe(false);
    await as("lz.station1");
    ok(await finishCaseAction({ caseId: id, version: c.version, outcome: "REFERRED", outcomeNote: "消防意见：转窗口整改后再办", finishedAt: "" }));
    expect((await caseRow(id)).outcome).toBe("REFERRED");
  });

  it("the station's staff record the seats, each showing who recorded it and when; an admin of the area may not", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!]));
    const { id: rtId } = ok(await openRoundTableAction({ caseId: id, version: (await caseRow(id)).version, topic: "开店联审", departments: ["市场监管局", "消防救援大队"] }));
    await as("lz.admin");
    expect(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" })).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
    expect(await db.roundTableOpinion.count({ where: { roundTableId: rtId, verdict: { not: null } } })).toBe(0);
    const at = now();
    pinClock(at);
    await as("lz.stationmgr");
    ok(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" }));
    const c = await getCaseOrThrow(await actor("lz.station1"), id);
    expect(c.roundTables[0]!.opinions.find((o) => o.department === "市场监管局")).toMatchObject({ answeredBy: { name: "lz.stationmgr" }, answeredAt: at });
  });

  it("opening and concluding a round-table are in the case's own history; a back-dated finish cannot precede the last answer", async () => {
    const t0 = now();
    pinClock(t0);
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!]));
    const v = (await caseRow(id)).version;
    pinClock(new Date(t0.getTime() + 10 * 60_000));
    await as("lz.station1");
    const { id: rtId } = ok(await openRoundTableAction({ caseId: id, version: v, topic: "开店联审", departments: ["市场监管局", "消防救援大队"] }));
    const [opened] = await auditsOf("serviceStation.case.roundTable", id);
    expect(opened).toMatchObject({ entityType: "ServiceCase", data: { roundTableId: rtId, before: { status: "IN_PROGRESS", version: v }, after: { status: "ROUND_TABLE", version: v + 1 } } });
    ok(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" }));
    expect(await auditsOf("serviceStation.case.resume", id)).toHaveLength(0);
    const concludedAt = new Date(t0.getTime() + 30 * 60_000);
    pinClock(concludedAt);
    await as("lz.station2");
    ok(await answerRoundTableAction({ roundTableId: rtId, department: "消防救援大队", verdict: "AGREE", comment: "" }));
    const [resumed] = await auditsOf("serviceStation.case.resume", id);
    expect(resumed).toMatchObject({ entityType: "ServiceCase", data: { roundTableId: rtId, before: { status: "ROUND_TABLE", version: v + 1 }, after: { status: "IN_PROGRESS", version: v + 2 } } });

    pinClock(new Date(t0.getTime() + 45 * 60_000));
    await as("lz.station1");
    const finish = (finishedAt: string) => finishCaseAction({ caseId: id, version: v + 2, outcome: "COMPLETED", outcomeNote: "", finishedAt });
    expect(await finish(toShanghaiLocal(new Date(t0.getTime() + 20 * 60_000))))
      .toMatchObject({ ok: false, fieldErrors: { finishedAt: ["办结时间不能早于圆桌会商全部答复的时间"] } });
    expect((await caseRow(id)).status).toBe("IN_PROGRESS");
    // The minute the table concluded in is fine (the typed time has no seconds).
    ok(await finish(toShanghaiLocal(concludedAt)));
    expect((await caseRow(id)).status).toBe("FINISHED");
  });

  it("a seat already answered is a conflict; an unknown department is refused on its field", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!, item.C!]));
    const { id: rtId } = ok(await openRoundTableAction({ caseId: id, version: (await caseRow(id)).version, topic: "店招", departments: ["市场监管局", "消防救援大队", "综合行政执法局"] }));
    ok(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" }));
    expect(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" })).toMatchObject({ ok: false, error: "该部门已答复，不能重复答复，请刷新。" });
    expect(await answerRoundTableAction({ roundTableId: rtId, department: "税务局", verdict: "AGREE", comment: "" })).toMatchObject({ ok: false, fieldErrors: { department: ["该部门不在本次圆桌会商中"] } });
    expect((await db.roundTable.findUniqueOrThrow({ where: { id: rtId } })).status).toBe("OPEN");
  });
});

describe("a case whose programme is not ACTIVE", () => {
  it("the case page offers nothing that moves it on (caseAllows), and the server refuses each of those", async () => {
    await as("lz.station1");
    const { id: booked } = ok(await createCaseAction({
      stationId, channel: "APPOINTMENT", enterpriseId, newEnterprise: null, bundleId: "", itemIds: [item.C!], visitorName: "", request: "",
      scheduledAt: toShanghaiLocal(new Date(now().getTime() + 86_400_000)), idempotencyKey: key(),
    }));
    const { id: working } = ok(await walkIn([item.A!, item.B!]));
    const { id: waiting } = ok(await walkIn([item.A!, item.B!]));
    const { id: rtId } = ok(await openRoundTableAction({ caseId: waiting, version: (await caseRow(waiting)).version, topic: "开店联审", departments: ["市场监管局", "消防救援大队"] }));
    const allowsOf = async (id: string) => caseAllows(await getCaseOrThrow(await actor("lz.station1"), id));
    const nothing = { start: false, finish: false, openRoundTable: false, answer: false };
    expect(await allowsOf(booked)).toEqual({ ...nothing, start: true, assign: true, cancel: true, programmeNotActive: false });
    expect(await allowsOf(working)).toEqual({ ...nothing, finish: true, openRoundTable: true, assign: true, cancel: true, programmeNotActive: false });
    expect(await allowsOf(waiting)).toEqual({ ...nothing, answer: true, assign: true, cancel: false, programmeNotActive: false });

    await db.programme.update({ where: { id: programmeId }, data: { status: "CLOSED" } });
    try {
      // Handing over and cancelling stay offered; the page says why the rest are not.
      expect(await allowsOf(booked)).toEqual({ ...nothing, assign: true, cancel: true, programmeNotActive: true });
      expect(await allowsOf(working)).toEqual({ ...nothing, assign: true, cancel: true, programmeNotActive: true });
      expect(await allowsOf(waiting)).toEqual({ ...nothing, assign: true, cancel: false, programmeNotActive: true });
      const refused = { ok: false, error: "该办件所属专项未启动或已结束，不能继续办理。" };
      await as("lz.station1");
      expect(await startCaseAction({ caseId: booked, version: (await caseRow(booked)).version })).toMatchObject(refused);
      expect(await finishCaseAction({ caseId: working, version: (await caseRow(working)).version, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" })).toMatchObject(refused);
      expect(await openRoundTableAction({ caseId: working, version: (await caseRow(working)).version, topic: "联审", departments: ["市场监管局", "消防救援大队"] })).toMatchObject(refused);
      expect(await answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" })).toMatchObject(refused);
      expect(await db.roundTableOpinion.count({ where: { roundTableId: rtId, verdict: { not: null } } })).toBe(0);
      expect((await Promise.all([booked, working, waiting].map(caseRow))).map((c) => c.status)).toEqual(["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"]);
    } finally {
      await db.programme.update({ where: { id: programmeId }, data: { status: "ACTIVE" } });
    }
  });
});

describe("documents", () => {
  it("stores a file recognised by its bytes, refuses another kind, and serves it only within the area", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!]));
    const form = (file: File) => {
      const f = new FormData();
      f.set("caseId", id);
      f.set("file", file);
      return f;
    };
    expect(await uploadCaseDocumentAction(form(new File(["just text"], "licence.pdf", { type: "application/pdf" }))))
      .toMatchObject({ ok: false, fieldErrors: { file: ["只能上传 PDF、JPG、PNG 或 Word（.docx）文件"] } });
    const { id: docId } = ok(await uploadCaseDocumentAction(form(new File([PNG], "营业执照.png", { type: "application/octet-stream" }))));
    expect(await db.serviceCaseDocument.findUniqueOrThrow({ where: { id: docId } })).toMatchObject({ mime: "image/png", fileName: "营业执照.png", size: PNG.length });
    const url = `http://localhost:3000/api/service-stations/documents/${docId}`;
    const res = await downloadDocument(new Request(url), { params: Promise.resolve({ documentId: docId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    // The download is in the log: who, which document, which case — not the file's name.
    const viewed = await db.auditLog.findMany({ where: { action: "serviceStation.document.view", entityId: docId } });
    expect(viewed.map((r) => ({ outcome: r.outcome, actorId: r.actorId, data: r.data }))).toEqual([{ outcome: "OK", actorId: people["lz.station1"]!.id, data: { caseId: id } }]);
    await as("py.outsider");
    expect((await downloadDocument(new Request(url), { params: Promise.resolve({ documentId: docId }) })).status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "serviceStation.document.view", entityId: docId, outcome: "OK" } })).toBe(1);
  });
});

describe("scoping", () => {
  it("someone of another area finds no station, case, round-table or document, and every action answers not found", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!]));
    const v = (await caseRow(id)).version;
    const { id: rtId } = ok(await openRoundTableAction({ caseId: id, version: v, topic: "联审", departments: ["市场监管局", "消防救援大队"] }));
    const doc = await db.serviceCaseDocument.create({ data: { caseId: id, fileKey: "service-stations/cases/x/y", fileName: "a.pdf", mime: "application/pdf", size: 1, uploadedById: people["lz.station1"]!.id } });
    const scheduled = ok(await createCaseAction({
      stationId, channel: "APPOINTMENT", enterpriseId, newEnterprise: null, bundleId: "", itemIds: [item.A!], visitorName: "", request: "",
      scheduledAt: toShanghaiLocal(new Date(now().getTime() + 3_600_000)), idempotencyKey: key(),
    }));
    const before = await caseRow(id);

    const outsider = await actor("py.outsider");
    await expect(getStationOrThrow(outsider, stationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseOrThrow(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRoundTableOrThrow(outsider, rtId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseDocumentOrThrow(outsider, doc.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCases(outsider, stationId)).rows).toEqual([]);
    expect((await stationOverview(outsider)).map((s) => s.id)).not.toContain(stationId);

    await as("py.outsider");
    const upload = new FormData();
    upload.set("caseId", id);
    upload.set("file", new File([PNG], "x.png"));
    const calls = [
      walkIn([item.A!]),
      startCaseAction({ caseId: scheduled.id, version: 1 }),
      assignCaseAction({ caseId: id, version: v + 1, staffId: people["py.outsider"]!.id }),
      finishCaseAction({ caseId: id, version: v + 1, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }),
      cancelCaseAction({ caseId: scheduled.id, version: 1, reason: "伪造" }),
      openRoundTableAction({ caseId: id, version: v + 1, topic: "伪造", departments: ["甲", "乙"] }),
      answerRoundTableAction({ roundTableId: rtId, department: "市场监管局", verdict: "AGREE", comment: "" }),
      uploadCaseDocumentAction(upload),
    ];
    for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: NOT_FOUND });
    expect(await caseRow(id)).toEqual(before);
    expect((await caseRow(scheduled.id)).status).toBe("SCHEDULED");
    expect(await db.roundTableOpinion.count({ where: { roundTableId: rtId, verdict: { not: null } } })).toBe(0);
  });

  it("the station's own people see its cases and the landing counts them", async () => {
    await as("lz.station1");
    const { id } = ok(await walkIn([item.A!, item.B!]));
    ok(await openRoundTableAction({ caseId: id, version: (await caseRow(id)).version, topic: "联审", departments: ["市场监管局", "消防救援大队"] }));
    const mgr = await actor("lz.stationmgr");
    const page = await listCases(mgr, stationId, { status: "ROUND_TABLE" });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.status === "ROUND_TABLE")).toBe(true);
    const [overview] = (await stationOverview(mgr)).filter((s) => s.id === stationId);
    expect(overview!.waitingRoundTables).toBeGreaterThan(0);
    expect(overview!.openCases).toBeGreaterThanOrEqual(overview!.waitingRoundTables);
    const c = await getCaseOrThrow(mgr, page.rows[0]!.id);
    expect(c.enterprise.contactPhone).not.toContain("12345678");
  });
});
