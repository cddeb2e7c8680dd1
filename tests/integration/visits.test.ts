// Visits (走访): one visit with its three lists in one transaction, idempotent submit, the
// author's edit window and optimistic concurrency, photos checked by their bytes and served
// only within scope, and a scoping sweep for another village's officer.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createVisitAction, deleteVisitPhotoAction, searchPlacesAction, updateVisitAction, uploadVisitPhotoAction } from "@/lib/visits/actions";
import { transitionProblemAction, assignProblemAction } from "@/lib/problems/actions";
import { getVisitPhotoForUser, MAX_PHOTO_BYTES } from "@/lib/visits/photos";
import { listVisits, visitScope, type VisitListFilter } from "@/lib/visits/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDate } from "@/lib/platform/periods";
import { shanghaiDayStart, toShanghaiLocal } from "@/lib/platform/shanghai";
import { NotFoundError } from "@/lib/platform/errors";
import type { ActionResult } from "@/lib/platform/action";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser, ok } from "../support/fixtures";
import { addDaysYmd, demoYear, shanghaiYmd } from "../support/time";

let campaignId: string;
let checkItems: { id: string; label: string }[];
let xjHousehold: { id: string };
let shHousehold: { id: string };

beforeAll(async () => {
  process.env.STORAGE_DIR = await mkdtemp(path.join(tmpdir(), "visit-photos-"));
  const campaign = await db.programme.findFirstOrThrow({ where: { name: `${demoYear}年浦阳镇“民情双访”` } });
  campaignId = campaign.id;
  checkItems = await Promise.all(
    ["家庭基本情况", "政策宣讲"].map((label, sortOrder) => db.campaignCheckItem.create({ data: { programmeId: campaignId, label: `${label}（测试）`, sortOrder: 100 + sortOrder } })),
  );
  const xj = await unitByCode("XS-PY-XJ");
  const sh = await unitByCode("XS-PY-SH");
  xjHousehold = await db.household.create({ data: { householdKey: `T-XJ-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: xj.id, headName: "谢测试", address: "谢家村1号", phone: "13911112222" } });
  shHousehold = await db.household.create({ data: { householdKey: `T-SH-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: sh.id, headName: "森测试", address: "森海社区2号" } });
});
beforeEach(() => resetRequest());

// A problem due two months from today: a date in the future whatever day the suite runs.
const busDue = addDaysYmd(shanghaiYmd(), 60);
const hoursAgo = (h: number) => toShanghaiLocal(new Date(Date.now() - h * 3_600_000));

