// Time-dependent rules at the awkward instants: the Shanghai New Year (31 Dec 23:59:59 Shanghai
// = 15:59:59 UTC, one second before 1 Jan 00:00 Shanghai = 16:00 UTC of 31 Dec), the last
// working day before 春节 and 国庆, a 调休 Saturday, 29 Feb of a leap year and 28 Feb / 1 Mar of
// a common year. Years are computed from the clock, never written as literals, and the holiday
// calendars are built synthetically for those years: the rules are generic, and the shipped
// State Council lists are tested on their own in working-calendar.test.ts.
import { describe, expect, it } from "vitest";
import { addCalendarDays, isWorkingDay, nextWorkingDay, sameDayDeadline, shanghaiDay, type CalendarExceptions, type SameDayRule } from "@/lib/platform/calendar/working-days";
import { computeFrequency, daysLeft, evaluationInstant, periodContaining, shanghaiDate, type RuleInput, type VisitFact } from "@/lib/visits/campaigns/frequency";
import { parseDashboardPeriod, periodOf, splitByMonths } from "@/lib/dashboards/period";
import { reportRange } from "@/lib/hotline/reports";
import { isoDate } from "@/lib/platform/schema-fields";
import { newProblemSchema } from "@/lib/problems/schemas";
import { daysOverdue, isMilestoneLate, milestoneTiming, pledgeEffectiveStatus } from "@/lib/key-projects/lateness";
import { evaluateExpectations } from "@/lib/mentorship/expectations";
import { now, shanghaiInstant, shanghaiYear, shanghaiYmd } from "@/lib/platform/clock";
import { addMonths, shanghaiToday } from "@/lib/talent/points/applications";
import { shanghaiYear as ledgerYear } from "@/lib/talent/points/ledger";
import { idCheckChar, idNumberProblem } from "@/lib/talent/id-number";
import { parsePeriod } from "@/lib/programmes/period";
import { todayInShanghai } from "@/lib/platform/shanghai";

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** 0 = Sunday … 6 = Saturday, of a calendar date. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekendDay = (day: string) => weekday(day) === 0 || weekday(day) === 6;

// Next year, so nothing here is "today"; the leap and common years are the next ones from there.
const Y = shanghaiYear(now()) + 1;
let LEAP = Y;
while (!isLeap(LEAP)) LEAP += 1;
let COMMON = Y;
while (isLeap(COMMON)) COMMON += 1;

/** 31 Dec of `y`, 23:59:59 Shanghai, and the next second: 1 Jan of y+1, 00:00:00 Shanghai. */
const lastSecondOf = (y: number) => shanghaiInstant(y, 12, 31, 23, 59, 59);
const newYearOf = (y: number) => shanghaiInstant(y + 1, 1, 1);

// A synthetic State Council-style calendar for year Y, shaped like the real notices:
// 元旦 on 1 Jan; 春节 a nine-day run (Saturday … the second Sunday) with a 调休 Saturday the week
// before; 国庆 1–7 Oct with the weekend day before 1 Oct and the first weekend day after 7 Oct
// worked (so the last working day before 国庆 is always 30 Sep and the first after it 8 Oct).
function syntheticCalendar(y: number) {
  const map = new Map<string, "HOLIDAY" | "WORKDAY">();
  const holiday = (day: string) => !isWeekendDay(day) && map.set(day, "HOLIDAY");
  holiday(ymd(y, 1, 1));
  // 春节: from the first Saturday on or after 10 Feb, nine days.
  let springStart = ymd(y, 2, 10);
  while (weekday(springStart) !== 6) springStart = addCalendarDays(springStart, 1);
  for (let i = 0; i < 9; i++) holiday(addCalendarDays(springStart, i));
  const tiaoxiuSaturday = addCalendarDays(springStart, -7);
  map.set(tiaoxiuSaturday, "WORKDAY");
  for (let d = 1; d <= 7; d++) holiday(ymd(y, 10, d));
  let before = ymd(y, 9, 30);
  while (!isWeekendDay(before)) before = addCalendarDays(before, -1);
  let after = ymd(y, 10, 8);
  while (!isWeekendDay(after)) after = addCalendarDays(after, 1);
  // Worked weekend days next to 国庆: 30 Sep itself when it is a weekend day, else the weekend
  // before it; 8 Oct itself when it is a weekend day, else the weekend after.
  map.set(before, "WORKDAY");
  map.set(after, "WORKDAY");
  holiday(ymd(y + 1, 1, 1));
  return { exceptions: map as CalendarExceptions, springStart, springEnd: addCalendarDays(springStart, 8), tiaoxiuSaturday };
}

