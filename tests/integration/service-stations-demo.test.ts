// The 湖滨商圈增值服务驿站 demo reproduces the articles' figures on whatever day it is seeded
// (prisma/demo-service-stations.ts): 32 staffed and 150 self-service items, 1,400 enterprises
// and shops in 湖滨街道, 300+ cases over the demo's history up to the anchor (each finished or
// cancelled one in the programme of the year it was opened in, every open one in this year's
// ACTIVE programme), 36 minutes saved on average. Every figure is computed here from the rows;
// the figures themselves are written here rather than read from the seed, so a seed change that
// loses one fails this test.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { exceptionsFromRows, isWorkingDay } from "@/lib/platform/calendar/working-days";
import { nextCaseNumber, wholeMinutes } from "@/lib/service-stations/mutations";
import { ACTIVITY_DAYS, WORK_END, WORK_START } from "@/prisma/demo-activity";
import { addDaysYmd, demoNow, demoToday, demoYear, shanghaiInstant, shanghaiYmd } from "../support/time";

const ymdOf = (d: Date) => d.toISOString().slice(0, 10);
/** Minutes after Shanghai midnight of an instant. */
const shanghaiMinutes = (d: Date) => (((d.getTime() / 60_000 + 8 * 60) % 1440) + 1440) % 1440;

async function demoStation() {
  const hb = await db.orgUnit.findFirstOrThrow({ where: { name: "湖滨街道", kind: "STREET" }, include: { parent: { include: { parent: true } } } });
  const programme = await db.programme.findFirstOrThrow({ where: { type: "SERVICE_STATION", status: "ACTIVE", orgUnitId: hb.id } });
  const station = await db.serviceStation.findFirstOrThrow({ where: { orgUnitId: hb.id, name: "湖滨商圈增值服务驿站" } });
  return { hb, programme, station };
}

