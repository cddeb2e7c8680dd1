// Issue 18's notification pages in the browser, as the demo runs them: no external channel is
// configured, so the admin page says DingTalk and SMS are off (everything works in-app) and lists
// no failed deliveries; an officer switches one kind of notice off for DingTalk ahead of it being
// turned on, and the choice is still there after a reload.
import { expect, test } from "./sessions";

test("the admin page says the external channels are off and nothing failed", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "通知渠道与发送情况" })).toBeVisible();
  const channels = page.getByTestId("channel-list");
  await expect(channels.getByText("钉钉工作通知：未开启")).toBeVisible();
  await expect(channels.getByText("短信：未开启")).toBeVisible();
  await expect(channels.getByText(/DINGTALK_APP_KEY、DINGTALK_APP_SECRET、DINGTALK_AGENT_ID/)).toBeVisible();
  await expect(page.getByText(/外部渠道均未开启/)).toBeVisible();
  await expect(page.getByText("没有发送失败的通知。")).toBeVisible();
  await expect(page.getByRole("button", { name: "全部重试" })).toBeDisabled();
  // Reached from the admin menu.
  await expect(page.getByRole("link", { name: "通知渠道" }).first()).toBeVisible();
});

test("an officer switches a kind off for DingTalk and it stays off after a reload", async ({ pageAs }) => {
  const page = await pageAs("py.officer");
  await page.goto("/notifications");
  await page.getByRole("link", { name: "通知设置" }).first().click();
  await expect(page).toHaveURL(/\/account\/notifications$/);
  await expect(page.getByText(/未关联：请管理员在用户资料中填写钉钉 userid/)).toBeVisible();
  await expect(page.getByText(/非紧急通知在工作时间（工作日 08:30–17:30，按工作日历）之外不发送/)).toBeVisible();

  const toggle = page.getByRole("switch", { name: "走访逾期提醒发到钉钉工作通知" });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled(); // saved (disabled while the action runs)
  await page.reload();
  await expect(page.getByRole("switch", { name: "走访逾期提醒发到钉钉工作通知" })).not.toBeChecked();

  // Back on, so the demo session is left as it was.
  const again = page.getByRole("switch", { name: "走访逾期提醒发到钉钉工作通知" });
  await again.click();
  await expect(again).toBeChecked();
  await expect(again).toBeEnabled();
  await page.reload();
  await expect(page.getByRole("switch", { name: "走访逾期提醒发到钉钉工作通知" })).toBeChecked();
});

test("an admin sets a programme's notice rules from its page", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/programmes?type=VISIT_CAMPAIGN&status=ACTIVE");
  await page.locator('main a[href^="/programmes/"]:not([href="/programmes/new"])').first().click();
  await page.getByRole("link", { name: "通知规则" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "通知规则" })).toBeVisible();
  await expect(page.getByText("默认：外部渠道 是，紧急 否")).toBeVisible();
  const urgent = page.getByRole("checkbox", { name: "走访逾期提醒：紧急" });
  const wasUrgent = await urgent.isChecked();
  await urgent.setChecked(!wasUrgent);
  await page.getByRole("button", { name: "保存通知规则" }).click();
  await expect(page.getByRole("status").filter({ hasText: "通知规则已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "走访逾期提醒：紧急" })).toBeChecked({ checked: !wasUrgent });
  // Back as it was.
  await page.getByRole("checkbox", { name: "走访逾期提醒：紧急" }).setChecked(wasUrgent);
  await page.getByRole("button", { name: "保存通知规则" }).click();
  await expect(page.getByRole("status").filter({ hasText: "通知规则已保存" })).toBeVisible();
});
