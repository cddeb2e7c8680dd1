import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./sessions";

test("an officer is shown the 403 page on every admin page", async ({ page }) => {
  await signInAs(page, "py.officer");
  for (const path of ["/admin/org-units", "/admin/users", "/admin/users/new", "/admin/audit", "/programmes/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "无权访问" }), path).toBeVisible();
  }
});

/** Posts a server action the way the browser does, with the caller's own cookies. */
async function callServerAction(page: Page, actionId: string, args: unknown[]) {
  return page.evaluate(
    async ({ actionId, body }) => {
      const res = await fetch("/admin/org-units", {
        method: "POST",
        headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body,
      });
      return { status: res.status, text: await res.text() };
    },
    { actionId, body: JSON.stringify(args) },
  );
}

test("a direct call of an admin action by an officer is refused and changes nothing", async ({ pageAs }) => {
  // Learn the action's id and argument shape from a real admin rename (name unchanged).
  const adminPage = await pageAs("admin");
  await adminPage.goto("/admin/org-units");
  await adminPage.getByRole("button", { name: "“萧山区”的操作" }).click();
  const panel = adminPage.getByRole("region", { name: "“萧山区”的操作" });
  await panel.getByRole("button", { name: "重命名" }).click();
  const requestPromise = adminPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await panel.getByRole("form", { name: "重命名" }).getByRole("button", { name: "重命名" }).click();
  const request = await requestPromise;
  const actionId = request.headers()["next-action"]!;
  const [args] = JSON.parse(request.postData()!) as [{ id: string; name: string; version: number }];
  expect(args.name).toBe("萧山区");
  await expect(panel.getByRole("status").first()).toBeVisible();
  const current = { ...args, version: args.version + 1 };

  // The officer replays it with the current version and a new name.
  const officerPage = await pageAs("py.officer");
  // On the app's origin, where the page's own fetch() carries the officer's cookies.
  await officerPage.goto("/");
  const refused = await callServerAction(officerPage, actionId, [{ ...current, name: "萧山区（被篡改）" }]);
  expect(refused.status).toBe(200);
  expect(refused.text).toMatch(/没有执行此操作的权限|记录不存在/);
  expect(refused.text).toContain('"ok":false');

  // A cross-site POST of the action, even with the admin's own cookies, is refused by
  // Next's origin check before any of our code runs.
  const crossSite = await adminPage.request.post("/admin/org-units", {
    headers: { "Next-Action": actionId, Origin: "http://evil.example", Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ ...current, name: "萧山区（跨站）" }]),
  });
  expect(crossSite.status()).toBeGreaterThanOrEqual(400);

  // Nothing changed; and the very same call by the admin does go through (the check can fail).
  await adminPage.goto("/admin/org-units");
  await expect(adminPage.getByText("萧山区（被篡改）")).toHaveCount(0);
  await expect(adminPage.getByText("萧山区（跨站）")).toHaveCount(0);
  const accepted = await callServerAction(adminPage, actionId, [current]);
  expect(accepted.text).toContain('"ok":true');
});
