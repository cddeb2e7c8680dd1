import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ancestorIds, childPath, depthOf, isWithinSubtree, movedPath, pathIds } from "@/lib/platform/org/path";

describe("materialised org paths", () => {
  it("builds child paths from the parent's", () => {
    expect(childPath(null, "root")).toBe("/root/");
    expect(childPath("/root/", "street")).toBe("/root/street/");
  });
  it("knows ancestors and depth", () => {
    expect(pathIds("/a/b/c/")).toEqual(["a", "b", "c"]);
    expect(ancestorIds("/a/b/c/")).toEqual(["a", "b"]);
    expect(depthOf("/a/")).toBe(0);
    expect(depthOf("/a/b/c/")).toBe(2);
  });
  it("a unit is within its own subtree and its ancestors', never a sibling's", () => {
    expect(isWithinSubtree("/a/b/", "/a/b/")).toBe(true);
    expect(isWithinSubtree("/a/b/c/", "/a/")).toBe(true);
    expect(isWithinSubtree("/a/bc/", "/a/b/")).toBe(false);
    expect(isWithinSubtree("/a/", "/a/b/")).toBe(false);
  });
  it("refuses to move a unit under itself or its descendants", () => {
    expect(() => movedPath("/a/b/", "b", "/a/b/c/")).toThrow();
    expect(() => movedPath("/a/b/", "b", "/a/b/")).toThrow();
    expect(movedPath("/a/b/", "b", "/a/x/")).toBe("/a/x/b/");
  });
  it("every path built from ids is within each of its ancestors' subtrees (property)", () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 6 }), (ids) => {
        let path: string | null = null;
        const paths: string[] = [];
        for (const i of ids) {
          path = childPath(path, i);
          paths.push(path);
        }
        for (const ancestor of paths) expect(isWithinSubtree(path!, ancestor)).toBe(true);
        expect(depthOf(path!)).toBe(ids.length - 1);
      }),
    );
  });
});
