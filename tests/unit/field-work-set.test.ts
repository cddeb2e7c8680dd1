// The device's work set rules (issue 16, lib/field/local/place-match.ts): when the copy is due
// a refresh, how an offline place search matches and ranks, and that a local match reads like
// the server's register search.
import { describe, expect, it } from "vitest";
import { placeAsMatch, placeMatchesQuery, rankPlaces, WORK_SET_REFRESH_MS, workSetNeedsRefresh, type WorkSetMeta } from "@/lib/field/local/place-match";
import type { PlaceRow } from "@/lib/field/local/db";

const meta = (userId: string, refreshedAt: number): WorkSetMeta => ({
  owner: { userId, fingerprint: "f" }, generatedAt: "", refreshedAt, capped: false,
  counts: { households: 0, enterprises: 0, campaigns: 0, due: 0, problems: 0 },
});

const household: PlaceRow = { id: "h1", type: "HOUSEHOLD", name: "李建国", address: "谢家村12号", orgUnitId: "u", orgUnitName: "谢家村", code: "XJ-0012", phoneMasked: "139****5678" };
const enterprise: PlaceRow = { id: "e1", type: "ENTERPRISE", name: "萧山纺织有限公司", address: "浦阳镇工业园", orgUnitId: "u", orgUnitName: "浦阳镇", code: "91330109MA2B00001X", phoneMasked: "" };

describe("work set refresh", () => {
  const t0 = 1_000_000_000;
  it("refreshes when there is no copy, another user's copy, or a copy 15 minutes old", () => {
    expect(workSetNeedsRefresh(null, "a", t0)).toBe(true);
    expect(workSetNeedsRefresh(meta("b", t0), "a", t0)).toBe(true);
    expect(workSetNeedsRefresh(meta("a", t0), "a", t0 + WORK_SET_REFRESH_MS - 1)).toBe(false);
    expect(workSetNeedsRefresh(meta("a", t0), "a", t0 + WORK_SET_REFRESH_MS)).toBe(true);
  });
  it("a refresh time in the future (the device clock went back) counts as stale", () => {
    expect(workSetNeedsRefresh(meta("a", t0 + 60_000), "a", t0)).toBe(true);
  });
});

describe("offline place search", () => {
  it("matches name, address or code (codes in any case); blank matches nothing", () => {
    expect(placeMatchesQuery(household, "建国")).toBe(true);
    expect(placeMatchesQuery(household, "12号")).toBe(true);
    expect(placeMatchesQuery(household, "xj-00")).toBe(true);
    expect(placeMatchesQuery(enterprise, "ma2b")).toBe(true);
    expect(placeMatchesQuery(household, "王")).toBe(false);
    expect(placeMatchesQuery(household, "  ")).toBe(false);
  });
  it("ranks a name prefix first, then a code prefix, then the rest", () => {
    const a = { name: "张三", code: "LI-1" };
    const b = { name: "李四", code: "X-2" };
    const c = { name: "王五", code: "LI-3" };
    expect(rankPlaces([a, c, b], "李").map((p) => p.name)).toEqual(["李四", "王五", "张三"]);
    expect(rankPlaces([b, c, a], "LI").map((p) => p.name)).toEqual(["王五", "张三", "李四"]);
  });
  it("shows a match as the register search does (no phone)", () => {
    expect(placeAsMatch(household)).toEqual({ id: "h1", label: "李建国（XJ-0012）", detail: "谢家村 · 谢家村12号" });
    expect(placeAsMatch(enterprise)).toEqual({ id: "e1", label: "萧山纺织有限公司", detail: "91330109MA2B00001X · 浦阳镇 · 浦阳镇工业园" });
  });
});
