// Two `next start` instances (A and B) on one database, with one `npm run worker`
// (playwright.twin.config.ts): what README promises for running several instances behind a
// load balancer. The browser alternates between the instances. Both listen on 127.0.0.1, and
// cookies belong to a host, not a port, so a session cookie set by A is sent to B too: B has
// to accept (or refuse) it on its own, from the shared database and the shared AUTH_SECRET.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { signIn, signOut, unique } from "../e2e/helpers";
import { DATABASE_URL, INSTANCE_A, INSTANCE_B } from "./servers";

const ENTERPRISE = "杭州良渚文旅发展有限公司";
// A 2×2 PNG: the upload checks the bytes, not the name.
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGM4oaGhUXGCAUIBACIeBQHssus+AAAAAElFTkSuQmCC", "base64");

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Logs a hotline call through `instance` (signed in as an operator); returns the request's id and number. */
async function logCall(page: Page, instance: string, detail: string) {
  await page.goto(`${instance}/hotline/new`);
  await expect(page).toHaveURL(`${instance}/hotline/new`);
  await page.getByPlaceholder("输入企业名称或统一社会信用代码").fill("杭州良渚文旅");
  await page.getByRole("button", { name: new RegExp(ENTERPRISE) }).click();
  await page.getByLabel("来电人姓名").fill("王经理");
  await page.getByLabel("联系电话").fill("13857109999");
  await page.getByRole("radio", { name: "检验检测" }).check({ force: true });
  await page.getByLabel("诉求内容").fill(detail);
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("intake-created")).toBeVisible();
  const number = (await page.getByTestId("created-number").textContent())!.replace(/^.*：/, "").trim();
  const open = page.getByRole("link", { name: "打开诉求" });
  const href = (await open.getAttribute("href"))!;
  expect(href).toMatch(/^\/hotline\/[^/?]+$/);
  await open.click();
  await expect(page).toHaveURL(`${instance}${href}`);
  await expect(page.getByTestId("request-number")).toHaveText(number);
  return { id: href.split("/").pop()!, number };
}

test("a session begun on instance A works on instance B, and a write through B is read on A", async ({ page }) => {
  await signIn(page, "lz.officer");
  expect(new URL(page.url()).origin).toBe(INSTANCE_A);

  const detail = `两实例测试：需要检测机构 ${unique()}`;
  const { id, number } = await logCall(page, INSTANCE_B, detail);
  const [row] = await query<{ number: string }>(`SELECT number FROM service_request WHERE id = $1`, [id]);
  expect(row?.number).toBe(number);

  await page.goto(`${INSTANCE_A}/hotline/${id}`);
  await expect(page.getByTestId("request-number")).toHaveText(number);
  await expect(page.getByText(detail)).toBeVisible();
});

test("a hotline clock's warning fires once, even when its job is delivered twice", async ({ page }) => {
  await signIn(page, "lz.officer");
  const { id } = await logCall(page, INSTANCE_B, `计时测试：需要检测机构 ${unique()}`);

  // The intake scheduled a warning timer for later today or a later day (lib/hotline/schedule.ts).
  // Make it due now, and add a second delivery of the same job, as a retry after a crash would.
  const [warning] = await query<{ id: string; stage: string }>(
    `SELECT id, data->>'stage' AS stage FROM pgboss.job
      WHERE name = 'hotline.clock' AND data->>'requestId' = $1 AND data->>'kind' = 'WARN'
      ORDER BY start_after LIMIT 1`,
    [id],
  );
  expect(warning, "the intake scheduled a warning timer").toBeDefined();
  await query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'hotline.clock' AND id = $1`, [warning!.id]);
  const [again] = await query<{ id: string }>(
    `INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, policy)
     SELECT name, data, retry_limit, retry_delay, retry_backoff, expire_in, policy FROM pgboss.job
      WHERE name = 'hotline.clock' AND id = $1
     RETURNING id`,
    [warning!.id],
  );

  // The worker (not a web instance: they run with JOBS_WORKERS=off) works both deliveries.
  await expect
    .poll(async () => (await query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = 'hotline.clock' AND id = ANY($1::uuid[]) ORDER BY id`, [[warning!.id, again!.id]])).map((r) => r.state), { timeout: 60_000 })
    .toEqual(["completed", "completed"]);

  const [counts] = await query<{ events: number; alerts: number; audits: number }>(
    `SELECT (SELECT count(*)::int FROM service_request_event WHERE "requestId" = $1 AND kind = 'warning') AS events,
            (SELECT count(*)::int FROM service_request_alert WHERE "requestId" = $1 AND kind = 'WARN') AS alerts,
            (SELECT count(*)::int FROM audit_log WHERE "entityId" = $1 AND action = 'request.warning') AS audits`,
    [id],
  );
  expect(counts).toEqual({ events: 1, alerts: 1, audits: 1 });
});

test("a visit photo uploaded through instance A is served by instance B, byte for byte", async ({ page }) => {
  await signIn(page, "py.officer");
  await page.goto(`${INSTANCE_A}/visits/new`);
  const form = page.getByRole("form", { name: "记录走访" });
  await expect(form.getByLabel("走访专项").locator("option:checked")).not.toHaveText("");
  await form.getByRole("radio", { name: "入户走访" }).check();
  await form.getByLabel("农户/居民户").fill("XJ-0005");
  await form.getByRole("button", { name: /（XJ-0005）/ }).click();
  await form.getByRole("button", { name: "保存走访" }).click();
  await expect(page).toHaveURL(new RegExp(`^${INSTANCE_A}/visits/[^/?]+\\?notice=created`));

  await page.getByLabel("添加照片").setInputFiles({ name: "household.png", mimeType: "image/png", buffer: PHOTO });
  await expect(page.getByText("household.png 已上传。")).toBeVisible();
  const src = await page.getByRole("img", { name: "走访照片 1" }).getAttribute("src");
  expect(src).toMatch(/^\/api\/visits\/[^/]+\/photos\/[^/]+$/);

  // The context's cookie (set by A) goes with the request to B.
  const served = await page.request.get(`${INSTANCE_B}${src}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(Buffer.compare(await served.body(), PHOTO)).toBe(0);
});

test("signing out on instance A ends the session on instance B", async ({ page, context }) => {
  await signIn(page, "py.officer");
  const session = await context.cookies();
  await page.goto(`${INSTANCE_B}/`);
  await expect(page).toHaveURL(`${INSTANCE_B}/`);

  await page.goto(`${INSTANCE_A}/`);
  await signOut(page);
  // Present the cookie from before the sign-out again, as a copied or stolen cookie would be.
  await context.clearCookies();
  await context.addCookies(session);
  await page.goto(`${INSTANCE_B}/`);
  await expect(page).toHaveURL(new RegExp(`^${INSTANCE_B}/login`));
});
