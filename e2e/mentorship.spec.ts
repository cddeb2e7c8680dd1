// 导师带徒: a manager pairs a trainee with a suggested mentor, the trainee updates the plan,
// the mentor logs a guided visit, the manager signs off the milestone. 三争一实: a manager sets
// up a session with two entrants and three judges, each judge scores both, and the ranking
// shows after closing. With E2E_SCREENSHOTS=1 it saves phone and desktop screenshots of the
// pairing page, the plan and the scoring sheet to docs/screenshots/.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { generatedMentorLogins } from "../prisma/demo-people";
import { shanghaiToday, thisYear } from "./helpers";
import { signInAs } from "./sessions";

// The seed holds showcase sessions for this quarter and the one before; the spec's session takes
// another quarter of this year.
const seedQuarter = Math.floor((Number(shanghaiToday().slice(5, 7)) - 1) / 3) + 1;
const QUARTER = `${thisYear()}-Q${[1, 2, 3, 4].find((q) => q !== seedQuarter && q !== seedQuarter - 1)}`;

const shots = process.env.E2E_SCREENSHOTS === "1";

async function capture(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `docs/screenshots/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function pick(page: Page, label: string, text: string) {
  const select = page.locator("select").and(page.getByLabel(label));
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

// Whoever the app suggests: the hand-written mentors or one of the generated pool.
const MENTOR_LOGINS: Record<string, string> = { ...generatedMentorLogins(), 陈晓燕: "py.manager", 何建华: "py.cadre", 谢国强: "py.xj.sec", 傅志明: "py.jy.sec" };

test("a manager pairs a trainee with a suggested mentor; plan, log and sign-off", async ({ page }) => {
  await signInAs(page, "py.manager");
  await page.goto("/mentorship");
  await page.getByRole("link", { name: "浦阳镇年轻干部“帮带导师”计划", exact: true }).click();
  // Exact: last year's closed programme of the same name (with its year) is listed too.
  await expect(page.getByRole("heading", { name: "浦阳镇年轻干部“帮带导师”计划", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "新建结对" }).click();

  await pick(page, "培养对象", "钱浩");
  const best = page.locator("label", { hasText: "最匹配" });
  await expect(best).toBeVisible();
  const mentorName = (await best.locator("span.font-medium").first().textContent())!.trim();
  await best.click();
  await page.getByRole("button", { name: "确认结对" }).click();
  await expect(page).toHaveURL(/\/mentorship\/pairings\//);
  await expect(page.getByRole("heading", { name: `${mentorName} 带 钱浩` })).toBeVisible();
  const pairingUrl = page.url();
  await expect(page.getByTestId("milestone")).toHaveCount(6);
  await capture(page, "mentorship-pairing");

  // The trainee marks the first milestone done.
  await signInAs(page, "py.sh.officer");
  await page.goto("/mentorship");
  await page.getByRole("link", { name: new RegExp(`我的导师：${mentorName}`) }).click();
  const first = page.getByTestId("milestone").first();
  const title = (await first.locator("span.font-medium.text-slate-900").textContent())!.trim();
  await first.getByRole("button", { name: "更新进展" }).click();
  await first.getByLabel("状态").selectOption("DONE");
  await first.getByLabel("进展说明").fill("已完成并与导师交流");
  await first.getByRole("button", { name: "保存进展" }).click();
  await expect(first.getByText("已完成（待审核）")).toBeVisible();

  // The mentor logs a guided visit.
  expect(MENTOR_LOGINS[mentorName], `login of the suggested mentor ${mentorName}`).toBeDefined();
  // A generated mentor has no stored session: signInAs signs it in through the form.
  await signInAs(page, MENTOR_LOGINS[mentorName]!);
  await page.goto(pairingUrl);
  await page.getByRole("button", { name: "记录帮带活动" }).click();
  await page.getByLabel("地点").fill("森海社区");
  await page.getByLabel("情况记录").fill("陪同入户走访三户新居民家庭");
  await page.getByRole("button", { name: "保存活动" }).click();
  await expect(page.getByRole("list", { name: "帮带活动记录" }).getByText("陪同入户走访三户新居民家庭")).toBeVisible();

  // The manager signs the milestone off.
  if (MENTOR_LOGINS[mentorName] !== "py.manager") {
    await signInAs(page, "py.manager");
    await page.goto(pairingUrl);
  }
  const done = page.getByTestId("milestone").filter({ hasText: title });
  await done.getByRole("button", { name: "审核通过" }).click();
  await expect(done.getByText("已审核通过")).toBeVisible();
  await expect(done.getByText("陈晓燕 审核通过")).toBeVisible();
  await capture(page, "mentorship-plan");

  await page.getByRole("link", { name: /修改记录/ }).click();
  await expect(page.getByText("第 3 版")).toBeVisible();
  await expect(page.getByText(/状态由“已完成（待审核）”改为“已审核通过”/)).toBeVisible();
});

test("three judges score two entrants; the ranking shows after closing", async ({ page }) => {
  // Four sign-ins and six score sheets: a long journey, not a slow one (no step is timed).
  test.setTimeout(180_000);
  await signInAs(page, "fst.manager");
  await page.goto("/showcases");
  await page.getByRole("link", { name: "新建擂台" }).click();
  await page.getByLabel("季度").fill(QUARTER);
  await page.getByLabel("地点").fill("梦想小镇");
  await page.getByRole("button", { name: "创建擂台" }).click();
  await expect(page.getByRole("heading", { name: `${QUARTER} 擂台` })).toBeVisible();

  for (const [name, topic] of [["韩腾嘉", "人工智能企业走访"], ["王鹏", "招商项目鉴别"]]) {
    await page.getByRole("button", { name: "添加擂手" }).click();
    await pick(page, "擂手", name);
    await page.getByLabel("题目").fill(topic!);
    await page.getByRole("button", { name: "添加擂手" }).click();
    await expect(page.getByTestId("entry").filter({ hasText: name })).toBeVisible();
  }
  for (const judge of ["屈永辉", "唐海燕", "梁文博"]) {
    await page.getByRole("button", { name: "添加评委" }).click();
    await pick(page, "人员", judge);
    await page.getByRole("button", { name: "添加评委" }).click();
    await expect(page.getByText(new RegExp(`^${judge}`)).first()).toBeVisible();
  }
  const sessionUrl = page.url();

  const judges = [["fst.judge1", [90, 88, 86, 84], [80, 82, 78, 76]], ["fst.judge2", [85, 87, 89, 91], [75, 77, 79, 81]], ["fst.judge3", [92, 90, 88, 86], [70, 72, 74, 76]]] as const;
  for (const [login, first, second] of judges) {
    await signInAs(page, login);
    for (const [name, values] of [["韩腾嘉", first], ["王鹏", second]] as const) {
      await page.goto(sessionUrl);
      await page.getByTestId("entry").filter({ hasText: name }).getByRole("link", { name: "打分" }).click();
      for (const [i, criterion] of ["工作实绩", "现场表达", "材料质量", "思考深度"].entries()) await page.getByLabel(new RegExp(criterion)).fill(String(values[i]));
      await expect(page.getByText(/加权总分：/)).toBeVisible();
      if (login === "fst.judge1" && name === "韩腾嘉") await capture(page, "showcase-scoring");
      await page.getByRole("button", { name: "提交评分" }).click();
      await expect(page.getByText("评分已保存")).toBeVisible();
    }
    await page.goto(sessionUrl);
    await expect(page.getByText("已评 2 / 2 名擂手")).toBeVisible();
  }

  await signInAs(page, "fst.manager");
  await page.goto(sessionUrl);
  await page.getByRole("button", { name: "结束擂台" }).click();
  await page.getByRole("button", { name: "确认结束并计算排名" }).click();
  const rows = page.getByTestId("leaderboard-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("韩腾嘉");
  await expect(rows.first()).toContainText("1");
  await expect(rows.nth(1)).toContainText("王鹏");
  await capture(page, "showcase-leaderboard");
});
