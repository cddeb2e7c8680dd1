// Issue 13: every main page, for each role, has no serious or critical axe violation.
import { signInAs, test } from "./sessions";
import { expectNoSeriousViolations, open, ROUNDS } from "./a11y";

for (const { login, stops } of ROUNDS) {
  test(`axe finds nothing serious on the pages of ${login ?? "a signed-out visitor"}`, async ({ page }) => {
    test.setTimeout(240_000);
    if (login) await signInAs(page, login);
    for (const stop of stops) {
      const path = await open(page, stop);
      await expectNoSeriousViolations(page, `${path} (${login ?? "signed out"})`);
    }
  });
}
