// A case document over the upload's limit is refused in the browser before it is sent: beyond
// the server actions' body limit (next.config.js) the request would never reach the action, and
// the officer would read "network interrupted" instead of the size rule.
import { expect, test } from "./sessions";

const STATION = "湖滨商圈增值服务驿站";

test.use({ signedInAs: "hb.officer" });

test("an oversized case document is refused before it is sent, naming the limit", async ({ page }) => {
  await page.goto("/service-stations");
  // 湖滨街道's officer sees the one station.
  await expect(page.getByText(STATION, { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "查看办件" }).click();
  await expect(page).toHaveURL(/\/service-stations\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}?status=FINISHED`);
  await page.locator('main a[href^="/service-stations/cases/"]').first().click();
  const form = page.getByRole("form", { name: "上传" });
  await form.getByLabel("选择材料文件").setInputFiles({ name: "营业执照.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(12 * 1024 * 1024) });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByRole("alert")).toHaveText("文件不能超过 10 MB");
  expect(posts).toEqual([]);
});
