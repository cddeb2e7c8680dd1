// Reads that may lag go to the read replica (DATABASE_REPLICA_URL); writes and reads that must
// see their own write stay on the primary (decision 0017). The embedded cluster's binaries have
// no pg_basebackup, so the "replica" here is a second database cloned from the same template,
// which then differs from the primary by one visit written only to it: a figure or a row that
// shows that visit was read from the replica, one that lacks it from the primary.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import ExcelJS from "exceljs";
import { createDbClient, db, readDb, replicaFor } from "@/lib/platform/db/client";
import { now } from "@/lib/platform/clock";
import { loadDashboard } from "@/lib/dashboards/view";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking } from "@/lib/rankings/queries";
import { saveRankingSchemeAction } from "@/lib/rankings/actions";
import { dateOnly } from "@/lib/programmes/period";
import { GET as exportVisits } from "@/app/api/exports/visits/route";
import { GET as exportStationProgress } from "@/app/api/exports/service-stations/progress/route";
import { stationProgress } from "@/lib/service-stations/progress";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { adminQuery, cloneTemplate } from "../support/test-db";
import { shanghaiYear, shanghaiYmd, ymd } from "../support/time";

const adminUrl = inject("pgAdminUrl");
const replicaName = `zjtrack_test_replica_${randomBytes(4).toString("hex")}`;
// Before any readDb() call: the read client is created from the environment on first use.
process.env.DATABASE_REPLICA_URL = await cloneTemplate(adminUrl, replicaName, inject("pgTemplate"));
// The test's own writable handle on the "replica", to make it differ from the primary.
const replicaWriter = createDbClient(process.env.DATABASE_REPLICA_URL);

const Y = shanghaiYear();
const MARK = "仅副本户主";
let programmeId: string;

beforeAll(async () => {
  const admin = await demoUser("admin");
  const py = await unitByCode("XS-PY");
  const xj = await unitByCode("XS-PY-XJ");
  const officer = await demoUser("py.officer");
  // The same programme (same id) on both; the ids of the seeded rows agree as both are clones.
  const data = {
    type: "VISIT_CAMPAIGN", name: "副本读测试", startDate: dateOnly(ymd(Y, 1, 1)), endDate: dateOnly(ymd(Y + 1, 12, 31)),
    orgUnitId: py.id, status: "ACTIVE", createdById: admin.id,
  } as const;
  programmeId = (await db.programme.create({ data })).id;
  await replicaWriter.programme.create({ data: { ...data, id: programmeId } });
  // One household and its visit only on the replica (its rollup triggers count it there).
  const household = await replicaWriter.household.create({ data: { householdKey: `replica-${replicaName}`, orgUnitId: xj.id, headName: MARK } });
  await replicaWriter.visit.create({ data: { programmeId, orgUnitId: xj.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: household.id, visitedAt: now() } });
});
beforeEach(() => resetRequest());

afterAll(async () => {
  await readDb().$disconnect();
  await replicaWriter.$disconnect();
  delete (globalThis as { __readDb?: unknown }).__readDb;
  delete process.env.DATABASE_REPLICA_URL;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
});

