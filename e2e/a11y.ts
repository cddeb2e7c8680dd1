// The main pages of each role, for the accessibility run (issue 13: "an axe run over every
// main page reports 0 serious or critical violations") on a desktop and on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** A page to visit: a path, or a list page and the first link on it to a detail page. */
export type Stop = string | { name: string; from: string; link: string };

/** Per sign-in (null: signed out), the pages that user works in. */
export const ROUNDS: { login: string | null; stops: Stop[] }[] = [
  { login: null, stops: ["/login", "/service", "/service/track"] },
  {
    login: "py.officer",
    stops: ["/", "/visits", "/visits/new", { name: "visit detail", from: "/visits", link: 'main a[href^="/visits/"]:not([href="/visits/new"])' }, "/problems", "/registers/households", "/registers/enterprises", "/campaigns", "/notifications", "/account/password"],
  },
  { login: "lz.officer", stops: ["/hotline", "/hotline/new", { name: "request detail", from: "/hotline", link: 'main a[href^="/hotline/"]:not([href="/hotline/new"]):not([href^="/hotline/reports"])' }] },
  { login: "py.manager", stops: ["/dashboard", "/rankings", { name: "campaign progress", from: "/campaigns", link: 'main a[href^="/campaigns/"]' }, "/problems"] },
  // The district manager: the 良渚 hotline's reports and its exports, the district's programmes.
  { login: "yh.manager", stops: ["/dashboard", "/hotline/reports", "/key-projects"] },
  { login: "admin", stops: ["/dashboard", "/admin/users", "/programmes", { name: "programme", from: "/programmes", link: 'main a[href^="/programmes/"]' }, "/admin/audit", "/admin/org-units", "/admin/calendar"] },
  { login: "etdz.officer", stops: ["/talent", "/investment"] },
];

/** Opens a stop and returns the path it ended on (detail pages are found on their list). */
export async function open(page: Page, stop: Stop): Promise<string> {
  if (typeof stop === "string") {
    await page.goto(stop);
    return stop;
  }
  await page.goto(stop.from);
  const href = await page.locator(stop.link).first().getAttribute("href");
  expect(href, `a link to a ${stop.name} on ${stop.from}`).toBeTruthy();
  await page.goto(href!);
  return href!;
}

/**
 * Runs axe (every rule, WCAG A/AA and best practice) on the page as it stands and fails the
 * test softly, so one run reports every page, for each serious or critical violation, naming
 * the rule and the elements.
 */
export async function expectNoSeriousViolations(page: Page, where: string) {
  await expect(page.locator("h1").first(), `${where} rendered`).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
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
