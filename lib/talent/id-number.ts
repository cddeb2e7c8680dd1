// Resident ID numbers (居民身份证号码), GB 11643-1999: 6-digit region code, 8-digit birth
// date, 3-digit sequence (odd = male), and a check character by ISO 7064 MOD 11-2.
// Pure functions (no server-only): shared by forms, actions, the seed and tests.
import { now, shanghaiYmd } from "@/lib/platform/clock";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** Trims, removes inner spaces and upper-cases a trailing x. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("need 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberProblem = "format" | "birthDate" | "checkDigit";

/** Why an ID number is invalid, or null when it is valid. `today` bounds the birth date. */
export function idNumberProblem(value: string, today = now()): IdNumberProblem | null {
  const id = normalizeIdNumber(value);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return "format";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  // The birth date is a Shanghai calendar date: compare it with today's Shanghai date, not with
  // the instant (a baby born today would be "in the future" until 08:00 Shanghai).
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || id.slice(6, 14) > shanghaiYmd(today).replaceAll("-", "")) {
    return "birthDate";
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return "checkDigit";
  return null;
}

export function isValidIdNumber(value: string, today = now()): boolean {
  return idNumberProblem(value, today) === null;
}

/** Birth date (UTC midnight) and gender read from a valid ID number. */
export function idNumberFacts(value: string): { birthDate: Date; gender: "M" | "F" } {
  const id = normalizeIdNumber(value);
  return {
    birthDate: new Date(Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14)))),
    gender: Number(id[16]) % 2 === 1 ? "M" : "F",
  };
}

/** A valid ID number (for demo data and tests): region, birth date YYYYMMDD, sequence 0–999. */
export function makeIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
}
