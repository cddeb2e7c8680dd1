// The officer's field app without signal (issue 16), on a phone:
// - three visits with two problems and a photo each, recorded offline, survive a reload while
//   offline and reach the server exactly once when the network returns; the manager's
//   progress moves by exactly that;
// - a sync cut off after the server answered its first item still ends with exactly three visits;
// - an item the server refuses stays in the outbox with the server's zh-CN message; fixed
//   through "修改", it syncs;
// - signing out with unsent items warns, and then leaves nothing of the officer on the device.
//
// Each test records into a visit campaign of its own (inserted as the seed would, under
// 浦阳镇, no participants: py.officer may record for it, and the seeded campaign stays the one
// preselected for the other specs), so its counts are its own whatever else runs beside it.
// Counts on the server are read from the e2e database, as e2e/manager-reports.phone.spec.ts does.
import pg from "pg";
import type { BrowserContext, Page, Route } from "@playwright/test";
import { addDays, fillIntakeByName, selectByText, shanghaiToday, signIn, unique } from "./helpers";
import { expect, test } from "./sessions";

// The service worker keeps the pages this spec opens offline (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

const connectionString = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/zjtrack_e2e`;
const VILLAGE = "谢家村";
const SYNC = "**/api/field/sync";

async function sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A visit campaign of the test's own, active from a month ago (the test process's clock). */
async function createCampaign(label: string): Promise<{ id: string; name: string }> {
  const name = `离线走访${label}${unique()}`;
  const id = `e2e-field-${unique()}`;
  const today = shanghaiToday();
  await sql(
    `INSERT INTO programme (id, type, name, "startDate", "endDate", "orgUnitId", status, "createdById", "updatedAt")
     SELECT $1, 'VISIT_CAMPAIGN', $2, $3::date, $4::date, o.id, 'ACTIVE', u.id, now()
     FROM org_unit o, app_user u WHERE o.code = 'XS-PY' AND u.username = 'admin'`,
    [id, name, addDays(today, -30), addDays(today, 60)],
  );
  return { id, name };
}

/** What the server holds for a campaign: visits, their problems and photos. */
async function serverCounts(programmeId: string) {
  const [row] = await sql<{ visits: number; problems: number; photos: number }>(
    `SELECT (SELECT count(*)::int FROM visit WHERE "programmeId" = $1) AS visits,
            (SELECT count(*)::int FROM problem p JOIN visit v ON v.id = p."visitId" WHERE v."programmeId" = $1) AS problems,
            (SELECT count(*)::int FROM visit_photo f JOIN visit v ON v.id = f."visitId" WHERE v."programmeId" = $1) AS photos`,
    [programmeId],
  );
  return row!;
}

/** Row counts of the device's IndexedDB "zj-field" (lib/field/local/db.ts) as the page sees it, and `unsent`: outbox items not yet accepted. */
async function deviceCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open("zj-field");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const out: Record<string, number> = {};
          if (!names.length) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(names, "readonly");
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          // Accepted items may stay a while (their server ids resolve later items' references).
          if (names.includes("outbox")) {
            const all = tx.objectStore("outbox").getAll();
            all.onsuccess = () => (out.unsent = (all.result as { state: string }[]).filter((i) => i.state !== "sent").length);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Online first: the service worker controls the page, the work set is on the device (/field
 * says when it was refreshed) and /field and the form (the visit form unless named) are kept
 * for offline use.
 */
async function readyForOffline(page: Page, form = { path: "/visits/new", name: "记录走访" }) {
  await page.goto("/field");
  await expect(page.getByText(/本机数据更新于/)).toBeVisible();
  // Registered after load; clientsClaim makes it this page's controller once active.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Navigations through the worker keep the pages (NetworkFirst into field-pages).
  await page.reload();
  await page.goto(form.path);
  await expect(page.getByRole("form", { name: form.name })).toBeVisible();
  const kept = () => page.evaluate(async (path) => {
    const cache = await caches.open("field-pages");
    return Boolean((await cache.match("/field")) && (await cache.match(path)));
  }, form.path);
  await expect.poll(kept).toBe(true);
}

/** A small JPEG drawn by the browser (a photo the compression step can decode). */
async function photo(page: Page): Promise<Buffer> {
  const data = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#2a6";
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = "#fff";
    g.fillRect(8, 8, 20, 20);
    return canvas.toDataURL("image/jpeg", 0.8).split(",")[1]!;
  });
  return Buffer.from(data, "base64");
}

type VisitSpec = { campaign: string; household: string; problems?: string[]; photo?: Buffer };

/** Fills the open visit form with one visit (campaign, household, problems, photo), not yet saved. */
async function fillVisit(page: Page, v: VisitSpec) {
  const form = page.getByRole("form", { name: "记录走访" });
  await selectByText(page, "走访专项", v.campaign);
  await form.getByLabel("农户/居民户").fill(v.household);
  await form.getByRole("button", { name: new RegExp(`（${v.household}）`) }).click();
  await expect(form.getByRole("button", { name: "更换" })).toBeVisible();
  for (const [i, title] of (v.problems ?? []).entries()) {
    await form.getByRole("button", { name: "添加问题" }).click();
    await form.getByLabel(`问题 ${i + 1}`, { exact: true }).fill(title);
  }
  if (v.photo) {
    await form.getByLabel("添加照片").setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: v.photo });
    // Compressed on the phone, then listed (with its delete button).
    await expect(form.getByRole("button", { name: "删除照片 1" })).toBeVisible();
  }
}

/** Records one visit on the open visit form; offline, it goes to the outbox and the form resets. */
async function recordVisit(page: Page, v: VisitSpec) {
  const form = page.getByRole("form", { name: "记录走访" });
  await fillVisit(page, v);
  await form.getByRole("button", { name: "保存走访" }).click();
  await expect(page.getByText("已保存在本机，联网后自动同步")).toBeVisible();
  // Reset for the next visit: the household is to be chosen again.
  await expect(form.getByRole("button", { name: "更换" })).toHaveCount(0);
}

/** The shell's "N 条待同步" link. */
const pending = (page: Page) => page.getByRole("link", { name: /\d+\s*条待同步/ });

/** Waits until nothing is left to send: the badge is gone and the device's outbox is empty. */
async function outboxEmptied(page: Page) {
  await expect(pending(page)).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(async () => (await deviceCounts(page)).unsent, { timeout: 60_000 }).toBe(0);
}

type VillageNumbers = { households: number; visits: number; raised: number };

/** The manager's progress of a campaign, 谢家村's card (the phone's by-unit list). */
async function villageNumbers(page: Page, programmeId: string): Promise<VillageNumbers> {
  await page.goto(`/campaigns/${programmeId}`);
  const card = page
    .getByRole("list", { name: "按单位" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${VILLAGE}`) }) });
  await expect(card).toHaveCount(1);
  const read = async (metric: string) => {
    const text = await card
      .locator("div")
      .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${metric}$`) }) })
      .getByRole("definition")
      .textContent();
    const n = /^\s*(\d+)/.exec(text ?? "");
    expect(n, `${metric} of ${VILLAGE}: "${text}"`).not.toBeNull();
    return Number(n![1]);
  };
  return { households: await read("走访农户"), visits: await read("走访次数"), raised: await read("收集问题") };
}

/**
 * Once armed, lets the next sync request reach the server, then loses its answer with the
 * network. Installed before the page loads: routing installed while the context is offline
 * never returned (the service worker's session).
 */
async function dropFirstAnswer(context: BrowserContext): Promise<{ arm: () => Promise<void> }> {
  let armed = false;
  let done!: () => void;
  const dropped = new Promise<void>((resolve) => (done = resolve));
  await context.route(SYNC, async (route: Route) => {
    if (!armed) return route.continue();
    armed = false;
    await route.fetch();
    await context.setOffline(true);
    await route.abort("internetdisconnected");
    done();
  });
  return {
    arm: async () => {
      armed = true;
      await context.setOffline(false);
      await dropped;
    },
  };
}

test.describe("offline visits", () => {
  test.use({ signedInAs: "py.officer" });

  test("three visits with two problems and a photo each, recorded offline, survive a reload and reach the server exactly once", async ({ page, context, pageAs }) => {
    test.setTimeout(150_000);
    const campaign = await createCampaign("甲");
    const manager = await pageAs("py.manager");
    const before = await villageNumbers(manager, campaign.id);

    await readyForOffline(page);
    const jpeg = await photo(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText("当前离线：记录会先保存在本机，联网后自动同步")).toBeVisible();
    const households = ["XJ-0011", "XJ-0012", "XJ-0013"];
    for (const [i, household] of households.entries()) {
      await recordVisit(page, { campaign: campaign.name, household, problems: [`离线问题${i}甲`, `离线问题${i}乙`], photo: jpeg });
    }
    await expect(pending(page)).toBeVisible();

    // The page and the outbox survive a reload without signal.
    await page.reload();
    await expect(page.getByRole("form", { name: "记录走访" })).toBeVisible();
    await page.goto("/field");
    await expect(page.getByRole("listitem").filter({ hasText: /走访 ·/ })).toHaveCount(3);
    await expect(pending(page)).toBeVisible();
    expect(await serverCounts(campaign.id)).toEqual({ visits: 0, problems: 0, photos: 0 });

    await context.setOffline(false);
    await outboxEmptied(page);
    expect(await serverCounts(campaign.id)).toEqual({ visits: 3, problems: 6, photos: 3 });
    expect(await villageNumbers(manager, campaign.id)).toEqual({
      households: before.households + 3, visits: before.visits + 3, raised: before.raised + 6,
    });
  });

  test("a sync cut off after the server answered its first item ends with exactly three visits", async ({ page, context }) => {
    test.setTimeout(120_000);
    const campaign = await createCampaign("乙");
    const cut = await dropFirstAnswer(context);
    await readyForOffline(page);
    await context.setOffline(true);
    await page.reload();
    for (const household of ["XJ-0014", "XJ-0015", "XJ-0016"]) await recordVisit(page, { campaign: campaign.name, household });

    await cut.arm();
    // The server wrote the first visit; the device never heard so, and keeps all three.
    expect((await serverCounts(campaign.id)).visits).toBe(1);
    await expect(pending(page)).toHaveText(/3\s*条待同步/);

    await context.setOffline(false);
    await outboxEmptied(page);
    expect((await serverCounts(campaign.id)).visits).toBe(3);
  });

  test("a visit the server refuses stays with its zh-CN message; fixed through 修改, it syncs", async ({ page, context }) => {
    test.setTimeout(120_000);
    const closing = await createCampaign("丙");
    const other = await createCampaign("丁");
    await readyForOffline(page);
    await context.setOffline(true);
    await page.reload();
    await recordVisit(page, { campaign: closing.name, household: "XJ-0017", problems: ["离线问题丙"] });
    // Meanwhile the campaign is closed on the server.
    await sql(`UPDATE programme SET status = 'CLOSED' WHERE id = $1`, [closing.id]);

    await page.goto("/field");
    await context.setOffline(false);
    const item = page.getByRole("listitem").filter({ hasText: /走访 ·/ });
    await expect(item).toContainText("需修改", { timeout: 60_000 });
    await expect(item).toContainText("该走访专项未启动或不在您的范围内");
    expect(await serverCounts(closing.id)).toEqual({ visits: 0, problems: 0, photos: 0 });

    await item.getByRole("link", { name: "修改" }).click();
    const form = page.getByRole("form", { name: "记录走访" });
    await expect(form.getByLabel("问题 1", { exact: true })).toHaveValue("离线问题丙");
    await expect(form.getByText("（XJ-0017）")).toBeVisible();
    await selectByText(page, "走访专项", other.name);
    await form.getByRole("button", { name: "保存走访" }).click();
    await outboxEmptied(page);
    expect(await serverCounts(other.id)).toEqual({ visits: 1, problems: 1, photos: 0 });
    expect((await serverCounts(closing.id)).visits).toBe(0);
  });
});

/** Makes the device's IndexedDB refuse photos (storage full): every put into "blobs" throws QuotaExceededError. */
async function refusePhotoStorage(page: Page) {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if (this.name === "blobs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
}

test.describe("photos the phone will not keep", () => {
  test.use({ signedInAs: "py.officer" });

  test("online, the visit's photo goes straight up; offline, the officer is told it was not kept", async ({ page, context }) => {
    test.setTimeout(120_000);
    const campaign = await createCampaign("己");
    await readyForOffline(page);
    await refusePhotoStorage(page);
    await page.reload();
    const jpeg = await photo(page);
    const form = page.getByRole("form", { name: "记录走访" });

    // Online: the visit is saved, and its photo, refused by the device, is uploaded directly.
    await fillVisit(page, { campaign: campaign.name, household: "XJ-0019", photo: jpeg });
    await form.getByRole("button", { name: "保存走访" }).click();
    await expect(page.getByText("走访已保存。")).toBeVisible();
    expect(await serverCounts(campaign.id)).toEqual({ visits: 1, problems: 0, photos: 1 });

    // Offline: the visit goes to the outbox, the photo cannot, and the form says so.
    await page.goto("/visits/new");
    await context.setOffline(true);
    await page.reload();
    await fillVisit(page, { campaign: campaign.name, household: "XJ-0020", photo: jpeg });
    await form.getByRole("button", { name: "保存走访" }).click();
    await expect(page.getByText("已保存在本机，联网后自动同步")).toBeVisible();
    await expect(page.getByText("有 1 张照片未能保存在本机（手机存储可能已满）。走访已保存，联网同步后请在走访详情页补传照片。")).toBeVisible();
    await context.setOffline(false);
    await outboxEmptied(page);
    expect(await serverCounts(campaign.id)).toEqual({ visits: 2, problems: 0, photos: 1 });
  });
});

test("signing out with an unsent visit warns, then leaves nothing of the officer on the device", async ({ page, context }) => {
  test.setTimeout(120_000);
  const campaign = await createCampaign("戊");
  // A session of the test's own: signing out ends it.
  await signIn(page, "py.officer");
  await readyForOffline(page);
  // The server never hears of it: every send is lost on the way.
  await context.route(SYNC, (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await page.reload();
  await recordVisit(page, { campaign: campaign.name, household: "XJ-0018" });
  await context.setOffline(false);
  await page.goto("/field");
  await expect(pending(page)).toBeVisible();
  const held = await deviceCounts(page);
  expect(held.unsent).toBe(1);
  expect(held.places).toBeGreaterThan(0);

  await page.getByRole("button", { name: "退出登录" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("还有 1 条记录未同步，退出后将从本机删除。");
  await dialog.getByRole("button", { name: "仍然退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Signed out: nothing refreshes the work set here, so what is left is what sign-out left.
  const left = await deviceCounts(page);
  expect(left.outbox ?? 0).toBe(0);
  expect(left.blobs ?? 0).toBe(0);
  expect(left.places ?? 0).toBe(0);
  expect(left.meta ?? 0).toBe(0);
  expect((await serverCounts(campaign.id)).visits).toBe(0);
});

test.describe("a hotline call taken without signal", () => {
  test.use({ signedInAs: "lz.officer" });

  test("gets its number and the caller's tracking code on the device once it syncs, and the code works for the caller", async ({ page, context }) => {
    test.setTimeout(120_000);
    await readyForOffline(page, { path: "/hotline/new", name: "登记企业诉求" });
    await context.setOffline(true);
    await page.reload();
    const description = `离线受理：厂区停电抢修进度${unique()}`;
    await fillIntakeByName(page, { enterprise: "杭州瓶窑离线测试有限公司", caller: "蒋先生", phone: "13857100021", category: "水电气保障", description });
    await page.getByRole("button", { name: "提交诉求" }).click();
    await expect(page.getByText("当前离线：已保存在本机，联网后自动提交。")).toBeVisible();

    // Stay on the page until it has synced: leaving mid-send aborts the request, and the resend
    // is answered with the id only (the code is stored hashed), so the receipt would be lost.
    await context.setOffline(false);
    await outboxEmptied(page);
    await page.goto("/field");
    const recent = page.getByRole("list", { name: "最近已同步" }).getByRole("listitem").filter({ hasText: "蒋先生" });
    await expect(recent).toHaveCount(1);
    const number = /编号 (\S+)/.exec((await recent.getByText(/^编号 /).textContent()) ?? "")?.[1];
    const code = /查询码 (\S+)（/.exec((await recent.getByText(/^查询码 /).textContent()) ?? "")?.[1];
    expect(number).toMatch(/^QQB/);
    expect(code).toBeTruthy();
    // The record it became, and the caller's view of it through the number and code.
    await recent.getByRole("link", { name: /^查看/ }).click();
    await expect(page.getByText(description)).toBeVisible();
    await page.goto(`/service/track?n=${encodeURIComponent(number!)}&c=${encodeURIComponent(code!)}`);
    await expect(page.getByText(description)).toBeVisible();
  });
});
