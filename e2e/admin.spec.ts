import { selectByText, signIn, signOut, unique } from "./helpers";
import { expect, test } from "./sessions";

test.use({ signedInAs: "admin" });

test("admin adds an org unit and a user; the user signs in and must change the temporary password", async ({ page }) => {
  const suffix = unique();
  const unitName = `测试村${suffix}`;
  const username = `e2e.${suffix}`;

  // 1. A new village under 浦阳镇.
  await page.goto("/admin/org-units");
  await page.getByRole("button", { name: "“浦阳镇”的操作" }).click();
  const panel = page.getByRole("region", { name: "“浦阳镇”的操作" });
  const addForm = panel.getByRole("form", { name: "在“浦阳镇”下新增单位" });
  await addForm.getByLabel("单位名称").fill(unitName);
  await addForm.getByLabel("类型").selectOption("VILLAGE");
  await addForm.getByRole("button", { name: "新增下级" }).click();
  await expect(page.getByText(unitName).first()).toBeVisible();

  // 2. An officer in that village.
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("赵新");
  await page.getByLabel("角色").selectOption("OFFICER");
  await selectByText(page, "所属单位", unitName);
  await page.getByRole("button", { name: "新建用户" }).last().click();
  const tempPassword = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(tempPassword).toMatch(/^[A-Za-z0-9]{12}$/);

  // 3. The new user signs in (through the form: a session of its own, which it ends below) and
  // is made to change the password first.
  await signIn(page, username, tempPassword);
  await expect(page).toHaveURL(/\/account\/password/);
  await page.goto("/programmes");
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel("当前密码").fill(tempPassword);
  await page.getByLabel(/^新密码/).fill("short");
  await page.getByLabel("确认新密码").fill("short");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码至少 10 位")).toBeVisible();
  // What was typed stays in the form.
  await expect(page.getByLabel("当前密码")).toHaveValue(tempPassword);
  await page.getByLabel(/^新密码/).fill("village-2026-ok");
  await page.getByLabel("确认新密码").fill("village-2026-ok");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("赵新");
  await signOut(page);
  await signIn(page, username, "village-2026-ok");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("赵新");
});
