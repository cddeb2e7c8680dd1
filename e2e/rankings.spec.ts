// 赛马 as py.manager sees it (docs/decisions/0013-ranking-method.md): 浦阳镇's villages are
// scored on their own figures, so a village that did nothing shows 0 or 无数据 and never ranks
// above one that worked; in a year without any activity nobody ranks above anyone.
import { expect, test, type Page } from "@playwright/test";
import { selectByText, thisYear } from "./helpers";
import { signInAs } from "./sessions";

type Row = { name: string; rank: number | null; score: number | null; values: string[] };

const PUYANG_VILLAGES = ["安山村", "传化农创村", "径游村", "森海社区", "谢家村"];

const num = (text: string) => (text === "无数据" ? null : Number(text.replace(/,/g, "")));

/** The breakdown table as rendered: unit, 名次, 总分, 计分权重, then value / basis / score per indicator. */
async function readRanking(page: Page): Promise<Row[]> {
  const table = page.getByRole("table", { name: "得分构成" });
  await expect(table).toBeVisible();
  const rows: Row[] = [];
  for (const tr of await table.locator("tbody tr").all()) {
    const name = (await tr.locator("th").innerText()).replace("›", "").trim();
    const cells = (await tr.locator("td").allInnerTexts()).map((c) => c.trim());
    const values = cells.slice(3).filter((_, i) => i % 3 === 0);
    rows.push({ name, rank: num(cells[0]!), score: num(cells[1]!), values });
  }
  return rows;
}

test("浦阳镇's villages: no activity scores nothing, and never ranks above a village that worked", async ({ page }) => {
  await signInAs(page, "py.manager");

  // A year long before the demo's records: nobody did anything, so everybody shares first
  // place at 0 (the min–max ranking gave each 88.89).
  const year = thisYear() - 3;
  await page.goto(`/rankings?period=custom&from=${year}-01-01&to=${year}-12-31`);
  await expect(page.getByRole("heading", { name: "赛马排名" })).toBeVisible();
  await expect(page.getByText("浦阳镇村社民情双访“赛马”").first()).toBeVisible();
  const idle = await readRanking(page);
  // The five villages of the demo; another spec may have added a unit under 浦阳镇 (admin.spec
  // creates a test village), which, having done nothing, must share first place at 0 as well.
  expect(idle.map((r) => r.name)).toEqual(expect.arrayContaining(PUYANG_VILLAGES));
  for (const r of idle) {
    expect(r.rank, r.name).toBe(1);
    expect(r.score, r.name).toBe(0);
  }
  // Nothing solved: 无数据 for days to solve, not full marks.
  await expect(page.getByRole("table", { name: "得分构成" }).getByText("无数据").first()).toBeVisible();
  await expect(page.getByText("总分按有数据的指标加权平均", { exact: false }).first()).toBeVisible();

  // This year, with the demo's records: totals within 0–100, sorted, ties sharing a rank, and a
  // village whose every figure is 0 or 无数据 scoring 0 (or 无数据) below every village that scored.
  await page.goto("/rankings?period=year");
  const rows = await readRanking(page);
  expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(PUYANG_VILLAGES));
  const scored = rows.filter((r) => r.score !== null);
  scored.forEach((r, i) => {
    expect(r.score!).toBeGreaterThanOrEqual(0);
    expect(r.score!).toBeLessThanOrEqual(100);
    if (i > 0) {
      const prev = scored[i - 1]!;
      expect(prev.score!).toBeGreaterThanOrEqual(r.score!);
      expect(r.rank).toBe(prev.score === r.score ? prev.rank : i + 1);
    }
  });
  for (const r of rows.filter((x) => x.values.every((v) => v === "0" || v === "无数据"))) {
    expect([0, null]).toContain(r.score);
    for (const other of scored.filter((x) => (x.score ?? 0) > 0)) expect(r.rank === null || r.rank > other.rank!, `${r.name} vs ${other.name}`).toBe(true);
  }
  // Each village's households are scored against its own target of 400.
  await expect(page.getByRole("table", { name: "得分构成" }).getByText("目标 400 户").first()).toBeVisible();
});

test("an admin's scheme form: saved schemes load with default thresholds; a threshold is checked in zh-CN and saved", async ({ page }) => {
  await signInAs(page, "admin");
  // The seeded 浦阳镇 scheme predates thresholds: it opens, each threshold empty (the default).
  await page.goto("/rankings");
  await page.getByRole("link", { name: /浦阳镇村社民情双访“赛马”/ }).click();
  await expect(page.getByRole("link", { name: /浦阳镇村社民情双访“赛马”/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "编辑", exact: true }).click();
  await expect(page.getByRole("heading", { name: "编辑 · 浦阳镇村社民情双访“赛马”" })).toBeVisible();
  await expect(page.locator('[id="weights.0.threshold"]')).toHaveValue("");
  await expect(page.locator('[id="weights.0.threshold"]')).toHaveAttribute("placeholder", "默认 50 户");

  // A new, inactive scheme (so py.manager's list is unchanged): a rate's threshold above 100 %
  // is refused on the field, a sane one is saved and shown with the ranking.
  await page.goto("/rankings/configure");
  await page.getByLabel("方案名称").fill(`阈值 ${crypto.randomUUID().slice(0, 8)}`);
  await selectByText(page, "参赛单位的上级", "浦阳镇");
  await page.getByLabel("启用").uncheck();
  await selectByText(page, "指标", "农户覆盖率");
  const threshold = page.locator('[id="weights.0.threshold"]');
  await threshold.fill("多");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("请输入数字")).toBeVisible();
  await threshold.fill("120");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("比率的满分线不能超过 100%")).toBeVisible();
  await threshold.fill("80");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page).toHaveURL(/\/rankings\?scheme=/);
  await expect(page.getByText("农户覆盖率 × 1 · 越高越好 · 满分线 80%")).toBeVisible();
});
