import { expect, test } from "@playwright/test";
import { selectByText, thisYear, unique } from "./helpers";
import { signInAs } from "./sessions";

const Y = thisYear();

test("admin creates a programme with a target and activates it; a village officer of the town then sees it", async ({ page }) => {
  const name = `浦阳镇冬季走访${unique()}`;
  await signInAs(page, "admin");
  await page.goto("/programmes/new");
  await page.getByLabel("专项类型").selectOption("VISIT_CAMPAIGN");
  await page.getByLabel("专项名称").fill(name);
  await page.getByLabel("开始日期").fill(`${Y}-12-01`);
  await page.getByLabel("结束日期").fill(`${Y + 1}-02-28`);
  await selectByText(page, "牵头单位", "浦阳镇");

  await page.getByRole("button", { name: "添加指标" }).click();
  await page.getByLabel("指标名称 1", { exact: true }).fill("走访农户");
  await page.getByLabel("计量单位 1", { exact: true }).fill("户");
  await page.getByLabel("指标编码 1", { exact: true }).fill("households_visited");
  await page.getByRole("button", { name: /添加目标/ }).click();
  await page.getByLabel("期间 1-1", { exact: true }).fill(`${Y}-12`);
  await page.getByLabel("目标值 1-1", { exact: true }).fill("350");
  await page.getByRole("button", { name: "保存" }).click();

  await expect(page).toHaveURL(/\/programmes\/[a-z0-9]+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("走访农户").first()).toBeVisible();
  await expect(page.getByText("350").first()).toBeVisible();
  await expect(page.getByText("草稿").first()).toBeVisible();

  await page.getByRole("button", { name: "启动专项" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "启动专项" }).click();
  await expect(page.getByText("进行中").first()).toBeVisible();

  // An officer of 谢家村 (under 浦阳镇) finds it among the active programmes at home.
  // signInAs leaves the page before swapping cookies: clearing them in place is not enough
  // while a refresh triggered by the status change is still in flight (its response re-sets
  // the admin's session cookie).
  await signInAs(page, "py.officer");
  await page.goto("/");
  await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();
});

test("bad target input gets field errors and everything typed stays", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/programmes/new");
  await page.getByLabel("专项类型").selectOption("HOTLINE");
  await page.getByLabel("专项名称").fill("错误演示专项");
  await page.getByLabel("开始日期").fill(`${Y}-12-01`);
  await page.getByLabel("结束日期").fill(`${Y}-11-01`);
  await selectByText(page, "牵头单位", "良渚街道");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("结束日期不能早于开始日期")).toBeVisible();
  await expect(page.getByLabel("专项名称")).toHaveValue("错误演示专项");
});
