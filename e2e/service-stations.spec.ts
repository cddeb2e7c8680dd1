// 湖滨商圈增值服务驿站 end to end (issue 19): a shop owner walks in to open a restaurant. The
// station's 导办员 (hb.officer, on a phone) registers the new shop on the spot with the "一类事"
// 开一家餐馆, opens a round-table for two of its departments; each department's seat is answered
// (one by a colleague on another device, one at the counter), the case goes back to 办理中 and is
// finished as 办结. The street's manager (hb.manager, desktop) sees the station's finished cases
// and enterprises served each move by exactly one on the progress page, and the case sits in
// the shop's 一企一档. Figures are read as rendered before and after, never taken from the demo.
// With E2E_SCREENSHOTS=1 it saves the module's screenshots to docs/screenshots/.
import path from "node:path";
import { randomInt } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { makeCreditCode } from "../lib/registers/credit-code";
import { unique } from "./helpers";
import { expect, test } from "./sessions";

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;
const STATION = "湖滨商圈增值服务驿站";
const BUNDLE = "开一家餐馆";

// The officer works at the station's counter on a phone.
test.use({ signedInAs: "hb.officer", viewport: { width: 390, height: 844 } });

/**
 * The whole page from its top (a sticky header would otherwise sit mid-picture), or one screen:
 * a long list's first, or a long form's from `from` down (below the sticky header).
 */
async function shoot(page: Page, name: string, { fullPage = true, from }: { fullPage?: boolean; from?: Locator } = {}) {
  if (!SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  if (from) {
    await from.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -160));
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, `service-stations-${name}.png`), fullPage: fullPage && !from });
}

