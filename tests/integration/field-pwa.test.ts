// The installable field app's files (issue 16): the manifest, the service worker script and
// the proxy's treatment of them. A browser's view of the same (signed out, offline) is
// e2e/field-pwa.phone.spec.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import manifest from "@/app/manifest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("web manifest", () => {
  it("installs as 浙里专项通, standalone, in zh-CN, opening the officer's home in the header's colour", () => {
    const m = manifest();
    expect(m).toMatchObject({ name: "浙里专项通", short_name: "专项通", lang: "zh-CN", start_url: "/", scope: "/", display: "standalone" });
    const brand700 = /--color-brand-700:\s*(#[0-9a-f]{6})/i.exec(readFileSync(path.join(ROOT, "app/globals.css"), "utf8"))?.[1];
    expect(m.theme_color).toBe(brand700);
  });

  it("has 192 and 512 px icons, plain and maskable, that exist as PNG files", () => {
    const icons = manifest().icons ?? [];
    for (const purpose of ["any", "maskable"]) {
      expect(icons.filter((i) => i.purpose === purpose).map((i) => i.sizes).sort()).toEqual(["192x192", "512x512"]);
    }
    for (const icon of icons) {
      const png = readFileSync(path.join(ROOT, "public", icon.src));
      expect(png.subarray(1, 4).toString("latin1"), icon.src).toBe("PNG");
      // Width and height from the IHDR chunk.
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      expect(size, icon.src).toBe(icon.sizes);
    }
  });
});

describe("/sw.js", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "zj-sw-"));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("serves the build's worker signed out, as JavaScript that every update check asks for again", async () => {
    writeFileSync(path.join(dist, "sw.js"), "/* built worker */");
    const before = process.env.NEXT_DIST_DIR;
    process.env.NEXT_DIST_DIR = dist;
    try {
      const { GET } = await import("@/app/sw.js/route");
      const response = await GET();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await response.text()).toBe("/* built worker */");
    } finally {
      process.env.NEXT_DIST_DIR = before;
    }
  });
});

describe("proxy", () => {
  // Next matches the proxy with this pattern (path-to-regexp); as a plain regex it is the same.
  const source = readFileSync(path.join(ROOT, "proxy.ts"), "utf8");
  const matcher = new RegExp(`^${JSON.parse(/matcher: \[("(?:[^"\\]|\\.)*")\]/.exec(source)![1]!) as string}$`);
  const signedOutAllowed = new RegExp(/const SIGNED_OUT_ALLOWED = \/(.+)\/;/.exec(source)![1]!);

  it("leaves the worker, the manifest and the icons alone: no sign-in redirect, no page headers", () => {
    for (const p of ["/sw.js", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/maskable-512.png"]) expect(matcher.test(p), p).toBe(false);
    for (const p of ["/", "/visits/new", "/field", "/offline", "/login"]) expect(matcher.test(p), p).toBe(true);
  });

  it("lets a signed-out visitor open /offline (it holds no data), and nothing else new", () => {
    expect(signedOutAllowed.test("/offline")).toBe(true);
    for (const p of ["/", "/field", "/visits", "/offline-x"]) expect(signedOutAllowed.test(p), p).toBe(false);
  });
});
