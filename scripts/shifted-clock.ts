// The suite at other dates: libfaketime (Debian's `faketime`) moves the clock of a whole
// process tree — Node, Vitest's workers and the embedded PostgreSQL they start — so the app,
// the seed and the database all live at the chosen instant and the clock runs on from there.
// Used by `npm test` (after the normal run) and by `npm run test:dates`.
//
// The instants are derived from today, never written down, so the suite keeps proving the
// same thing every year:
//   - "far":      10:00 Shanghai on 15 February of next year (a working day after 春节 in most
//                 years; months past every seeded period of this year);
//   - "new-year": the demo template is seeded for 23:59:50 Shanghai on 31 December of this
//                 year (TEST_DEMO_ANCHOR) and the clock starts at 00:00 on 1 January, so every
//                 test runs in the new year against last year's data — always, however fast
//                 the machine seeds (a clock started at 23:59:50 would cross midnight inside
//                 some test on a fast machine and outside it on a slow one).
//                 the last day of the year and the tests then run on 1 January.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findOrInstall } from "./system-packages";

export type ShiftedRun = { name: string; label: string; at: Date; files: string[]; seedAnchor?: Date };


/** The Shanghai calendar year of an instant (UTC+8 all year). */
function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

/**
 * The test files that touch dates, clocks, periods, quotas, calendars or schedules. Both
 * shifted runs are limited to them: the others (sign-in, imports, search, scoping sweeps …)
 * read no date rule, and running them twice more added five minutes of CI, not proof.
 * Unit tests are all included (they are quick and hold the rules themselves).
 */
export const DATE_SENSITIVE_FILES = [
  "tests/unit",
  "tests/integration/calendar.test.ts",
  "tests/integration/campaigns.test.ts",
  "tests/integration/dashboards.test.ts",
  "tests/integration/dashboards-rollups.test.ts",
  "tests/integration/dashboard-totals.test.ts",
  "tests/integration/hotline.test.ts",
  "tests/integration/hotline-public.test.ts",
  "tests/integration/investment.test.ts",
  "tests/integration/jobs.test.ts",
  "tests/integration/key-projects.test.ts",
  "tests/integration/manager-reports.test.ts",
  "tests/integration/mentorship.test.ts",
  "tests/integration/mentorship-visits.test.ts",
  "tests/integration/new-year.test.ts",
  "tests/integration/officer-home.test.ts",
  "tests/integration/points.test.ts",
  "tests/integration/points-reports.test.ts",
  "tests/integration/problem-due-dates.test.ts",
  "tests/integration/programmes.test.ts",
  "tests/integration/rankings.test.ts",
  "tests/integration/rate-limit.test.ts",
  "tests/integration/seed.test.ts",
  "tests/integration/services-figures.test.ts",
  "tests/integration/service-stations-demo.test.ts",
  "tests/integration/showcase.test.ts",
  "tests/integration/talent.test.ts",
  "tests/integration/visits.test.ts",
  "tests/integration/xlsx-exports.test.ts",
];

export function shiftedRuns(today = new Date()): ShiftedRun[] {
  const y = shanghaiYear(today);
  return [
    { name: "far", label: `15 Feb ${y + 1} 10:00 Shanghai`, at: new Date(Date.UTC(y + 1, 1, 15, 2, 0, 0)), files: DATE_SENSITIVE_FILES },
    {
      name: "new-year", label: `1 Jan ${y + 1} 00:00 Shanghai, demo seeded 31 Dec ${y} 23:59:50`,
      at: new Date(Date.UTC(y, 11, 31, 16, 0, 0)), seedAnchor: new Date(Date.UTC(y, 11, 31, 15, 59, 50)), files: DATE_SENSITIVE_FILES,
    },
  ];
}

