// A manager drills from the district to a village on the dashboard and exports the table;
// an officer's home shows what is due today. With E2E_SCREENSHOTS=1 it also saves phone and
// desktop screenshots to docs/screenshots/.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signIn, thisYear } from "./helpers";

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
  await signIn(page, "yh.manager");
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
  await signIn(page, "py.officer");
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
