// The 民情双访 journey end to end, on a phone: an officer records a guided household visit
// with two problems and a service; the manager sees it in the campaign's progress and
// escalates one problem to a department; the department resolves it; the numbers follow.
//
// With E2E_SCREENSHOTS=1 it also saves the README screenshots (the filled visit form on the
// phone, the progress page on a desktop after the journey) to docs/screenshots/.
import fs from "node:fs";
import path from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { selectByText, signIn, signOut, thisYear, unique } from "./helpers";
import { signInAs } from "./sessions";

// The seeded campaign is this year's (the server seeded its demo for the day it started).
const CAMPAIGN = `${thisYear()}年浦阳镇“民情双访”`;
const VILLAGE = "谢家村";
const HOUSEHOLD_KEY = "XJ-0003";
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;

type VillageNumbers = { households: number; raised: number; solved: number };

/** The manager's progress page of the campaign (reached through the campaign list). */
async function openProgress(page: Page) {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CAMPAIGN);
}

/** 谢家村's row of the by-unit list (the phone's card list of the progress table). */
async function villageNumbers(page: Page): Promise<VillageNumbers> {
  const card = page
    .getByRole("list", { name: "按单位" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${VILLAGE}`) }) });
  await expect(card).toHaveCount(1);
  const read = async (metric: string) => {
    const text = await card
      .locator("div")
      .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${metric}$`) }) })
      .getByRole("definition")
      .textContent();
    // "3" or "3 / 400" (value / target).
    const n = /^\s*(\d+)/.exec(text ?? "");
    expect(n, `${metric} of ${VILLAGE}: "${text}"`).not.toBeNull();
    return Number(n![1]);
  };
  return { households: await read("走访农户"), raised: await read("收集问题"), solved: await read("解决问题") };
}

