// The catalogue's Excel import refuses, in the browser, a workbook over the import's limit:
// beyond the server actions' body limit (next.config.ts) the request would never reach the
// action, and the admin would read "network interrupted" instead of the size rule.
import { expect, test } from "./sessions";

const STATION = "湖滨商圈增值服务驿站";

test.use({ signedInAs: "admin" });

test("an oversized catalogue workbook is refused before it is sent, naming the limit", async ({ page }) => {
  await page.goto("/service-stations");
  await page.getByRole("link", { name: STATION, exact: true }).click();
  await page.locator('main a[href$="/catalogue"]').first().click();
  await page.getByText("导入 Excel", { exact: true }).click();
  const form = page.getByRole("form", { name: "导入 Excel" });
  await form.getByLabel("服务目录 Excel 文件").setInputFiles({
    name: "服务目录.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.alloc(12 * 1024 * 1024),
  });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await form.getByRole("button", { name: "导入" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("文件不能超过 5 MB");
  expect(posts).toEqual([]);
});
