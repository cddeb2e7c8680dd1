// 招商 and 重点项目 end to end: a task force logs a trip meeting two enterprises (one from the
// register, one new prospect); the prospect becomes a lead that is negotiated and signed in
// 亿元, and the programme's totals follow. A manager creates a key project, cannot move it to
// 开工建设 until its START milestone has an actual date, then can; the battle map follows.
//
// With E2E_SCREENSHOTS=1 it also saves phone and desktop screenshots of the trip form, the
// lead page and the battle map to docs/screenshots/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addDays, selectByText, shanghaiToday, unique } from "./helpers";
import { signInAs } from "./sessions";

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;

async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  const size = page.viewportSize();
  // Scrolled to the top, so the sticky header is drawn where it belongs in a full-page shot.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** "8 次外出招商、12 家企业、6 个签约项目、70.8亿元" → the numbers. */
async function headline(page: Page) {
  await page.goto("/investment");
  const text = (await page.getByTestId("investment-headline").textContent()) ?? "";
  const m = /(\d+) 次外出招商、(\d+) 家企业、(\d+) 个签约项目、([\d,.]+)(亿元|万元)/.exec(text);
  expect(m, text).not.toBeNull();
  const wan = Number(m![4]!.replaceAll(",", "")) * (m![5] === "亿元" ? 10000 : 1);
  return { trips: Number(m![1]), enterprises: Number(m![2]), signed: Number(m![3]), wan };
}

async function stageCount(page: Page, stage: string) {
  const text = (await page.getByTestId(`total-${stage}`).textContent()) ?? "";
  return Number(/(\d+)/.exec(text)![1]);
}

test("a task force logs a trip, a prospect becomes a signed lead; a key project starts construction after its START milestone", async ({ page }) => {
  const u = unique();
  await signInAs(page, "etdz.officer");
  const before = await headline(page);

  // ── The trip: one register enterprise, one new prospect ──
  await page.getByRole("link", { name: "外出招商" }).first().click();
  await page.getByRole("link", { name: "登记外出招商" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登记外出招商");
  await selectByText(page, "突击队", "产业链招商突击队");
  // Today: the headline counts this year's trips by their start date.
  const today = shanghaiToday();
  await page.getByLabel("出发日期").fill(today);
  await page.getByLabel("返回日期").fill(addDays(today, 1));
  await page.getByLabel("目的地城市").fill("苏州");
  await page.getByRole("checkbox", { name: "吴佳琪" }).check();
  await page.getByRole("button", { name: "＋ 添加在册企业" }).click();
  await page.getByPlaceholder("输入企业名称或信用代码查找").fill("仁和智能");
  await page.getByRole("button", { name: /杭州仁和智能装备有限公司/ }).click();
  await page.getByRole("button", { name: "＋ 添加意向企业" }).click();
  const prospect = `苏州测试智造${u}有限公司`;
  await page.getByLabel("企业名称").fill(prospect);
  await page.getByLabel("所在城市").fill("苏州");
  await page.getByLabel("对接情况").nth(1).fill("有意设立华东研发中心。");
  await shoot(page, "investment-trip-form");
  await page.getByRole("button", { name: "登记外出招商" }).click();
  await expect(page.getByText("外出招商已登记。")).toBeVisible();
  await expect(page.getByRole("link", { name: "杭州仁和智能装备有限公司" })).toBeVisible();

  // ── The prospect's meeting becomes a lead, negotiated and signed in 亿元 ──
  const meeting = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: prospect }) });
  await meeting.getByRole("link", { name: "转为线索" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("录入线索");
  await page.getByLabel("项目名称").fill(`华东研发中心${u}`);
  await page.getByRole("textbox", { name: "计划投资额", exact: true }).fill("2");
  await page.getByLabel("计划投资额 · 单位").selectOption("YI");
  await page.getByRole("button", { name: "录入线索" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`华东研发中心${u}`);
  await expect(page.getByText("2亿元")).toBeVisible();

  await page.getByRole("button", { name: "进入洽谈" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "进入洽谈" }).click();
  await expect(page.getByText("已更新为“洽谈中”。")).toBeVisible();
  await page.getByRole("button", { name: "登记签约" }).click();
  const dialog = page.getByRole("dialog");
  // Signing without the contract number is refused on the field.
  await dialog.getByRole("textbox", { name: "签约金额", exact: true }).fill("2");
  await dialog.getByRole("button", { name: "登记签约" }).click();
  await expect(dialog.getByText("必填")).toBeVisible();
  await dialog.getByLabel("合同编号").fill(`YHJK-E2E-${u}`);
  await dialog.getByRole("button", { name: "登记签约" }).click();
  await expect(page.getByText("已更新为“已签约”。")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认落地" })).toBeVisible();
  await shoot(page, "investment-lead");

  const after = await headline(page);
  expect(after.trips).toBe(before.trips + 1);
  expect(after.enterprises).toBeGreaterThanOrEqual(before.enterprises + 1);
  expect(after.signed).toBe(before.signed + 1);
  expect(Math.round(after.wan - before.wan)).toBe(20000);

  // ── A key project: 开工建设 only after the START milestone's actual date ──
  await signInAs(page, "etdz.manager");
  await page.goto("/key-projects");
  const underConstruction = await stageCount(page, "UNDER_CONSTRUCTION");
  const planned = await stageCount(page, "PLANNED");
  await page.getByRole("link", { name: "新建重点项目" }).click();
  const name = `E2E智能制造项目${u}`;
  await page.getByLabel("项目名称").fill(name);
  await page.getByRole("textbox", { name: "总投资", exact: true }).fill("1.5");
  await page.getByLabel("总投资 · 单位").selectOption("YI");
  await selectByText(page, "所属单位", "仁和街道");
  await selectByText(page, "专班专员", "钱志远");
  // Planned ten days ago, started four days late (an actual date may not be in the future).
  await page.getByLabel("开工 · 计划日期").fill(addDays(shanghaiToday(), -10));
  await page.getByLabel("投产 · 计划日期").fill(addDays(shanghaiToday(), 400));
  await page.getByRole("button", { name: "新建重点项目" }).click();
  await expect(page.getByText("重点项目已创建。")).toBeVisible();
  await expect(page.getByTestId("project-stage")).toHaveText("谋划储备");

  await page.getByRole("button", { name: "进入开工建设" }).click();
  await expect(page.getByText("还没有记录“开工”的实际日期，不能进入“开工建设”。")).toBeVisible();
  const start = page.getByTestId("milestone-START");
  await start.getByLabel("实际日期").fill(addDays(shanghaiToday(), -6));
  await start.getByRole("button", { name: "保存节点" }).click();
  await expect(start.getByText("节点已更新。")).toBeVisible();
  await expect(start.getByText("延期完成")).toBeVisible();
  await page.getByRole("button", { name: "进入开工建设" }).click();
  await expect(page.getByText("已进入“开工建设”。")).toBeVisible();
  await expect(page.getByTestId("project-stage")).toHaveText("开工建设");

  await page.getByRole("link", { name: "返回挂图作战" }).click();
  await expect(page.getByTestId("column-UNDER_CONSTRUCTION").getByRole("link", { name: new RegExp(name) })).toBeVisible();
  expect(await stageCount(page, "UNDER_CONSTRUCTION")).toBe(underConstruction + 1);
  expect(await stageCount(page, "PLANNED")).toBe(planned);
  await shoot(page, "key-projects-board");
});
