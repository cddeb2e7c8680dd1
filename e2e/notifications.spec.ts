// The notification centre and the working-calendar admin page, in the browser.
// Notifications are created the way modules create them — rows in the database — here written
// directly, since the events that cause them belong to other modules' journeys (hotline spec).
// With E2E_SCREENSHOTS=1 it saves desktop and phone screenshots to docs/screenshots/.
import path from "node:path";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { thisYear } from "./helpers";
import { signInAs } from "./sessions";
import { CN_CALENDARS } from "../lib/platform/calendar/holidays-cn";
import { provisionalHolidays } from "../lib/platform/calendar/provisional";

// The server seeded its demo for this year, with the State Council schedule holidays-cn.ts holds
// for it, or else the provisional statutory holidays; the admin's additions go into a year the
// seed never loads.
const Y = thisYear();
const EMPTY = Y + 3;
const schedule = CN_CALENDARS[Y] ?? provisionalHolidays(Y);

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? path.resolve("docs/screenshots") : null;
const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/zjtrack_e2e`;

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("notification centre: bell count, folded digest, open marks read, mark all read", async ({ page }) => {
  const [user] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'py.officer'`);
  await sql(`DELETE FROM notification WHERE "userId" = $1`, [user!.id]);
  const rows: [string, number, string | null, boolean, number][] = [
    [`诉求 QX-${Y}-0012 已交办给您：厂区门口道路积水`, 1, "/notifications?from=assigned", false, 5],
    [`诉求 QX-${Y}-0009 将在 30 分钟后超过回应时限`, 3, null, false, 30],
    ["您提交的问题“村道积水”已办结", 1, null, true, 240],
  ];
  for (const [text, count, link, read, minutesAgo] of rows) {
    await sql(
      `INSERT INTO notification (id, "userId", kind, "titleKey", params, link, count, "readAt", "createdAt", "lastAt", "digestKey")
       VALUES (gen_random_uuid()::text, $1, 'e2e', 'generic', $2::jsonb, $3, $4, $5, now() - make_interval(mins => $6), now() - make_interval(mins => $6), $7)`,
      [user!.id, JSON.stringify({ text }), link, count, read ? new Date() : null, minutesAgo, count > 1 ? "e2e-digest" : null],
    );
  }

  await signInAs(page, "py.officer");
  await page.goto("/");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("消息通知，2 条未读");
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "消息通知" })).toBeVisible();
  const list = page.getByTestId("notification-list");
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.locator("[data-unread=true]")).toHaveCount(2);
  await expect(list.getByText("×3")).toBeVisible();
  await shoot(page, "notifications");

  // Opening a notification marks it read and follows its link.
  await list.getByRole("link", { name: new RegExp(`QX-${Y}-0012`) }).click();
  await expect(page).toHaveURL(/from=assigned/);
  await expect(bell).toHaveAccessibleName("消息通知，1 条未读");

  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已将 1 条消息标为已读" })).toBeVisible();
  await expect(bell).toHaveAccessibleName("消息通知");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await page.getByRole("link", { name: "只看未读" }).click();
  await expect(page.getByText("没有未读消息。")).toBeVisible();

  // The workers started with the app: pg-boss created its schema in this database.
  const [boss] = await sql<{ ok: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
  expect(boss!.ok).toBe(true);
});

test("working calendar: an admin sees this year's schedule, adds a day and loads a list", async ({ page }) => {
  await sql(`DELETE FROM calendar_day WHERE date >= $1::date AND date < $2::date`, [`${EMPTY}-01-01`, `${EMPTY + 1}-01-01`]);
  await signInAs(page, "admin");
  await page.goto(`/admin/calendar?year=${Y}`);
  await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
  await expect(page.getByTestId("calendar-summary")).toHaveText(`${Y} 年：放假 ${schedule.filter((e) => e.kind === "HOLIDAY").length} 天，调休上班 ${schedule.filter((e) => e.kind === "WORKDAY").length} 天`);
  await shoot(page, "calendar");

  await page.goto(`/admin/calendar?year=${EMPTY}`);
  await expect(page.getByText(`${EMPTY} 年还没有登记节假日或调休。`)).toBeVisible();
  await page.getByLabel("日期").fill(`${EMPTY}-01-01`);
  await page.getByLabel("名称").fill("元旦");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(`已保存 ${EMPTY}-01-01`)).toBeVisible();
  await expect(page.getByRole("cell", { name: "元旦" })).toBeVisible();

  await page.getByLabel("节假日列表").fill(`${EMPTY}-02-10 班 春节调休\n${EMPTY}-02-12 休 春节\n${EMPTY}-02-31 休 坏行`);
  await expect(page.getByText("第 3 行无法识别")).toBeVisible();
  await page.getByLabel("节假日列表").fill(`${EMPTY}-02-10 班 春节调休\n${EMPTY}-02-12 休 春节`);
  await expect(page.getByText("可识别 2 天")).toBeVisible();
  await page.getByRole("button", { name: "录入" }).click();
  await expect(page.getByText("已录入：新增 2 天，更新 0 天")).toBeVisible();
  await expect(page.getByTestId("calendar-summary")).toHaveText(`${EMPTY} 年：放假 2 天，调休上班 1 天`);

  await page.getByRole("button", { name: `删除 ${EMPTY}-02-12` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
  await expect(page.getByTestId("calendar-summary")).toHaveText(`${EMPTY} 年：放假 1 天，调休上班 1 天`);
});
