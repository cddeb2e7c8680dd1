// GB 11643-1999 ID numbers: the ISO 7064 MOD 11-2 check character, table-driven.
import { describe, expect, it } from "vitest";
import { idCheckChar, idNumberFacts, idNumberProblem, isValidIdNumber, makeIdNumber, normalizeIdNumber } from "@/lib/talent/id-number";

describe("check character (ISO 7064 MOD 11-2)", () => {
  // The two published examples (GB 11643 annex / textbooks) and four more (the first checked by hand: weighted sum 226, 226 mod 11 = 6 → "6").
  it.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["33010619900307123", "6"],
    ["11010119900307701", "0"],
    ["11010119900307800", "5"],
    ["32010219800101005", "9"],
  ])("%s → %s", (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  it("every remainder maps to its character", () => {
    // Vary the last digit: ten first-17s give ten distinct remainders of the weighted sum.
    const seen = new Set<string>();
    for (let d = 0; d < 10; d++) seen.add(idCheckChar(`3301101990010100${d}`));
    expect(seen.size).toBe(10);
  });
});

describe("validation", () => {
  it.each([
    ["11010519491231002X", null],
    ["11010519491231002x", null],
    [" 440524 18800101 0014 ", null],
    ["110105194912310021", "checkDigit"],
    ["11010519491231002", "format"],
    ["1101051949123100211", "format"],
    ["01010519491231002X", "format"],
    ["1101051949123100AX", "format"],
    ["110105194902300020", "birthDate"],
    ["110105179912310020", "birthDate"],
    ["110105209912310020", "birthDate"],
  ])("%s → %s", (value, problem) => {
    expect(idNumberProblem(value, new Date("2026-11-23T00:00:00Z"))).toBe(problem);
  });

  it("normalises spaces and a lower-case x", () => {
    expect(normalizeIdNumber(" 11010519491231002x ")).toBe("11010519491231002X");
  });

  it("generated numbers are valid and carry birth date and gender", () => {
    for (let seq = 0; seq < 200; seq += 7) {
      const id = makeIdNumber("330110", "19900307", seq);
      expect(isValidIdNumber(id)).toBe(true);
      // Changing any digit breaks the check (single-digit errors are always caught).
      const broken = id.slice(0, 5) + ((Number(id[5]) + 1) % 10) + id.slice(6);
      expect(isValidIdNumber(broken)).toBe(false);
    }
    const facts = idNumberFacts(makeIdNumber("330110", "19900307", 123));
    expect(facts.birthDate.toISOString().slice(0, 10)).toBe("1990-03-07");
    expect(facts.gender).toBe("M");
    expect(idNumberFacts(makeIdNumber("330110", "19900307", 124)).gender).toBe("F");
  });
});
