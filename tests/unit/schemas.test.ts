import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createUserSchema, changeOwnPasswordSchema, updateUserSchema } from "@/lib/users/schemas";
import { createOrgUnitSchema, renameOrgUnitSchema } from "@/lib/platform/org/schemas";
import { createProgrammeSchema } from "@/lib/programmes/schemas";
import { parsePeriod } from "@/lib/programmes/period";


describe("user schemas", () => {
  const valid = { username: "li.ming", name: "李明", phone: "13800001111", role: "OFFICER", orgUnitId: "ou1" };
  it("accepts a valid user and normalises an empty phone to null", () => {
    expect(createUserSchema.parse(valid).phone).toBe("13800001111");
    expect(createUserSchema.parse({ ...valid, phone: "" }).phone).toBeNull();
  });
  it("rejects fields the server must decide (no mass assignment)", () => {
    for (const extra of [{ sessionVersion: 9 }, { passwordHash: "x" }, { active: false }, { mustChangePassword: false }]) {
      expect(createUserSchema.safeParse({ ...valid, ...extra }).success).toBe(false);
    }
  });
  it("rejects bad usernames, phones and roles", () => {
    expect(createUserSchema.safeParse({ ...valid, username: "a" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, username: "李明" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, phone: "12345" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, role: "ROOT" }).success).toBe(false);
  });
  it("password change requires matching, policy-abiding, new passwords", () => {
    const ok = { currentPassword: "old-pass-1", newPassword: "new-pass-2026", confirmPassword: "new-pass-2026" };
    expect(changeOwnPasswordSchema.safeParse(ok).success).toBe(true);
    expect(changeOwnPasswordSchema.safeParse({ ...ok, confirmPassword: "other-2026x" }).success).toBe(false);
    expect(changeOwnPasswordSchema.safeParse({ ...ok, newPassword: "short1", confirmPassword: "short1" }).success).toBe(false);
    expect(changeOwnPasswordSchema.safeParse({ ...ok, newPassword: "lettersonlyyy", confirmPassword: "lettersonlyyy" }).success).toBe(false);
    expect(changeOwnPasswordSchema.safeParse({ ...ok, newPassword: "old-pass-1", confirmPassword: "old-pass-1" }).success).toBe(false);
  });
});

describe("programme schema", () => {
  const base = {
    type: "VISIT_CAMPAIGN", name: "民情双访", description: "", startDate: "2026-03-01", endDate: "2026-12-31", orgUnitId: "ou1", participantIds: [],
    indicators: [{ code: "households_visited", name: "走访农户", unit: "户", targets: [{ orgUnitId: "ou1", period: "2026", value: "2000" }] }],
  };
  it("accepts a programme with a target and coerces the value", () => {
    const parsed = createProgrammeSchema.parse(base);
    expect(parsed.indicators[0]!.targets[0]!.value).toBe(2000);
  });
  it("rejects an end before the start, bad periods, repeated codes and targets", () => {
    expect(createProgrammeSchema.safeParse({ ...base, endDate: "2026-01-01" }).success).toBe(false);
    const withPeriod = (period: string) => ({ ...base, indicators: [{ ...base.indicators[0]!, targets: [{ orgUnitId: "ou1", period, value: 1 }] }] });
    expect(createProgrammeSchema.safeParse(withPeriod("2026-13")).success).toBe(false);
    expect(createProgrammeSchema.safeParse(withPeriod("2025")).success).toBe(false); // outside the programme
    expect(createProgrammeSchema.safeParse({ ...base, indicators: [base.indicators[0], base.indicators[0]] }).success).toBe(false);
    expect(createProgrammeSchema.safeParse({ ...base, status: "ACTIVE" }).success).toBe(false);
  });
  it("parses year, quarter and month periods", () => {
    expect(parsePeriod("2026")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect(parsePeriod("2026-Q1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriod("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(parsePeriod("2026-Q5")).toBeNull();
  });
});

describe("schemas never throw on arbitrary input (fuzz)", () => {
  const schemas = { createUserSchema, updateUserSchema, changeOwnPasswordSchema, createOrgUnitSchema, renameOrgUnitSchema, createProgrammeSchema };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}.safeParse returns a result for any JSON value`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), (value) => {
          const result = schema.safeParse(value);
          expect(typeof result.success).toBe("boolean");
        }),
        { numRuns: 300 },
      );
    });
  }
});
