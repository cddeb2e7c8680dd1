// The installable field app (issue 16) on a phone: its files open signed out, and after one
// online visit the service worker answers without a network — a kept page with the offline
// banner, and /offline (not the browser's error page) for a page it never kept.
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./sessions";

// The service worker is what this spec tests (playwright.config.ts blocks it elsewhere).
test.use({ signedInAs: "py.officer", serviceWorkers: "allow" });

test("the manifest, the service worker and /offline answer signed out", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  const manifest = await anonymous.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  expect(await manifest.json()).toMatchObject({ name: "浙里专项通", start_url: "/", display: "standalone", lang: "zh-CN" });
  const worker = await anonymous.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
  const icon = await anonymous.get("/icons/icon-192.png");
  expect([icon.status(), icon.headers()["content-type"]]).toEqual([200, "image/png"]);
  const offline = await anonymous.get("/offline");
  expect(offline.status()).toBe(200);
  expect(await offline.text()).toContain("当前离线");
  await anonymous.dispose();
});

test("offline, the home page comes from the service worker with the banner; a page never kept shows /offline", async ({ page, context }) => {
  await page.goto("/");
  // Registered after load; clientsClaim makes it this page's controller once active.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // A navigation through the worker keeps the page (NetworkFirst into field-pages).
  await page.goto("/visits/new");
  await page.goto("/");
  const kept = () => page.evaluate(async () => Promise.all(["/", "/visits/new"].map(async (u) => Boolean(await (await caches.open("field-pages")).match(u)))));
  await expect.poll(kept).toEqual([true, true]);
  await expect(page.getByText("当前离线")).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  const banner = page.getByRole("status").filter({ hasText: "当前离线：记录会先保存在本机，联网后自动同步" });
  await expect(banner).toBeVisible();
  await expect(page.locator("main")).toBeVisible();

  // A client navigation: its RSC fetch fails offline, Next falls back to a full navigation, which
  // the worker answers with the kept page.
  await page.getByRole("link", { name: "记录走访" }).first().click();
  await expect(page).toHaveURL(/\/visits\/new$/);
  await expect(banner).toBeVisible();
  await expect(page.locator("form").first()).toBeVisible();

  await page.goto("/rankings");
  await expect(page.getByRole("heading", { name: "当前离线，此页面没有保存在本机" })).toBeVisible();
  await expect(page.getByRole("link", { name: "打开外勤离线" })).toHaveAttribute("href", "/field");
  await context.setOffline(false);
});
