// The visit form on a phone, where officers fill it (issue 13 items 7, 9, 10):
// - the mentor is never preset (a visit made alone must not count as 帮带走访); one tap adds
//   the officer's own mentor and one tap takes it away again;
// - a refused submit puts focus on the first red field, scrolled into view, however far
//   above the button it is, and the save button stays reachable while scrolling;
// - pasted text is never cut: the field keeps all of it, a counter shows the limit, and the
//   submit is refused with a message naming it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { thisYear } from "./helpers";
import { signInAs } from "./sessions";

const CAMPAIGN = `${thisYear()}年浦阳镇“民情双访”`;
const HOUSEHOLD_KEY = "XJ-0003";

async function openForm(page: Page): Promise<Locator> {
  await signInAs(page, "py.officer");
  await page.goto("/visits/new");
  const form = page.getByRole("form", { name: "记录走访" });
  await expect(form.getByLabel("走访专项").locator("option:checked")).toHaveText(CAMPAIGN);
  return form;
}

async function pickHousehold(form: Locator) {
  await form.getByLabel("农户/居民户").fill(HOUSEHOLD_KEY);
  await form.getByRole("button", { name: new RegExp(`（${HOUSEHOLD_KEY}）`) }).click();
  await expect(form.getByRole("button", { name: "更换" })).toBeVisible();
}

test("a visit saved without touching the mentor has none; one tap sets the officer's mentor, one tap clears it", async ({ page }) => {
  const form = await openForm(page);
  const mentor = form.getByLabel("陪同导师");
  await expect(mentor.locator("option:checked")).toHaveText("无导师陪同");

  await form.getByRole("button", { name: "与导师 陈晓燕 同行" }).click();
  await expect(mentor.locator("option:checked")).toHaveText("陈晓燕");
  await form.getByRole("button", { name: /与导师 陈晓燕 同行（点此取消）/ }).click();
  await expect(mentor.locator("option:checked")).toHaveText("无导师陪同");

  await pickHousehold(form);
  await form.getByRole("button", { name: "保存走访" }).click();
  await expect(page).toHaveURL(/\/visits\/[^/?]+\?notice=created/);
  // The saved record: no mentor, so not a guided visit.
  await expect(page.getByRole("definition").filter({ hasText: /^无导师陪同$/ })).toBeVisible();
  await expect(page.getByText("导师陪同", { exact: true })).toHaveCount(0);
});

test("a refused submit focuses the first invalid field far above, in view; the save button stays reachable", async ({ page }) => {
  const form = await openForm(page);
  // A long form: three problems and three services below the (empty, required) household.
  for (let i = 1; i <= 3; i++) {
    await form.getByRole("button", { name: "添加问题" }).click();
    await form.getByLabel(`问题 ${i}`, { exact: true }).fill(`问题${i}`);
  }
  for (let i = 1; i <= 3; i++) {
    await form.getByRole("button", { name: "添加服务" }).click();
    await form.getByLabel(`服务内容 ${i}`, { exact: true }).fill(`服务${i}`);
  }
  const save = form.getByRole("button", { name: "保存走访" });
  // Mid-form, the save button is on screen (sticky at the bottom of the viewport).
  await form.getByLabel("问题 1", { exact: true }).scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();

  await form.getByLabel("备注", { exact: true }).scrollIntoViewIfNeeded();
  const place = form.getByLabel("农户/居民户");
  await expect(place).not.toBeInViewport();
  await save.click();
  await expect(page.getByText("请检查标红的字段。").first()).toBeAttached();
  await expect(place).toHaveAttribute("aria-invalid", "true");
  await expect(place).toBeFocused();
  await expect(place).toBeInViewport();
});

test("5,000 pasted characters stay in the field; the counter shows the limit and the submit names it", async ({ page }) => {
  const form = await openForm(page);
  await pickHousehold(form);
  const notes = form.getByLabel("备注", { exact: true });
  const text = "民".repeat(5000);
  await notes.fill(text);
  await expect(notes).toHaveValue(text);
  await expect(page.locator("#visit-notes-count")).toHaveText("5000/2000");

  await form.getByRole("button", { name: "保存走访" }).click();
  await expect(form.getByText("最多 2000 个字")).toBeVisible();
  await expect(notes).toBeFocused();
  // Nothing was cut, and nothing was saved.
  await expect(notes).toHaveValue(text);
  await expect(page).toHaveURL(/\/visits\/new/);
});

test("what an officer types before the page's JavaScript has run is kept, and saving waits until it has", async ({ page }) => {
  await signInAs(page, "py.officer");
  // A slow phone, made exact: the page's scripts arrive only when the test lets them.
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route((url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"), async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/visits/new", { waitUntil: "domcontentloaded" });
  const form = page.getByRole("form", { name: "记录走访" });
  const notes = form.getByLabel("备注", { exact: true });
  const save = form.getByRole("button", { name: "保存走访" });
  const typed = "院墙裂缝，已拍照，下周复查。";
  await notes.fill(typed);
  // Before hydration a tap on 保存 posted the page to itself, which came back empty
  // (components/forms/use-hydrated.ts).
  await expect(save).toBeDisabled();

  releaseScripts();
  await expect(save).toBeEnabled();
  await expect(notes).toHaveValue(typed);
  await expect(page.locator("#visit-notes-count")).toHaveText(`${typed.length}/2000`);
  await pickHousehold(form);
  await save.click();
  await expect(page).toHaveURL(/\/visits\/[^/?]+\?notice=created/);
  await expect(page.getByText(typed)).toBeVisible();
});
