// The main pages of each role, for the accessibility run (issue 13: "an axe run over every
// main page reports 0 serious or critical violations") on a desktop and on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** A page to visit: a path, or a list page and the first link on it to a detail page (a list
 *  of links: followed in turn, each on the page the one before opened). */
export type Stop = string | { name: string; from: string; link: string | string[] };

/** A station on the service-station landing (its heading links to its case list). */
const STATION = 'main h2 a[href^="/service-stations/"]';

/** Per sign-in (null: signed out), the pages that user works in. */
export const ROUNDS: { login: string | null; stops: Stop[] }[] = [
  { login: null, stops: ["/login", "/service", "/service/track"] },
  {
    login: "py.officer",
    stops: ["/", "/visits", "/visits/new", { name: "visit detail", from: "/visits", link: 'main a[href^="/visits/"]:not([href="/visits/new"])' }, "/problems", "/registers/households", "/registers/enterprises", "/campaigns", "/notifications", "/account/password", "/account/notifications"],
  },
  { login: "lz.officer", stops: ["/hotline", "/hotline/new", { name: "request detail", from: "/hotline", link: 'main a[href^="/hotline/"]:not([href="/hotline/new"]):not([href^="/hotline/reports"])' }] },
  { login: "py.manager", stops: ["/dashboard", "/rankings", { name: "campaign progress", from: "/campaigns", link: 'main a[href^="/campaigns/"]' }, "/problems"] },
  // The district manager: the 良渚 hotline's reports and its exports, the district's programmes.
  { login: "yh.manager", stops: ["/dashboard", "/hotline/reports", "/key-projects"] },
  { login: "admin", stops: ["/dashboard", "/admin/users", "/programmes", { name: "programme", from: "/programmes", link: 'main a[href^="/programmes/"]' }, "/admin/audit", "/admin/org-units", "/admin/calendar", "/admin/notifications"] },
  { login: "etdz.officer", stops: ["/talent", "/investment"] },
  // 湖滨商圈增值服务驿站: the 导办员's stations, a station's cases, the new-case form and a case
  // waiting for a round-table; the manager's progress, the catalogue and the bundles.
  {
    login: "hb.officer",
    stops: [
      "/service-stations",
      { name: "station's cases", from: "/service-stations", link: STATION },
      { name: "new case", from: "/service-stations", link: 'main a[href$="/cases/new"]' },
      { name: "case at a round-table", from: "/service-stations", link: ['main a[href$="?status=ROUND_TABLE"]', 'main a[href^="/service-stations/cases/"]'] },
    ],
  },
  {
    login: "hb.manager",
    stops: [
      { name: "station progress", from: "/service-stations", link: [STATION, 'main a[href$="/progress"]'] },
      { name: "station catalogue", from: "/service-stations", link: [STATION, 'main a[href$="/catalogue"]'] },
      { name: "station bundles", from: "/service-stations", link: [STATION, 'main a[href$="/bundles"]'] },
    ],
  },
];

/** Opens a stop and returns the path it ended on (detail pages are found on their list). */
export async function open(page: Page, stop: Stop): Promise<string> {
  if (typeof stop === "string") {
    await page.goto(stop);
    return stop;
  }
  await page.goto(stop.from);
  let href = stop.from;
  for (const link of [stop.link].flat()) {
    const next = await page.locator(link).first().getAttribute("href");
    expect(next, `a link to a ${stop.name} on ${href}`).toBeTruthy();
    href = next!;
    await page.goto(href);
  }
  return href;
}

/**
 * Runs axe (every rule, WCAG A/AA and best practice) on the page as it stands and fails the
 * test softly, so one run reports every page, for each serious or critical violation, naming
 * the rule and the elements.
 */
export async function expectNoSeriousViolations(page: Page, where: string) {
  await expect(page.locator("h1").first(), `${where} rendered`).toBeVisible();
  // Violations only: axe then skips building the node lists of passed and incomplete checks,
  // which nothing here reads (≈ 35% of each page's analysis; the accessibility specs are the
  // longest of the e2e run).
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")}`);
  expect.soft(serious, `serious or critical axe violations on ${where}`).toEqual([]);
}

/** The page is no wider than the screen (nothing makes the phone scroll sideways). */
export async function expectNoHorizontalOverflow(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect.soft(overflow, `horizontal overflow on ${where} (px)`).toBeLessThanOrEqual(0);
}
