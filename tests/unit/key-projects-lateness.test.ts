// Milestone lateness and pledge status on the Asia/Shanghai calendar, around midnight
// Shanghai (16:00 UTC), where the UTC date and the Shanghai date differ.
import { describe, expect, it } from "vitest";
import { daysOverdue, isMilestoneLate, milestoneTiming, pledgeEffectiveStatus } from "@/lib/key-projects/lateness";

const planned = new Date("2026-03-09T00:00:00.000Z"); // a @db.Date: 2026-03-09

describe("milestone lateness in Asia/Shanghai", () => {
  it("is not late during its planned day in Shanghai, even when UTC is still the day before", () => {
    expect(milestoneTiming({ plannedOn: planned, actualOn: null }, new Date("2026-03-08T16:30:00Z"))).toBe("PENDING"); // 00:30 on 9 March in Shanghai
    expect(milestoneTiming({ plannedOn: planned, actualOn: null }, new Date("2026-03-09T15:59:59Z"))).toBe("PENDING"); // 23:59:59 on 9 March
  });
  it("is late from 00:00 Shanghai the next day, while UTC still shows the planned day", () => {
    const justAfterMidnight = new Date("2026-03-09T16:00:00Z"); // 00:00 on 10 March in Shanghai, 9 March in UTC
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe("2026-03-09");
    expect(milestoneTiming({ plannedOn: planned, actualOn: null }, justAfterMidnight)).toBe("LATE");
    expect(isMilestoneLate({ plannedOn: planned, actualOn: null }, justAfterMidnight)).toBe(true);
    expect(daysOverdue({ plannedOn: planned, actualOn: null }, justAfterMidnight)).toBe(1);
  });
  it("counts a milestone reached after its planned day as late, on or before as on time", () => {
    const now = new Date("2026-06-01T04:00:00Z");
    expect(milestoneTiming({ plannedOn: planned, actualOn: new Date("2026-03-10T00:00:00Z") }, now)).toBe("DONE_LATE");
    expect(milestoneTiming({ plannedOn: planned, actualOn: new Date("2026-03-09T00:00:00Z") }, now)).toBe("DONE");
    expect(milestoneTiming({ plannedOn: "2026-03-09", actualOn: "2026-03-01" }, now)).toBe("DONE");
    expect(isMilestoneLate({ plannedOn: planned, actualOn: new Date("2026-03-09T00:00:00Z") }, now)).toBe(false);
    expect(daysOverdue({ plannedOn: planned, actualOn: new Date("2026-03-20T00:00:00Z") }, now)).toBe(0);
  });
});

describe("pledges (军令状)", () => {
  it("are shown as missed once their due day is over in Shanghai, not before", () => {
    const p = { status: "OPEN" as const, dueOn: new Date("2026-03-09T00:00:00Z") };
    expect(pledgeEffectiveStatus(p, new Date("2026-03-09T15:59:00Z"))).toBe("OPEN");
    expect(pledgeEffectiveStatus(p, new Date("2026-03-09T16:00:00Z"))).toBe("MISSED");
  });
  it("keep a recorded outcome", () => {
    expect(pledgeEffectiveStatus({ status: "DONE", dueOn: "2020-01-01" }, new Date("2026-03-09T16:00:00Z"))).toBe("DONE");
  });
});