const CAL = syntheticCalendar(Y);
const RULE: SameDayRule = { cutoff: "17:00", dayEnd: "24:00" };
const OFFICE: SameDayRule = { cutoff: "16:30", dayEnd: "17:30" };
/** The Shanghai wall-clock time of an instant, "YYYY-MM-DD HH:MM:SS". */
const wall = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

describe("the years under test are derived, not literal", () => {
  it("Y is after the current Shanghai year; LEAP is a leap year and COMMON is not", () => {
    expect(Y).toBeGreaterThan(shanghaiYear(now()));
    expect(ymd(LEAP, 2, 29)).toBe(addCalendarDays(ymd(LEAP, 2, 28), 1));
    expect(addCalendarDays(ymd(COMMON, 2, 28), 1)).toBe(ymd(COMMON, 3, 1));
  });
});

describe("the Shanghai year and day turn at 16:00 UTC", () => {
  it("31 Dec 23:59:59 Shanghai is still 31 Dec; one second later it is 1 Jan of the next year", () => {
    expect(lastSecondOf(Y).toISOString()).toBe(`${Y}-12-31T15:59:59.000Z`);
    expect(newYearOf(Y).toISOString()).toBe(`${Y}-12-31T16:00:00.000Z`);
    for (const fn of [shanghaiYmd, shanghaiDay, shanghaiDate, todayInShanghai]) {
      expect(fn(lastSecondOf(Y))).toBe(ymd(Y, 12, 31));
      expect(fn(newYearOf(Y))).toBe(ymd(Y + 1, 1, 1));
    }
  });

  it("the points year (quotas, tiers, caps per year, numbering) is the Shanghai year", () => {
    expect(shanghaiYear(lastSecondOf(Y))).toBe(Y);
    expect(ledgerYear(lastSecondOf(Y))).toBe(Y);
    // The UTC date is still 31 Dec: a UTC year would put this grant in the wrong year.
    expect(newYearOf(Y).getUTCFullYear()).toBe(Y);
    expect(shanghaiYear(newYearOf(Y))).toBe(Y + 1);
    expect(ledgerYear(newYearOf(Y))).toBe(Y + 1);
  });

  it("points grants are dated on the Shanghai day (@db.Date at UTC midnight)", () => {
    expect(shanghaiToday(lastSecondOf(Y)).toISOString()).toBe(`${Y}-12-31T00:00:00.000Z`);
    expect(shanghaiToday(newYearOf(Y)).toISOString()).toBe(`${Y + 1}-01-01T00:00:00.000Z`);
    expect(shanghaiToday(shanghaiInstant(LEAP, 2, 29, 7, 59, 59)).toISOString()).toBe(`${LEAP}-02-29T00:00:00.000Z`);
  });
});

describe("validity of granted points (months from the grant day)", () => {
  const day = (s: string) => new Date(`${s}T00:00:00.000Z`);
  const plus = (s: string, months: number) => addMonths(day(s), months).toISOString().slice(0, 10);

  it("stays in the target month: 29 Feb + 12 months is 28 Feb, 31 Jan + 1 month the end of February", () => {
    expect(plus(ymd(LEAP, 2, 29), 12)).toBe(ymd(LEAP + 1, 2, 28));
    expect(plus(ymd(LEAP, 2, 29), 48)).toBe(ymd(LEAP + 4, 2, 29));
    expect(plus(ymd(LEAP, 1, 31), 1)).toBe(ymd(LEAP, 2, 29));
    expect(plus(ymd(COMMON, 1, 31), 1)).toBe(ymd(COMMON, 2, 28));
    expect(plus(ymd(COMMON, 2, 28), 12)).toBe(ymd(COMMON + 1, 2, 28));
    expect(plus(ymd(Y, 12, 31), 6)).toBe(ymd(Y + 1, 6, 30));
    expect(plus(ymd(Y, 8, 31), 1)).toBe(ymd(Y, 9, 30));
    expect(plus(ymd(Y, 12, 15), 1)).toBe(ymd(Y + 1, 1, 15));
  });
});