function visitInput(overrides: Record<string, unknown> = {}) {
  return {
    programmeId: campaignId,
    officerId: "",
    mentorId: "",
    kind: "HOUSEHOLD",
    placeType: "HOUSEHOLD",
    placeId: xjHousehold.id,
    visitedAt: hoursAgo(1),
    checklist: [
      { itemId: checkItems[0]!.id, checked: true, note: "三口之家" },
      { itemId: checkItems[1]!.id, checked: false, note: "" },
    ],
    problems: [
      { title: "孩子上学校车接送", description: "新居民子女入学需校车", category: "教育", dueDate: busDue },
      { title: "路灯损坏", description: "", category: "基础设施", dueDate: "" },
    ],
    services: [{ description: "现场讲解医保政策" }],
    notes: "首次入户",
    latitude: "30.05",
    longitude: "120.21",
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

async function visitTablesSnapshot() {
  const [visits, services, problems, events, photos] = await Promise.all([
    db.visit.findMany({ orderBy: { id: "asc" } }),
    db.visitService.findMany({ orderBy: { id: "asc" } }),
    db.problem.findMany({ orderBy: { id: "asc" } }),
    db.problemEvent.findMany({ orderBy: { id: "asc" } }),
    db.visitPhoto.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ visits, services, problems, events, photos });
}

describe("recording a visit", () => {
  it("saves the visit, two problems (OPEN, with a first event), a service, the checklist and one audit row together", async () => {
    const officer = await actAs("py.officer");
    const input = visitInput(); // once: the time is "an hour ago", which moves with the clock
    const { id } = ok(await createVisitAction(input));
    const visit = await db.visit.findUniqueOrThrow({ where: { id }, include: { services: true, problems: { include: { events: true } } } });
    const xj = await unitByCode("XS-PY-XJ");
    expect(visit).toMatchObject({ officerId: officer.id, orgUnitId: xj.id, programmeId: campaignId, householdId: xjHousehold.id, kind: "HOUSEHOLD", notes: "首次入户", latitude: 30.05, longitude: 120.21 });
    expect(visit.services.map((s) => s.description)).toEqual(["现场讲解医保政策"]);
    expect(visit.problems).toHaveLength(2);
    for (const p of visit.problems) {
      expect(p).toMatchObject({ status: "OPEN", orgUnitId: xj.id, programmeId: campaignId, visitId: id });
      expect(p.events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([[null, "OPEN", officer.id]]);
    }
    expect(visit.problems.find((p) => p.title === "孩子上学校车接送")!.dueDate!.toISOString().slice(0, 10)).toBe(busDue);
    // Labels copied into the visit, in the campaign's order, with answers.
    const checklist = visit.checklist as { itemId: string; label: string; checked: boolean; note: string }[];
    expect(checklist.filter((c) => checkItems.some((i) => i.id === c.itemId))).toEqual([
      { itemId: checkItems[0]!.id, label: "家庭基本情况（测试）", checked: true, note: "三口之家" },
      { itemId: checkItems[1]!.id, label: "政策宣讲（测试）", checked: false, note: "" },
    ]);
    // Shanghai wall clock in, UTC instant stored.
    expect(toShanghaiLocal(visit.visitedAt)).toBe(input.visitedAt);
    expect(await db.auditLog.count({ where: { action: "visit.create", entityId: id } })).toBe(1);
  });

  it("a failure part-way (the second problem cannot be stored) leaves nothing behind", async () => {
    await actAs("py.officer");
    const before = await visitTablesSnapshot();
    const audits = await db.auditLog.count();
    const r = await createVisitAction(visitInput({
      // PostgreSQL refuses NUL in text: the visit, its service and the first problem are
      // already written when the second problem fails.
      problems: [{ title: "第一个问题", description: "", category: "", dueDate: "" }, { title: "第二个问题", description: "坏\u0000数据", category: "", dueDate: "" }],
    }));
    expect(r.ok).toBe(false);
    expect(await visitTablesSnapshot()).toBe(before);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a visit in the future, a problem without a title, and a checklist item of another campaign", async () => {
    await actAs("py.officer");
    const before = await visitTablesSnapshot();
    const future = await createVisitAction(visitInput({ visitedAt: toShanghaiLocal(new Date(Date.now() + 2 * 3_600_000)) }));
    expect(future.ok).toBe(false);
    if (!future.ok) expect(Object.keys(future.fieldErrors ?? {})).toContain("visitedAt");
    const untitled = await createVisitAction(visitInput({ problems: [{ title: " ", description: "", category: "", dueDate: "" }] }));
    expect(untitled.ok).toBe(false);
    if (!untitled.ok) expect(Object.keys(untitled.fieldErrors ?? {})).toContain("problems.0.title");
    const foreign = await createVisitAction(visitInput({ checklist: [{ itemId: "not-an-item", checked: true, note: "" }] }));
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(Object.keys(foreign.fieldErrors ?? {})).toContain("checklist.0.itemId");
    const badLocation = await createVisitAction(visitInput({ latitude: "95", longitude: "120" }));
    expect(badLocation.ok).toBe(false);
    expect(await visitTablesSnapshot()).toBe(before);
  });

  it("a double submit (same key, at once) makes one visit with one set of problems", async () => {
    await actAs("py.officer");
    const input = visitInput({ notes: "双击提交" });
    const [a, b] = await Promise.all([createVisitAction(input), createVisitAction(input)]);
    expect(ok(a).id).toBe(ok(b).id);
    expect(await db.visit.count({ where: { notes: "双击提交" } })).toBe(1);
    expect(await db.problem.count({ where: { visitId: ok(a).id } })).toBe(2);
    const retry = await createVisitAction(input);
    expect(retry).toMatchObject({ ok: true, duplicate: true, data: { id: ok(a).id } });
  });

  it("a manager records on behalf of an officer in the subtree; an officer cannot record for someone else", async () => {
    const officer = await demoUser("py.officer");
    await actAs("py.manager");
    const { id } = ok(await createVisitAction(visitInput({ officerId: officer.id, notes: "代录" })));
    expect((await db.visit.findUniqueOrThrow({ where: { id } })).officerId).toBe(officer.id);
    const other = await demoUser("py.officer2");
    await actAs("py.officer");
    const r = await createVisitAction(visitInput({ officerId: other.id }));
    expect(r.ok).toBe(false);
  });

  it("the quick search finds households in the subtree only, at most 10", async () => {
    await actAs("py.officer");
    const mine = ok(await searchPlacesAction({ placeType: "HOUSEHOLD", q: "谢测" }));
    expect(mine.map((m) => m.id)).toContain(xjHousehold.id);
    expect(JSON.stringify(mine)).not.toContain("13911112222");
    const theirs = ok(await searchPlacesAction({ placeType: "HOUSEHOLD", q: "森测" }));
    expect(theirs).toEqual([]);
  });
});

describe("visit lists", () => {
  it("an officer sees their own visits, a manager the subtree's, paged by (visitedAt, id) without gaps or repeats", async () => {
    await actAs("py.officer");
    for (let i = 0; i < 5; i++) ok(await createVisitAction(visitInput({ visitedAt: hoursAgo(10 + i), problems: [], notes: `分页${i}` })));
    await actAs("py.officer2");
    ok(await createVisitAction(visitInput({ placeId: shHousehold.id, problems: [], notes: "森海" })));

    const officer = await sessionUser("py.officer");
    const own = await listVisits(officer, {}, 1000);
    expect(own.rows.every((r) => r.officer.id === officer.id)).toBe(true);
    const manager = await sessionUser("py.manager");
    const all = await listVisits(manager, {}, 1000);
    expect(all.rows.some((r) => r.officer.id !== officer.id)).toBe(true);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listVisits(manager, { cursor }, 2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.rows.map((r) => r.id));
  });

  it("a manager's list without officer or campaign (per unit, then merged) holds exactly the subtree's visits in (visitedAt, id) order, filtered and paged", async () => {
    for (const username of ["yh.manager", "py.manager", "lz.qqb"]) {
      const manager = await sessionUser(username);
      const reference = async (where: Prisma.VisitWhereInput) =>
        (await db.visit.findMany({ where: { AND: [visitScope(manager), where] }, orderBy: [{ visitedAt: "desc" }, { id: "desc" }], select: { id: true } })).map((v) => v.id);
      const listed = async (filter: VisitListFilter, size: number) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listVisits(manager, { ...filter, cursor }, size);
          ids.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return ids;
      };
      const everything = await reference({});
      expect(await listed({}, 7), username).toEqual(everything);
      const households = await reference({ kind: "HOUSEHOLD" });
      expect(await listed({ kind: "HOUSEHOLD" }, 5), username).toEqual(households);
      const newest = await db.visit.findFirst({ where: visitScope(manager), orderBy: { visitedAt: "desc" }, select: { visitedAt: true } });
      if (newest) {
        const day = shanghaiDate(newest.visitedAt);
        expect(await listed({ from: day, to: day }, 3), username).toEqual(
          await reference({ visitedAt: { gte: shanghaiDayStart(day), lt: new Date(shanghaiDayStart(day).getTime() + 86_400_000) } }),
        );
      }
      if (username === "lz.qqb") expect(everything, "a unit with no visits lists none").toEqual([]);
      else expect(everything.length, username).toBeGreaterThan(7);
    }
  });
});

describe("editing a visit", () => {
  it("the author edits within the window; a stale version is refused; after the window it is read-only", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visitInput({ problems: [], notes: "待编辑" })));
    const edit = { id, version: 1, visitedAt: hoursAgo(2), mentorId: "", checklist: [{ itemId: checkItems[1]!.id, checked: true, note: "已讲解" }], services: [{ description: "代办社保" }, { description: "送药" }], notes: "已编辑", latitude: "", longitude: "" };
    expect(ok(await updateVisitAction(edit)).version).toBe(2);
    const saved = await db.visit.findUniqueOrThrow({ where: { id }, include: { services: { orderBy: { sortOrder: "asc" } } } });
    expect(saved.notes).toBe("已编辑");
    expect(saved.latitude).toBeNull();
    expect(saved.services.map((s) => s.description)).toEqual(["代办社保", "送药"]);
    expect(await db.auditLog.count({ where: { action: "visit.update", entityId: id } })).toBe(1);

    const stale = await updateVisitAction({ ...edit, notes: "旧版本" });
    expect(stale).toMatchObject({ ok: false, error: "该记录已被他人修改，请刷新后重试。" });
    expect((await db.visit.findUniqueOrThrow({ where: { id } })).notes).toBe("已编辑");

    // Another officer of the same village is not the author.
    await db.visit.update({ where: { id }, data: { createdAt: new Date(Date.now() - 73 * 3_600_000) } });
    const late = await updateVisitAction({ ...edit, version: 2, notes: "超时编辑" });
    expect(late.ok).toBe(false);
    expect((await db.visit.findUniqueOrThrow({ where: { id } })).notes).toBe("已编辑");
  });

  it("someone other than the author cannot edit, even a manager above", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visitInput({ problems: [], notes: "作者专属" })));
    await actAs("py.manager");
    const r = await updateVisitAction({ id, version: 1, visitedAt: hoursAgo(1), mentorId: "", checklist: [], services: [], notes: "经理改", latitude: "", longitude: "" });
    expect(r).toMatchObject({ ok: false, error: "您没有执行此操作的权限。" });
  });
});