/** The station's progress page, from the module's landing as a manager reaches it. */
async function openProgress(page: Page) {
  await page.goto("/service-stations");
  await page.getByRole("link", { name: STATION, exact: true }).click();
  await page.getByRole("navigation", { name: "驿站栏目" }).getByRole("link", { name: "进度" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${STATION} · 办件进度`);
}

/** A headline tile's number as the page shows it ("1,400" → 1400). */
async function figure(page: Page, tile: "finished" | "enterprises"): Promise<number> {
  const text = await page.getByTestId(`station-progress-${tile}`).locator("dd span").first().textContent();
  const n = Number(text!.replace(/[^\d.]/g, ""));
  expect(Number.isFinite(n), `the ${tile} tile shows a number (“${text}”)`).toBe(true);
  return n;
}

test("a walk-in restaurant bundle with a round-table, finished, is counted once in the station's progress and filed in 一企一档", async ({ page, pageAs }) => {
  // The manager's figures before.
  const manager = await pageAs("hb.manager");
  await openProgress(manager);
  const finishedBefore = await figure(manager, "finished");
  const enterprisesBefore = await figure(manager, "enterprises");
  await shoot(manager, "progress-desktop");

  // The officer opens the station's case list and starts a case.
  await page.goto("/service-stations");
  await page.getByRole("link", { name: STATION, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STATION);
  await expect(page.getByRole("list", { name: "办件" }).getByRole("listitem").first()).toBeVisible();
  await shoot(page, "cases-phone", { fullPage: false });
  await page.getByRole("link", { name: "新建办件" }).click();

  // A shop the register does not know yet, registered with the case.
  const form = page.getByRole("form", { name: "新建办件" });
  await expect(form.getByRole("radio", { name: "现场办理" })).toBeChecked();
  const shop = `湖滨味道餐馆${unique()}`;
  await form.getByRole("button", { name: "新登记企业" }).click();
  await form.getByRole("textbox", { name: "企业名称", exact: true }).fill(shop);
  await form.getByRole("textbox", { name: "统一社会信用代码", exact: true }).fill(makeCreditCode(randomInt(1, 2 ** 40), "330102"));
  await form.getByRole("textbox", { name: "地址", exact: true }).fill("上城区湖滨街道东坡路1号");
  await form.getByRole("textbox", { name: "联系人", exact: true }).fill("王老板");
  await form.getByRole("combobox", { name: "一类事", exact: true }).selectOption({ label: BUNDLE });
  // The bundle's items are ticked and their departments named.
  await expect(form.getByText(/^已选 \d+ 项，以往约需 \d+ 分钟 · 涉及部门：/)).toBeVisible();
  await form.getByRole("textbox", { name: "来访人", exact: true }).fill("王老板");
  await form.getByRole("textbox", { name: "诉求/备注", exact: true }).fill("在东坡路开一家餐馆，想一次办完开业手续。");
  await shoot(page, "new-case-phone", { from: form.getByRole("combobox", { name: "一类事", exact: true }) });
  await form.getByRole("button", { name: "登记办件" }).click();

  // The case: a walk-in, in progress from now, for the new shop, with the bundle's items.
  await expect(page).toHaveURL(/\/service-stations\/cases\/[^/?]+$/);
  const caseUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(shop);
  await expect(page.getByText("办理中", { exact: true })).toBeVisible();
  await expect(page.getByText("现场办理", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: `办理事项（一类事：${BUNDLE}）` })).toBeVisible();
  const number = (await page.getByText(/^[A-Z]+-\d{4}-\d{5}$/).textContent())!.trim();

  // A round-table for two of the departments the items need (pre-filled: keep the first two).
  await page.getByRole("button", { name: "发起圆桌会商" }).click();
  const opening = page.getByRole("form", { name: "发起圆桌会商" });
  await opening.getByLabel("会商事项").fill("餐馆开业联审");
  const seats = opening.getByRole("checkbox");
  expect(await seats.count(), "the bundle needs more than one department").toBeGreaterThanOrEqual(2);
  for (let i = (await seats.count()) - 1; i >= 2; i -= 1) await seats.nth(i).uncheck();
  const departments = await opening.locator("label", { has: page.getByRole("checkbox", { checked: true }) }).allTextContents();
  expect(departments).toHaveLength(2);
  const [first, second] = departments.map((d) => d.trim()) as [string, string];
  await opening.getByRole("button", { name: "发起", exact: true }).click();
  await expect(page.getByText("圆桌会商中", { exact: true })).toBeVisible();
  await expect(page.getByText("圆桌会商进行中：各部门全部答复后才能办结。")).toBeVisible();
  await expect(page.getByText(/还有 2 个部门未答复/)).toBeVisible();
  // No finishing while the departments have not answered.
  await expect(page.getByRole("button", { name: "办结", exact: true })).toHaveCount(0);
  await shoot(page, "round-table-phone");

  // The first department's answer, recorded by a colleague on another device.
  const colleague = await pageAs("hb.officer2");
  await colleague.goto(caseUrl);
  const firstSeat = colleague.getByRole("listitem").filter({ has: colleague.getByText(first, { exact: true }) });
  await firstSeat.getByRole("button", { name: "录入答复" }).click();
  const firstForm = colleague.getByRole("form", { name: `${first}的答复` });
  await firstForm.getByLabel("意见").selectOption({ label: "同意" });
  await firstForm.getByRole("button", { name: "提交答复" }).click();
  await expect(firstSeat.getByText("同意", { exact: true })).toBeVisible();
  await expect(colleague.getByText(/还有 1 个部门未答复/)).toBeVisible();

  // The second, at the counter: the case goes back to 办理中 once every seat has answered.
  await page.reload();
  await expect(page.getByText(/还有 1 个部门未答复/)).toBeVisible();
  const secondSeat = page.getByRole("listitem").filter({ has: page.getByText(second, { exact: true }) });
  await secondSeat.getByRole("button", { name: "录入答复" }).click();
  const secondForm = page.getByRole("form", { name: `${second}的答复` });
  await secondForm.getByLabel("意见").selectOption({ label: "有条件同意" });
  await secondForm.getByLabel("说明").fill("开业前完成消防设施检测。");
  await secondForm.getByRole("button", { name: "提交答复" }).click();
  await expect(secondSeat.getByText("有条件同意", { exact: true })).toBeVisible();
  await expect(page.getByText("办理中", { exact: true })).toBeVisible();
  await expect(page.getByText("已结束", { exact: true })).toBeVisible();
  await expect(page.getByText("圆桌会商结束：餐馆开业联审")).toBeVisible();

  // Finished as 办结: the times are the server's.
  await page.getByRole("button", { name: "办结", exact: true }).click();
  const finish = page.getByRole("form", { name: "办结" });
  await expect(finish.getByLabel("办理结果")).toHaveValue("COMPLETED");
  await finish.getByLabel("结果说明").fill("营业执照、食品经营许可当场办结，其余事项已预约现场核查。");
  await finish.getByRole("button", { name: "确认办结" }).click();
  await expect(page.getByText("已办结", { exact: true })).toBeVisible();
  // The outcome's badge beside the status, and the step in 办理经过.
  await expect(page.getByText("办结", { exact: true })).toHaveCount(2);
  for (const label of ["以往用时", "本次用时", "节省时间"]) await expect(page.getByRole("term").filter({ hasText: label })).toBeVisible();

  // In the station's list, newest first.
  await page.getByRole("link", { name: STATION, exact: true }).click();
  const row = page.getByRole("list", { name: "办件" }).getByRole("listitem").first();
  await expect(row.getByRole("link", { name: shop })).toBeVisible();
  await expect(row.getByText("已办结", { exact: true })).toBeVisible();
  await expect(row.getByText(`一类事：${BUNDLE}`, { exact: false })).toBeVisible();

  // The manager's figures: one more case, one more enterprise served.
  await manager.reload();
  await expect(manager.getByTestId("station-progress-finished").locator("dd span").first()).toHaveText(format(finishedBefore + 1));
  await expect(manager.getByTestId("station-progress-enterprises").locator("dd span").first()).toHaveText(format(enterprisesBefore + 1));
  await expect(manager.getByTestId("station-progress-headline")).toContainText(`办件 ${format(finishedBefore + 1)} 件 · 服务企业 ${format(enterprisesBefore + 1)} 家`);

  // The shop's 一企一档 lists the case.
  await page.goto(`/registers/enterprises?q=${encodeURIComponent(shop)}`);
  await page.getByRole("link", { name: shop }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(shop);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "增值服务驿站办件（1 件）" }) });
  await expect(section.getByRole("link", { name: number })).toBeVisible();
  await expect(section.getByText("已办结", { exact: true })).toBeVisible();
  await expect(section.getByText(`一类事：${BUNDLE}`)).toBeVisible();

  if (SCREENSHOTS) {
    const admin = await pageAs("admin");
    await admin.goto("/service-stations");
    await admin.getByRole("link", { name: STATION, exact: true }).click();
    await admin.getByRole("navigation", { name: "驿站栏目" }).getByRole("link", { name: "服务目录" }).click();
    await expect(admin).toHaveURL(/\/catalogue$/);
    await expect(admin.getByText(/^服务目录 · 人工服务事项 \d+ 项 · 自助服务事项 \d+ 项$/)).toBeVisible();
    // The 32 staffed items (all 182 at once make a picture too long to read).
    await admin.getByRole("navigation", { name: "事项类型" }).getByRole("link", { name: /^人工/ }).click();
    await expect(admin).toHaveURL(/\/catalogue\?(.*&)?kind=STAFFED/);
    await shoot(admin, "catalogue-desktop");
  }
});

/** A count as the progress page writes it (zh-CN grouping: 1,400). */
function format(n: number): string {
  return new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 }).format(n);
}
