import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

const ROLES = [
  { login: "admin", name: "系统管理员", role: "管理员", adminNav: true },
  { login: "yh.manager", name: "王建国", role: "负责人", adminNav: false },
  { login: "py.officer", name: "李明", role: "干部/专员", adminNav: false },
];

for (const r of ROLES) {
  test(`${r.role} signs in, sees a navigation for the role, and signs out`, async ({ page }) => {
    await signIn(page, r.login);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(r.name);
    await expect(page.getByTestId("current-user")).toContainText(r.role);
    const nav = page.getByRole("navigation", { name: "菜单" }).last();
    await expect(nav.getByRole("link", { name: "专项工作" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户" })).toHaveCount(r.adminNav ? 1 : 0);
    await signOut(page);
    // Signed out for real: the home page sends us back to sign-in.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password shows one generic message and keeps the login typed", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill("py.manager");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toContainText("用户名或密码错误");
  await expect(page.getByLabel("用户名或手机号")).toHaveValue("py.manager");
  // An unknown user gets the very same message.
  await page.getByLabel("用户名或手机号").fill("no-such-user");
  await page.getByLabel("密码").fill("whatever-123");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("用户名或密码错误。连续失败 5 次，账户将锁定 15 分钟。");
});

test("the interface switches to English and back", async ({ page }) => {
  await signIn(page, "py.manager");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello, 陈晓燕");
  await expect(page.getByRole("navigation", { name: "Menu" }).last().getByRole("link", { name: "Programmes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("陈晓燕，您好");
});
