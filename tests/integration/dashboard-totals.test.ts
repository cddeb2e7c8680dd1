// Dashboard totals a manager can trust (issue 13 item 1): on every programme and period the
// parent's row is the sum of the rows beneath it for every additive indicator, a parent
// always shows its value (with its target or "未设目标"), a child without a target shows its
// own value, and a trend never draws a week or month that has not begun.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { loadSessionUser } from "@/lib/auth/session";
import { loadDashboard, panelTable, targetsTable, trendTable, type Table } from "@/lib/dashboards/view";
import { INDICATOR_BY_KEY } from "@/lib/dashboards/indicators";
import { PERIOD_KINDS } from "@/lib/dashboards/period";
import { dateOnly } from "@/lib/programmes/period";
import { messagesFor } from "@/lib/i18n/messages";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import { demoUser, unitByCode } from "../support/fixtures";
import { demoNow, demoYear, shanghaiInstant, shanghaiYmd, ymd } from "../support/time";

const t = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") as never, namespace: "dashboards" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
const NO_DATA = t("noData");
const NO_TARGET = t("noTarget");

async function sessionUser(username: string) {
  const u = await demoUser(username);
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

afterEach(() => unpinClock());

/**
 * Checks one table as it is shown: the first row is the parent's; every additive column of
 * it equals the sum of the rows beneath it (children and, when present, the unit's own
 * records); no cell of the parent row is empty or "—".
 */
function expectAddsUp(table: Table, additive: (col: number) => boolean, what: string) {
  const [parent, ...rest] = table.rows;
  expect(parent, what).toBeDefined();
  parent!.cells.forEach((c, col) => {
    expect({ what, header: table.headers[col], cell: c }).not.toMatchObject({ cell: null });
    expect({ what, header: table.headers[col], cell: c }).not.toMatchObject({ cell: "—" });
    if (col === 0 || !additive(col) || rest.length === 0) return;
    const sum = rest.reduce((s, r) => s + (typeof r.cells[col] === "number" ? (r.cells[col] as number) : 0), 0);
    expect({ what, header: table.headers[col], parent: c }).toEqual({ what, header: table.headers[col], parent: Math.round(sum * 100) / 100 });
  });
}

describe("parent rows", () => {
  it("every programme and period: the parent's row is the sum of the rows beneath it and never reads “—”", async () => {
    let tables = 0;
    for (const [username, code] of [["yh.manager", "YH"], ["py.manager", "XS-PY"], ["yh.manager", "YH-LZ"]] as const) {
      const user = await sessionUser(username);
      const unit = await unitByCode(code);
      const first = await loadDashboard(user, { unit: unit.id }, demoNow);
      expect(first.programmes.length, username).toBeGreaterThan(0);
      for (const programme of first.programmes) {
        for (const period of PERIOD_KINDS.filter((k) => k !== "custom")) {
          const model = await loadDashboard(user, { unit: unit.id, programme: programme.id, period }, demoNow);
          const what = `${username} ${code} ${programme.name} ${period}`;
          const panel = panelTable(model, t);
          expectAddsUp(panel, (col) => INDICATOR_BY_KEY.get(model.panel!.keys[col - 1]!)!.additive, `${what} panel`);
          // Targets: value columns of additive indicators add up; target and percent columns are per unit.
          const targets = targetsTable(model, t);
          if (model.targets.length) expectAddsUp(targets, (col) => (col - 1) % 3 === 0 && model.targets[(col - 1) / 3]!.additive, `${what} targets`);
          // Children show their own values: no child cell is empty, only numbers or the two words.
          for (const row of [...panel.rows, ...targets.rows].filter((r) => r.unit && r.unit.id !== model.unit.id)) {
            for (const c of row.cells.slice(1)) expect([typeof c === "number", c === NO_DATA, c === NO_TARGET].some(Boolean), `${what} ${String(row.cells[0])}: ${String(c)}`).toBe(true);
          }
          tables++;
        }
      }
    }
    expect(tables).toBeGreaterThan(8);
  });
});

describe("targets set for a child only", () => {
  let programmeId: string;
  beforeAll(async () => {
    const admin = await demoUser("admin");
    const py = await unitByCode("XS-PY");
    const xj = await unitByCode("XS-PY-XJ");
    const today = shanghaiYmd();
    const year = Number(today.slice(0, 4));
    programmeId = (await db.programme.create({
      data: {
        type: "VISIT_CAMPAIGN", name: "只给一个村定目标", startDate: dateOnly(ymd(year, 1, 1)), endDate: dateOnly(ymd(year, 12, 31)), orgUnitId: py.id, status: "ACTIVE", createdById: admin.id,
        indicators: {
          create: [{
            code: "households_visited", name: "走访农户", unit: "户",
            targets: { create: [{ orgUnitId: xj.id, period: String(year), periodStart: dateOnly(ymd(year, 1, 1)), periodEnd: dateOnly(ymd(year, 12, 31)), value: 50 }] },
          }],
        },
      },
    })).id;
    const officer = await demoUser("py.officer");
    // A minute ago, but never before today began (Shanghai): this year's even just after midnight on 1 January.
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    const visitedAt = new Date(Math.max(Date.now() - 60_000, shanghaiInstant(y, m, d).getTime()));
    for (const [code, n] of [["XS-PY-XJ", 2], ["XS-PY-JY", 3]] as const) {
      const unit = await unitByCode(code);
      const households = await db.household.findMany({ where: { orgUnitId: unit.id }, take: n, orderBy: { householdKey: "asc" } });
      for (const h of households) await db.visit.create({ data: { programmeId, orgUnitId: unit.id, officerId: officer.id, kind: "HOUSEHOLD", householdId: h.id, visitedAt } });
    }
  });

  it("the town without a target shows its total and 未设目标; the village without one shows its value", async () => {
    const py = await unitByCode("XS-PY");
    const xj = await unitByCode("XS-PY-XJ");
    const jy = await unitByCode("XS-PY-JY");
    const model = await loadDashboard(await sessionUser("py.manager"), { unit: py.id, programme: programmeId, period: "year" });
    expect(model.targets).toHaveLength(1);
    const row = model.targets[0]!;
    expect(row.cells.get(py.id)).toEqual({ value: 5, target: null, percent: null });
    expect(row.cells.get(xj.id)).toEqual({ value: 2, target: 50, percent: 4 });
    expect(row.cells.get(jy.id)).toEqual({ value: 3, target: null, percent: null });
    const table = targetsTable(model, t);
    const byUnit = new Map(table.rows.map((r) => [r.unit?.id, r.cells.slice(1)]));
    expect(byUnit.get(py.id)).toEqual([5, NO_TARGET, NO_TARGET]);
    expect(byUnit.get(xj.id)).toEqual([2, 50, 4]);
    expect(byUnit.get(jy.id)).toEqual([3, NO_TARGET, NO_TARGET]);
  });
});

describe("trend", () => {
  it("draws no bucket after today, in every period view (clock pinned mid-month)", async () => {
    // The 10th of a month that is not the seed's last: weeks and months after it exist in every view.
    const pinned = shanghaiInstant(demoYear, 3, 10, 12);
    pinClock(pinned);
    const today = shanghaiYmd(pinned);
    const user = await sessionUser("py.manager");
    const py = await unitByCode("XS-PY");
    const { programmes } = await loadDashboard(user, { unit: py.id });
    const campaign = programmes.find((p) => p.type === "VISIT_CAMPAIGN")!;
    for (const period of PERIOD_KINDS.filter((k) => k !== "custom")) {
      const model = await loadDashboard(user, { unit: py.id, programme: campaign.id, period });
      const { trend } = model.panel!;
      expect(trend.buckets.length, period).toBeGreaterThan(0);
      for (const b of trend.buckets) expect({ period, bucket: b, afterToday: b > today }).toEqual({ period, bucket: b, afterToday: false });
      for (const k of trend.keys) expect(trend.values.get(k)!.length).toBe(trend.buckets.length);
      // The exported/rendered table has exactly these rows.
      expect(trendTable(model, t).rows).toHaveLength(trend.buckets.length);
    }
    // A year view in March: January, February, March — not April to December.
    const year = await loadDashboard(user, { unit: py.id, programme: campaign.id, period: "year" });
    expect(year.panel!.trend.buckets).toEqual([ymd(demoYear, 1, 1), ymd(demoYear, 2, 1), ymd(demoYear, 3, 1)]);
  });

  it("a custom period wholly after today has no trend at all", async () => {
    pinClock(shanghaiInstant(demoYear, 3, 10, 12));
    const user = await sessionUser("py.manager");
    const py = await unitByCode("XS-PY");
    const model = await loadDashboard(user, { unit: py.id, period: "custom", from: ymd(demoYear, 5, 1), to: ymd(demoYear, 6, 30) });
    expect(model.panel?.trend.buckets ?? []).toEqual([]);
  });
});
