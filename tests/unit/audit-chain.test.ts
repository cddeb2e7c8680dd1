import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson, GENESIS_HASH } from "@/lib/platform/audit/chain";

const row = {
  at: new Date("2026-11-23T10:00:00.000Z"), actorId: "u1", actorName: "李明", action: "orgUnit.rename", entityType: "OrgUnit",
  entityId: "ou1", orgUnitId: "ou1", outcome: "OK", data: { before: { name: "a" }, after: { name: "b" } }, requestId: "r1", ip: null,
};

describe("audit chain hashing", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }));
  });
  it("any change of content or predecessor changes the hash", () => {
    const h = auditHash(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...row, data: { before: { name: "a" }, after: { name: "c" } } })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...row, actorId: "u2" })).not.toBe(h);
    expect(auditHash("f".repeat(64), row)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...row })).toBe(h);
  });
});
