// Every main page, opened as a role that may see it, carries a nonce-based
// Content-Security-Policy with a fresh nonce per load, and the page still works under it (no
// CSP complaint in the console: Next's scripts, ECharts, next-intl on the client). Over plain
// HTTP no HSTS header is sent, whatever X-Forwarded-Proto a client claims.
import { expect, test, type Page } from "@playwright/test";
import { failOnCspViolations, signIn } from "./helpers";

async function policyOf(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBe(200);
  // Not bounced to sign-in or the forbidden page: the role may see it.
  expect(new URL(page.url()).pathname, path).toBe(path);
  const headers = await response!.allHeaders();
  expect(headers["strict-transport-security"], `${path}: HSTS over plain http`).toBeUndefined();
  const csp = headers["content-security-policy"];
  expect(csp, `${path}: Content-Security-Policy`).toBeDefined();
  const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const script = directives.get("script-src") ?? [];
  const nonce = script.find((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v));
  expect(nonce, `${path}: script-src nonce`).toBeDefined();
  expect(script, path).toContain("'strict-dynamic'");
  expect(script, path).not.toContain("'unsafe-inline'");
  expect(script, path).not.toContain("'unsafe-eval'");
  expect(directives.get("object-src"), path).toEqual(["'none'"]);
  expect(directives.get("base-uri"), path).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
  // Next put the same nonce on its own scripts (else nothing would hydrate).
  const scriptNonce = await page.locator("script[src]").first().evaluate((s) => (s as HTMLScriptElement).nonce);
  expect(`'nonce-${scriptNonce}'`, `${path}: Next's scripts carry the nonce`).toBe(nonce);
  return nonce!;
}

async function expectFreshNonces(page: Page, path: string) {
  const first = await policyOf(page, path);
  const second = await policyOf(page, path);
  expect(second, `${path}: a new nonce per load`).not.toBe(first);
}

test("public pages: sign-in and the enterprises' hotline carry the policy and still work", async ({ page }) => {
  failOnCspViolations(page);
  await expectFreshNonces(page, "/login");
  // next-intl on the client: the login form's labels come from useTranslations.
  await expect(page.getByLabel("用户名或手机号")).toBeVisible();
  await expectFreshNonces(page, "/service");
  await expectFreshNonces(page, "/service/track");
});

test("officer pages carry the policy", async ({ page }) => {
  await signIn(page, "py.officer");
  for (const path of ["/", "/visits", "/visits/new", "/hotline", "/talent"]) await expectFreshNonces(page, path);
});

test("manager pages carry the policy and the dashboard's ECharts charts draw under it", async ({ page }) => {
  await signIn(page, "yh.manager");
  for (const path of ["/dashboard", "/rankings"]) await expectFreshNonces(page, path);
  // ECharts draws only in an effect, after hydration: an SVG means the scripts ran.
  await page.goto("/dashboard");
  await expect(page.locator("[role=img] svg").first()).toBeVisible();
});

test("admin pages carry the policy", async ({ page }) => {
  await signIn(page, "admin");
  for (const path of ["/admin/users", "/admin/audit"]) await expectFreshNonces(page, path);
});

test("no HSTS over plain http, even when a client claims X-Forwarded-Proto: https", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-Proto": "https" });
  const response = await page.goto("/login");
  expect(response!.status()).toBe(200);
  expect(await response!.headerValue("strict-transport-security")).toBeNull();
  expect(await response!.headerValue("content-security-policy")).toContain("'strict-dynamic'");
});