describe("working calendar and same-day deadlines (synthetic calendar for Y)", () => {
  it("a request on 31 Dec after the cut-off is due on the first working day after 元旦", () => {
    const exceptions = syntheticCalendar(Y).exceptions;
    let expected = ymd(Y + 1, 1, 2);
    while (isWeekendDay(expected)) expected = addCalendarDays(expected, 1);
    // 31 Dec on a weekend is not a working day either way; on a weekday it is, before 17:00.
    const lastDay = ymd(Y, 12, 31);
    const due = sameDayDeadline(lastSecondOf(Y), RULE, exceptions);
    expect(wall(due)).toBe(`${addCalendarDays(expected, 1)} 00:00:00`);
    expect(sameDayDeadline(newYearOf(Y), RULE, exceptions)).toEqual(due);
    if (!isWeekendDay(lastDay)) {
      expect(wall(sameDayDeadline(shanghaiInstant(Y, 12, 31, 16, 59, 59), RULE, exceptions))).toBe(`${ymd(Y + 1, 1, 1)} 00:00:00`);
    }
  });

  it("the 调休 Saturday before 春节 is a working day: before the cut-off it is due that evening", () => {
    const [y, m, d] = CAL.tiaoxiuSaturday.split("-").map(Number) as [number, number, number];
    expect(weekday(CAL.tiaoxiuSaturday)).toBe(6);
    expect(isWorkingDay(CAL.tiaoxiuSaturday, CAL.exceptions)).toBe(true);
    expect(wall(sameDayDeadline(shanghaiInstant(y, m, d, 16, 59, 59), RULE, CAL.exceptions))).toBe(`${addCalendarDays(CAL.tiaoxiuSaturday, 1)} 00:00:00`);
    expect(wall(sameDayDeadline(shanghaiInstant(y, m, d, 16, 29), OFFICE, CAL.exceptions))).toBe(`${CAL.tiaoxiuSaturday} 17:30:00`);
  });

  it("after the cut-off on the last working day before 春节 it is due after the whole run", () => {
    // The last working day before the run is the Friday before it.
    const lastBefore = addCalendarDays(CAL.springStart, -1);
    expect(weekday(lastBefore)).toBe(5);
    expect(nextWorkingDay(lastBefore, CAL.exceptions)).toBe(addCalendarDays(CAL.springEnd, 1));
    const [y, m, d] = lastBefore.split("-").map(Number) as [number, number, number];
    const firstAfter = addCalendarDays(CAL.springEnd, 1);
    expect(wall(sameDayDeadline(shanghaiInstant(y, m, d, 17, 0, 0), OFFICE, CAL.exceptions))).toBe(`${firstAfter} 17:30:00`);
    expect(wall(sameDayDeadline(shanghaiInstant(y, m, d, 23, 59, 59), RULE, CAL.exceptions))).toBe(`${addCalendarDays(firstAfter, 1)} 00:00:00`);
    // At 16:00 UTC it is already the first day of the run (a holiday or a weekend): same answer.
    expect(wall(sameDayDeadline(shanghaiInstant(y, m, d + 1), RULE, CAL.exceptions))).toBe(`${addCalendarDays(firstAfter, 1)} 00:00:00`);
  });

  it("30 Sep is the last working day before 国庆 and 8 Oct the first after it", () => {
    expect(isWorkingDay(ymd(Y, 9, 30), CAL.exceptions)).toBe(true);
    expect(nextWorkingDay(ymd(Y, 9, 30), CAL.exceptions)).toBe(ymd(Y, 10, 8));
    expect(wall(sameDayDeadline(shanghaiInstant(Y, 9, 30, 16, 59, 59), RULE, CAL.exceptions))).toBe(`${ymd(Y, 10, 1)} 00:00:00`);
    expect(wall(sameDayDeadline(shanghaiInstant(Y, 9, 30, 17), RULE, CAL.exceptions))).toBe(`${ymd(Y, 10, 9)} 00:00:00`);
    expect(wall(sameDayDeadline(shanghaiInstant(Y, 10, 7, 23, 59, 59), OFFICE, CAL.exceptions))).toBe(`${ymd(Y, 10, 8)} 17:30:00`);
  });

  it("29 Feb of a leap year is a day like any other; 28 Feb of a common year is followed by 1 Mar", () => {
    const none: CalendarExceptions = new Map();
    const feb28 = ymd(LEAP, 2, 28);
    const expectedLeap = isWeekendDay(ymd(LEAP, 2, 29)) ? nextWorkingDay(ymd(LEAP, 2, 29), none) : ymd(LEAP, 2, 29);
    expect(wall(sameDayDeadline(shanghaiInstant(LEAP, 2, 28, 17), OFFICE, none))).toBe(
      `${isWorkingDay(feb28, none) ? expectedLeap : nextWorkingDay(feb28, none)} 17:30:00`,
    );
    const common28 = ymd(COMMON, 2, 28);
    const firstAfter = nextWorkingDay(common28, none);
    expect(firstAfter >= ymd(COMMON, 3, 1)).toBe(true);
    expect(wall(sameDayDeadline(shanghaiInstant(COMMON, 2, 28, 23, 59, 59), OFFICE, none))).toBe(`${firstAfter} 17:30:00`);
  });
});

