// The operator's fast intake form on a phone: a caller who does not know the register, name
// only; the typed text survives a reload (draft); the number and tracking code come back.
// With E2E_SCREENSHOTS=1 it saves phone screenshots to docs/screenshots/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./sessions";
import { fillIntakeByName } from "./helpers";

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;

test("an operator logs a call on a phone", async ({ page }) => {
  await signInAs(page, "lz.officer");
  await page.goto("/hotline/new");
  await fillIntakeByName(page, { enterprise: "杭州瓶窑机电有限公司", caller: "褚女士", phone: "0571-88201234", category: "水电气保障", description: "新厂房天然气接入排期太长，影响投产。" });
  // A reload keeps what was typed.
  await page.reload();
  await expect(page.getByText("已恢复您上次未提交的内容。")).toBeVisible();
  await expect(page.getByLabel("诉求内容")).toHaveValue("新厂房天然气接入排期太长，影响投产。");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-intake-phone.png"), fullPage: true });
  // A wrong number is caught in the browser, in the hotline's own words (its branch of the
  // field messages is shipped with this form, not with every form).
  await page.getByLabel("联系电话").fill("12345");
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByText("请输入手机号或带区号的座机号码")).toBeVisible();
  await expect(page.getByLabel("联系电话")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("联系电话").fill("0571-88201234");
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("created-number")).toContainText("QQB");
  await expect(page.getByTestId("created-code")).toBeVisible();
  await page.getByRole("link", { name: "打开诉求" }).click();
  await expect(page.locator('[data-clock="ACCEPT"]')).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-request-phone.png"), fullPage: true });
  await page.goto("/hotline?tab=breached");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-list-phone.png"), fullPage: true });
  await page.goto("/service");
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, "hotline-public-phone.png"), fullPage: true });
});

// One spelling of a deadline (issue 13 item 4): the home's 待我处理 line and the request page
// show the same text for the same request, never "…00:00:00", and on a phone the time left
// wraps only between its groups ("剩余 / 3小时 / 20分"), never inside one.
test("the home and the request page spell a request's deadline the same, and time left wraps between groups", async ({ page }) => {
  await page.goto("/service");
  await page.getByLabel("企业名称").fill("杭州良渚时限测试有限公司");
  await page.getByLabel("联系人").fill("钱经理");
  await page.getByLabel("联系电话").fill("13857107777");
  await page.getByLabel("诉求类别").selectOption("政策咨询");
  await page.getByLabel("具体情况").fill("想了解新厂房消防验收的办理时限。");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  const number = (await page.getByTestId("public-number").textContent())!.trim();

  await signInAs(page, "lz.officer");
  await page.goto("/");
  const line = page.locator("section", { has: page.getByRole("heading", { name: /待我处理的诉求/ }) }).getByRole("link", { name: new RegExp(number) });
  const homeDeadline = (await line.getByTestId("home-deadline").textContent())!.trim();
  expect(homeDeadline).toMatch(/^(当日|\d{1,2}月\d{1,2}日) \d{2}:\d{2}$/);
  expect(homeDeadline).not.toMatch(/ 00:00$/);

  await line.click();
  const accept = page.locator('[data-clock="ACCEPT"]');
  await expect(accept.getByTestId("clock-due")).toHaveText(`时限 ${homeDeadline}`);

  // Every line break inside a clock's status text falls at a space, never inside "3小时": on
  // the request page and in the list's three narrow boxes.
  expect(await midWordBreaks(page)).toEqual([]);
  await page.goto("/hotline");
  await expect(page.locator("[data-clock]").first()).toBeVisible();
  expect(await midWordBreaks(page)).toEqual([]);
});

/** Line breaks inside a clock's text that do not fall at a space. */
function midWordBreaks(page: Page) {
  return page.locator("[data-clock] p").evaluateAll((paragraphs) =>
    paragraphs.flatMap((p) => {
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect) chars.push({ ch: node.textContent![i]!, top: Math.round(rect.top) });
        }
      }
      const breaks: string[] = [];
      for (let i = 1; i < chars.length; i += 1) {
        if (chars[i]!.top > chars[i - 1]!.top && chars[i - 1]!.ch !== " " && chars[i]!.ch !== " ") breaks.push(`${p.textContent} | ${chars[i - 1]!.ch}/${chars[i]!.ch}`);
      }
      return breaks;
    }),
  );
}