// Smallest valid images: the bytes are what counts.
const PNG_1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

function photoForm(visitId: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.set("visitId", visitId);
  form.set("photo", new File([new Uint8Array(bytes)], name, { type }));
  // visit.photo.add is idempotent (issue 16): each upload carries its own key.
  form.set("idempotencyKey", crypto.randomUUID());
  return form;
}

describe("visit photos", () => {
  it("accepts a real image, refuses a non-image named .jpg and an oversized file, and serves photos only within scope", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visitInput({ problems: [], notes: "带照片" })));

    const fake = await uploadVisitPhotoAction(photoForm(id, Buffer.from("<html>not an image</html>"), "photo.jpg", "image/jpeg"));
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(Object.keys(fake.fieldErrors ?? {})).toEqual(["photo"]);
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const oversized = await uploadVisitPhotoAction(photoForm(id, big, "big.jpg", "image/jpeg"));
    expect(oversized.ok).toBe(false);
    expect(await db.visitPhoto.count({ where: { visitId: id } })).toBe(0);

    const { id: photoId } = ok(await uploadVisitPhotoAction(photoForm(id, PNG_1x1, "anything.bin", "application/octet-stream")));
    const row = await db.visitPhoto.findUniqueOrThrow({ where: { id: photoId } });
    expect(row).toMatchObject({ mimeType: "image/png", sizeBytes: PNG_1x1.length });

    const served = await getVisitPhotoForUser(await sessionUser("py.manager"), id, photoId);
    expect(served.mimeType).toBe("image/png");
    expect(Buffer.from(served.bytes).equals(PNG_1x1)).toBe(true);
    await expect(getVisitPhotoForUser(await sessionUser("py.officer2"), id, photoId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisitPhotoForUser(await sessionUser("gd.officer"), id, photoId)).rejects.toBeInstanceOf(NotFoundError);
    // The photo id alone is not enough: it must belong to the visit named in the URL.
    const { id: otherVisit } = ok(await createVisitAction(visitInput({ problems: [], notes: "另一次" })));
    await expect(getVisitPhotoForUser(await sessionUser("py.manager"), otherVisit, photoId)).rejects.toBeInstanceOf(NotFoundError);

    ok(await deleteVisitPhotoAction({ visitId: id, photoId }));
    await expect(getVisitPhotoForUser(await sessionUser("py.manager"), id, photoId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a seventh photo", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visitInput({ problems: [], notes: "六张" })));
    for (let i = 0; i < 6; i++) ok(await uploadVisitPhotoAction(photoForm(id, PNG_1x1, `p${i}.png`, "image/png")));
    const seventh = await uploadVisitPhotoAction(photoForm(id, PNG_1x1, "p7.png", "image/png"));
    expect(seventh.ok).toBe(false);
    expect(await db.visitPhoto.count({ where: { visitId: id } })).toBe(6);
  });
});

