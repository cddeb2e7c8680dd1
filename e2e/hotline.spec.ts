// The 亲企办 hotline end to end: an operator takes a call and logs it, accepts it and hands it
// to 亲企办; the department's service officer responds and resolves; the enterprise follows
// it on the public status page (number + tracking code, no login) and gives feedback, which
// closes the loop; the enterprise's file shows the whole history.
//
// With E2E_SCREENSHOTS=1 it also saves desktop screenshots to docs/screenshots/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { leaveSession, signInAs } from "./sessions";

const ENTERPRISE = "杭州良渚文旅发展有限公司";
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;
const shot = async (page: Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
};

async function move(page: Page, button: string, fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `已${button}` })).toBeVisible();
}

test("a call goes from intake to closure with the enterprise's feedback", async ({ page }) => {
  // The operator logs the call.
  await signInAs(page, "lz.officer");
  await page.goto("/hotline/new");
  await page.getByPlaceholder("输入企业名称或统一社会信用代码").fill("杭州良渚文旅");
  await page.getByRole("button", { name: new RegExp(ENTERPRISE) }).click();
  await page.getByLabel("来电人姓名").fill("王经理");
  await page.getByLabel("联系电话").fill("13857109999");
  await page.getByRole("radio", { name: "检验检测" }).check({ force: true });
  await page.getByLabel("诉求内容").fill("新产品上市前需要第三方检测，希望推荐附近的检测机构。");
  await shot(page, "hotline-intake-desktop.png");
  await page.getByRole("button", { name: "提交诉求" }).click();
  const created = page.getByTestId("intake-created");
  await expect(created).toBeVisible();
  const number = (await page.getByTestId("created-number").textContent())!.replace(/^.*：/, "").trim();
  const code = (await page.getByTestId("created-code").textContent())!.replace(/^.*：/, "").trim();
  expect(number).toMatch(/^QQB\d{8}-\d{4}$/);
  await page.getByRole("link", { name: "打开诉求" }).click();
  await expect(page.getByTestId("request-number")).toHaveText(number);

  // Accept and hand it to 亲企办.
  await move(page, "受理");
  await move(page, "交办", async (dialog) => {
    const select = dialog.getByLabel("牵头单位");
    await select.selectOption({ label: "亲企办" });
  });
  await expect(page.locator('[data-clock="ASSIGN"]')).toHaveAttribute("data-state", "met");
  const requestUrl = page.url();

  // The department's service officer responds and resolves.
  await signInAs(page, "lz.qqb");
  await page.goto("/hotline");
  await page.getByRole("link", { name: ENTERPRISE }).first().click();
  await expect(page).toHaveURL(requestUrl);
  await move(page, "回应企业", async (dialog) => {
    await dialog.getByLabel("回应内容").fill("已联系企业，推荐辖区内一公里外的专业检测机构。");
  });
  await expect(page.locator('[data-clock="RESPOND"]')).toHaveAttribute("data-state", "met");
  await shot(page, "hotline-request-desktop.png");
  await move(page, "办结", async (dialog) => {
    await dialog.getByLabel("办理结果").fill("检测机构已上门完成检测。");
  });
  await leaveSession(page);

  // The enterprise looks it up without logging in, and gives feedback.
  await page.goto("/service/track");
  await page.getByLabel("受理编号").fill(number);
  await page.getByLabel("查询码").fill("WRONG123");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("没有找到")).toBeVisible();
  await page.goto(`/service/track?n=${encodeURIComponent(number)}&c=${encodeURIComponent(code)}`);
  await expect(page.getByTestId("public-status")).toContainText("已办结");
  await expect(page.getByTestId("public-response")).toContainText("推荐辖区内");
  await expect(page.getByText("高唐")).toHaveCount(0); // no officer's name on the public page
  await shot(page, "hotline-public-status-desktop.png");
  await page.getByRole("radio", { name: /^5 / }).check({ force: true });
  await page.getByLabel("意见（选填）").fill("很及时，谢谢！");
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("感谢您的评价").first()).toBeVisible();
  await expect(page.getByTestId("public-status")).toContainText("已评价闭环");

  // The district manager sees the caller's phone masked and may ask for it; the look is audited.
  await signInAs(page, "yh.manager");
  await page.goto(requestUrl);
  await expect(page.getByText("138****9999")).toBeVisible();
  await expect(page.getByText("13857109999")).toHaveCount(0);
  await page.getByRole("button", { name: "查看完整号码" }).click();
  await expect(page.getByText("13857109999")).toBeVisible();
  await expect(page.getByText("已记入审计日志")).toBeVisible();
  // The enterprise's contact phone on its file, the same way.
  await page.getByRole("heading", { level: 1 }).getByRole("link", { name: ENTERPRISE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTERPRISE);
  await expect(page.getByText(/^1\d\d\*{4}\d{4}$/)).toBeVisible();
  await page.getByRole("button", { name: "查看完整号码" }).click();
  await expect(page.getByText(/^1\d{10}$/)).toBeVisible();

  // The enterprise file shows the whole history.
  await signInAs(page, "lz.officer");
  await page.goto(requestUrl);
  await expect(page.getByText("已评价闭环").first()).toBeVisible();
  await page.getByRole("heading", { level: 1 }).getByRole("link", { name: ENTERPRISE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTERPRISE);
  await expect(page.getByTestId("enterprise-timeline").getByRole("link", { name: number })).toBeVisible();
  await shot(page, "enterprise-file-desktop.png");
});

test("the public intake page works signed out and gives a number and a tracking code", async ({ page }) => {
  await page.goto("/service");
  await expect(page).toHaveURL(/\/service$/);
  await page.getByLabel("企业名称").fill("杭州良渚测试科技有限公司");
  await page.getByLabel("联系人").fill("许总");
  await page.getByLabel("联系电话").fill("13857108888");
  await page.getByLabel("诉求类别").selectOption("政策咨询");
  await page.getByLabel("具体情况").fill("想了解研发费用加计扣除政策。");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("public-done")).toBeVisible();
  await expect(page.getByTestId("public-number")).toHaveText(/^QQB\d{8}-\d{4}$/);
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page.getByTestId("public-status")).toContainText("待受理");
});

// Matching to the register (issue 13 item 11): a public request under a near name is not
// linked by itself; the operator sees the register's enterprise suggested and links it in one tap.
test("the operator confirms the register's enterprise suggested for a near name", async ({ page }) => {
  await page.goto("/service");
  await page.getByLabel("企业名称").fill("良渚文旅发展公司");
  await page.getByLabel("联系人").fill("孙经理");
  await page.getByLabel("联系电话").fill("13857106666");
  await page.getByLabel("诉求类别").selectOption("政策咨询");
  await page.getByLabel("具体情况").fill("想了解文旅项目的扶持政策。");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  const number = (await page.getByTestId("public-number").textContent())!.trim();

  await signInAs(page, "lz.officer");
  await page.goto("/hotline?tab=all");
  await page.locator("li", { hasText: number }).getByRole("link").click();
  await expect(page.getByTestId("request-number")).toHaveText(number);
  await expect(page.getByText("（未在企业库登记）")).toBeVisible();
  await page.getByTestId("enterprise-suggestion").filter({ hasText: ENTERPRISE }).getByRole("button", { name: /确认关联/ }).click();
  await expect(page.getByRole("heading", { level: 1 }).getByRole("link", { name: ENTERPRISE })).toBeVisible();
  await expect(page.getByTestId("enterprise-link")).toHaveCount(0);
  await expect(page.getByText("关联企业库").first()).toBeVisible();
});
