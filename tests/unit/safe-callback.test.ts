// After sign-in the user is sent to the callbackUrl from the query string: only paths on this
// site pass, whatever spelling a browser would read as another host.
import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/platform/auth/safe-callback";

describe("safeCallback", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallback("/hotline/requests/abc?tab=events")).toBe("/hotline/requests/abc?tab=events");
    expect(safeCallback("/")).toBe("/");
  });

  it("refuses anything a browser would send to another host", () => {
    for (const url of ["https://evil.example/", "//evil.example", "/\\evil.example", "/\\/evil.example", "/\t/evil.example", "/\n/evil.example", "evil.example", "javascript:alert(1)"]) {
      expect(safeCallback(url), JSON.stringify(url)).toBe("/");
    }
  });

  it("never sends a signed-in user back to the sign-in page, and has a default", () => {
    expect(safeCallback("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallback(undefined)).toBe("/");
    expect(safeCallback("")).toBe("/");
  });
});
