// Where the tests' production build lives. `npm run demo` (and a plain `next build`) use Next's
// default `.next`; `npm test` builds into TEST_DIST_DIR and the Playwright servers start from
// it, so running the tests while the demo is up leaves the demo's chunks alone. next.config.js
// reads NEXT_DIST_DIR.
export const DEMO_DIST_DIR = ".next";
export const TEST_DIST_DIR = ".next-test";

/** The build folder the Playwright servers use: an explicit NEXT_DIST_DIR (a helper building into
 *  its own folder) wins, otherwise the tests' folder. Sets it in process.env so every server
 *  Playwright starts inherits it. */
export function testDistDir(): string {
  process.env.NEXT_DIST_DIR ||= TEST_DIST_DIR;
  return process.env.NEXT_DIST_DIR;
}
