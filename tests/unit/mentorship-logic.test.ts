// 导师带徒 pure logic: plan diffs between versions, mentor suggestions, activity expectations.
import { describe, expect, it } from "vitest";
import { diffPlans, type PlanSnapshot } from "@/lib/mentorship/plan-diff";
import { rankMentors, treeDistance } from "@/lib/mentorship/suggest";
import { evaluateExpectations } from "@/lib/mentorship/expectations";
import { mentorshipSettingsSchema, readSettings } from "@/lib/mentorship/schemas";

const ms = (id: string, title: string, status = "PLANNED", dueDate = "2026-10-01") => ({ id, title, dueDate, status, note: "", signedOffBy: null });

describe("diffPlans", () => {
  it("lists added, removed and changed milestones and goals by id", () => {
    const before: PlanSnapshot = { goals: [{ id: "g1", area: "业务能力", title: "熟悉政策", milestones: [ms("m1", "政策宣讲"), ms("m2", "台账")] }, { id: "g2", area: "实践操作", title: "走访", milestones: [] }] };
    const after: PlanSnapshot = {
      goals: [
        { id: "g1", area: "业务能力", title: "熟悉政策", milestones: [ms("m1", "政策宣讲", "DONE", "2026-10-08"), ms("m3", "独立宣讲")] },
        { id: "g3", area: "政治素养", title: "理论学习", milestones: [ms("m4", "心得")] },
      ],
    };
    const diff = diffPlans(before, after);
    expect(diff).toContainEqual({ type: "milestoneChanged", goal: "熟悉政策", milestone: "政策宣讲", changes: [{ field: "dueDate", from: "2026-10-01", to: "2026-10-08" }, { field: "status", from: "PLANNED", to: "DONE" }] });
    expect(diff).toContainEqual({ type: "milestoneAdded", goal: "熟悉政策", milestone: "独立宣讲", dueDate: "2026-10-01" });
    expect(diff).toContainEqual({ type: "milestoneRemoved", goal: "熟悉政策", milestone: "台账" });
    expect(diff).toContainEqual({ type: "goalAdded", goal: "理论学习", area: "政治素养" });
    expect(diff).toContainEqual({ type: "milestoneAdded", goal: "理论学习", milestone: "心得", dueDate: "2026-10-01" });
    expect(diff).toContainEqual({ type: "goalRemoved", goal: "走访", area: "实践操作" });
    expect(diffPlans(after, after)).toEqual([]);
  });
});

describe("rankMentors", () => {
  const town = "/hz/xs/py/";
  const village = "/hz/xs/py/xj/";
  const other = "/hz/xs/py/jy/";
  const m = (userId: string, orgPath: string, lineOfWork = "", capacity: number | null = 2, activeTrainees = 0) => ({ memberId: userId, userId, name: userId, orgUnitName: "", orgPath, lineOfWork, capacity, activeTrainees });

  it("keeps only mentors with a free place and never the trainee", () => {
    const ranked = rankMentors([m("full", village, "", 1, 1), m("self", village), m("free", village, "", null, 9)], { orgPath: village, lineOfWork: "", userId: "self" });
    expect(ranked.map((r) => r.userId)).toEqual(["free"]);
  });
  it("same unit first, then nearest above, same line of work before strangers elsewhere", () => {
    const ranked = rankMentors(
      [m("sibling", other), m("sibling-same-line", other, "联村工作"), m("town", town), m("same", village), m("far", "/hz/yh/")],
      { orgPath: village, lineOfWork: "联村工作", userId: "t" },
    );
    expect(ranked.map((r) => r.userId)).toEqual(["same", "town", "sibling-same-line", "sibling", "far"]);
    expect(ranked[1]).toMatchObject({ relation: "ABOVE", distance: 1 });
  });
  it("tree distance counts steps through the nearest common unit", () => {
    expect(treeDistance(village, other)).toBe(2);
    expect(treeDistance(village, village)).toBe(0);
  });
});

describe("evaluateExpectations", () => {
  const weekly = [{ kind: "GUIDED_VISIT" as const, period: "WEEK" as const, min: 1 }];
  // Wednesday 2026-11-18 10:00 Shanghai; the week is 16–22 Nov, the previous 9–15 Nov.
  const now = new Date("2026-11-18T02:00:00Z");
  const pairing = { id: "p", startDate: "2026-10-01", endDate: "2026-12-31" };

  it("overdue when last week had no guided visit and this week has none yet", () => {
    const [s] = evaluateExpectations([pairing], weekly, [{ pairingId: "p", kind: "TALK", occurredOn: "2026-11-17" }], now, 2);
    expect(s).toMatchObject({ status: "OVERDUE", count: 0, missed: { firstDay: "2026-11-09", lastDay: "2026-11-15", count: 0 } });
  });
  it("met by a guided visit this week; ANY counts every kind", () => {
    const acts = [{ pairingId: "p", kind: "GUIDED_VISIT", occurredOn: "2026-11-16" }];
    expect(evaluateExpectations([pairing], weekly, acts, now, 2)[0]!.status).toBe("MET");
    const any = [{ kind: "ANY" as const, period: "MONTH" as const, min: 2 }];
    expect(evaluateExpectations([pairing], any, [...acts, { pairingId: "p", kind: "TALK", occurredOn: "2026-11-02" }], now, 2)[0]).toMatchObject({ status: "MET", count: 2 });
  });
  it("a pairing that started this week is not overdue for last week", () => {
    const fresh = { id: "p", startDate: "2026-11-17", endDate: "2026-12-31" };
    expect(evaluateExpectations([fresh], weekly, [], now, 2)[0]).toMatchObject({ status: "PENDING", missed: null });
  });
});

describe("settings", () => {
  it("reads defaults for missing settings and refuses bad expectations", () => {
    expect(readSettings({}).expectations).toEqual([{ kind: "GUIDED_VISIT", period: "WEEK", min: 1 }]);
    expect(mentorshipSettingsSchema.safeParse({ expectations: [{ kind: "NAP", period: "WEEK", min: 1 }] }).success).toBe(false);
    expect(mentorshipSettingsSchema.safeParse({ expectations: [{ kind: "TALK", period: "DAY", min: 1 }] }).success).toBe(false);
  });
});
