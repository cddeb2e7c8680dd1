// A visit recorded with the accompanying mentor by an officer paired with that mentor is a
// guided-visit mentoring activity — once, created by the visit action itself; edits follow.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createVisitAction, updateVisitAction } from "@/lib/visits/actions";
import { recordGuidedVisit } from "@/lib/mentorship/guided-visit";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { demoYear } from "../support/time";

let campaignId: string;
let xjHousehold: { id: string };
let shHousehold: { id: string };
let mentorId: string;
let pairingId: string;

beforeAll(async () => {
  campaignId = (await db.programme.findFirstOrThrow({ where: { name: `${demoYear}年浦阳镇“民情双访”` } })).id;
  xjHousehold = await db.household.create({ data: { householdKey: `T-MV-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: (await unitByCode("XS-PY-XJ")).id, headName: "谢帮带", address: "谢家村9号" } });
  shHousehold = await db.household.create({ data: { householdKey: `T-MV-${crypto.randomUUID().slice(0, 8)}`, orgUnitId: (await unitByCode("XS-PY-SH")).id, headName: "森帮带", address: "森海社区9号" } });
  mentorId = (await demoUser("py.manager")).id;
  // The seed pairs py.manager (mentor) with py.officer in the 帮带导师 programme.
  const pairing = await db.pairing.findFirstOrThrow({ where: { mentorId, traineeId: (await demoUser("py.officer")).id, status: "ACTIVE" } });
  pairingId = pairing.id;
});
beforeEach(() => resetRequest());

const visit = (placeId: string, mentor: string) => ({
  programmeId: campaignId, officerId: "", mentorId: mentor, kind: "HOUSEHOLD", placeType: "HOUSEHOLD", placeId,
  visitedAt: toShanghaiLocal(new Date(Date.now() - 3_600_000)), checklist: [], problems: [], services: [], notes: "帮带走访", latitude: "", longitude: "",
  idempotencyKey: crypto.randomUUID(),
});

describe("visit with the accompanying mentor", () => {
  it("creates exactly one GUIDED_VISIT activity for the pairing, even when submitted twice", async () => {
    await actAs("py.officer");
    const input = visit(xjHousehold.id, mentorId);
    const before = await db.mentoringActivity.count({ where: { pairingId } });
    const { id } = ok(await createVisitAction(input));
    const again = await createVisitAction(input); // the same submit retried
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const activities = await db.mentoringActivity.findMany({ where: { visitId: id } });
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ pairingId, kind: "GUIDED_VISIT", place: "谢家村", recordedById: (await demoUser("py.officer")).id });
    expect(await db.mentoringActivity.count({ where: { pairingId } })).toBe(before + 1);

    // Recording the same visit again (a retry inside the hook) adds nothing.
    const saved = await db.visit.findUniqueOrThrow({ where: { id } });
    expect(await db.$transaction((tx) => recordGuidedVisit(saved, tx))).toBe(false);
    expect(await db.mentoringActivity.count({ where: { visitId: id } })).toBe(1);
  });

  it("no mentor, or a mentor the officer is not paired with: no activity", async () => {
    await actAs("py.officer");
    const alone = ok(await createVisitAction(visit(xjHousehold.id, "")));
    expect(await db.mentoringActivity.count({ where: { visitId: alone.id } })).toBe(0);
    // The seed also pairs py.manager with py.officer2; once that pairing has ended, a visit
    // with py.manager along is no longer a mentoring activity.
    await actAs("py.officer2");
    const officer2 = await demoUser("py.officer2");
    await db.pairing.updateMany({ where: { traineeId: officer2.id, mentorId }, data: { status: "ENDED" } });
    const unpaired = ok(await createVisitAction(visit(shHousehold.id, mentorId)));
    expect(await db.mentoringActivity.count({ where: { visitId: unpaired.id } })).toBe(0);
  });

  it("editing the visit to remove the mentor removes the automatic activity; adding the mentor back restores it", async () => {
    await actAs("py.officer");
    const { id } = ok(await createVisitAction(visit(xjHousehold.id, mentorId)));
    expect(await db.mentoringActivity.count({ where: { visitId: id } })).toBe(1);
    const edit = { id, version: 1, visitedAt: toShanghaiLocal(new Date(Date.now() - 2 * 3_600_000)), mentorId: "", checklist: [], services: [], notes: "导师未同行", latitude: "", longitude: "" };
    ok(await updateVisitAction(edit));
    expect(await db.mentoringActivity.count({ where: { visitId: id } })).toBe(0);
    ok(await updateVisitAction({ ...edit, version: 2, mentorId }));
    expect(await db.mentoringActivity.findMany({ where: { visitId: id } })).toEqual([expect.objectContaining({ pairingId, kind: "GUIDED_VISIT" })]);
  });

  it("a visit that fails leaves no activity behind", async () => {
    await actAs("py.officer");
    const before = await db.mentoringActivity.count();
    const bad = await createVisitAction({ ...visit(xjHousehold.id, mentorId), visitedAt: "not a date" });
    expect(bad.ok).toBe(false);
    expect(await db.mentoringActivity.count()).toBe(before);
  });
});
