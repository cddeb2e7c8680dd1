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

// Browsers ask every page's origin for /favicon.ico, signed in or not: a 404 fills the logs
// and leaves a blank tab icon (issue 13 item 16).
test("/favicon.ico is an icon, also for a signed-out visitor", async ({ request }) => {
  const response = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/icon/);
  const body = await response.body();
  // ICONDIR: reserved 0, type 1 (icon), at least one image.
  expect([body.readUInt16LE(0), body.readUInt16LE(2)]).toEqual([0, 1]);
  expect(body.readUInt16LE(4)).toBeGreaterThan(0);
});
