import { describe, expect, it } from "vitest";
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, isValidCreditCode, makeCreditCode, normalizeCreditCode } from "@/lib/registers/credit-code";
import { creditCodeField, parseTags } from "@/lib/registers/schemas";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts the standard's worked example and other known-valid codes", () => {
    // The example printed in GB 32100-2015 and on countless sample licences.
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    expect(isValidCreditCode("91330106MA2GL2QQ9Y")).toBe(true);
  });

  it("computes the check character with weights 3^i mod 31", () => {
    // By hand for "91110000100000000": values 9,1,1,1,0,0,0,0,1,0…; weights 1,3,9,27,19,26,16,17,20…
    // Σ = 9 + 3 + 9 + 27 + 20 = 68; 68 mod 31 = 6; 31 − 6 = 25 → CREDIT_CODE_CHARSET[25] = "R".
    expect(creditCodeCheckChar("91110000100000000")).toBe("R");
    expect(isValidCreditCode("91110000100000000R")).toBe(true);
  });

  it("generates valid codes for seeds and tests", () => {
    for (const serial of [0, 1, 42, 7919, 123_456_789, 999_999_999]) {
      const code = makeCreditCode(serial);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
    expect(new Set([1, 2, 3, 4, 5].map((n) => makeCreditCode(n))).size).toBe(5);
  });

  it("rejects tampered codes, wrong length and letters outside the set", () => {
    const good = "91350100M000100Y43";
    for (let i = 0; i < 18; i++) {
      const current = CREDIT_CODE_CHARSET.indexOf(good[i]!);
      const replacement = CREDIT_CODE_CHARSET[(current + 1) % 31]!;
      expect(isValidCreditCode(good.slice(0, i) + replacement + good.slice(i + 1))).toBe(false);
    }
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y430")).toBe(false);
    expect(isValidCreditCode("91350100I000100Y43")).toBe(false); // I is not in the set
    expect(isValidCreditCode("91350100m000100y43")).toBe(false); // lower case is normalised by the field, not here
    expect(isValidCreditCode("")).toBe(false);
  });

  it("the zod field normalises spaces and case, and reports invalid codes", () => {
    expect(normalizeCreditCode(" 9135 0100m000100y43 ")).toBe("91350100M000100Y43");
    expect(creditCodeField.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    const bad = creditCodeField.safeParse("91350100M000100Y44");
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.message).toBe("@registers.creditCodeInvalid");
  });

  it("tags split on commas, 、 and spaces, de-duplicated", () => {
    expect(parseTags("困难家庭、新居民, 困难家庭，独居老人")).toEqual(["困难家庭", "新居民", "独居老人"]);
    expect(parseTags("  ")).toEqual([]);
  });
});
