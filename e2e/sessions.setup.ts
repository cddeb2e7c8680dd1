// Signs each demo role in once per run, through the real sign-in form (the app's own Auth.js
// flow, watched for CSP violations like every sign-in), and saves the browser's session for the
// specs (./sessions.ts). One test per role, spread over the workers.
import fs from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";
import { signIn } from "./helpers";
import { ROLES, sessionFile } from "./sessions";

test.describe.configure({ mode: "parallel" });

for (const login of ROLES) {
  test(`sign in ${login}`, async ({ page }, testInfo) => {
    await signIn(page, login);
    const file = sessionFile(login, testInfo);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
