// Issue 13: every main page, for each role, has no serious or critical axe violation.
import { signInAs, test } from "./sessions";
import { expectNoSeriousViolations, open, ROUNDS } from "./a11y";

// The rounds are independent (they only read): spread over the workers, so the longest file of
// the run does not finish alone on one of them.
test.describe.configure({ mode: "parallel" });

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