describe("visit frequency: overdue and due soon across the Shanghai month and year", () => {
  const monthly: RuleInput = { id: "r", kind: "OFFICER_ANY", period: "MONTH", minVisits: 1, dueSoonDays: 3 };
  const weekly: RuleInput = { id: "w", kind: "OFFICER_ANY", period: "WEEK", minVisits: 1, dueSoonDays: 2 };
  const officer = { id: "o", name: "甲", orgUnitId: "u", orgUnitName: "乡镇" };
  const visit = (visitedAt: Date): VisitFact => ({ officerId: "o", enterpriseId: null, mentorId: null, kind: "HOUSEHOLD", visitedAt });
  const run = (rules: RuleInput[], visits: VisitFact[], at: Date, campaign = { startDate: ymd(Y, 1, 1), endDate: ymd(Y + 1, 12, 31) }) =>
    computeFrequency({ campaign, rules, officers: [officer], enterprises: [], visits, now: at });

  it("31 Dec 23:59:59: December is due soon with one day left; one second later December is missed", () => {
    const visits = [visit(shanghaiInstant(Y, 11, 15, 10))];
    const before = run([monthly], visits, lastSecondOf(Y))[0]!;
    expect(before).toMatchObject({ status: "DUE_SOON", daysLeft: 1, current: { firstDay: ymd(Y, 12, 1), lastDay: ymd(Y, 12, 31) } });
    const after = run([monthly], visits, newYearOf(Y))[0]!;
    expect(after).toMatchObject({ status: "OVERDUE", daysLeft: 31, current: { firstDay: ymd(Y + 1, 1, 1) }, missed: { firstDay: ymd(Y, 12, 1), count: 0 } });
  });

  it("a visit at 23:59:59 on 31 Dec counts for December, one at 00:00 on 1 Jan for January", () => {
    const late = run([monthly], [visit(lastSecondOf(Y))], newYearOf(Y))[0]!;
    expect(late).toMatchObject({ status: "PENDING", count: 0, missed: null });
    const early = run([monthly], [visit(newYearOf(Y))], newYearOf(Y))[0]!;
    expect(early).toMatchObject({ status: "MET", count: 1 });
  });

  it("weeks run Monday–Sunday in Shanghai across the year end", () => {
    const week = periodContaining("WEEK", newYearOf(Y));
    expect(weekday(week.firstDay)).toBe(1);
    expect(week.firstDay <= ymd(Y + 1, 1, 1) && ymd(Y + 1, 1, 1) <= week.lastDay).toBe(true);
    expect(periodContaining("WEEK", lastSecondOf(Y)).firstDay).toBe(weekday(ymd(Y + 1, 1, 1)) === 1 ? addCalendarDays(week.firstDay, -7) : week.firstDay);
    const item = run([weekly], [], newYearOf(Y))[0]!;
    expect(item.daysLeft).toBe(Math.round((Date.parse(`${week.lastDay}T00:00:00Z`) - Date.parse(`${ymd(Y + 1, 1, 1)}T00:00:00Z`)) / 86_400_000) + 1);
  });

  it("February has 29 days in a leap year: due soon counts to the 29th", () => {
    const feb = periodContaining("MONTH", shanghaiInstant(LEAP, 2, 28, 12));
    expect(feb.lastDay).toBe(ymd(LEAP, 2, 29));
    expect(daysLeft(feb, shanghaiInstant(LEAP, 2, 28, 12))).toBe(2);
    expect(daysLeft(feb, shanghaiInstant(LEAP, 2, 29, 23, 59, 59))).toBe(1);
    expect(periodContaining("MONTH", shanghaiInstant(LEAP, 3, 1)).firstDay).toBe(ymd(LEAP, 3, 1));
    const common = periodContaining("MONTH", shanghaiInstant(COMMON, 2, 28, 23, 59, 59));
    expect(common.lastDay).toBe(ymd(COMMON, 2, 28));
    expect(daysLeft(common, shanghaiInstant(COMMON, 2, 28, 23, 59, 59))).toBe(1);
    const campaign = { startDate: ymd(LEAP, 1, 1), endDate: ymd(LEAP, 12, 31) };
    // January met (its last second counts for January): three days left start on the 27th.
    const january = [visit(shanghaiInstant(LEAP, 1, 31, 23, 59, 59))];
    expect(run([monthly], january, shanghaiInstant(LEAP, 2, 26, 23, 59, 59), campaign)[0]).toMatchObject({ status: "PENDING", daysLeft: 4 });
    expect(run([monthly], january, shanghaiInstant(LEAP, 2, 27), campaign)[0]).toMatchObject({ status: "DUE_SOON", daysLeft: 3 });
    const commonCampaign = { startDate: ymd(COMMON, 1, 1), endDate: ymd(COMMON, 12, 31) };
    const commonJanuary = [visit(shanghaiInstant(COMMON, 1, 31, 23, 59, 59))];
    expect(run([monthly], commonJanuary, shanghaiInstant(COMMON, 2, 26), commonCampaign)[0]).toMatchObject({ status: "DUE_SOON", daysLeft: 3 });
    // Leap day not visited: from 1 Mar 00:00 Shanghai February is missed.
    expect(run([monthly], [visit(shanghaiInstant(LEAP, 1, 31, 12))], shanghaiInstant(LEAP, 3, 1), campaign)[0]).toMatchObject({
      status: "OVERDUE", missed: { firstDay: ymd(LEAP, 2, 1), lastDay: ymd(LEAP, 2, 29) },
    });
  });
});

