// The PII key: required in production, validated always; AES-256-GCM round trip; keyed hash.
import { afterEach, describe, expect, it } from "vitest";
import { decryptPii, encryptPii, parseMasterKey, piiHash, resetPiiKeysForTests } from "@/lib/platform/privacy/crypto";

afterEach(() => resetPiiKeysForTests());

describe("PII_ENCRYPTION_KEY", () => {
  it("is required with APP_ENV=production, and must be 32 bytes", () => {
    expect(() => parseMasterKey({ APP_ENV: "production" })).toThrow(/PII_ENCRYPTION_KEY is required/);
    expect(() => parseMasterKey({ PII_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(parseMasterKey({ APP_ENV: "production", PII_ENCRYPTION_KEY: "ab".repeat(32) })).toHaveLength(32);
    expect(parseMasterKey({ PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toHaveLength(32);
    // Outside production a development key is derived.
    expect(parseMasterKey({})).toHaveLength(32);
  });

  it("encrypts with a fresh IV each time, decrypts, and detects tampering", () => {
    const a = encryptPii("11010519491231002X");
    const b = encryptPii("11010519491231002X");
    expect(a).not.toBe(b);
    expect(a).not.toContain("1949");
    expect(decryptPii(a)).toBe("11010519491231002X");
    const [v, iv, tag, ct] = a.split(".");
    const flipped = `${v}.${iv}.${tag}.${ct!.slice(0, -2)}${ct!.slice(-2) === "AA" ? "AB" : "AA"}`;
    expect(() => decryptPii(flipped)).toThrow();
    expect(piiHash("11010519491231002X")).toBe(piiHash("11010519491231002X"));
    expect(piiHash("11010519491231002X")).not.toBe(piiHash("440524188001010014"));
  });
});
