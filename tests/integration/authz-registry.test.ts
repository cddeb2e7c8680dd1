// The sweep is complete by construction: every export of every "use server" file and every
// method of every route handler has an entry in tests/support/action-registry.ts, and every
// entry names something that exists. A new action or route without a sweep entry fails here,
// naming it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRY } from "../support/action-registry";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

const moduleKey = (file: string) => file.replace(/\.(ts|tsx)$/, "");

/** Files whose first statement is "use server" (a directive only counts before any code). */
const serverActionFiles = ["lib", "app", "components"].flatMap(filesUnder).filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8")));
const routeFiles = filesUnder("app").filter((f) => /(^|\/)route\.ts$/.test(f));

async function exportsOf(file: string, pick: (name: string, value: unknown) => boolean): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  return Object.entries(mod).filter(([name, value]) => pick(name, value)).map(([name]) => `${moduleKey(file)}#${name}`);
}

describe("action and route registry", () => {
  it("finds the action and route files (the glob is not empty)", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(20);
    expect(routeFiles.length).toBeGreaterThanOrEqual(20);
  });

  it("lists every export of every \"use server\" file and every route handler method", async () => {
    const registered = new Set(REGISTRY.map((e) => e.key));
    const actionExports = (await Promise.all(serverActionFiles.map((f) => exportsOf(f, (_n, v) => typeof v === "function")))).flat();
    const routeExports = (await Promise.all(routeFiles.map((f) => exportsOf(f, (n) => HTTP_METHODS.includes(n))))).flat();
    const exported = [...actionExports, ...routeExports];
    expect(exported.length).toBeGreaterThan(100);
    expect(exported.filter((k) => !registered.has(k)), "exports without a sweep entry in tests/support/action-registry.ts").toEqual([]);
    expect(REGISTRY.map((e) => e.key).filter((k) => !exported.includes(k)), "registry entries naming nothing").toEqual([]);
  });

  it("every entry says how it is swept", () => {
    const keys = REGISTRY.map((e) => e.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i), "duplicate entries").toEqual([]);
    for (const e of REGISTRY) {
      if (e.kind === "self" || e.kind === "public") expect(e.reason?.length ?? 0, `${e.key}: the reason it has no foreign-id sweep`).toBeGreaterThan(20);
      else {
        expect(e.call, e.key).toBeTypeOf("function");
        expect(Boolean(e.owner) !== Boolean(e.roles), `${e.key}: an owning area or the roles allowed`).toBe(true);
      }
    }
  });
});
