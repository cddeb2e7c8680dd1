// The bench's bare page (app/(bench)/bench-floor, issue 17 goal 1) does not exist for users:
// without the switch only `npm run bench` sets (BENCH_FLOOR=1) it answers 404 even for a name
// whose statements are on disk, and with it it runs only files the bench wrote under
// bench/tmp/floor, by a name of [a-z0-9-] — never SQL or a path from the request.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import BenchFloorPage from "@/app/(bench)/bench-floor/[name]/page";
import BenchShellPage from "@/app/(app)/bench-shell/page";
import { elementText } from "../support/element-tree";
import { actAs } from "../support/fixtures";
import { resetRequest } from "../support/next-stubs";

const DIR = path.join(process.cwd(), "bench", "tmp", "floor");
const name = `test-${randomBytes(4).toString("hex")}`;
mkdirSync(DIR, { recursive: true });
writeFileSync(path.join(DIR, `${name}.json`), JSON.stringify({ statements: [{ query: "SELECT $1::text AS word, 2 AS n", params: ["floor-row"] }] }));

const open = (n: string) => BenchFloorPage({ params: Promise.resolve({ name: n }) });

afterEach(() => {
  delete process.env.BENCH_FLOOR;
  resetRequest();
});
afterAll(async () => {
  rmSync(path.join(DIR, `${name}.json`), { force: true });
  await (globalThis as { __benchFloorPool?: pg.Pool }).__benchFloorPool?.end();
});

describe("bench floor page", () => {
  it("answers 404 without BENCH_FLOOR=1, though the bench's file is there", async () => {
    await expect(open(name)).rejects.toThrow("NEXT_NOT_FOUND");
    process.env.BENCH_FLOOR = "true";
    await expect(open(name)).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("with the switch, answers 404 for a name outside [a-z0-9-] or with no file", async () => {
    process.env.BENCH_FLOOR = "1";
    for (const bad of [`../floor/${name}`, name.toUpperCase(), `${name}.json`, "", "no-such-row"]) {
      await expect(open(bad), bad).rejects.toThrow("NEXT_NOT_FOUND");
    }
  });

  it("with the switch, runs the named file's statements and renders their rows", async () => {
    process.env.BENCH_FLOOR = "1";
    const text = elementText(await open(name));
    expect(text).toContain("word");
    expect(text).toContain("floor-row");
  });
});

// Its second floor, the empty page inside the app shell: the same switch, and a signed-in user.
describe("bench shell page", () => {
  it("answers 404 without BENCH_FLOOR=1, even signed in", async () => {
    await actAs("py.officer");
    await expect(BenchShellPage()).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("with the switch, sends a signed-out request to sign in and renders its marker for a user", async () => {
    process.env.BENCH_FLOOR = "1";
    await expect(BenchShellPage()).rejects.toThrow("NEXT_REDIRECT");
    await actAs("py.officer");
    const page = await BenchShellPage();
    expect(page.props).toHaveProperty("data-bench-shell", "");
  });
});
