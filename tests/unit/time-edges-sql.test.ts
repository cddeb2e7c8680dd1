// The Shanghai year and month in SQL: timestamps are stored as UTC wall-clock values
// (timestamp without time zone), so an entry at 1 Jan 00:30 Shanghai is stored as 31 Dec 16:30.
// Grouping by Shanghai month or year must convert UTC → Shanghai, i.e.
// (ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'; a bare ts AT TIME ZONE 'Asia/Shanghai'
// reads the value as Shanghai time and moves it eight hours the wrong way. Needs PostgreSQL,
// hence this file (the rules themselves are pure and tested in time-edges.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { LOCKOUT, isLocked, recordFailedSignIn } from "@/lib/platform/auth/lockout";
import { loadSessionUser } from "@/lib/platform/auth/session";
import { clockOf } from "@/lib/hotline/clocks";
import { sameDayDueAt } from "@/lib/hotline/deadlines";
import { hotlineReport } from "@/lib/hotline/reports";
import { now, shanghaiInstant, shanghaiYear } from "@/lib/platform/clock";
import { expirePoints } from "@/lib/talent/points/expiry";
import { postEntry } from "@/lib/talent/points/ledger";
import { pointsByPeriodAndUnit } from "@/lib/talent/points/progress";

// Years after the seeded data, derived from the clock: nothing seeded falls in them.
const Y = shanghaiYear(now()) + 2;
const justAfterNewYear = shanghaiInstant(Y + 1, 1, 1, 0, 30); // = 16:30 UTC of 31 Dec Y
const justBeforeNewYear = shanghaiInstant(Y, 12, 31, 23, 30); // = 15:30 UTC of 31 Dec Y

