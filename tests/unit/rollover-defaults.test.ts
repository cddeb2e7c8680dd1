// The rollover form's prefilled next period: the fewest whole years that start after the old
// period ends, with target periods and the year in the name shifted alike.
import { describe, expect, it } from "vitest";
import { rolloverDefaults, rolloverSchema, shiftDate, suggestName } from "@/lib/programmes/rollover-schema";
import { shiftPeriod } from "@/lib/programmes/period";

const base = { id: "p1", version: 3 };

describe("rollover defaults", () => {
  it("a calendar year goes to the next year, quarters and months re-keyed", () => {
    expect(rolloverDefaults({ ...base, name: "2026年浦阳镇“民情双访”", startDate: "2026-03-01", endDate: "2026-12-31", periods: ["2026", "2026-Q4", "2026-11", "2026"] })).toEqual({
      ...base, name: "2027年浦阳镇“民情双访”", startDate: "2027-03-01", endDate: "2027-12-31",
      periodMap: [{ from: "2026", to: "2027" }, { from: "2026-11", to: "2027-11" }, { from: "2026-Q4", to: "2027-Q4" }],
    });
  });

  it("twelve months across the new year move by one year, two years by two", () => {
    expect(rolloverDefaults({ ...base, name: "月度走访", startDate: "2026-12-01", endDate: "2027-11-30", periods: [] })).toMatchObject({ name: "2027年月度走访", startDate: "2027-12-01", endDate: "2028-11-30" });
    expect(rolloverDefaults({ ...base, name: "两年行动", startDate: "2026-01-01", endDate: "2027-12-31", periods: ["2027-Q2"] })).toMatchObject({ startDate: "2028-01-01", endDate: "2029-12-31", periodMap: [{ from: "2027-Q2", to: "2029-Q2" }] });
  });

  it("29 February becomes 28 February; a month's last day stays its last day; bad periods do not shift", () => {
    expect(shiftDate("2028-02-29", 1)).toBe("2029-02-28");
    expect(shiftDate("2028-02-28", 1)).toBe("2029-02-28");
    // March to February: the next period ends on 29 Feb of a leap year, so no day is left out.
    expect(rolloverDefaults({ ...base, name: "年度", startDate: "2026-03-01", endDate: "2027-02-28", periods: [] })).toMatchObject({ startDate: "2027-03-01", endDate: "2028-02-29" });
    expect(shiftDate("2027-04-30", 1)).toBe("2028-04-30");
    expect(shiftPeriod("2026-Q5", 1)).toBeNull();
    expect(shiftPeriod("2100", 1)).toBeNull();
    expect(suggestName("积分制", 2026, 2027)).toBe("2027年积分制");
  });

  it("the schema refuses an end before the start and a period that does not parse", () => {
    const r = rolloverSchema.safeParse({ ...base, name: "下一期", startDate: "2027-03-01", endDate: "2027-02-28", periodMap: [{ from: "2026", to: "2027-13" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["periodMap.0.to", "@periodFormat"], ["endDate", "@endBeforeStart"]]);
  });
});
