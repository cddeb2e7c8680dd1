// 企业人才积分制 end to end: an admin edits an item's level table; an officer files an
// application with an evidence file for a talent (the ID number stays masked for the
// officer); a manager approves it and the balance shows; the officer requests an apartment
// place and the manager approves it; the enterprise file shows its points and tier.
// With E2E_SCREENSHOTS=1 it saves phone (375 px) and desktop screenshots to docs/screenshots/.
import fs from "node:fs";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { thisYear } from "./helpers";
import { signInAs } from "./sessions";

const shots = process.env.E2E_SCREENSHOTS === "1";
const TALENT = "许嘉怡";
const ENTERPRISE = "杭州良渚文旅发展有限公司";

/** The demo talent's ID number (prisma/demo-talent.ts: 330110, 1998-03-04, sequence 146). */
function rawId(): string {
  const first17 = "33011019980304146";
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

/**
 * The year the seed's points story is told in: its ledger spans the ten months before the day
 * the server seeded it, so early in a year most of it is last year's.
 */
async function storyYear(): Promise<number> {
  const y = thisYear();
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/zjtrack_e2e` });
  await client.connect();
  try {
    const { rows } = await client.query<{ year: number }>(
      `SELECT year FROM point_ledger_entry WHERE kind = 'GRANT' AND year IN ($1, $2) GROUP BY year ORDER BY SUM(points) DESC LIMIT 1`, [y - 1, y],
    );
    return rows[0]?.year ?? y;
  } finally {
    await client.end();
  }
}

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

async function pick(page: Page, label: string | RegExp, text: string) {
  const select = page.locator("select").and(page.getByLabel(label));
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

test.use({ actionTimeout: 15_000 });

test("talent points: configure, apply with evidence, approve, redeem, enterprise file", async ({ page }) => {
  test.setTimeout(180_000);

  // Admin edits a level of 荣誉分 (county honours 6 → 7 points).
  await signInAs(page, "admin");
  await page.goto("/talent/config");
  const honour = page.getByTestId("item-config").filter({ hasText: "荣誉分" });
  await honour.locator("summary").click();
  const row = honour.getByTestId("level-row").nth(3); // 县级 (COUNTY), the fourth level
  await row.getByLabel("分值").fill("7");
  await honour.getByRole("button", { name: "保存项目" }).click();
  await expect(honour.getByText("已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("item-config").filter({ hasText: "荣誉分" }).locator("summary")).toContainText("县级荣誉称号 7");
  await capture(page, "talent-config");

  // Officer: the talent list and page never show the full ID number.
  await signInAs(page, "lz.officer");
  await page.goto("/talent");
  await expect(page.getByRole("link", { name: TALENT }).first()).toBeVisible();
  expect(await page.content()).not.toContain(rawId());
  await capture(page, "talent-list");
  await page.getByRole("link", { name: TALENT }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TALENT);
  expect(await page.content()).not.toContain(rawId());
  await expect(page.getByRole("button", { name: "查看完整号码" })).toHaveCount(0);

  // Officer files an application: 学历分 博士 (60) + 技能等级分 高级工 (20).
  await page.getByRole("link", { name: "申报积分" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申报积分");
  await pick(page, "项目", "学历分");
  await pick(page, "档次", "博士研究生");
  await page.getByRole("button", { name: "添加项目" }).click();
  const second = page.getByTestId("application-line").nth(1);
  await second.locator("select").first().selectOption({ label: "技能等级分" });
  await second.locator("select").nth(1).selectOption({ label: "高级工（20 分）" });
  await expect(page.getByText("预计合计 80 分")).toBeVisible();
  await capture(page, "talent-application-form");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/talent\/applications\/(?!new)[^/?]+$/);
  const applicationUrl = page.url();
  await expect(page.getByText("提交前还需上传")).toBeVisible();
  // Evidence: one PDF for each item.
  for (const type of ["学历证书", "职业技能等级证书"]) {
    await page.getByLabel("材料类型").selectOption(type);
    await page.locator('input[type="file"]').setInputFiles({ name: `${type}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByRole("link", { name: `${type}.pdf` })).toBeVisible();
  }
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交").first()).toBeVisible();

  // Manager approves from the review queue.
  await signInAs(page, "yh.manager");
  await page.goto("/talent/review");
  await capture(page, "talent-review-queue");
  await page.goto(applicationUrl);
  await page.getByRole("button", { name: "审批通过" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "审批通过" }).click();
  await expect(page.getByText("已审批，80 分已记入积分流水。")).toBeVisible();
  await capture(page, "talent-application-approved");
  await page.getByRole("link", { name: new RegExp(TALENT) }).first().click();
  await expect(page.getByTestId("talent-balance")).toHaveText("80");
  // A manager may unmask; the look is audited.
  await page.getByRole("button", { name: "查看完整号码" }).click();
  await expect(page.getByText(rawId())).toBeVisible();

  // Officer requests an apartment place for the talent.
  await signInAs(page, "lz.officer");
  await page.goto("/talent");
  await page.getByRole("link", { name: TALENT }).first().click();
  await page.getByLabel("资源").selectOption({ label: "人才公寓（80 分）" });
  await page.getByRole("button", { name: "提交兑换" }).click();
  await expect(page.getByText(/已提交 DH\d{4}-\d{5}，扣减后余额 0 分/)).toBeVisible();
  await expect(page.getByTestId("talent-balance")).toHaveText("0");
  await capture(page, "talent-detail");

  // Manager approves the request; then the enterprise file shows points and tier.
  await signInAs(page, "yh.manager");
  await page.goto("/talent/redemptions?status=REQUESTED");
  const request = page.getByTestId("redemption-row").filter({ hasText: TALENT }).filter({ hasText: "人才公寓" });
  await request.getByRole("button", { name: "批准" }).click();
  await expect(page.getByTestId("redemption-row").filter({ hasText: TALENT }).filter({ hasText: "人才公寓" })).toHaveCount(0);
  await page.goto("/talent/redemptions?status=APPROVED");
  await expect(page.getByTestId("redemption-row").filter({ hasText: TALENT }).filter({ hasText: "人才公寓" })).toBeVisible();
  await capture(page, "talent-redemptions");
  const year = await storyYear();
  await page.goto(`/talent/evaluation?year=${year}`);
  await capture(page, "talent-evaluation");
  await page.goto(`/talent/progress?year=${year}`);
  await expect(page.getByTestId("talents-solved")).toHaveText("7");
  await capture(page, "talent-progress");
  await page.goto("/registers/enterprises");
  await page.getByRole("link", { name: ENTERPRISE }).first().click();
  const points = page.getByTestId("enterprise-points");
  await expect(points).toBeVisible();
  await expect(points).toContainText("三档");
  await capture(page, "talent-enterprise-file");
});