describe("programme periods: active through the last Shanghai day", () => {
  const rule: RuleInput = { id: "r", kind: "OFFICER_ANY", period: "MONTH", minVisits: 1, dueSoonDays: 3 };
  const officer = { id: "o", name: "甲", orgUnitId: "u", orgUnitName: "乡镇" };
  const campaign = { startDate: ymd(Y, 1, 1), endDate: ymd(Y, 12, 31) };

  it("a campaign is still running at 23:59:59 on its last day and over one second later", () => {
    const at = computeFrequency({ campaign, rules: [rule], officers: [officer], enterprises: [], visits: [], now: lastSecondOf(Y) })[0]!;
    expect(at.daysLeft).toBe(1);
    const after = computeFrequency({ campaign, rules: [rule], officers: [officer], enterprises: [], visits: [], now: newYearOf(Y) })[0]!;
    expect(after).toMatchObject({ daysLeft: 0, current: { firstDay: ymd(Y, 12, 1), lastDay: ymd(Y, 12, 31) } });
    expect(evaluationInstant(campaign, lastSecondOf(Y))).toEqual(lastSecondOf(Y));
    expect(evaluationInstant(campaign, newYearOf(Y)).toISOString()).toBe(`${Y}-12-31T15:59:59.999Z`);
  });

  it("a campaign starts at 00:00 Shanghai on its first day, not at 08:00", () => {
    const starting = { startDate: ymd(Y + 1, 1, 1), endDate: ymd(Y + 1, 12, 31) };
    expect(computeFrequency({ campaign: starting, rules: [rule], officers: [officer], enterprises: [], visits: [], now: lastSecondOf(Y) })).toEqual([]);
    expect(computeFrequency({ campaign: starting, rules: [rule], officers: [officer], enterprises: [], visits: [], now: newYearOf(Y) })).toHaveLength(1);
  });

  it("a mentorship pairing is evaluated on its last day until Shanghai midnight", () => {
    const pairing = { id: "p", startDate: ymd(Y, 12, 1), endDate: ymd(Y, 12, 31) };
    const expectation = { kind: "ANY" as const, period: "MONTH" as const, min: 1 };
    const last = evaluateExpectations([pairing], [expectation], [], lastSecondOf(Y), 3)[0]!;
    expect(last).toMatchObject({ status: "DUE_SOON", current: { lastDay: ymd(Y, 12, 31) } });
    const done = evaluateExpectations([pairing], [expectation], [{ pairingId: "p", kind: "OTHER", occurredOn: ymd(Y, 12, 31) }], newYearOf(Y), 3)[0]!;
    expect(done).toMatchObject({ status: "MET", count: 1, current: { firstDay: ymd(Y, 12, 1) } });
    expect(evaluateExpectations([{ ...pairing, startDate: ymd(Y + 1, 1, 1), endDate: ymd(Y + 1, 1, 31) }], [expectation], [], lastSecondOf(Y), 3)).toEqual([]);
  });

  it("target periods end on the right last day (Q4 on 31 Dec, February on the 29th in a leap year)", () => {
    expect(parsePeriod(`${Y}-Q4`)).toEqual({ start: ymd(Y, 10, 1), end: ymd(Y, 12, 31) });
    expect(parsePeriod(`${LEAP}-02`)).toEqual({ start: ymd(LEAP, 2, 1), end: ymd(LEAP, 2, 29) });
    expect(parsePeriod(`${COMMON}-02`)).toEqual({ start: ymd(COMMON, 2, 1), end: ymd(COMMON, 2, 28) });
    expect(parsePeriod(`${LEAP}-Q1`)?.end).toBe(ymd(LEAP, 3, 31));
  });
});

