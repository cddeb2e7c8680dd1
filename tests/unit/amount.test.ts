// Investment amounts: 万元 and 亿元 typed by officers, stored in 万元, summed exactly.
import { describe, expect, it } from "vitest";
import {
  amountFormValues, centsToWan, formatAmount, formatWan, formatYi, parseAmount, sumWan, toWan, wanToCents,
} from "@/lib/platform/money";

describe("parsing what the officer typed", () => {
  it("converts 亿元 to 万元 exactly", () => {
    expect(toWan("2", "YI")).toBe("20000.00");
    expect(toWan("2.3", "YI")).toBe("23000.00");
    expect(toWan("0.000001", "YI")).toBe("0.01");
    expect(toWan("230", "YI")).toBe("2300000.00");
  });
  it("keeps 万元 as typed, with thousands separators and full-width digits", () => {
    expect(toWan("4,500", "WAN")).toBe("4500.00");
    expect(toWan("４５００", "WAN")).toBe("4500.00");
    expect(toWan("12.5", "WAN")).toBe("12.50");
    expect(toWan("0", "WAN")).toBe("0.00");
  });
  it("refuses what cannot be stored exactly or is not an amount", () => {
    expect(parseAmount("1.234", "WAN")).toBeNull(); // 0.001 万 = 10 元 is below the column's precision
    expect(parseAmount("1.0000001", "YI")).toBeNull();
    expect(parseAmount("-5", "WAN")).toBeNull();
    expect(parseAmount("abc", "WAN")).toBeNull();
    expect(parseAmount("", "YI")).toBeNull();
    expect(parseAmount("1e5", "WAN")).toBeNull();
    expect(parseAmount("99999999999999999", "YI")).toBeNull();
  });
  it("never goes through floating point (0.1 + 0.2 亿 is exactly 0.3 亿)", () => {
    const total = parseAmount("0.1", "YI")! + parseAmount("0.2", "YI")!;
    expect(centsToWan(total)).toBe("3000.00");
    expect(formatAmount(total)).toBe("3,000万元");
  });
});

describe("totals never mix units", () => {
  it("a 2亿元 lead and a 5000万元 lead total 2.5亿元 = 25000万元", () => {
    const a = toWan("2", "YI")!;
    const b = toWan("5000", "WAN")!;
    const total = sumWan([a, b]);
    expect(total).toBe("25000.00");
    expect(formatYi(total)).toBe("2.5亿元");
    expect(formatWan(total)).toBe("25,000万元");
    expect(formatAmount(total)).toBe("2.5亿元");
  });
  it("sums Decimal-like values and skips missing ones", () => {
    const decimal = (v: string) => ({ toFixed: () => v });
    expect(sumWan([decimal("100.10"), null, "0.90", undefined, decimal("23000.00")])).toBe("23101.00");
  });
  it("reads stored values with trailing zeros but not extra precision", () => {
    expect(wanToCents("25000")).toBe(2_500_000n);
    expect(wanToCents("1.500")).toBe(150n);
    expect(() => wanToCents("1.001")).toThrow();
  });
});

describe("formatting", () => {
  it("picks 亿元 from one 亿 up and 万元 below, without rounding", () => {
    expect(formatAmount("23000.00")).toBe("2.3亿元");
    expect(formatAmount("4500.00")).toBe("4,500万元");
    expect(formatAmount("2300000.00")).toBe("230亿元");
    expect(formatAmount("10000.01")).toBe("1.000001亿元");
    expect(formatAmount("9999.99")).toBe("9,999.99万元");
    expect(formatAmount("0")).toBe("0万元");
  });
  it("uses the labels it is given", () => {
    expect(formatAmount("23000", { wan: " ×10k CNY", yi: " ×100M CNY" })).toBe("2.3 ×100M CNY");
  });
  it("gives form values that round-trip", () => {
    for (const stored of ["23000.00", "4500.00", "12.50", "10000.01", "0.00"]) {
      const { amount, unit } = amountFormValues(stored);
      expect(toWan(amount, unit)).toBe(stored);
    }
    expect(amountFormValues("23000.00")).toEqual({ amount: "2.3", unit: "YI" });
    expect(amountFormValues("4500.00")).toEqual({ amount: "4500", unit: "WAN" });
  });
});
