// What the service worker may keep for offline use (lib/field/local/pages.ts, issue 16): officer
// pages only, and only what the server rendered for the signed-in officer.
import { describe, expect, it } from "vitest";
import { isKeepablePageResponse, isOfflinePagePath } from "@/lib/field/local/pages";

const response = (init: { status?: number; type?: ResponseType; redirected?: boolean; contentType?: string }) => ({
  status: init.status ?? 200,
  type: init.type ?? "basic",
  redirected: init.redirected ?? false,
  headers: new Headers({ "content-type": init.contentType ?? "text/html; charset=utf-8" }),
});

describe("offline page cache rules", () => {
  it("keeps the officer pages", () => {
    for (const path of ["/", "/visits", "/visits/new", "/field", "/problems", "/problems/abc", "/campaigns", "/campaigns/x/due", "/campaigns/x/events", "/hotline/new", "/registers/households/new", "/registers/enterprises/new"]) {
      expect(isOfflinePagePath(path), path).toBe(true);
    }
  });

  it("never keeps sign-in, the public hotline, route handlers, the offline page or the worker's files", () => {
    for (const path of ["/login", "/login/x", "/service", "/service/track", "/api/field/work-set", "/offline", "/sw.js", "/manifest.webmanifest", "/icons/icon-192.png", "/_next/static/chunks/a.js"]) {
      expect(isOfflinePagePath(path), path).toBe(false);
    }
  });

  it("keeps nothing else: pages that may show a full phone after an unmask, admin, audit and talent pages", () => {
    for (const path of ["/hotline", "/hotline/abc", "/registers/households", "/admin/users", "/admin/audit", "/talent", "/dashboard", "/rankings", "/visits/abc", "/visits/abc/edit", "/fieldx", "/problems/a/b"]) {
      expect(isOfflinePagePath(path), path).toBe(false);
    }
  });

  it("keeps a 200 HTML page, never a redirect, an error page or something else", () => {
    expect(isKeepablePageResponse(response({}))).toBe(true);
    expect(isKeepablePageResponse(response({ redirected: true }))).toBe(false);
    expect(isKeepablePageResponse(response({ status: 0, type: "opaqueredirect" }))).toBe(false);
    expect(isKeepablePageResponse(response({ status: 404 }))).toBe(false);
    expect(isKeepablePageResponse(response({ status: 500 }))).toBe(false);
    expect(isKeepablePageResponse(response({ contentType: "text/x-component" }))).toBe(false);
    expect(isKeepablePageResponse(response({ contentType: "application/json" }))).toBe(false);
  });
});