describe("scoping sweep", () => {
  it("an officer of another village gets NotFound on every visit and problem action, and nothing changes", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visitInput({ notes: "谢家村的走访" })));
    const problem = await db.problem.findFirstOrThrow({ where: { visitId: id } });

    await actAs("py.officer2");
    const before = await visitTablesSnapshot();
    const calls: [string, () => Promise<ActionResult<unknown>>][] = [
      ["visit.create (household of 谢家村)", () => createVisitAction(visitInput())],
      ["visit.update", () => updateVisitAction({ id, version: 1, visitedAt: hoursAgo(1), mentorId: "", checklist: [], services: [], notes: "伪造", latitude: "", longitude: "" })],
      ["visit.photo.add", () => uploadVisitPhotoAction(photoForm(id, PNG_1x1, "x.png", "image/png"))],
      ["visit.photo.delete", () => deleteVisitPhotoAction({ visitId: id, photoId: "whatever" })],
      ["problem.transition", () => transitionProblemAction({ id: problem.id, version: problem.version, to: "IN_PROGRESS" })],
      ["problem.assign", () => assignProblemAction({ id: problem.id, version: problem.version, assigneeId: "" })],
    ];
    for (const [name, run] of calls) {
      const r = await run();
      expect(r, name).toMatchObject({ ok: false, error: "记录不存在，或不在您的管辖范围内。" });
    }
    expect(await visitTablesSnapshot()).toBe(before);
  });
});
