// A SERVICE_STATION rollover and the station's cases: the cases still open (an appointment, one
// in progress, one waiting for its round-table) move with their station to the new programme —
// they count when they finish — while finished and cancelled ones stay with the old programme's
// final figures; and a case whose programme is not ACTIVE is neither started, finished nor sent
// to a round-table. Builds its own programme and station in 浦阳镇.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { dateOnly, formatDateOnly } from "@/lib/programmes/period";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import { rolloverDefaults } from "@/lib/programmes/rollover-schema";
import { makeCreditCode } from "@/lib/registers/credit-code";
import { finishCaseAction, openRoundTableAction, startCaseAction } from "@/lib/service-stations/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, ok } from "../support/fixtures";
import { demoYear } from "../support/time";

const NOT_ACTIVE = "该办件所属专项未启动或已结束，不能继续办理。";
type Status = "SCHEDULED" | "IN_PROGRESS" | "ROUND_TABLE" | "FINISHED" | "CANCELLED";

let programmeId: string;
let stationId: string;
let unitId: string;
let enterpriseId: string;
let staffId: string;
let itemId: string;
let serial = 0;

/** A case of the station in the given status (written directly: the transitions are tested elsewhere). */
async function caseIn(status: Status, programme = programmeId) {
  const started = status === "SCHEDULED" ? null : dateOnly(`${demoYear}-03-02`);
  const finished = status === "FINISHED" || status === "CANCELLED" ? dateOnly(`${demoYear}-03-03`) : null;
  return db.serviceCase.create({
    data: {
      stationId, programmeId: programme, orgUnitId: unitId, number: `PYRO-${demoYear}-${String(++serial).padStart(5, "0")}`, channel: status === "SCHEDULED" ? "APPOINTMENT" : "WALK_IN",
      enterpriseId, staffId, createdById: staffId, status, startedAt: started, finishedAt: finished, scheduledAt: status === "SCHEDULED" ? dateOnly(`${demoYear}-03-04`) : null,
      items: { create: [{ itemId, standardMinutes: 20, usualMinutes: 60 }] },
    },
  });
}

beforeEach(() => resetRequest());

beforeAll(async () => {
  const admin = await demoUser("admin");
  const staff = await demoUser("py.manager");
  staffId = staff.id;
  const py = await unitByCode("XS-PY");
  unitId = py.id;
  programmeId = (await db.programme.create({
    data: { type: "SERVICE_STATION", name: `${demoYear}年浦阳镇驿站结转测试`, startDate: dateOnly(`${demoYear}-01-01`), endDate: dateOnly(`${demoYear}-12-31`), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  stationId = (await db.serviceStation.create({ data: { programmeId, orgUnitId: py.id, name: "浦阳驿站（结转）" } })).id;
  itemId = (await db.serviceItem.create({ data: { stationId, code: "RO-1", kind: "STAFFED", name: "营业执照", department: "市场监管所", standardMinutes: 20, usualMinutes: 60 } })).id;
  enterpriseId = (await db.enterprise.create({ data: { name: "浦阳结转面馆", creditCode: makeCreditCode(7_900), orgUnitId: py.id } })).id;
});

describe("rollover of a service-station programme and its cases", () => {
  it("the open cases move with the station to the new programme; finished and cancelled ones stay; a moved case finishes in the new one", async () => {
    const open = { scheduled: await caseIn("SCHEDULED"), working: await caseIn("IN_PROGRESS"), waiting: await caseIn("ROUND_TABLE") };
    const closed = [await caseIn("FINISHED"), await caseIn("CANCELLED")];
    const table = await db.roundTable.create({
      data: { caseId: open.waiting.id, topic: "联审", openedById: staffId, opinions: { create: [{ department: "市场监管所" }, { department: "消防" }] } },
    });

    await actAs("admin");
    const source = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const input = rolloverDefaults({ id: source.id, version: source.version, name: source.name, startDate: formatDateOnly(source.startDate), endDate: formatDateOnly(source.endDate), periods: [] });
    const next = ok(await rolloverProgrammeAction(input)).id;

    for (const c of Object.values(open)) {
      expect(await db.serviceCase.findUniqueOrThrow({ where: { id: c.id } }), c.status).toMatchObject({ programmeId: next, stationId, status: c.status, version: c.version });
    }
    for (const c of closed) expect((await db.serviceCase.findUniqueOrThrow({ where: { id: c.id } })).programmeId, c.status).toBe(programmeId);
    // The round-table hangs off its case: it goes where the case goes.
    expect(await db.roundTable.findUniqueOrThrow({ where: { id: table.id }, include: { case: true } })).toMatchObject({ status: "OPEN", case: { programmeId: next } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "programme.rollover", entityId: next } });
    expect(audit.data).toMatchObject({ copied: { stationsMoved: 1, openCasesMoved: 3 } });

    // The case in progress goes on, and is counted in the programme it finishes in.
    await actAs("py.manager");
    ok(await finishCaseAction({ caseId: open.working.id, version: open.working.version, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }));
    expect(await db.serviceCase.findUniqueOrThrow({ where: { id: open.working.id } })).toMatchObject({ status: "FINISHED", programmeId: next });
  });

  it("a case whose programme is not active is not started, finished or sent to a round-table (said in Chinese), and stays as it was", async () => {
    const admin = await demoUser("admin");
    const closedProgramme = await db.programme.create({
      data: { type: "SERVICE_STATION", name: `${demoYear - 1}年浦阳镇驿站（已结束）`, startDate: dateOnly(`${demoYear - 1}-01-01`), endDate: dateOnly(`${demoYear - 1}-12-31`), orgUnitId: unitId, status: "CLOSED", createdById: admin.id },
    });
    const draft = await db.programme.create({
      data: { type: "SERVICE_STATION", name: `${demoYear + 1}年浦阳镇驿站（未启动）`, startDate: dateOnly(`${demoYear + 1}-01-01`), endDate: dateOnly(`${demoYear + 1}-12-31`), orgUnitId: unitId, status: "DRAFT", createdById: admin.id },
    });
    await actAs("py.manager");
    for (const p of [closedProgramme.id, draft.id]) {
      const scheduled = await caseIn("SCHEDULED", p);
      const working = await caseIn("IN_PROGRESS", p);
      const calls = [
        startCaseAction({ caseId: scheduled.id, version: scheduled.version }),
        finishCaseAction({ caseId: working.id, version: working.version, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }),
        openRoundTableAction({ caseId: working.id, version: working.version, topic: "联审", departments: ["市场监管所", "消防"] }),
      ];
      for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: NOT_ACTIVE });
      expect(await db.serviceCase.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({ status: "SCHEDULED", version: scheduled.version });
      expect(await db.serviceCase.findUniqueOrThrow({ where: { id: working.id } })).toMatchObject({ status: "IN_PROGRESS", version: working.version });
      expect(await db.roundTable.count({ where: { caseId: working.id } })).toBe(0);
    }
  });
});
