// Two steps on one hotline request, back to back, on a phone on a slow connection (issue 13
// item 18): the street's officer hands the request to 亲企办's service officer (改派) and at
// once records the response (回应企业). The second step must carry the version the first
// returned, not the one the page was rendered with, or it is refused as "changed by someone
// else" although nobody else touched it.
import { expect, test, type Page } from "@playwright/test";
import { slowNetwork } from "./helpers";
import { signInAs } from "./sessions";

const CONFLICT = "该记录已被他人修改，请刷新后重试。";

async function openDialog(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: button });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an officer reassigns a request and responds back to back", async ({ page }) => {
  test.setTimeout(120_000); // the two steps run over a deliberately slow connection
  await signInAs(page, "lz.officer");
  await page.goto("/hotline/new");
  await page.getByRole("radio", { name: "只记企业名称" }).check({ force: true });
  await page.locator("#enterpriseName").fill("杭州瓶窑机电有限公司");
  await page.getByLabel("来电人姓名").fill("褚女士");
  await page.getByLabel("联系电话").fill("0571-88201234");
  await page.getByRole("radio", { name: "水电气保障" }).check({ force: true });
  await page.getByLabel("诉求内容").fill("厂区用电增容申请进度查询。");
  await page.getByRole("button", { name: "提交诉求" }).click();
  await page.getByRole("link", { name: "打开诉求" }).click();

  // Setup, one step at a time: accept, hand to 亲企办 (no one in particular yet).
  let dialog = await openDialog(page, "受理");
  await dialog.getByRole("button", { name: "受理", exact: true }).click();
  await expect(dialog).toBeHidden();
  dialog = await openDialog(page, "交办");
  await dialog.getByLabel("牵头单位").selectOption({ label: "亲企办" });
  await dialog.getByRole("button", { name: "交办", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "改派", exact: true })).toBeVisible();

  // The two steps, back to back: only the first dialog closing in between.
  const normalNetwork = await slowNetwork(page);
  dialog = await openDialog(page, "改派");
  await dialog.getByLabel("助企服务员").selectOption({ label: "高唐（亲企办）" });
  await dialog.getByRole("button", { name: "改派", exact: true }).click();
  await expect(dialog).toBeHidden();
  dialog = await openDialog(page, "回应企业");
  await dialog.getByLabel("回应内容").fill("已联系供电所，增容方案本周内答复。");
  await dialog.getByRole("button", { name: "回应企业", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(CONFLICT)).toHaveCount(0);
  await expect(page.getByText("已回应企业。")).toBeVisible();

  // What the server holds: after a reload the request is responded to (回应 is no longer offered).
  await normalNetwork();
  await page.reload();
  await expect(page.locator('[data-clock="RESPOND"]')).toHaveAttribute("data-state", "met");
  await expect(page.getByRole("button", { name: "回应企业", exact: true })).toHaveCount(0);
});
