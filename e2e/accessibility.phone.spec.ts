// Issue 13 on a phone (Pixel 7): every main page, for each role, has no serious or critical
// axe violation and does not scroll sideways (the talent page did, by 4 px).
import { signInAs, test } from "./sessions";
import { expectNoHorizontalOverflow, expectNoSeriousViolations, open, ROUNDS } from "./a11y";

// The rounds are independent (they only read): spread over the workers, so the longest file of
// the run does not finish alone on one of them.
test.describe.configure({ mode: "parallel" });

for (const { login, stops } of ROUNDS) {
  test(`on a phone the pages of ${login ?? "a signed-out visitor"} fit the screen and axe finds nothing serious`, async ({ page }) => {
    test.setTimeout(240_000);
    if (login) await signInAs(page, login);
    for (const stop of stops) {
      const path = await open(page, stop);
      const where = `${path} (${login ?? "signed out"})`;
      await expectNoSeriousViolations(page, where);
      await expectNoHorizontalOverflow(page, where);
    }
  });
}
