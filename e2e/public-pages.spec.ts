// The enterprises' public hotline pages are opened by people outside government, often with a
// screen reader or from a search: each names itself with one top-level heading.
import { expect, test } from "@playwright/test";

for (const [path, heading] of [["/service", "提交诉求"], ["/service/track", "查询办理进度"]] as const) {
  test(`${path} has one h1 naming the page`, async ({ page }) => {
    await page.goto(path);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toHaveCount(1);
    await expect(h1).toHaveText(heading);
  });
}
