// The operator's fast intake form on a phone: a caller who does not know the register, name
// only; the typed text survives a reload (draft); the number and tracking code come back.
// With E2E_SCREENSHOTS=1 it saves phone screenshots to docs/screenshots/.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;

test("an operator logs a call on a phone", async ({ page }) => {
  await signIn(page, "lz.officer");
  await page.goto("/hotline/new");
  await page.getByRole("radio", { name: "只记企业名称" }).check({ force: true });
  await page.locator("#enterpriseName").fill("杭州瓶窑机电有限公司");
  await page.getByLabel("来电人姓名").fill("褚女士");
  await page.getByLabel("联系电话").fill("0571-88201234");
  await page.getByRole("radio", { name: "水电气保障" }).check({ force: true });
  await page.getByLabel("诉求内容").fill("新厂房天然气接入排期太长，影响投产。");
  // A reload keeps what was typed.
  await page.reload();
  await expect(page.getByText("已恢复您上次未提交的内容。")).toBeVisible();
  await expect(page.getByLabel("诉求内容")).toHaveValue("新厂房天然气接入排期太长，影响投产。");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-intake-phone.png"), fullPage: true });
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("created-number")).toContainText("QQB");
  await expect(page.getByTestId("created-code")).toBeVisible();
  await page.getByRole("link", { name: "打开诉求" }).click();
  await expect(page.locator('[data-clock="ACCEPT"]')).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-request-phone.png"), fullPage: true });
  await page.goto("/hotline?tab=breached");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-list-phone.png"), fullPage: true });
  await page.goto("/service");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-public-phone.png"), fullPage: true });
});
