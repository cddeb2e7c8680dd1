// Two steps on one problem, back to back, on a phone (issue 13 item 18). Each step bumps the
// problem's version; the second must carry the version the first returned, not the one the
// page was rendered with, or it is refused as "changed by someone else" although nobody else
// touched it. A real conflict (another user moved it meanwhile) is still refused.
import type { Page } from "@playwright/test";
import { slowNetwork } from "./helpers";
import { expect, signInAs, test } from "./sessions";

const CONFLICT = "该记录已被他人修改，请刷新后重试。";

/** Opens a problem listed at `path` with the status 已交办 (the first, or the last); returns its title. */
async function openEscalated(page: Page, path: string, which: "first" | "last" = "first"): Promise<string> {
  await page.goto(path);
  const cards = page.getByRole("main").getByRole("listitem").filter({ hasText: "已交办" });
  const titles = (await cards.getByRole("link").allTextContents()).map((s) => s.trim()).filter(Boolean);
  expect(titles.length, "an escalated problem").toBeGreaterThan(0);
  const title = which === "first" ? titles[0]! : titles[titles.length - 1]!;
  await page.getByRole("main").getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return title;
}

test("the department starts and resolves a problem back to back", async ({ page }) => {
  test.setTimeout(120_000); // the two steps run over a deliberately slow connection
  await signInAs(page, "yh.jxj");
  const title = await openEscalated(page, "/problems?tab=department");
  const normalNetwork = await slowNetwork(page);

  await page.getByRole("button", { name: "开始处理" }).click();
  const start = page.getByRole("dialog", { name: "开始处理" });
  await start.getByRole("button", { name: "开始处理" }).click();
  // The first step is done as the user sees it: the dialog closes. No waiting for the page
  // to reload: 标记已解决 is already offered (from 已交办 too) and the user taps it at once.
  await expect(start).toBeHidden();
  await page.getByRole("button", { name: "标记已解决" }).click();
  const resolve = page.getByRole("dialog", { name: "标记已解决" });
  await resolve.getByRole("textbox", { name: "解决情况" }).fill("已协调供电公司接入临时电源。");
  await resolve.getByRole("button", { name: "标记已解决" }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByText(CONFLICT)).toHaveCount(0);
  await expect(page.getByText("已更新为“已解决”。")).toBeVisible();

  // What the server holds, not just what the page said.
  await normalNetwork();
  await page.goto("/problems?tab=department");
  await expect(page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) })).toContainText("已解决");
});

test("a step on a problem someone else moved meanwhile is still refused", async ({ page, pageAs }) => {
  await signInAs(page, "yh.manager");
  // The last one: the other test takes the department's (the first) and resolves it.
  const title = await openEscalated(page, "/problems?status=ESCALATED", "last");
  // Someone else (the district's administrator, on another device) starts it first.
  const otherPage = await pageAs("yh.admin");
  await otherPage.goto(page.url());
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await otherPage.getByRole("button", { name: "开始处理" }).click();
  const otherStart = otherPage.getByRole("dialog", { name: "开始处理" });
  await otherStart.getByRole("button", { name: "开始处理" }).click();
  await expect(otherStart).toBeHidden();
  await expect(otherPage.getByText("已更新为“处理中”。")).toBeVisible();
  await otherPage.context().close();

  // This page still shows the version it loaded: resolving is refused, not silently applied.
  await page.getByRole("button", { name: "标记已解决" }).click();
  const resolve = page.getByRole("dialog", { name: "标记已解决" });
  await resolve.getByRole("textbox", { name: "解决情况" }).fill("已处理。");
  await resolve.getByRole("button", { name: "标记已解决" }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByText(CONFLICT)).toBeVisible();
});