async function session(username: string) {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

describe("points progress by Shanghai period", () => {
  it("a grant at 00:30 on 1 Jan Shanghai counts for January of the new year, one at 23:30 on 31 Dec for December", async () => {
    const manager = await session("yh.manager");
    const units = await db.orgUnit.findMany({ where: { path: { startsWith: manager.orgPath } }, select: { id: true } });
    const account = await db.pointAccount.findFirstOrThrow({ where: { orgUnitId: { in: units.map((u) => u.id) } }, select: { id: true }, orderBy: { id: "asc" } });
    await db.$transaction(async (tx) => {
      await postEntry({ accountId: account.id, kind: "GRANT", points: 7, year: Y + 1, at: justAfterNewYear, reason: "test" }, tx);
      await postEntry({ accountId: account.id, kind: "GRANT", points: 5, year: Y, at: justBeforeNewYear, reason: "test" }, tx);
    });
    const next = await pointsByPeriodAndUnit(manager.orgPath, Y + 1, "month");
    expect(next.map((r) => [r.period, r.granted])).toEqual([[`${Y + 1}-01`, 7]]);
    const byYear = await pointsByPeriodAndUnit(manager.orgPath, Y + 1, "year");
    expect(byYear.map((r) => [r.period, r.granted])).toEqual([[String(Y + 1), 7]]);
    const quarter = await pointsByPeriodAndUnit(manager.orgPath, Y, "quarter");
    expect(quarter.map((r) => [r.period, r.granted])).toEqual([[`${Y}-Q4`, 5]]);
  });
});

describe("hotline report by Shanghai month", () => {
  it("a request received at 00:30 on 1 Jan Shanghai is January's, at 23:30 on 31 Dec December's", async () => {
    const manager = await session("yh.manager");
    const requests = await db.serviceRequest.findMany({
      where: { status: { not: "MERGED" }, orgUnit: { path: { startsWith: manager.orgPath } } },
      select: { id: true },
      take: 2,
      orderBy: { id: "asc" },
    });
    expect(requests).toHaveLength(2);
    await db.serviceRequest.update({ where: { id: requests[0]!.id }, data: { receivedAt: justAfterNewYear } });
    await db.serviceRequest.update({ where: { id: requests[1]!.id }, data: { receivedAt: justBeforeNewYear } });
    const filter = { from: shanghaiInstant(Y, 12, 1), to: shanghaiInstant(Y + 1, 2, 1) };
    const months = await hotlineReport(manager, { ...filter, groupBy: "month" }, justAfterNewYear);
    expect(months.rows.map((r) => [r.key, r.total])).toEqual([[`${Y}-12`, 1], [`${Y + 1}-01`, 1]]);
    const quarters = await hotlineReport(manager, { ...filter, groupBy: "quarter" }, justAfterNewYear);
    expect(quarters.rows.map((r) => [r.key, r.total])).toEqual([[`${Y}-Q4`, 1], [`${Y + 1}-Q1`, 1]]);
  });
});

describe("points expiry on the Shanghai calendar", () => {
  it("a grant valid through 31 Dec is still valid at 23:59:59 Shanghai and expires from 00:00 on 1 Jan", async () => {
    const manager = await session("yh.manager");
    const units = await db.orgUnit.findMany({ where: { path: { startsWith: manager.orgPath } }, select: { id: true } });
    const account = await db.pointAccount.findFirstOrThrow({ where: { orgUnitId: { in: units.map((u) => u.id) } }, select: { id: true }, orderBy: { id: "desc" } });
    const grant = await db.$transaction((tx) =>
      postEntry({ accountId: account.id, kind: "GRANT", points: 3, year: Y, at: shanghaiInstant(Y, 1, 2, 10), expiresOn: new Date(`${Y}-12-31T00:00:00.000Z`), reason: "test" }, tx),
    );
    const expired = () => db.pointLedgerEntry.count({ where: { kind: "EXPIRY", reversesSeq: grant.seq } });
    await expirePoints(shanghaiInstant(Y, 12, 31, 23, 59, 59));
    expect(await expired()).toBe(0);
    await expirePoints(shanghaiInstant(Y + 1, 1, 1));
    expect(await expired()).toBe(1);
  });
});

describe("hotline same-day clocks across the year end", () => {
  it("after the cut-off on 31 Dec the clock runs to the end of the first working day of the new year's calendar", async () => {
    // Next year's calendar: 元旦 on 1 Jan, and 2 Jan made a holiday too whatever weekday it is,
    // so the answer depends on rows of the next year being loaded.
    const day = (d: number) => new Date(`${Y + 1}-01-0${d}T00:00:00.000Z`);
    await db.calendarDay.createMany({ data: [{ date: day(1), kind: "HOLIDAY", name: "元旦" }, { date: day(2), kind: "HOLIDAY", name: "元旦" }], skipDuplicates: true });
    let expected = `${Y + 1}-01-03`;
    const isWeekend = (s: string) => [0, 6].includes(new Date(`${s}T00:00:00Z`).getUTCDay());
    while (isWeekend(expected)) expected = `${Y + 1}-01-0${Number(expected.slice(-1)) + 1}`;
    const [y, m, d] = expected.split("-").map(Number) as [number, number, number];
    const due = await sameDayDueAt(shanghaiInstant(Y, 12, 31, 23, 59, 59), { cutoff: "17:00", dayEnd: "17:30" });
    expect(due).toEqual(shanghaiInstant(y, m, d, 17, 30));
    // The clock is pending up to and including the due instant, overdue one millisecond later.
    const request = { status: "RECEIVED" as const, acceptDueAt: due, assignDueAt: due, respondDueAt: due, acceptedAt: null, assignedAt: null, respondedAt: null };
    expect(clockOf(request, "ACCEPT", due)).toMatchObject({ state: "pending", deltaMs: 0 });
    expect(clockOf(request, "ACCEPT", new Date(due.getTime() + 1))).toMatchObject({ state: "overdue", deltaMs: 1 });
    expect(clockOf({ ...request, acceptedAt: due }, "ACCEPT", new Date(due.getTime() + 1))).toMatchObject({ state: "met" });
  });
});

describe("sign-in lockout reads the app's clock, not the database server's time zone", () => {
  it("locks for exactly the lock period after the last failure, even on a connection set to Asia/Shanghai", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: "lz.officer" }, select: { id: true } });
    const at = newYear();
    const lockedUntil = await db.$transaction(async (tx) => {
      // A database configured for Shanghai time (postgresql.conf timezone = 'Asia/Shanghai').
      await tx.$executeRaw`SET LOCAL TIME ZONE 'Asia/Shanghai'`;
      let locked = false;
      for (let i = 0; i < LOCKOUT.maxFailures; i++) locked = await recordFailedSignIn(user.id, new Date(at.getTime() + i * 1000), tx);
      expect(locked).toBe(true);
      return (await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } })).lockedUntil!;
    });
    const lastFailure = at.getTime() + (LOCKOUT.maxFailures - 1) * 1000;
    expect(lockedUntil.getTime()).toBe(lastFailure + LOCKOUT.lockMinutes * 60_000);
    expect(isLocked({ lockedUntil }, new Date(lockedUntil.getTime() - 1))).toBe(true);
    expect(isLocked({ lockedUntil }, lockedUntil)).toBe(false);
  });
});

/** 1 Jan 00:00 Shanghai of the year after Y (16:00 UTC of 31 Dec). */
function newYear() {
  return shanghaiInstant(Y + 1, 1, 1);
}
