// The register import in a browser, end to end: a manager uploads a CSV with the template's
// headers, the preview names the bad row by row and column, confirming hands the file to the
// registers.import job (pg-boss, worked inside the Next server), the progress bar polls it to
// the end and the report counts what was written; the new household is then in the list.
import { expect, test } from "./sessions";
import { unique } from "./helpers";

test.use({ signedInAs: "py.manager" });

const HEADERS = ["户号", "户主姓名", "地址", "村/社区", "联系电话", "家庭人口", "标签"];

test("a 3-row CSV with one bad row: preview by row and column, the job runs to done, 2 created / 1 failed", async ({ page }) => {
  const u = unique();
  const csv = [
    HEADERS,
    [`E2E-IMP-${u}-1`, `导入甲${u}`, "浦阳镇谢家村1号", "谢家村", "", "3", ""],
    [`E2E-IMP-${u}-2`, "", "浦阳镇谢家村2号", "谢家村", "", "2", ""], // file row 3: no head of household
    [`E2E-IMP-${u}-3`, `导入丙${u}`, "浦阳镇谢家村3号", "谢家村", "", "4", ""],
  ].map((r) => r.join(",")).join("\n");

  await page.goto("/registers/households/import");
  await page.getByLabel("选择文件").setInputFiles({ name: "农户导入.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "上传并检查" }).click();

  const errors = page.getByRole("table", { name: "有误的行（不会导入）" });
  await expect(errors.getByRole("row").nth(1)).toHaveText(/^3\s*户主姓名\s*必填$/);
  await page.getByRole("button", { name: "确认导入 2 行" }).click();

  await expect(page.getByText("导入完成：新增 2 行，更新 0 行，跳过有误 1 行。")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");
  await expect(errors.getByRole("row").nth(1)).toHaveText(/^3\s*户主姓名\s*必填$/);

  await page.goto(`/registers/households?q=${encodeURIComponent(`导入丙${u}`)}`);
  // The list renders cards for phones and a table for desktops: the visible one holds the name.
  await expect(page.locator("main").getByText(`导入丙${u}`).filter({ visible: true }).first()).toBeVisible();
});
