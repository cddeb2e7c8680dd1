import { expect, test } from "@playwright/test";
import { signInAs } from "./sessions";

test("on a phone an officer navigates by the menu strip and no page scrolls sideways", async ({ page }) => {
  await signInAs(page, "py.officer");
  await page.goto("/");
  const strip = page.getByRole("navigation", { name: "菜单" }).first();
  await expect(strip).toBeVisible();
  for (const [link, heading] of [["专项工作", "专项工作"], ["修改密码", "修改密码"], ["首页", "李明，您好"]] as const) {
    await strip.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${link}`).toBeLessThanOrEqual(0);
  }
  // Officers get no admin entries at all.
  await expect(strip.getByRole("link", { name: "用户" })).toHaveCount(0);
});
