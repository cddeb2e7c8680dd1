// Services delivered on visits (服务清单) count where visits and problems are counted (issue 13
// item 3): the campaign progress and the dashboard's village, town and district rows, kept
// current by the rollup triggers through adds, removals, moved and deleted visits.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { campaignOfficerProgress, campaignProgress } from "@/lib/visits/campaigns/progress";
import { checkRollups } from "@/lib/dashboards/consistency";
import { loadDashboard } from "@/lib/dashboards/view";
import { dateOnly } from "@/lib/programmes/period";
import { demoUser, unitByCode, sessionUser } from "../support/fixtures";
import { shanghaiInstant, shanghaiYmd, ymd } from "../support/time";

const N = 7;
let programmeId: string;
let visitIds: string[] = [];

async function expectConsistent() {
  const report = await checkRollups();
  for (const [table, r] of Object.entries(report)) expect({ table, ...r }).toEqual({ table, mismatches: 0, sample: [] });
  // The rolled-up figure is a count over the base table.
  const [rolled] = await db.$queryRaw<{ n: number }[]>`SELECT COALESCE(SUM(services), 0)::int AS n FROM rollup_visit_day`;
  expect(rolled!.n).toBe(await db.visitService.count());
}

/** The services figure on the district, town and village dashboards (each unit's own total row and its row on its parent's page). */
async function dashboardServices() {
  const admin = await sessionUser("admin");
  const [xs, py, xj] = await Promise.all([unitByCode("XS"), unitByCode("XS-PY"), unitByCode("XS-PY-XJ")]);
  const at = async (unitId: string) => (await loadDashboard(admin, { unit: unitId, programme: programmeId, period: "month" })).panel!.values.get("visits.services");
  const [district, town, village] = [await at(xs.id), await at(py.id), await at(xj.id)];
  return { district: district?.get(xs.id), townOnDistrict: district?.get(py.id), town: town?.get(py.id), villageOnTown: town?.get(xj.id), village: village?.get(xj.id) };
}

beforeAll(async () => {
  const admin = await demoUser("admin");
  const xs = await unitByCode("XS");
  const today = shanghaiYmd();
  const year = Number(today.slice(0, 4));
  programmeId = (await db.programme.create({
    data: { type: "VISIT_CAMPAIGN", name: "服务清单计数测试", startDate: dateOnly(ymd(year, 1, 1)), endDate: dateOnly(ymd(year, 12, 31)), orgUnitId: xs.id, status: "ACTIVE", createdById: admin.id },
  })).id;
  const officer = await demoUser("py.officer");
  const xj = await unitByCode("XS-PY-XJ");
  const households = await db.household.findMany({ where: { orgUnitId: xj.id }, take: 3, orderBy: { householdKey: "asc" } });
  // A minute ago, but never before today began (Shanghai), so they are this month's.
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const visitedAt = new Date(Math.max(Date.now() - 60_000, shanghaiInstant(y, m, d).getTime()));
  // N services over three visits: 3 + 4, and one visit with none.
  const perVisit = [3, N - 3, 0];
  visitIds = [];
  for (const [i, h] of households.entries()) {
    const visit = await db.visit.create({
      data: {
        programmeId, orgUnitId: xj.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: h.id, visitedAt,
        services: { create: Array.from({ length: perVisit[i]! }, (_, j) => ({ description: `代办服务 ${j + 1}`, sortOrder: j })) },
      },
    });
    visitIds.push(visit.id);
  }
});

describe("services delivered", () => {
  it("N services on visits in a village appear on the campaign progress and on the village, town and district dashboard rows", async () => {
    const [xs, py, xj] = await Promise.all([unitByCode("XS"), unitByCode("XS-PY"), unitByCode("XS-PY-XJ")]);
    const town = await campaignProgress(programmeId, py);
    expect(town.total.services).toBe(N);
    expect(town.children.find((c) => c.unitId === xj.id)?.services).toBe(N);
    expect((await campaignProgress(programmeId, xj)).total.services).toBe(N);
    expect((await campaignProgress(programmeId, xs)).total.services).toBe(N);
    const officers = await campaignOfficerProgress(programmeId, py);
    expect(officers.find((o) => o.name && o.services > 0)?.services).toBe(N);

    expect(await dashboardServices()).toEqual({ district: N, townOnDistrict: N, town: N, villageOnTown: N, village: N });
    // The trend carries the figure too.
    const model = await loadDashboard(await sessionUser("admin"), { unit: py.id, programme: programmeId, period: "month" });
    expect(model.panel!.trend.values.get("visits.services")!.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(N);
    await expectConsistent();
  });

  it("the rollup follows services removed and added, a visit moved to another village, and a deleted visit", async () => {
    const [py, xj, jy] = await Promise.all([unitByCode("XS-PY"), unitByCode("XS-PY-XJ"), unitByCode("XS-PY-JY")]);
    // Editing a visit replaces its service list (lib/visits/mutations): 3 → 1.
    await db.visitService.deleteMany({ where: { visitId: visitIds[0]! } });
    await db.visitService.create({ data: { visitId: visitIds[0]!, description: "政策宣传" } });
    await db.visitService.create({ data: { visitId: visitIds[2]!, description: "帮办证件" } });
    await expectConsistent();
    expect((await dashboardServices()).town).toBe(N - 3 + 1 + 1);
    // The visit with N - 3 services is moved to another village: its services go along.
    await db.visit.update({ where: { id: visitIds[1]! }, data: { orgUnitId: jy.id } });
    await expectConsistent();
    const town = await campaignProgress(programmeId, py);
    expect(town.children.find((c) => c.unitId === jy.id)?.services).toBe(N - 3);
    expect(town.children.find((c) => c.unitId === xj.id)?.services).toBe(2);
    // A deleted visit takes its services with it (ON DELETE CASCADE).
    await db.visit.delete({ where: { id: visitIds[1]! } });
    await expectConsistent();
    expect(await dashboardServices()).toEqual({ district: 2, townOnDistrict: 2, town: 2, villageOnTown: 2, village: 2 });
  });
});
