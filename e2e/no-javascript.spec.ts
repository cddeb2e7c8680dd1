// Signing in before hydration (a slow phone) or with JavaScript blocked: the login form must
// POST, never GET, so the password never lands in a URL (history, proxy logs), and it must
// still sign in, show its error and sign out.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

test.use({ javaScriptEnabled: false });

test("with JavaScript off, a wrong password shows the error, a right one signs in, sign-out works, and no URL carries the password", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));

  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill("py.officer");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("用户名或密码错误。连续失败 5 次，账户将锁定 15 分钟。");
  await expect(page.getByLabel("用户名或手机号")).toHaveValue("py.officer");
  await expect(page.getByLabel("密码")).toHaveValue("");

  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  // No loading skeleton stands in for the page (it took JavaScript to swap it for the
  // content): the header and the page itself are plain HTML.
  await expect(page.getByTestId("current-user")).toContainText("李明");
  await expect(page.getByRole("heading", { name: /今日待办/ })).toBeVisible();
  await page.goto("/visits");
  await expect(page.getByRole("heading", { level: 1, name: "走访记录" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link").first()).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url).not.toMatch(/password|zj-demo/i);
});

test("with JavaScript off, sign-in returns to the page the visitor asked for", async ({ page }) => {
  await page.goto("/visits");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("用户名或手机号").fill("py.officer2");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/visits");
});
