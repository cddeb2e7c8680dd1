import { describe, expect, it } from "vitest";
import { firstLine, playwrightFailures, vitestFailures } from "../../scripts/test-report";

// `npm test` ends with one line per failed test (scripts/test.ts): CI shows only the tail of
// its log, and a run that failed once there named no test at all.
describe("the failed-test lines at the end of npm test", () => {
  it("names each failed Playwright test with its project, file:line, describe titles and error", () => {
    const lines = playwrightFailures("end-to-end", {
      stats: { expected: 2, unexpected: 1 },
      suites: [
        {
          title: "field-offline.phone.spec.ts",
          file: "field-offline.phone.spec.ts",
          specs: [{ title: "passes", file: "field-offline.phone.spec.ts", line: 3, tests: [{ projectName: "phone", status: "expected", results: [] }] }],
          suites: [
            {
              title: "photos",
              file: "field-offline.phone.spec.ts",
              specs: [
                {
                  title: "the server holds the photo",
                  file: "field-offline.phone.spec.ts",
                  line: 42,
                  tests: [{ projectName: "phone", status: "unexpected", results: [{ error: { message: "\u001b[31mError: expect(locator).toHaveText(expected)\u001b[39m\n\nExpected: 1" } }] }],
                },
              ],
            },
          ],
        },
      ],
      errors: [{ message: "\n  Error: webServer exited early\n" }],
    });
    expect(lines).toEqual([
      "end-to-end › [phone] field-offline.phone.spec.ts:42 › photos › the server holds the photo: Error: expect(locator).toHaveText(expected)",
      "end-to-end: Error: webServer exited early",
    ]);
  });

  it("names each failed Vitest test, and a file that failed outside its tests", () => {
    const lines = vitestFailures(
      "unit + integration",
      {
        numFailedTests: 1,
        testResults: [
          { name: "/r/tests/a.test.ts", status: "failed", assertionResults: [{ fullName: "a works", status: "passed" }, { fullName: "a counts", status: "failed", failureMessages: ["AssertionError: expected 2 to be 3\n at …"] }] },
          { name: "/r/tests/b.test.ts", status: "failed", message: "Cannot find module 'x'", assertionResults: [] },
          { name: "/r/tests/c.test.ts", status: "passed", assertionResults: [{ fullName: "c", status: "passed" }] },
        ],
      },
      "/r",
    );
    expect(lines).toEqual(["unit + integration › tests/a.test.ts › a counts: AssertionError: expected 2 to be 3", "unit + integration › tests/b.test.ts: Cannot find module 'x'"]);
  });

  it("keeps the first non-empty line, without colours, at most 240 characters", () => {
    expect(firstLine(undefined)).toBe("");
    expect(firstLine(`\n\n  ${"x".repeat(300)}\nmore`)).toHaveLength(240);
  });
});