describe("dashboard periods at the year end", () => {
  it("this year / quarter / month / week turn at 00:00 Shanghai, not at 00:00 UTC", () => {
    expect(parseDashboardPeriod({ period: "year" }, lastSecondOf(Y))).toEqual({ kind: "year", from: ymd(Y, 1, 1), to: ymd(Y, 12, 31) });
    expect(parseDashboardPeriod({ period: "year" }, newYearOf(Y))).toEqual({ kind: "year", from: ymd(Y + 1, 1, 1), to: ymd(Y + 1, 12, 31) });
    expect(parseDashboardPeriod({ period: "quarter" }, lastSecondOf(Y))).toMatchObject({ from: ymd(Y, 10, 1), to: ymd(Y, 12, 31) });
    expect(parseDashboardPeriod({ period: "quarter" }, newYearOf(Y))).toMatchObject({ from: ymd(Y + 1, 1, 1), to: ymd(Y + 1, 3, 31) });
    expect(parseDashboardPeriod({ period: "month" }, lastSecondOf(Y))).toMatchObject({ from: ymd(Y, 12, 1), to: ymd(Y, 12, 31) });
    expect(parseDashboardPeriod({}, newYearOf(Y))).toMatchObject({ kind: "month", from: ymd(Y + 1, 1, 1), to: ymd(Y + 1, 1, 31) });
    const week = parseDashboardPeriod({ period: "week" }, newYearOf(Y));
    expect(weekday(week.from)).toBe(1);
    expect(week.from <= ymd(Y + 1, 1, 1) && ymd(Y + 1, 1, 1) <= week.to).toBe(true);
  });

  it("February of a leap year ends on the 29th; of a common year on the 28th", () => {
    expect(periodOf("month", ymd(LEAP, 2, 29))).toEqual({ kind: "month", from: ymd(LEAP, 2, 1), to: ymd(LEAP, 2, 29) });
    expect(periodOf("month", ymd(COMMON, 2, 28))).toEqual({ kind: "month", from: ymd(COMMON, 2, 1), to: ymd(COMMON, 2, 28) });
    expect(periodOf("month", ymd(COMMON, 3, 1)).from).toBe(ymd(COMMON, 3, 1));
    expect(periodOf("quarter", ymd(LEAP, 2, 29))).toMatchObject({ from: ymd(LEAP, 1, 1), to: ymd(LEAP, 3, 31) });
    expect(parseDashboardPeriod({ period: "month" }, shanghaiInstant(LEAP, 2, 29, 23, 59, 59)).to).toBe(ymd(LEAP, 2, 29));
    expect(parseDashboardPeriod({ period: "month" }, shanghaiInstant(LEAP, 3, 1)).from).toBe(ymd(LEAP, 3, 1));
  });

  it("the hotline report's default range is the Shanghai year", () => {
    expect(reportRange({}, lastSecondOf(Y))).toMatchObject({ label: String(Y), from: shanghaiInstant(Y, 1, 1), to: shanghaiInstant(Y + 1, 1, 1) });
    expect(reportRange({}, newYearOf(Y))).toMatchObject({ label: String(Y + 1), from: shanghaiInstant(Y + 1, 1, 1), to: shanghaiInstant(Y + 2, 1, 1) });
    expect(reportRange({ period: `${LEAP}-02` })).toMatchObject({ from: shanghaiInstant(LEAP, 2, 1), to: shanghaiInstant(LEAP, 3, 1) });
  });

  it("the hotline report reads the year it was asked for, not this year (the hint offers \"2026\")", () => {
    // Asked in the next year for last year's figures: last year, labelled as such.
    expect(reportRange({ period: String(Y) }, newYearOf(Y))).toEqual({ label: String(Y), from: shanghaiInstant(Y, 1, 1), to: shanghaiInstant(Y + 1, 1, 1) });
    expect(reportRange({ period: `${Y}-Q4` }, newYearOf(Y))).toEqual({ label: `${Y}-Q4`, from: shanghaiInstant(Y, 10, 1), to: shanghaiInstant(Y + 1, 1, 1) });
    // A range ending on a day that does not exist is no range: the default year, not 1 March.
    expect(reportRange({ from: ymd(COMMON, 2, 1), to: `${COMMON}-02-29` }, newYearOf(Y)).label).toBe(String(Y + 1));
    expect(reportRange({ from: ymd(LEAP, 2, 1), to: ymd(LEAP, 2, 29) }, newYearOf(Y))).toMatchObject({ from: shanghaiInstant(LEAP, 2, 1), to: shanghaiInstant(LEAP, 3, 1) });
  });

  it("a date field takes real calendar days only: 29 February of a common year and 31 April are refused, not rolled into March and May", () => {
    expect(isoDate.safeParse(ymd(LEAP, 2, 29)).success).toBe(true);
    for (const bad of [`${COMMON}-02-29`, `${Y}-04-31`, `${Y}-13-01`, `${Y}-00-10`, `${Y}-1-1`]) {
      const r = isoDate.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toBe("@dateFormat");
    }
    // The modules' forms share it (a problem's due date accepted 29 February of any year before).
    expect(newProblemSchema.shape.dueDate.safeParse(`${COMMON}-02-29`).success).toBe(false);
    expect(newProblemSchema.shape.dueDate.safeParse(ymd(LEAP, 2, 29)).success).toBe(true);
  });
});

