// A manager drills from the district to a village on the dashboard and exports the table;
// an officer's home shows what is due today. With E2E_SCREENSHOTS=1 it also saves phone and
// desktop screenshots to docs/screenshots/.
import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { shanghaiToday, thisYear } from "./helpers";
import { expect, signInAs, test } from "./sessions";

const shots = process.env.E2E_SCREENSHOTS === "1";

async function capture(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync("docs/screenshots", { recursive: true });
  await page.waitForTimeout(600); // charts animate in
  await page.screenshot({ path: `docs/screenshots/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshots/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("a manager drills from the district to a village and exports the table", async ({ page }) => {
  await signInAs(page, "yh.manager");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "管理看板" })).toBeVisible();
  const crumbs = page.getByRole("navigation", { name: "层级" });
  await expect(crumbs.getByText("余杭区")).toBeVisible();
  await capture(page, "dashboard");

  // District → street: the unit names in the indicator table drill down.
  await page.getByRole("link", { name: "良渚街道", exact: true }).first().click();
  await expect(crumbs.getByText("良渚街道")).toHaveAttribute("aria-current", "page");
  await expect(crumbs.getByRole("link", { name: "余杭区" })).toBeVisible();
  await capture(page, "dashboard-drilldown");

  // Street → village.
  await page.getByRole("link", { name: "港南村", exact: true }).first().click();
  await expect(crumbs.getByText("港南村")).toHaveAttribute("aria-current", "page");
  await expect(crumbs.getByRole("link", { name: "良渚街道" })).toBeVisible();

  // Period: this year.
  await page.getByRole("link", { name: "本年" }).click();
  await expect(page.getByRole("link", { name: "本年" })).toHaveAttribute("aria-current", "true");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).first().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^港南村-.*\.xlsx$/);
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getRow(1).getCell(1).value)).toContain("单位=港南村");
  expect(String(sheet.getRow(1).getCell(1).value)).toContain("导出时间");
  expect(sheet.getRow(2).getCell(1).value).toBe("单位");
  // A village has no sub-units: exactly one data row, its own.
  expect(sheet.rowCount).toBe(3);
  expect(String(sheet.getRow(3).getCell(1).value)).toContain("港南村");

  // 赛马: the seeded scheme ranks 余杭区's streets and zones, with each unit's breakdown.
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { name: "赛马排名" })).toBeVisible();
  await expect(page.getByText("余杭区镇街“赛马”综合排名").first()).toBeVisible();
  await capture(page, "rankings");
});

test("an officer's home shows what is due today; the dashboard is not theirs", async ({ page }) => {
  await signInAs(page, "py.officer");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /今日待办/ })).toBeVisible();
  const visits = page.locator("section", { has: page.getByRole("heading", { name: /走访任务/ }) });
  await expect(visits.getByRole("link", { name: new RegExp(`干部在导师陪同下入户走访.*${thisYear()}年浦阳镇“民情双访”`) }).first()).toBeVisible();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: /我负责的问题/ }) })).toBeVisible();
  await capture(page, "officer-home");
  const refused = await page.goto("/dashboard");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

/** The cells of a dashboard table as rendered: header texts and each row's texts. */
async function renderedTable(page: Page, caption: string) {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) }).first();
  const headers = (await table.locator("thead th").allInnerTexts()).map((s) => s.trim());
  const rows: string[][] = [];
  for (const tr of await table.locator("tbody tr").all()) rows.push((await tr.locator("th, td").allInnerTexts()).map((s) => s.replace(/›/g, "").trim()));
  return { headers, rows };
}

const asNumber = (s: string) => (/^-?[\d,]+(\.\d+)?$/.test(s) ? Number(s.replace(/,/g, "")) : null);

/**
 * The parent's (合计) row equals the sum of its children's rows in every column of an
 * additive figure, as shown (rates and averages, in % or 天, are exempt); no cell of the
 * parent's row reads "—", and a rate shows a number or 无数据. The demo keeps every record of
 * the district's and the town's programmes at their sub-units, so their dashboards show no
 * "（本级及已停用单位）" row (tests/integration/dashboard-totals.test.ts checks that against the
 * database): were one shown, the parent's total would not be what its units' records add up to.
 */
function expectParentAddsUp(what: string, { headers, rows }: { headers: string[]; rows: string[][] }, sumColumn: (header: string) => boolean) {
  const parent = rows.find((r) => r[0]!.endsWith("（合计）"));
  expect(parent, `${what}: a (合计) row`).toBeDefined();
  const own = rows.filter((r) => r[0]!.endsWith("（本级及已停用单位）"));
  expect(own.map((r) => r.join(" | ")), `${what}: no own-records row`).toEqual([]);
  const rest = rows.filter((r) => r !== parent && !own.includes(r));
  headers.forEach((header, col) => {
    if (col === 0) return;
    const shown = parent![col]!;
    expect({ what, header, shown }).not.toEqual({ what, header, shown: "—" });
    expect({ what, header, shown, ok: asNumber(shown) !== null || ["无数据", "未设目标"].includes(shown) }).toMatchObject({ ok: true });
    if (!sumColumn(header) || rest.length === 0) return;
    const values = rest.map((r) => asNumber(r[col]!) ?? 0);
    const sum = values.reduce((s, v) => s + v, 0);
    // Amounts shown rounded (万元 to 0.1, 亿元 to 0.01) may differ by the rounding of each row.
    const decimals = [shown, ...rest.map((r) => r[col]!)].some((s) => s.includes("."));
    const tolerance = decimals ? 0.01 * (rest.length + 1) : 0;
    expect({ what, header, parent: shown, sum, close: Math.abs((asNumber(shown) ?? NaN) - sum) <= tolerance + 1e-9 }).toMatchObject({ close: true });
  });
}

const nonAdditive = (header: string) => /（(%|天)）$/.test(header);

test("every dashboard's (合计) row is the sum of its children's rows shown beneath it, for every additive figure, and never reads “—”", async ({ page }) => {
  test.setTimeout(180_000);
  for (const manager of ["yh.manager", "py.manager"]) {
    await signInAs(page, manager);
    for (const period of ["month", "year"]) {
      await page.goto(`/dashboard?period=${period}`);
      const programmes = page.getByRole("navigation", { name: "选择专项" }).getByRole("link");
      const hrefs = await programmes.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
      expect(hrefs.length, manager).toBeGreaterThan(0);
      for (const href of hrefs) {
        await page.goto(href);
        const what = `${manager} ${period} ${decodeURIComponent(href)}`;
        await expect(page.getByRole("heading", { name: "管理看板" })).toBeVisible();
        expectParentAddsUp(`${what} 指标明细`, await renderedTable(page, "指标明细"), (h) => !nonAdditive(h));
        if (await page.locator("caption", { hasText: "目标完成情况" }).count()) {
          // Value columns of additive indicators add up; targets and completion rates are per unit.
          expectParentAddsUp(`${what} 目标完成情况`, await renderedTable(page, "目标完成情况"), (h) => h.includes("完成值（") && !nonAdditive(h));
        }
        // The trend ends today: no week or month after it.
        if (await page.locator("caption", { hasText: /^趋势/ }).count()) {
          const trend = await renderedTable(page, "趋势");
          const today = shanghaiToday();
          for (const r of trend.rows) expect({ what, bucket: r[0], future: r[0]! > today.slice(0, r[0]!.length) }).toMatchObject({ future: false });
        }
      }
    }
  }
});