/** Environment of a shifted Vitest run: its report, its own embedded cluster, the seed anchor. */
export function shiftedEnv(run: ShiftedRun): Record<string, string> {
  return {
    VITEST_JSON_REPORT: `test-results/vitest-${run.name}.json`,
    // Its own embedded cluster, so a shifted run never shares files with the normal one.
    TEST_PG_DIR: ".data/pg-test-shifted",
    TEST_PG_PORT: "54338",
    ...(run.seedAnchor ? { TEST_DEMO_ANCHOR: run.seedAnchor.toISOString() } : {}),
  };
}

/** Path of the faketime wrapper, or null. */
export function findFaketime(): string | null {
  for (const p of ["/usr/bin/faketime", "/usr/local/bin/faketime", "/opt/homebrew/bin/faketime"]) if (fs.existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v faketime"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** Installs Debian's faketime when we may (root or passwordless sudo, apt-get present). */
export function installFaketime(): string | null {
  return findOrInstall(findFaketime, ["faketime"], "faketime");
}

/** faketime's relative form: the clock of every process in the tree reads `at` now, and runs on. */
export function faketimeOffset(at: Date, realNow = Date.now()): string {
  const seconds = Math.round((at.getTime() - realNow) / 1000);
  return `${seconds >= 0 ? "+" : "-"}${Math.abs(seconds)}s`;
}

/** Command and environment for running `command args` with the clock starting at `at`. */
export function underFaketime(faketime: string, at: Date, command: string, args: string[]) {
  return {
    command: faketime,
    // An offset from the real clock ("+N s"), not "@stamp": with "@" every exec'd process (each
    // Vitest worker) starts again at the stamp while PostgreSQL's clock runs on from its own
    // start, and pg-boss ran a job due "in 3 s" by the worker's clock at once, as due by the
    // database's. FAKETIME_DONT_RESET would keep one clock too, but through shared memory on
    // every clock read: 50 concurrent redemptions took twice as long and hit the test timeout.
    args: ["-f", faketimeOffset(at), command, ...args],
    // TZ=UTC as before. The monotonic clock is left alone so that Node's timers and
    // PostgreSQL's timeouts keep their real durations.
    env: { TZ: "UTC", FAKETIME_DONT_FAKE_MONOTONIC: "1" },
  };
}

// `npm run test:dates [-- --at "YYYY-MM-DD HH:MM" [files…]]`: only the date-shifted runs, or
// the suite (or the named files) at one Shanghai wall-clock instant of your choosing.
const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const argv = process.argv.slice(2);
  const atIndex = argv.indexOf("--at");
  let runs = shiftedRuns();
  if (atIndex >= 0) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(argv[atIndex + 1] ?? "");
    const [, y, mo, d, h, mi, s] = (m ?? []).map(Number) as number[];
    const at = new Date(Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s || 0));
    // Refuse what does not exist (30 Feb, 25:00) instead of letting Date roll it over.
    const wall = new Date(at.getTime() + 8 * 3600_000);
    if (!m || wall.getUTCDate() !== d || wall.getUTCMonth() !== mo! - 1 || wall.getUTCHours() !== h) {
      console.error('--at takes a Shanghai wall-clock time that exists, e.g. --at "2032-02-29 10:00"');
      process.exit(2);
    }
    const files = argv.filter((_, i) => i !== atIndex && i !== atIndex + 1);
    runs = [{ name: "at", label: `${argv[atIndex + 1]} Shanghai`, at, files }];
  }
  const faketime = findFaketime() ?? installFaketime();
  if (!faketime) {
    console.error("libfaketime is missing — install it (Debian/Ubuntu: apt-get install faketime; macOS: brew install libfaketime)");
    process.exit(2);
  }
  let status = 0;
  for (const run of runs) {
    console.log(`\n━━ unit + integration at ${run.label}`);
    const cmd = underFaketime(faketime, run.at, "node_modules/.bin/vitest", ["run", ...run.files]);
    const r = spawnSync(cmd.command, cmd.args, {
      stdio: "inherit",
      env: { ...process.env, ...cmd.env, ...shiftedEnv(run) },
    });
    if (r.status !== 0) status = 1;
  }
  process.exit(status);
}