describe("湖滨商圈增值服务驿站 demo", () => {
  it("sits at 湖滨街道 under 上城区, in this year's programme", async () => {
    const { hb, programme, station } = await demoStation();
    expect(hb.parent?.name).toBe("上城区");
    expect(hb.parent?.kind).toBe("DISTRICT");
    expect(hb.parent?.parent?.name).toBe("杭州市");
    expect(programme.name).toBe(`${demoYear}年湖滨商圈增值服务驿站`);
    expect(ymdOf(programme.startDate) <= demoToday && demoToday <= ymdOf(programme.endDate)).toBe(true);
    expect(station.programmeId).toBe(programme.id);
    expect(station.active).toBe(true);
    // The station's people: two 导办员 and the street's manager at 湖滨街道, the district's manager above.
    const people = await db.user.findMany({ where: { username: { in: ["hb.officer", "hb.officer2", "hb.manager", "sc.manager"] } }, select: { username: true, role: true, orgUnitId: true } });
    expect(people.map((u) => [u.username, u.role, u.orgUnitId]).sort()).toEqual(
      [["hb.manager", "MANAGER", hb.id], ["hb.officer", "OFFICER", hb.id], ["hb.officer2", "OFFICER", hb.id], ["sc.manager", "MANAGER", hb.parentId]].sort(),
    );
  });

  it("has exactly 32 staffed and 150 self-service items, and bundles across departments", async () => {
    const { station } = await demoStation();
    const items = await db.serviceItem.findMany({ where: { stationId: station.id, active: true } });
    expect(items.filter((i) => i.kind === "STAFFED")).toHaveLength(32);
    expect(items.filter((i) => i.kind === "SELF_SERVICE")).toHaveLength(150);
    for (const i of items) {
      expect(i.name && i.category && i.department && i.documentsNeeded, i.code).toBeTruthy();
      expect(i.standardMinutes, i.code).toBeGreaterThan(0);
      expect(i.usualMinutes, i.code).toBeGreaterThan(i.standardMinutes);
    }
    // Real items, not "item 17": every name is its own.
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);

    const bundles = await db.serviceBundle.findMany({ where: { stationId: station.id, active: true }, include: { items: { include: { item: true } } } });
    expect(bundles.map((b) => b.name)).toContain("开一家餐馆");
    for (const b of bundles) {
      expect(b.items.length, b.name).toBeGreaterThanOrEqual(2);
      expect(new Set(b.items.map((i) => i.item.department)).size, b.name).toBeGreaterThanOrEqual(2);
      expect(b.items.every((i) => i.item.active && i.item.stationId === station.id), b.name).toBe(true);
    }
  });

  it("has exactly 1,400 enterprises and shops in 湖滨街道's area, all active", async () => {
    const { hb } = await demoStation();
    const inArea = { orgUnit: { path: { startsWith: hb.path } } };
    expect(await db.enterprise.count({ where: inArea })).toBe(1_400);
    expect(await db.enterprise.count({ where: { ...inArea, active: true } })).toBe(1_400);
  });

  it("has 300+ cases over the demo's history up to the anchor, saving 36 minutes on average", async () => {
    const { hb, station } = await demoStation();
    const [y, m, d] = addDaysYmd(demoToday, -ACTIVITY_DAYS).split("-").map(Number);
    const finished = await db.serviceCase.findMany({
      where: { stationId: station.id, status: "FINISHED", finishedAt: { gte: shanghaiInstant(y!, m!, d!, 0, 0), lte: demoNow } },
      include: { items: { include: { item: true } }, staff: { select: { username: true } }, programme: true },
    });
    expect(finished.length).toBeGreaterThanOrEqual(300);

    // The average over the finished cases, from their rows: Σ savedMinutes ÷ count = 36.0 exactly
    // (and the same over the COMPLETED ones alone, for a figure that leaves the others out).
    const average = (rows: typeof finished) => rows.reduce((sum, c) => sum + c.savedMinutes!, 0) / rows.length;
    expect(average(finished)).toBe(36);
    expect(average(finished.filter((c) => c.outcome === "COMPLETED"))).toBe(36);

    const exceptions = exceptionsFromRows(await db.calendarDay.findMany({ select: { date: true, kind: true } }));
    for (const c of finished) {
      // The module's own rule: usual = the items' snapshots, actual = whole minutes taken, saved = usual − actual.
      expect(c.stationId).toBe(station.id);
      expect(c.usualMinutes, c.number).toBe(c.items.reduce((sum, i) => sum + i.usualMinutes, 0));
      expect(c.actualMinutes, c.number).toBe(wholeMinutes(c.startedAt!, c.finishedAt!));
      expect(c.savedMinutes, c.number).toBe(c.usualMinutes! - c.actualMinutes!);
      // Snapshots of this station's catalogue, as the items stand.
      for (const i of c.items) {
        expect(i.item.stationId).toBe(station.id);
        expect([i.standardMinutes, i.usualMinutes]).toEqual([i.item.standardMinutes, i.item.usualMinutes]);
      }
      expect(["hb.officer", "hb.officer2"]).toContain(c.staff.username);
      // In the station's programme of the year it was opened in (this year's, or last year's
      // for a history reaching back over New Year), as the app files a case.
      expect([c.programme.type, c.programme.orgUnitId]).toEqual(["SERVICE_STATION", hb.id]);
      expect(ymdOf(c.programme.startDate) <= shanghaiYmd(c.createdAt) && shanghaiYmd(c.createdAt) <= ymdOf(c.programme.endDate), c.number).toBe(true);
      // On a working day, in working hours, before the anchor.
      expect(c.finishedAt!.getTime()).toBeLessThanOrEqual(demoNow.getTime());
      expect(isWorkingDay(shanghaiYmd(c.startedAt!), exceptions), c.number).toBe(true);
      expect(shanghaiMinutes(c.startedAt!)).toBeGreaterThanOrEqual(WORK_START);
      expect(shanghaiMinutes(c.finishedAt!)).toBeLessThanOrEqual(WORK_END);
    }
    expect(finished.filter((c) => c.bundleId).length).toBeGreaterThan(0);
    expect(new Set(finished.map((c) => c.enterpriseId)).size).toBeGreaterThan(200);
  });

  it("has round-tables concluded and waiting, work in progress and appointments ahead", async () => {
    const { station } = await demoStation();
    const tables = await db.roundTable.findMany({ where: { case: { stationId: station.id } }, include: { opinions: true, case: { select: { status: true } } } });
    const concluded = tables.filter((t) => t.status === "CONCLUDED");
    const waiting = tables.filter((t) => t.status === "OPEN");
    expect(concluded.length).toBeGreaterThan(0);
    for (const t of concluded) {
      expect(t.opinions.length).toBeGreaterThanOrEqual(2);
      expect(t.opinions.every((o) => o.verdict && o.answeredAt && o.answeredAt <= t.concludedAt!)).toBe(true);
    }
    // The manager sees cases waiting for a department: an empty seat, the case on hold.
    expect(waiting.length).toBeGreaterThan(0);
    for (const t of waiting) {
      expect(t.case.status).toBe("ROUND_TABLE");
      expect(t.opinions.some((o) => o.verdict === null)).toBe(true);
      expect(t.opinions.some((o) => o.verdict !== null)).toBe(true);
    }
    expect(await db.serviceCase.count({ where: { stationId: station.id, status: "SCHEDULED", scheduledAt: { gt: demoNow } } })).toBeGreaterThan(0);
    expect(await db.serviceCase.count({ where: { stationId: station.id, status: "IN_PROGRESS", startedAt: { lte: demoNow } } })).toBeGreaterThan(0);
  });

  it("files every open case in this year's ACTIVE programme, so it can be worked (seeded in early January too)", async () => {
    const { programme, station } = await demoStation();
    // The app refuses to start, finish or open a round-table on a case whose programme is not
    // ACTIVE, and a rollover moves open cases to the new programme: a case opened on the last
    // working day of last year and still open belongs to this year's programme.
    const open = await db.serviceCase.findMany({
      where: { stationId: station.id, status: { in: ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"] } },
      select: { number: true, programmeId: true, programme: { select: { status: true } } },
    });
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      expect(c.programme.status, c.number).toBe("ACTIVE");
      expect(c.programmeId, c.number).toBe(programme.id);
    }
  });

  it("leaves the app's case counter after the demo's numbers", async () => {
    const { hb } = await demoStation();
    const next = await db.$transaction((tx) => nextCaseNumber(hb.code, demoNow, tx));
    expect(next).toMatch(new RegExp(`^HB-${demoYear}-\\d{5}$`));
    expect(await db.serviceCase.count({ where: { number: next } })).toBe(0);
    const numbers = (await db.serviceCase.findMany({ where: { number: { startsWith: `HB-${demoYear}-` } }, select: { number: true } })).map((c) => c.number).sort();
    expect(numbers.filter((n) => n >= next)).toEqual([]);
  });
});