describe("month rollups: which days a range reads from the month table and which from the day table", () => {
  it("whole months from months, the partial months at the edges from days", () => {
    expect(splitByMonths(ymd(Y, 1, 1), ymd(Y, 12, 31))).toEqual({ months: [ymd(Y, 1, 1), ymd(Y, 12, 1)], days: [] });
    expect(splitByMonths(ymd(Y, 2, 10), ymd(Y, 4, 5))).toEqual({ months: [ymd(Y, 3, 1), ymd(Y, 3, 1)], days: [[ymd(Y, 2, 10), ymd(Y, 2, 28 + (isLeap(Y) ? 1 : 0))], [ymd(Y, 4, 1), ymd(Y, 4, 5)]] });
    // No whole month inside: days only, across the month edge.
    expect(splitByMonths(ymd(Y, 3, 15), ymd(Y, 4, 10))).toEqual({ months: null, days: [[ymd(Y, 3, 15), ymd(Y, 4, 10)]] });
    expect(splitByMonths(ymd(Y, 3, 1), ymd(Y, 3, 1))).toEqual({ months: null, days: [[ymd(Y, 3, 1), ymd(Y, 3, 1)]] });
    expect(splitByMonths(ymd(Y, 3, 1), ymd(Y, 3, 31))).toEqual({ months: [ymd(Y, 3, 1), ymd(Y, 3, 1)], days: [] });
    // A year view that stops at "today" (the trend): the current month from days.
    expect(splitByMonths(ymd(Y, 1, 1), ymd(Y, 11, 20))).toEqual({ months: [ymd(Y, 1, 1), ymd(Y, 10, 1)], days: [[ymd(Y, 11, 1), ymd(Y, 11, 20)]] });
  });

  it("February's last day in leap and common years; the year edge; since the beginning", () => {
    expect(splitByMonths(ymd(LEAP, 2, 1), ymd(LEAP, 2, 29))).toEqual({ months: [ymd(LEAP, 2, 1), ymd(LEAP, 2, 1)], days: [] });
    expect(splitByMonths(ymd(LEAP, 2, 1), ymd(LEAP, 2, 28))).toEqual({ months: null, days: [[ymd(LEAP, 2, 1), ymd(LEAP, 2, 28)]] });
    expect(splitByMonths(ymd(COMMON, 2, 1), ymd(COMMON, 2, 28))).toEqual({ months: [ymd(COMMON, 2, 1), ymd(COMMON, 2, 1)], days: [] });
    expect(splitByMonths(ymd(Y, 12, 31), ymd(Y + 1, 1, 31))).toEqual({ months: [ymd(Y + 1, 1, 1), ymd(Y + 1, 1, 1)], days: [[ymd(Y, 12, 31), ymd(Y, 12, 31)]] });
    expect(splitByMonths(null, ymd(Y, 1, 10))).toEqual({ months: [null, ymd(Y - 1, 12, 1)], days: [[ymd(Y, 1, 1), ymd(Y, 1, 10)]] });
    expect(splitByMonths(null, ymd(Y, 6, 30))).toEqual({ months: [null, ymd(Y, 6, 1)], days: [] });
  });
});

