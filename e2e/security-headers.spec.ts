// Every main page, opened as a role that may see it, carries a nonce-based
// Content-Security-Policy with a fresh nonce per load, and the page still works under it (no
// CSP complaint in the console: Next's scripts, ECharts, next-intl on the client). Over plain
// HTTP no HSTS header is sent, whatever X-Forwarded-Proto a client claims.
import { expect, test, type Page } from "@playwright/test";
import { watchConsole } from "./helpers";
import { signInAs } from "./sessions";

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
  watchConsole(page);
  await expectFreshNonces(page, "/login");
  // next-intl on the client: the login form's labels come from useTranslations.
  await expect(page.getByLabel("用户名或手机号")).toBeVisible();
  await expectFreshNonces(page, "/service");
  await expectFreshNonces(page, "/service/track");
});

// One test per page: each opens it as a role that may (a stored session, ./sessions.ts).
const SIGNED_IN_PAGES = [
  { login: "py.officer", path: "/" },
  { login: "py.officer", path: "/visits" },
  { login: "py.officer", path: "/visits/new" },
  { login: "lz.officer", path: "/hotline" },
  { login: "py.officer", path: "/talent" },
  { login: "yh.manager", path: "/rankings" },
  { login: "admin", path: "/admin/users" },
  { login: "admin", path: "/admin/audit" },
];

for (const { login, path } of SIGNED_IN_PAGES) {
  test(`${path} (as ${login}) carries the policy`, async ({ page }) => {
    await signInAs(page, login);
    await expectFreshNonces(page, path);
  });
}

test("the dashboard carries the policy and its ECharts charts draw under it", async ({ page }) => {
  await signInAs(page, "yh.manager");
  await expectFreshNonces(page, "/dashboard");
  // ECharts draws only in an effect, after hydration: an SVG means the scripts ran.
  await expect(page.locator("[role=img] svg").first()).toBeVisible();
});

test("no HSTS over plain http, even when a client claims X-Forwarded-Proto: https", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-Proto": "https" });
  const response = await page.goto("/login");
  expect(response!.status()).toBe(200);
  expect(await response!.headerValue("strict-transport-security")).toBeNull();
  expect(await response!.headerValue("content-security-policy")).toContain("'strict-dynamic'");
});

// Route handlers are not run through the page proxy (proxy.ts `config`): a signed-out caller
// gets the handler's own 401 rather than a page redirect, and an oversized public POST is
// refused by the handler's byte cap (lib/platform/read.ts) on the real server, not first buffered
// whole by the proxy stage.
test("route handlers answer for themselves: 401 signed out, 413 for an oversized public body", async ({ request, baseURL }) => {
  const signedOut = await request.get("/api/exports/visits", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["content-security-policy"]).toBeUndefined();
  const oversized = await request.post("/service/submit", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: JSON.stringify({ description: "x".repeat(64 * 1024) }),
    maxRedirects: 0,
  });
  expect(oversized.status()).toBe(413);
});
