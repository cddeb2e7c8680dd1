import { describe, expect, it } from "vitest";
import {
  computeFrequency, daysLeft, frequencyStatus, lookbackStart, periodContaining, previousPeriod, shanghaiDate, summarise,
  type RuleInput, type VisitFact,
} from "@/lib/visits/campaigns/frequency";

const at = (iso: string) => new Date(iso);

describe("Shanghai calendar periods", () => {
  it("a visit late on 30 Nov UTC belongs to 1 December in Shanghai", () => {
    const t = at("2026-11-30T16:30:00Z");
    expect(shanghaiDate(t)).toBe("2026-12-01");
    const month = periodContaining("MONTH", t);
    expect(month.firstDay).toBe("2026-12-01");
    expect(month.lastDay).toBe("2026-12-31");
    expect(month.start.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("one millisecond before Shanghai midnight is still the old month", () => {
    const t = at("2026-11-30T15:59:59.999Z");
    expect(periodContaining("MONTH", t).firstDay).toBe("2026-11-01");
    expect(periodContaining("MONTH", at("2026-11-30T16:00:00.000Z")).firstDay).toBe("2026-12-01");
  });

  it("months have 28, 29, 30 and 31 days", () => {
    expect(periodContaining("MONTH", at("2026-02-10T00:00:00Z")).lastDay).toBe("2026-02-28");
    expect(periodContaining("MONTH", at("2028-02-10T00:00:00Z")).lastDay).toBe("2028-02-29");
    expect(periodContaining("MONTH", at("2026-04-10T00:00:00Z")).lastDay).toBe("2026-04-30");
    expect(periodContaining("MONTH", at("2026-01-10T00:00:00Z")).lastDay).toBe("2026-01-31");
    // 29 Feb 2028 at 23:00 Shanghai is still February; one hour later it is March.
    expect(periodContaining("MONTH", at("2028-02-29T15:00:00Z")).firstDay).toBe("2028-02-01");
    expect(periodContaining("MONTH", at("2028-02-29T16:00:00Z")).firstDay).toBe("2028-03-01");
  });

  it("weeks run Monday to Sunday in Shanghai", () => {
    // Sunday 2026-11-29 23:30 Shanghai = 15:30Z.
    const sunday = periodContaining("WEEK", at("2026-11-29T15:30:00Z"));
    expect([sunday.firstDay, sunday.lastDay]).toEqual(["2026-11-23", "2026-11-29"]);
    // Sunday 16:30Z is Monday 00:30 in Shanghai: the next week, though UTC still says Sunday.
    const monday = periodContaining("WEEK", at("2026-11-29T16:30:00Z"));
    expect([monday.firstDay, monday.lastDay]).toEqual(["2026-11-30", "2026-12-06"]);
    expect(monday.start.toISOString()).toBe("2026-11-29T16:00:00.000Z");
  });

  it("the year end: months and a week that straddles it", () => {
    const newYear = at("2026-12-31T16:00:00Z"); // 2027-01-01 00:00 Shanghai
    expect(periodContaining("MONTH", newYear).firstDay).toBe("2027-01-01");
    expect(previousPeriod(periodContaining("MONTH", newYear)).firstDay).toBe("2026-12-01");
    const week = periodContaining("WEEK", newYear);
    expect([week.firstDay, week.lastDay]).toEqual(["2026-12-28", "2027-01-03"]);
    expect(previousPeriod(week).firstDay).toBe("2026-12-21");
  });

  it("previous month of March is February (leap and non-leap)", () => {
    expect(previousPeriod(periodContaining("MONTH", at("2026-03-05T00:00:00Z")))).toMatchObject({ firstDay: "2026-02-01", lastDay: "2026-02-28" });
    expect(previousPeriod(periodContaining("MONTH", at("2028-03-05T00:00:00Z")))).toMatchObject({ firstDay: "2028-02-01", lastDay: "2028-02-29" });
  });

  it("counts days left including today, in Shanghai", () => {
    const week = periodContaining("WEEK", at("2026-11-27T02:00:00Z")); // Friday
    expect(daysLeft(week, at("2026-11-27T02:00:00Z"))).toBe(3);
    expect(daysLeft(week, at("2026-11-29T15:59:00Z"))).toBe(1); // Sunday 23:59 Shanghai
    const month = periodContaining("MONTH", at("2026-11-01T00:00:00Z"));
    expect(daysLeft(month, at("2026-10-31T16:00:00Z"))).toBe(30); // 1 Nov 00:00 Shanghai
  });

  it("looks back to the start of the longest previous period", () => {
    const now = at("2026-11-23T04:00:00Z");
    expect(lookbackStart([{ period: "WEEK" }, { period: "MONTH" }], now).toISOString()).toBe("2026-09-30T16:00:00.000Z");
  });
});

describe("status logic", () => {
  const base = { required: 1, dueSoonDays: 3, currentCount: 0, daysLeft: 10, previousCount: 1 };
  it("MET once the current period has enough visits, even after a missed one", () => {
    expect(frequencyStatus({ ...base, currentCount: 1 })).toBe("MET");
    expect(frequencyStatus({ ...base, currentCount: 2, previousCount: 0 })).toBe("MET");
  });
  it("OVERDUE when the previous period ended unmet", () => {
    expect(frequencyStatus({ ...base, previousCount: 0 })).toBe("OVERDUE");
    expect(frequencyStatus({ ...base, required: 3, currentCount: 2, previousCount: 2, daysLeft: 1 })).toBe("OVERDUE");
  });
  it("DUE_SOON at dueSoonDays left or fewer, PENDING before", () => {
    expect(frequencyStatus({ ...base, daysLeft: 3 })).toBe("DUE_SOON");
    expect(frequencyStatus({ ...base, daysLeft: 4 })).toBe("PENDING");
    expect(frequencyStatus({ ...base, daysLeft: 0, dueSoonDays: 0 })).toBe("DUE_SOON");
  });
  it("a previous period outside the campaign does not make anything overdue", () => {
    expect(frequencyStatus({ ...base, previousCount: null })).toBe("PENDING");
  });
});

describe("computeFrequency", () => {
  const officers = [
    { id: "o1", name: "李明", orgUnitId: "u1", orgUnitName: "谢家村" },
    { id: "o2", name: "张婷", orgUnitId: "u2", orgUnitName: "森海社区" },
  ];
  const enterprises = [
    { id: "e1", name: "甲公司", orgUnitId: "g1", orgUnitName: "网格一", commissionerId: "c1", commissionerName: "专员一" },
    { id: "e2", name: "乙公司", orgUnitId: "g1", orgUnitName: "网格一", commissionerId: null, commissionerName: null },
  ];
  const campaign = { startDate: "2026-10-01", endDate: "2026-12-31" };
  const v = (officerId: string, iso: string, extra: Partial<VisitFact> = {}): VisitFact => ({ officerId, enterpriseId: null, mentorId: null, kind: "HOUSEHOLD", visitedAt: at(iso), ...extra });

  it("monthly enterprise rule across the month boundary in Shanghai", () => {
    const rules: RuleInput[] = [{ id: "r", kind: "ENTERPRISE_BY_COMMISSIONER", period: "MONTH", minVisits: 1, dueSoonDays: 5 }];
    // Visited 30 Nov 16:30Z = 1 Dec 00:30 Shanghai: that is December's visit, November was missed.
    const visits = [v("c1", "2026-11-30T16:30:00Z", { kind: "ENTERPRISE", enterpriseId: "e1" })];
    const items = computeFrequency({ campaign, rules, officers, enterprises, visits, now: at("2026-12-10T02:00:00Z") });
    const e1 = items.find((i) => i.subjectId === "e1")!;
    expect(e1.status).toBe("MET");
    expect(e1.missed).toEqual({ firstDay: "2026-11-01", lastDay: "2026-11-30", count: 0 });
    // Seen from inside November (before Shanghai midnight) the visit was not yet made.
    // (October is before this campaign's start, so November has no previous period.)
    const nov = computeFrequency({ campaign: { ...campaign, startDate: "2026-11-01" }, rules, officers, enterprises, visits, now: at("2026-11-30T15:00:00Z") });
    expect(nov.find((i) => i.subjectId === "e1")!.status).toBe("DUE_SOON");
    expect(nov.find((i) => i.subjectId === "e1")!.count).toBe(0);
    // Without a commissioner the enterprise cannot be met.
    expect(items.find((i) => i.subjectId === "e2")!.status).toBe("OVERDUE");
  });

  it("a visit by someone other than the commissioner, or not an enterprise visit, does not count", () => {
    const rules: RuleInput[] = [{ id: "r", kind: "ENTERPRISE_BY_COMMISSIONER", period: "MONTH", minVisits: 1, dueSoonDays: 3 }];
    const visits = [
      v("o1", "2026-12-02T02:00:00Z", { kind: "ENTERPRISE", enterpriseId: "e1" }),
      v("c1", "2026-12-02T02:00:00Z", { kind: "FOLLOW_UP", enterpriseId: "e1" }),
    ];
    const items = computeFrequency({ campaign, rules, officers, enterprises, visits, now: at("2026-12-10T02:00:00Z") });
    expect(items.find((i) => i.subjectId === "e1")!.count).toBe(0);
  });

  it("weekly guided-visit rule needs a mentor and a household visit", () => {
    const rules: RuleInput[] = [{ id: "g", kind: "OFFICER_GUIDED_HOUSEHOLD", period: "WEEK", minVisits: 1, dueSoonDays: 2 }];
    const visits = [
      v("o1", "2026-11-17T02:00:00Z", { mentorId: "m" }), // previous week, guided
      v("o1", "2026-11-24T02:00:00Z"), // this week, no mentor
      v("o2", "2026-11-24T02:00:00Z", { mentorId: "m", kind: "ENTERPRISE" }), // not a household visit
    ];
    const items = computeFrequency({ campaign, rules, officers, enterprises: [], visits, now: at("2026-11-28T02:00:00Z") }); // Saturday
    expect(items.find((i) => i.subjectId === "o1")).toMatchObject({ status: "DUE_SOON", count: 0, daysLeft: 2, missed: null });
    expect(items.find((i) => i.subjectId === "o2")).toMatchObject({ status: "OVERDUE", missed: { firstDay: "2026-11-16", lastDay: "2026-11-22", count: 0 } });
  });

  it("nothing is due before the campaign starts; its first period has no previous one", () => {
    const rules: RuleInput[] = [{ id: "a", kind: "OFFICER_ANY", period: "MONTH", minVisits: 3, dueSoonDays: 3 }];
    expect(computeFrequency({ campaign, rules, officers, enterprises: [], visits: [], now: at("2026-09-20T00:00:00Z") })).toEqual([]);
    const first = computeFrequency({ campaign, rules, officers, enterprises: [], visits: [], now: at("2026-10-05T00:00:00Z") });
    expect(first.map((i) => i.status)).toEqual(["PENDING", "PENDING"]);
  });

  it("a period the campaign began part way through is not missed: a weekly rule from Friday 1 January judges its first full week only", () => {
    // Rolled over into the new year: 28–31 December's visits were filed under last year's
    // campaign, 1–3 January are 元旦 and a weekend. Monday the 4th is not "overdue" for that week.
    const newYear = { startDate: "2027-01-01", endDate: "2027-12-31" };
    const rules: RuleInput[] = [{ id: "w", kind: "OFFICER_ANY", period: "WEEK", minVisits: 1, dueSoonDays: 2 }];
    const monday4th = computeFrequency({ campaign: newYear, rules, officers, enterprises: [], visits: [], now: at("2027-01-04T02:00:00Z") });
    expect(monday4th.map((i) => [i.status, i.missed])).toEqual([["PENDING", null], ["PENDING", null]]);
    // The week of the 4th is the campaign's in full: missed, it is overdue on the 11th.
    const monday11th = computeFrequency({ campaign: newYear, rules, officers, enterprises: [], visits: [v("o2", "2027-01-05T02:00:00Z")], now: at("2027-01-11T02:00:00Z") });
    expect(monday11th.find((i) => i.subjectId === "o1")).toMatchObject({ status: "OVERDUE", missed: { firstDay: "2027-01-04", lastDay: "2027-01-10", count: 0 } });
    expect(monday11th.find((i) => i.subjectId === "o2")).toMatchObject({ status: "PENDING", missed: null });
  });

  it("summarises overdue and due soon per officer", () => {
    const rules: RuleInput[] = [{ id: "a", kind: "OFFICER_ANY", period: "WEEK", minVisits: 1, dueSoonDays: 3 }];
    const items = computeFrequency({ campaign, rules, officers, enterprises: [], visits: [v("o2", "2026-11-18T02:00:00Z")], now: at("2026-11-27T02:00:00Z") });
    const rows = summarise(items, (i) => ({ key: i.officerId!, name: i.officerName! }));
    expect(rows).toEqual([
      { key: "o1", name: "李明", overdue: 1, dueSoon: 0, total: 1 },
      { key: "o2", name: "张婷", overdue: 0, dueSoon: 1, total: 1 },
    ]);
  });
});
