import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { listProgrammes } from "@/lib/programmes/queries";
import { createProgrammeAction, setProgrammeStatusAction, updateProgrammeAction } from "@/lib/programmes/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode, sessionUser } from "../support/fixtures";
import { demoYear, shanghaiYear, ymd } from "../support/time";

beforeEach(() => resetRequest());

// The seeded campaign is named for the seed's year; the programme the tests create is for next year.
const PY_CAMPAIGN = `${demoYear}年浦阳镇“民情双访”`;
const NEXT = shanghaiYear() + 1;

describe("programme visibility", () => {
  it("a village officer sees the town's programmes, not another street's", async () => {
    const names = (await listProgrammes(await sessionUser("py.officer"))).map((p) => p.name);
    expect(names).toContain(PY_CAMPAIGN);
    expect(names).toContain("浦阳镇年轻干部“帮带导师”计划");
    expect(names).not.toContain("良渚街道亲企办24小时热线");
    expect(names).not.toContain("古荡街道楼宇企业月度走访");
  });

  it("a district manager sees programmes owned below and above, the root admin sees all", async () => {
    const yh = (await listProgrammes(await sessionUser("yh.manager"))).map((p) => p.name);
    expect(yh).toEqual(expect.arrayContaining(["良渚街道亲企办24小时热线", "余杭区重点项目提速年", "余杭经开区招商引资攻坚"]));
    expect(yh).not.toContain(PY_CAMPAIGN);
    expect(await listProgrammes(await sessionUser("admin"))).toHaveLength(await db.programme.count());
  });
});

describe("programme configuration", () => {
  const base = async () => {
    const town = await unitByCode("XS-PY");
    const village = await unitByCode("XS-PY-XJ");
    return {
      town, village,
      input: {
        type: "VISIT_CAMPAIGN", name: `${NEXT}年春季走访`, description: "试点", startDate: ymd(NEXT, 3, 1), endDate: ymd(NEXT, 6, 30),
        orgUnitId: town.id, participantIds: [village.id],
        indicators: [{ code: "households_visited", name: "走访农户", unit: "户", targets: [{ orgUnitId: village.id, period: `${NEXT}-Q2`, value: "120" }] }],
      },
    };
  };

  it("creates a programme with indicators and period targets, audited", async () => {
    await actAs("admin");
    const { input, village } = await base();
    const r = await createProgrammeAction({ ...input, idempotencyKey: crypto.randomUUID() });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const saved = await db.programme.findUniqueOrThrow({ where: { id: r.data.id }, include: { indicators: { include: { targets: true } }, participants: true } });
    expect(saved.status).toBe("DRAFT");
    expect(saved.participants.map((p) => p.orgUnitId)).toEqual([village.id]);
    const target = saved.indicators[0]!.targets[0]!;
    expect(target).toMatchObject({ orgUnitId: village.id, period: `${NEXT}-Q2` });
    expect(target.value.toNumber()).toBe(120);
    expect(target.periodStart.toISOString().slice(0, 10)).toBe(ymd(NEXT, 4, 1));
    expect(target.periodEnd.toISOString().slice(0, 10)).toBe(ymd(NEXT, 6, 30));
    expect(await db.auditLog.count({ where: { action: "programme.create", entityId: saved.id } })).toBe(1);
  });

  it("refuses a target for a unit outside the programme, with the error on that field", async () => {
    await actAs("admin");
    const { input } = await base();
    const outsider = await unitByCode("YH-LZ");
    const before = await db.programme.count();
    const r = await createProgrammeAction({
      ...input, name: "越界目标专项", idempotencyKey: crypto.randomUUID(),
      indicators: [{ ...input.indicators[0]!, targets: [{ orgUnitId: outsider.id, period: String(NEXT), value: 5 }] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.["indicators.0.targets.0.orgUnitId"]?.[0]).toBe("该单位不属于本专项的牵头或参与单位");
    expect(await db.programme.count()).toBe(before);
  });

  it("edits replace targets, keep indicator ids by code, and move DRAFT → ACTIVE → CLOSED only", async () => {
    await actAs("admin");
    const { input, town } = await base();
    const created = await createProgrammeAction({ ...input, idempotencyKey: crypto.randomUUID() });
    if (!created.ok) throw new Error("create failed");
    const indicatorBefore = await db.programmeIndicator.findFirstOrThrow({ where: { programmeId: created.data.id } });
    const { type: _type, ...editable } = input;
    const updated = await updateProgrammeAction({
      ...editable, id: created.data.id, version: 1, participantIds: [],
      indicators: [{ ...input.indicators[0]!, targets: [{ orgUnitId: town.id, period: String(NEXT), value: 800 }] }],
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated));
    const indicatorAfter = await db.programmeIndicator.findFirstOrThrow({ where: { programmeId: created.data.id }, include: { targets: true } });
    expect(indicatorAfter.id).toBe(indicatorBefore.id);
    expect(indicatorAfter.targets.map((t) => [t.period, t.value.toNumber()])).toEqual([[String(NEXT), 800]]);

    const closedFromDraft = await setProgrammeStatusAction({ id: created.data.id, version: updated.data.version, status: "CLOSED" });
    expect(closedFromDraft.ok).toBe(false);
    const active = await setProgrammeStatusAction({ id: created.data.id, version: updated.data.version, status: "ACTIVE" });
    expect(active).toMatchObject({ ok: true, data: { status: "ACTIVE" } });
  });
});