describe("milestones and pledges are late from 00:00 Shanghai after their day", () => {
  it("a milestone planned for 31 Dec is pending at 23:59:59 and late (one day) one second later", () => {
    const m = { plannedOn: ymd(Y, 12, 31), actualOn: null };
    expect(milestoneTiming(m, lastSecondOf(Y))).toBe("PENDING");
    expect(daysOverdue(m, lastSecondOf(Y))).toBe(0);
    expect(milestoneTiming(m, newYearOf(Y))).toBe("LATE");
    expect(isMilestoneLate(m, newYearOf(Y))).toBe(true);
    expect(daysOverdue(m, newYearOf(Y))).toBe(1);
    // As Prisma returns @db.Date: UTC midnight.
    expect(milestoneTiming({ plannedOn: new Date(`${ymd(Y, 12, 31)}T00:00:00Z`), actualOn: null }, newYearOf(Y))).toBe("LATE");
  });

  it("a pledge due on 31 Dec is open until Shanghai midnight, then missed", () => {
    expect(pledgeEffectiveStatus({ status: "OPEN", dueOn: ymd(Y, 12, 31) }, lastSecondOf(Y))).toBe("OPEN");
    expect(pledgeEffectiveStatus({ status: "OPEN", dueOn: ymd(Y, 12, 31) }, newYearOf(Y))).toBe("MISSED");
    expect(pledgeEffectiveStatus({ status: "DONE", dueOn: ymd(Y, 12, 31) }, newYearOf(Y))).toBe("DONE");
  });

  it("29 Feb: late from 1 Mar 00:00 Shanghai; a common-year 28 Feb milestone is one day late on 1 Mar", () => {
    const leap = { plannedOn: ymd(LEAP, 2, 29), actualOn: null };
    expect(milestoneTiming(leap, shanghaiInstant(LEAP, 2, 29, 23, 59, 59))).toBe("PENDING");
    expect(milestoneTiming(leap, shanghaiInstant(LEAP, 3, 1))).toBe("LATE");
    expect(daysOverdue({ plannedOn: ymd(LEAP, 2, 28), actualOn: null }, shanghaiInstant(LEAP, 3, 1))).toBe(2);
    expect(daysOverdue({ plannedOn: ymd(COMMON, 2, 28), actualOn: null }, shanghaiInstant(COMMON, 3, 1))).toBe(1);
    expect(milestoneTiming({ plannedOn: ymd(LEAP, 2, 29), actualOn: ymd(LEAP, 3, 1) })).toBe("DONE_LATE");
    expect(pledgeEffectiveStatus({ status: "OPEN", dueOn: ymd(LEAP, 2, 29) }, shanghaiInstant(LEAP, 3, 1))).toBe("MISSED");
  });
});

describe("resident ID numbers: a birth date of today is today in Shanghai", () => {
  const idBornOn = (day: string) => {
    const first17 = `330106${day.replaceAll("-", "")}123`;
    return first17 + idCheckChar(first17);
  };

  it("someone born on 1 Jan is valid from 00:00 Shanghai on 1 Jan (16:00 UTC the day before)", () => {
    const newYearsDay = ymd(Y + 1, 1, 1);
    expect(idNumberProblem(idBornOn(newYearsDay), newYearOf(Y))).toBeNull();
    expect(idNumberProblem(idBornOn(newYearsDay), lastSecondOf(Y))).toBe("birthDate");
    expect(idNumberProblem(idBornOn(ymd(Y, 12, 31)), lastSecondOf(Y))).toBeNull();
  });

  it("29 Feb is a birth date only in a leap year", () => {
    expect(idNumberProblem(idBornOn(ymd(LEAP, 2, 29)), shanghaiInstant(LEAP, 2, 29))).toBeNull();
    expect(idNumberProblem(idBornOn(ymd(LEAP, 2, 29)), shanghaiInstant(LEAP, 2, 28, 23, 59, 59))).toBe("birthDate");
    expect(idNumberProblem(idBornOn(ymd(COMMON, 2, 29)), shanghaiInstant(COMMON, 3, 1))).toBe("birthDate");
  });
});
