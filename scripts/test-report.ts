// Reading the test runners' JSON reports into one line per failed test, for the end of
// `npm test` (scripts/test.ts): CI shows the tail of a long run, so a failure must name itself
// there — which step, which file and line, which test, and the first line of its error.
import path from "node:path";

export type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numFailedTestSuites?: number;
  testResults?: { name?: string; status?: string; message?: string; assertionResults?: { fullName?: string; status?: string; failureMessages?: string[] }[] }[];
};

type PlaywrightSuite = {
  title?: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title?: string; file?: string; line?: number; tests?: { projectName?: string; status?: string; results?: { error?: { message?: string } }[] }[] }[];
};
export type PlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
};

/** The first non-empty line of an error, without terminal colours, at most 240 characters. */
export function firstLine(text: string | undefined): string {
  const lines = (text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n");
  return lines.map((l) => l.trim()).find(Boolean)?.slice(0, 240) ?? "";
}

export function vitestFailures(step: string, report: VitestReport, root: string): string[] {
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(root, file.name ?? "");
    const failedHere = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failedHere) out.push(`${step} › ${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    // A file that failed outside any test (an import or a hook) has no failed assertion.
    if (!failedHere.length && file.status === "failed") out.push(`${step} › ${where}: ${firstLine(file.message)}`);
  }
  return out;
}

export function playwrightFailures(step: string, report: PlaywrightReport): string[] {
  const out: string[] = [];
  // The top-level suites are the spec files (titled with their path); describe blocks inside
  // them add their titles to the test's name.
  const walk = (suites: PlaywrightSuite[], titles: string[] | undefined) => {
    for (const suite of suites) {
      const here = titles ? [...titles, suite.title ?? ""] : [];
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests ?? [])
          if (test.status === "unexpected") {
            const name = [...here, spec.title].filter(Boolean).join(" › ");
            const where = `${spec.file ?? suite.file ?? ""}:${spec.line ?? ""}`;
            out.push(`${step} › [${test.projectName}] ${where} › ${name}: ${firstLine(test.results?.at(-1)?.error?.message)}`);
          }
      walk(suite.suites ?? [], here);
    }
  };
  walk(report.suites ?? [], undefined);
  for (const e of report.errors ?? []) out.push(`${step}: ${firstLine(e.message)}`);
  return out;
}