test("民情双访: a guided visit with two problems and a service, escalated, resolved by the department, counted in progress", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const suffix = unique();
  const department = `萧山区教育局${suffix}`;
  const deptUsername = `e2e.jyj${suffix}`;
  const deptPassword = "department-2026-ok";
  const problemA = `村道路灯损坏${suffix}`;
  const problemB = `孩子入学咨询${suffix}`;
  const service = `现场讲解医保政策${suffix}`;

  // 0. Setup: a department under 萧山区 (above 浦阳镇, so problems can be escalated to it) and a user in it.
  await signInAs(page, "admin");
  await page.goto("/admin/org-units");
  await page.getByRole("button", { name: "“萧山区”的操作" }).click();
  const addForm = page.getByRole("region", { name: "“萧山区”的操作" }).getByRole("form", { name: "在“萧山区”下新增单位" });
  await addForm.getByLabel("单位名称").fill(department);
  await addForm.getByLabel("类型").selectOption("DEPARTMENT");
  await addForm.getByRole("button", { name: "新增下级" }).click();
  await expect(page.getByText(department).first()).toBeVisible();

  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(deptUsername);
  await page.getByLabel("姓名").fill("钱教育");
  await page.getByLabel("角色").selectOption("OFFICER");
  await selectByText(page, "所属单位", department);
  await page.getByRole("button", { name: "新建用户" }).last().click();
  const tempPassword = (await page.getByTestId("temporary-password").textContent())!.trim();

  // 1. The manager's numbers for 谢家村 before the visit.
  await signInAs(page, "py.manager");
  await openProgress(page);
  const before = await villageNumbers(page);

  // 2. The officer records a guided household visit from the home page.
  await signInAs(page, "py.officer");
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "记录走访" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("记录走访");
  const form = page.getByRole("form", { name: "记录走访" });
  // The officer takes part in one campaign: it is preselected. The mentor is not (a visit
  // made alone must not count as guided); the officer's mentor is one tap away.
  const campaignSelect = form.getByLabel("走访专项");
  if ((await campaignSelect.locator("option:checked").textContent()) !== CAMPAIGN) await selectByText(page, "走访专项", CAMPAIGN);
  await expect(campaignSelect.locator("option:checked")).toHaveText(CAMPAIGN);
  await expect(form.getByLabel("陪同导师").locator("option:checked")).toHaveText("无导师陪同");
  await form.getByRole("button", { name: "与导师 陈晓燕 同行" }).click();
  await expect(form.getByLabel("陪同导师").locator("option:checked")).toHaveText("陈晓燕");
  await form.getByRole("radio", { name: "入户走访" }).check();
  await expect(form.getByRole("radio", { name: "入户走访" })).toBeChecked();

  await form.getByLabel("农户/居民户").fill(HOUSEHOLD_KEY);
  await form.getByRole("button", { name: new RegExp(`（${HOUSEHOLD_KEY}）`) }).click();
  await expect(form.getByRole("button", { name: "更换" })).toBeVisible();
  const householdLabel = (await form.getByText(`（${HOUSEHOLD_KEY}）`).first().textContent())!.trim();

  await form.getByRole("checkbox", { name: "家庭基本情况" }).check();
  await form.getByRole("checkbox", { name: "生产生活需求" }).check();
  await form.getByRole("checkbox", { name: "政策宣传讲解" }).check();
  await form.getByLabel("“生产生活需求”的备注").fill("希望修缮村道路灯");

  await form.getByRole("button", { name: "添加问题" }).click();
  await form.getByLabel("问题 1", { exact: true }).fill(problemA);
  await form.getByLabel("具体情况 1", { exact: true }).fill("3组至5组之间两盏路灯不亮，夜间出行不便。");
  await form.getByLabel("类别 1", { exact: true }).fill("基础设施");
  await form.getByRole("button", { name: "添加问题" }).click();
  await form.getByLabel("问题 2", { exact: true }).fill(problemB);
  await form.getByLabel("类别 2", { exact: true }).fill("教育");
  await form.getByRole("button", { name: "添加服务" }).click();
  await form.getByLabel("服务内容 1", { exact: true }).fill(service);

  if (SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // From the top, without a focus ring, and the sticky header where it sits on a fresh page.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "visit-form-phone.png"), fullPage: true, scale: "css", animations: "disabled",
      style: "header { position: static !important; }",
    });
  }
  await form.getByRole("button", { name: "保存走访" }).click();

  // The saved visit: both problems (open) and the service.
  await expect(page).toHaveURL(/\/visits\/[^/?]+\?notice=created/);
  await expect(page.getByText("走访已保存。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(householdLabel);
  await expect(page.getByText("导师陪同")).toBeVisible();
  await expect(page.getByRole("heading", { name: "问题清单（2）" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(problemA) })).toContainText("待处理");
  await expect(page.getByRole("link", { name: new RegExp(problemB) })).toContainText("待处理");
  await expect(page.getByRole("heading", { name: "服务清单（1）" })).toBeVisible();
  await expect(page.getByText(service)).toBeVisible();

  // 3. The manager sees it in progress and escalates one problem to the department.
  await signInAs(page, "py.manager");
  await openProgress(page);
  const afterVisit = await villageNumbers(page);
  expect(afterVisit).toEqual({ households: before.households + 1, raised: before.raised + 2, solved: before.solved });

  await page.goto("/problems");
  await page.getByRole("link", { name: problemA }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(problemA);
  await page.getByRole("button", { name: "交办部门" }).click();
  const escalate = page.getByRole("dialog", { name: "交办部门" });
  await escalate.getByRole("combobox", { name: "交办部门" }).selectOption({ label: department });
  await escalate.getByRole("textbox", { name: "原因" }).fill("路灯维修需区级部门统筹。");
  await escalate.getByRole("button", { name: "交办部门" }).click();
  await expect(escalate).toBeHidden();
  await expect(page.getByText("已更新为“已交办”。")).toBeVisible();

  // 4. The department's user (first sign-in: a new password), finds it in 部门待办, works on it and resolves it.
  // Through the form: a new user's session of its own, which it ends below.
  await signIn(page, deptUsername, tempPassword);
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel("当前密码").fill(tempPassword);
  await page.getByLabel(/^新密码/).fill(deptPassword);
  await page.getByLabel("确认新密码").fill(deptPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL("/");

  await page.goto("/problems");
  await page.getByRole("navigation", { name: "问题分类" }).getByRole("link", { name: "部门待办" }).click();
  await expect(page).toHaveURL(/tab=department/);
  // Only the escalated problem is the department's; the other one stays with the village.
  await expect(page.getByRole("link", { name: problemB })).toHaveCount(0);
  await page.getByRole("link", { name: problemA }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(problemA);
  await expect(page.getByText(`此问题由${VILLAGE}交办至${department}`)).toBeVisible();

  await page.getByRole("button", { name: "开始处理" }).click();
  const start = page.getByRole("dialog", { name: "开始处理" });
  await start.getByRole("button", { name: "开始处理" }).click();
  await expect(start).toBeHidden();
  await expect(page.getByText("已更新为“处理中”。")).toBeVisible();

  await page.getByRole("button", { name: "标记已解决" }).click();
  const resolve = page.getByRole("dialog", { name: "标记已解决" });
  await resolve.getByRole("textbox", { name: "解决情况" }).fill("已更换两盏路灯，恢复夜间照明。");
  await resolve.getByRole("button", { name: "标记已解决" }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByText("已更新为“已解决”。")).toBeVisible();
  await signOut(page);

  // 5. The manager sees one more problem solved for 谢家村, and the problem resolved.
  await signInAs(page, "py.manager");
  await openProgress(page);
  const afterResolve = await villageNumbers(page);
  expect(afterResolve).toEqual({ households: afterVisit.households, raised: afterVisit.raised, solved: afterVisit.solved + 1 });

  await page.goto("/problems");
  const card = (title: string) => page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(card(problemA)).toContainText("已解决");
  await expect(card(problemB)).toContainText("待处理");
  await page.getByRole("link", { name: problemA }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(problemA);
  // The resolution in the details, and the department's name as the one it went to.
  await expect(page.getByRole("definition").filter({ hasText: "已更换两盏路灯，恢复夜间照明。" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: department })).toContainText("路灯维修需区级部门统筹。");

  if (SCREENSHOTS) {
    // The progress page on a desktop, after the journey.
    const desktop = await browser.newContext({
      ...devices["Desktop Chrome"],
      viewport: { width: 1280, height: 800 },
      baseURL: testInfo.project.use.baseURL,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const wide = await desktop.newPage();
    await signInAs(wide, "py.manager");
    await openProgress(wide);
    await expect(wide.getByRole("table", { name: "按单位" })).toBeVisible();
    await wide.screenshot({ path: path.join(SCREENSHOTS, "campaign-progress.png"), fullPage: true, animations: "disabled" });
    await desktop.close();
  }
});
