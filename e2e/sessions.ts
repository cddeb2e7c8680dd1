// Signed-in sessions for the specs without a trip through the sign-in form each time
// (issue 15): e2e/sessions.setup.ts signs each demo role in once per run, through the real
// form, and saves the context's cookies (a signed JWT with a per-session id) under the run's
// output folder in test-results/ (git-ignored). Specs then start as a role from that file:
//
//   test.use({ signedInAs: "py.officer" });          // the whole file as one role
//   await signInAs(page, "lz.qqb");                   // switch role within a test
//   const admin = await pageAs("admin");              // a second browser, another role
//
// A stored session is shared by every spec after the setup, so nothing may end it: sign-out
// revokes the session id for good (lib/account/actions.ts), so signOut() refuses on a shared
// session. Specs that test signing out, a new user's temporary password or a password change
// sign in through the form (signIn in ./helpers) and end only that session of their own.
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { watchConsole, sharedSessions, signIn } from "./helpers";

/** The demo accounts signed in once per run: the roles the specs open pages as repeatedly. */
export const ROLES = [
  "admin",
  "py.officer",
  "py.manager",
  "py.sh.officer",
  "lz.officer",
  "lz.qqb",
  "yh.manager",
  "yh.jxj",
  "yh.admin",
  "etdz.officer",
  "etdz.manager",
  "fst.manager",
  // 湖滨商圈增值服务驿站: the station's two 导办员 and the street's manager.
  "hb.officer",
  "hb.officer2",
  "hb.manager",
] as const;
export type Role = (typeof ROLES)[number];

const isRole = (login: string): login is Role => (ROLES as readonly string[]).includes(login);

/** Where the setup saved `login`'s session: per config (its output folder), so the twin run's
 *  server and secret never meet the main run's cookies. */
export function sessionFile(login: Role, testInfo: TestInfo = base.info()): string {
  return path.join(testInfo.project.outputDir, ".sessions", `${login}.json`);
}

type StoredState = { cookies: Parameters<BrowserContext["addCookies"]>[0] };

/**
 * The page's browser takes over the stored session of `login` (no form, nothing revoked); a
 * login that is not a stored demo role signs in through the form instead, in a session of its
 * own. Leaves the page on about:blank first: a request still in flight from the previous user's
 * page (a refresh after a status change) could otherwise set that user's cookie again after
 * the swap. Stays on about:blank: the spec opens the page it needs.
 */
export async function signInAs(page: Page, login: string) {
  watchConsole(page);
  const context = page.context();
  await page.goto("about:blank");
  await context.clearCookies();
  if (!isRole(login)) {
    sharedSessions.delete(context);
    await signIn(page, login);
    return;
  }
  const state = JSON.parse(fs.readFileSync(sessionFile(login), "utf8")) as StoredState;
  await context.addCookies(state.cookies);
  sharedSessions.add(context);
}

/** Forgets the page's session without ending it on the server (the shared one stays valid). */
export async function leaveSession(page: Page) {
  const context = page.context();
  await page.goto("about:blank");
  await context.clearCookies();
  sharedSessions.delete(context);
}

type Options = {
  /** The demo role the test's own page starts signed in as (null: signed out). */
  signedInAs: Role | null;
};
type Fixtures = {
  /** A page in a new browser context signed in as `login`, with the project's device settings. */
  pageAs: (login: Role) => Promise<Page>;
};

/** Playwright's `test`, with stored sessions, and every page watched for CSP violations.
 *  (Fixtures hand over their value with `provide`, Playwright's `use`, named so the React hooks
 *  lint rule does not take it for React's.) */
export const test = base.extend<Options & Fixtures>({
  signedInAs: [null, { option: true }],
  storageState: async ({ signedInAs, storageState }, provide, testInfo) => {
    await provide(signedInAs ? sessionFile(signedInAs, testInfo) : storageState);
  },
  context: async ({ context, signedInAs }, provide) => {
    if (signedInAs) sharedSessions.add(context);
    await provide(context);
  },
  page: async ({ page }, provide) => {
    watchConsole(page);
    await provide(page);
  },
  pageAs: async ({ browser }, provide, testInfo) => {
    const contexts: BrowserContext[] = [];
    await provide(async (login) => {
      const context = await browser.newContext({ ...testInfo.project.use, storageState: sessionFile(login, testInfo) });
      contexts.push(context);
      sharedSessions.add(context);
      const page = await context.newPage();
      watchConsole(page);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
