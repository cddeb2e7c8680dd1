// The phone menu (issue 13 item 12): a village officer is offered his own modules, not the
// programmes that hold nothing for him; the current page's item is on screen, also after a
// full page load deep in the list; the header says who is signed in.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./sessions";

async function expectOnScreen(page: Page, item: Locator, what: string) {
  const box = await item.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, `${what} is laid out`).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(width);
}

test("a village officer's phone menu offers his modules, keeps the current one in view, and the header names him", async ({ page }) => {
  await signInAs(page, "py.officer");
  await page.goto("/");
  const strip = page.getByRole("navigation", { name: "菜单" });
  await expect(strip).toBeVisible();

  for (const own of ["走访记录", "问题清单", "民情双访", "导师带徒", "农户档案"]) await expect(strip.getByRole("link", { name: own })).toHaveCount(1);
  for (const deadEnd of ["招商引资", "重点项目", "三争一实", "人才积分"]) await expect(strip.getByRole("link", { name: deadEnd }), `${deadEnd} is not offered`).toHaveCount(0);

  // Who is signed in, in the header, on a phone.
  const header = page.getByRole("banner");
  await expect(header.getByText(/李明/).filter({ visible: true })).toBeVisible();

  // A full load of a page far along the strip: its item is scrolled into view.
  await page.goto("/registers/enterprises");
  const current = strip.locator('[aria-current="page"]');
  await expect(current).toHaveText("企业档案");
  await expectOnScreen(page, current, "企业档案 after loading its page");

  // Then back to the first item and on to the last one by the menu itself.
  await strip.getByRole("link", { name: "首页" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("李明");
  await expectOnScreen(page, strip.locator('[aria-current="page"]'), "首页 after navigating to it");
  await strip.getByRole("link", { name: "修改密码" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("修改密码");
  await expectOnScreen(page, strip.locator('[aria-current="page"]'), "修改密码 after navigating to it");
});
