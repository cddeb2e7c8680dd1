// Issue 13 item 15: `npm test` used to build into the `.next` a running demo serves from, so
// running the tests beside the demo replaced its chunks (500s, dead forms). The tests' build and
// servers now use their own folder; the demo keeps `.next`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_DIST_DIR, TEST_DIST_DIR, testDistDir } from "@/scripts/dist-dir";

const root = path.resolve(import.meta.dirname, "../..");
const saved = process.env.NEXT_DIST_DIR;

async function configuredDistDir(value: string | undefined): Promise<string | undefined> {
  if (value === undefined) delete process.env.NEXT_DIST_DIR;
  else process.env.NEXT_DIST_DIR = value;
  vi.resetModules();
  // next.config.js is plain JS (checked with @ts-check); only its distDir matters here.
  const mod = (await import(/* @vite-ignore */ path.join(root, "next.config.js"))) as { default: { distDir?: string } };
  const config = mod.default;
  return config.distDir;
}

describe("build output folders", () => {
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = saved;
  });

  it("the tests' folder is not the demo's", () => {
    expect(TEST_DIST_DIR).not.toBe(DEMO_DIST_DIR);
  });

  it("next.config.js builds where NEXT_DIST_DIR says, and into .next by default", async () => {
    expect(await configuredDistDir(TEST_DIST_DIR)).toBe(TEST_DIST_DIR);
    expect(await configuredDistDir(undefined)).toBe(DEMO_DIST_DIR);
  });

  it("the Playwright servers start from the tests' folder unless one is named", () => {
    delete process.env.NEXT_DIST_DIR;
    expect(testDistDir()).toBe(TEST_DIST_DIR);
    expect(process.env.NEXT_DIST_DIR).toBe(TEST_DIST_DIR);
    process.env.NEXT_DIST_DIR = ".next-mine";
    expect(testDistDir()).toBe(".next-mine");
  });

  it("npm test builds into the tests' folder and the demo into its own", () => {
    // The runner scripts are entry points with side effects (they spawn the suite / the demo),
    // so their wiring is checked in their source rather than by running them.
    const testRunner = readFileSync(path.join(root, "scripts/test.ts"), "utf8");
    expect(testRunner).toMatch(/const env = \{[^}]*NEXT_DIST_DIR: TEST_DIST_DIR/);
    const demo = readFileSync(path.join(root, "scripts/demo.ts"), "utf8");
    expect(demo).toMatch(/NEXT_DIST_DIR: DEMO_DIST_DIR/);
    expect(demo).toMatch(/path\.join\(PROJECT_ROOT, DEMO_DIST_DIR, "BUILD_ID"\)/);
    const playwright = readFileSync(path.join(root, "playwright.config.ts"), "utf8");
    expect(playwright).toMatch(/^testDistDir\(\);/m);
  });
});
