import { expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "zj-demo-2026";

const watchedPages = new WeakSet<Page>();

/**
 * Fails the running test (softly, so it still runs to the end and reports everything) on any
 * console message or page error about the Content-Security-Policy (a script, style or image
 * the policy blocked means a page silently lost a feature) or about a text next-intl could not
 * find (MISSING_MESSAGE: a client component's namespace the page does not ship, decision 0020,
 * shows as a raw key). signIn() and the `test` of ./sessions.ts call it, so every spec that
 * signs in is watched.
 */
export function watchConsole(page: Page) {
  if (watchedPages.has(page)) return;
  watchedPages.add(page);
  const check = (text: string) => {
    expect.soft(text, "a Content-Security-Policy violation").not.toMatch(/Content[- ]Security[- ]Policy/i);
    expect.soft(text, "a message the page does not ship to the client").not.toMatch(/MISSING_MESSAGE/);
  };
  page.on("console", (message) => check(message.text()));
  page.on("pageerror", (error) => check(String(error)));
}

/**
 * Browser contexts holding a stored session (./sessions.ts) that later specs share: signing
 * out there would revoke it for all of them.
 */
export const sharedSessions = new WeakSet<BrowserContext>();

/**
 * Signs in through the sign-in form: a session of the page's own, which the spec may end. For
 * a demo role a spec only needs to be signed in as, use signInAs (./sessions.ts) instead.
 */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  watchConsole(page);
  const context = page.context();
  if (sharedSessions.has(context)) {
    // Dropped, not signed out: the stored session stays valid for the specs that share it.
    await page.goto("about:blank");
    await context.clearCookies();
    sharedSessions.delete(context);
  }
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(login);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  expect(sharedSessions.has(page.context()), "signing out would revoke a stored session other specs share: sign in through the form (signIn) first").toBe(false);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A suffix that keeps names unique across tests and reruns against the same database. */
export function unique(): string {
  return `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 100)}`;
}

/** Picks the <option> whose text contains `text` (org-unit options are indented). */
export async function selectByText(page: Page, label: string | RegExp, text: string) {
  const select = page.getByLabel(label);
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

// Dates for specs, from the test process's clock, never written as literal years: the server
// seeded its demo for the day it started (Shanghai), so "this year" here is the demo's year.
const shanghaiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Shanghai, "YYYY-MM-DD". */
export function shanghaiToday(): string {
  return shanghaiDate.format(new Date());
}

/** This year in Shanghai (the demo's programmes are this year's). */
export function thisYear(): number {
  return Number(shanghaiToday().slice(0, 4));
}

/** "YYYY-MM-DD" n days from a date. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A phone on a slow mobile connection (Chromium only): a server action's result arrives
 * before the page's re-rendered content, which streams in after it over the slow line. What a
 * page shows between the two is what a person acting quickly acts on.
 */
export async function slowNetwork(page: Page, kilobytesPerSecond = 16): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const bytes = kilobytesPerSecond * 1024;
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: bytes, uploadThroughput: bytes });
  /** Back to the normal connection (the checks after the steps need no slow line). */
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  };
}

/** Fills the hotline intake form (/hotline/new) for a caller whose enterprise is known by name only. */
export async function fillIntakeByName(page: Page, call: { enterprise: string; caller: string; phone: string; category: string; description: string }) {
  await page.getByRole("radio", { name: "只记企业名称" }).check({ force: true });
  await page.locator("#enterpriseName").fill(call.enterprise);
  await page.getByLabel("来电人姓名").fill(call.caller);
  await page.getByLabel("联系电话").fill(call.phone);
  await page.getByRole("radio", { name: call.category }).check({ force: true });
  await page.getByLabel("诉求内容").fill(call.description);
}
