// 管理报告 on a phone (issue 18): a manager finds last week's report in the list, opens
// it and reads the three numbers; another manager's report is not there for them. The row is
// written as the weekly job writes it (tests/integration/manager-reports.test.ts runs the job
// itself and checks its figures against the dashboard).
import pg from "pg";
import { addDays, shanghaiToday } from "./helpers";
import { expect, signInAs, test } from "./sessions";

const connectionString = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/zjtrack_e2e`;

/** Last week's Monday and Sunday (Shanghai). */
function lastWeek(): { from: string; to: string } {
  // The demo server seeded its data for the day it started (e2e/helpers.ts): the same clock.
  const today = shanghaiToday();
  const back = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { from: addDays(today, -back - 7), to: addDays(today, -back - 1) };
}

async function insertReport(username: string, overdue: number, breaches: number): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; orgUnitId: string; name: string }>(
      `SELECT u.id, u."orgUnitId", o.name FROM app_user u JOIN org_unit o ON o.id = u."orgUnitId" WHERE u.username = $1`, [username],
    );
    const user = rows[0]!;
    const { from, to } = lastWeek();
    const id = `e2e-report-${username.replace(/\W/g, "-")}`;
    const figures = {
      unit: { id: user.orgUnitId, name: user.name }, from, to, overdueProblems: overdue, breachedClocks: breaches, hotline: true,
      programmes: [{
        id: "e2e-programme", name: "民情双访（测试）", type: "VISIT_CAMPAIGN",
        headline: [{ key: "visits.count", value: 13 }],
        targets: [{ indicatorId: "e2e-ind", name: "走访农户", period: from.slice(0, 4), unitLabel: "户", key: "visits.households", value: 75, target: 2000, percent: 3.8 }],
        behind: [],
      }],
    };
    await client.query(
      `INSERT INTO manager_report (id, "userId", "orgUnitId", period, "periodStart", "periodEnd", figures)
       VALUES ($1, $2, $3, 'WEEK', $4, $5, $6::jsonb) ON CONFLICT ("userId", period, "periodStart") DO NOTHING`,
      [id, user.id, user.orgUnitId, from, to, JSON.stringify(figures)],
    );
    return id;
  } finally {
    await client.end();
  }
}

test("a manager opens last week's report from the list and reads its numbers; another's is not found", async ({ page }) => {
  const own = await insertReport("py.manager", 29, 4);
  const foreign = await insertReport("yh.manager", 7, 20);
  await signInAs(page, "py.manager");
  await page.goto("/reports");
  const { from, to } = lastWeek();
  const item = page.getByTestId("report-list").getByRole("link").filter({ hasText: `${from}～${to}` });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/reports/${own}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("周报");
  await expect(page.getByTestId("report-overdue")).toContainText("29");
  await expect(page.getByTestId("report-breaches")).toContainText("4");
  await expect(page.getByTestId("report-lead")).toContainText("75 / 2,000");
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const response = await page.goto(`/reports/${foreign}`);
  expect(response?.status()).toBe(404);
});
