// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
// 0-9 and A-Z without I, O, Z, S, V. Positions 1–17 carry the registration data; the 18th is
// a check character: C18 = 31 − (Σ value(Ci) × 3^(i−1) mod 31) mod 31, mapped back into the
// same 31-character set (31 → 0).

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters, or null if they use a character outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[check]!;
}

/** Upper-cases and strips spaces, as people type or paste codes. */
export function normalizeCreditCode(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function isValidCreditCode(value: string): boolean {
  if (!SHAPE.test(value)) return false;
  return creditCodeCheckChar(value.slice(0, 17)) === value[17];
}

/**
 * A valid code for demo data and tests: 9 (工商) 1 (企业), a six-digit area code, then a
 * nine-character body derived from `serial`, then the check character.
 */
export function makeCreditCode(serial: number, areaCode = "330110"): string {
  let body = "";
  let n = Math.abs(Math.trunc(serial));
  for (let i = 0; i < 9; i++) {
    body = CREDIT_CODE_CHARSET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${areaCode}${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}