describe("read routing", () => {
  it("with DATABASE_REPLICA_URL the read client is the replica's, read-only; a transaction stays itself", async () => {
    expect(readDb()).not.toBe(db);
    expect(replicaFor(db)).toBe(readDb());
    await db.$transaction(async (tx) => expect(replicaFor(tx)).toBe(tx));
    expect(await readDb().household.count({ where: { headName: MARK } })).toBe(1);
    expect(await db.household.count({ where: { headName: MARK } })).toBe(0);
    // A write sent to the read client by mistake fails, even though this "replica" is writable.
    await expect(readDb().$executeRaw`CREATE TABLE replica_write_probe (a int)`).rejects.toThrow(/read-only/);
  });

  it("a dashboard's figures come from the replica; the same loader inside a transaction reads the primary", async () => {
    const manager = await sessionUser("py.manager");
    const py = await unitByCode("XS-PY");
    const xj = await unitByCode("XS-PY-XJ");
    const params = { unit: py.id, programme: programmeId, period: "month" };
    const at = now();
    const lagging = await loadDashboard(manager, params, at);
    expect(lagging.selected?.id).toBe(programmeId);
    expect(lagging.panel!.values.get("visits.count")!.get(xj.id)).toBe(1);
    const primary = await db.$transaction((tx) => loadDashboard(manager, params, at, tx));
    expect(primary.panel!.values.get("visits.count")!.get(xj.id) ?? 0).toBe(0);
  });

  it("an export's rows come from the replica; its audit row is written on the primary", async () => {
    const manager = await actAs("py.manager");
    const response = await exportVisits(new Request(`http://localhost:3000/api/exports/visits?campaign=${programmeId}`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const places: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => { if (n > 2) places.push((row.values as unknown[])[3]); });
    expect(places).toEqual([MARK]);
    const where = { action: "visit.export", actorId: manager.id, outcome: "OK" as const };
    expect(await db.auditLog.count({ where })).toBe(1);
    expect(await replicaWriter.auditLog.count({ where })).toBe(0);
  });

  it("a station's progress export reads the replica: a case cancelled only there is not counted", async () => {
    const station = await db.serviceStation.findFirstOrThrow({ where: { orgUnit: { code: "SC-HB" } } });
    const one = await replicaWriter.serviceCase.findFirstOrThrow({ where: { stationId: station.id, status: "FINISHED" }, orderBy: { finishedAt: "desc" } });
    await replicaWriter.serviceCase.update({ where: { id: one.id }, data: { status: "CANCELLED" } });
    // The day that case finished (Shanghai), as a custom period: no dependence on today's date.
    const day = shanghaiYmd(one.finishedAt!);
    const onPrimary = await stationProgress(await sessionUser("hb.manager"), station.id, { from: day, to: day }, db);
    await actAs("hb.manager");
    const response = await exportStationProgress(new Request(`http://localhost:3000/api/exports/service-stations/progress?station=${station.id}&period=custom&from=${day}&to=${day}`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    let finished: unknown;
    workbook.worksheets[0]!.eachRow((row) => { const v = row.values as unknown[]; if (v[1] === "办件") finished = v[2]; });
    expect(onPrimary.totals.finished).toBeGreaterThan(0);
    expect(finished).toBe(onPrimary.totals.finished - 1);
  });

  it("a write goes to the primary, and the ranking it configures is found there at once, its figures read from the replica", async () => {
    await actAs("admin");
    const py = await unitByCode("XS-PY");
    const xj = await unitByCode("XS-PY-XJ");
    const saved = await saveRankingSchemeAction({ name: "副本读方案", parentOrgUnitId: py.id, active: true, weights: [{ indicatorKey: "visits.count", weight: 1, direction: "HIGHER_IS_BETTER" }] });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(await db.rankingScheme.count({ where: { id: saved.data.id } })).toBe(1);
    expect(await replicaWriter.rankingScheme.count({ where: { id: saved.data.id } })).toBe(0);
    // The scheme is read on the primary (the replica has not got it), so the page after the save
    // shows it; the units' figures include the replica-only visit.
    const admin = await sessionUser("admin");
    const period = parseDashboardPeriod({ period: "month" });
    const at = now();
    const lagging = await computeRanking(admin, saved.data.id, period, at);
    const primary = await db.$transaction((tx) => computeRanking(admin, saved.data.id, period, at, tx));
    const visitsOf = (r: typeof lagging) => r.ranked.find((u) => u.id === xj.id)!.parts.find((p) => p.key === "visits.count")!.value ?? 0;
    expect(visitsOf(lagging)).toBe(visitsOf(primary) + 1);
  });

  it("without DATABASE_REPLICA_URL the read client is the primary", async () => {
    const url = process.env.DATABASE_REPLICA_URL;
    delete process.env.DATABASE_REPLICA_URL;
    try {
      expect(readDb()).toBe(db);
      expect(replicaFor(db)).toBe(db);
    } finally {
      process.env.DATABASE_REPLICA_URL = url;
    }
  });
});
