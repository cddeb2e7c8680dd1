// Investment amounts (投资额). Stored in 万元 as Decimal(18,2); officers type them in 万元 or
// 亿元. All arithmetic is exact integer arithmetic on hundredths of a 万元 (BigInt "cents",
// 1 cent = 100 元): 1 万元 = 100 cents and 1 亿元 = 1,000,000 cents, so 万元 with two decimals
// and 亿元 with six decimals are both whole numbers of cents. No floating point anywhere, and
// a total is always one figure in one unit — the unit is chosen only when it is displayed.
// Pure (no Prisma import): forms in the browser use it too.

export const AMOUNT_UNITS = ["WAN", "YI"] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Decimal places accepted per unit (both land on whole cents). */
export const AMOUNT_DECIMALS: Record<AmountUnit, number> = { WAN: 2, YI: 6 };
const CENTS_PER_WAN = 100n;
const CENTS_PER_YI = 1_000_000n;
/** Decimal(18,2) holds 16 integer digits of 万元; refuse anything near that. */
export const MAX_AMOUNT_CENTS = 10n ** 16n;

/** Anything the database hands back for a Decimal column (Prisma.Decimal has toFixed). */
export type DecimalLike = string | { toFixed(dp: number): string };

/**
 * What the officer typed ("2.3", "4,500", "１２") in `unit` → cents of 万元, or null when it
 * is not a non-negative number with at most the unit's decimals.
 */
export function parseAmount(text: string, unit: AmountUnit): bigint | null {
  const cleaned = text
    .trim()
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, "");
  const m = /^(\d{1,17})(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return null;
  const frac = m[2] ?? "";
  const places = AMOUNT_DECIMALS[unit];
  if (frac.length > places) return null;
  // int and frac digits read as one whole number of the smallest step (0.01 万 / 0.000001 亿),
  // and that step is one cent in both units.
  const cents = BigInt(m[1]! + frac.padEnd(places, "0"));
  if (cents > MAX_AMOUNT_CENTS) return null;
  return cents;
}

/** A stored 万元 value ("25000.00", Prisma.Decimal, "12.5") → cents. Throws on garbage. */
export function wanToCents(value: DecimalLike): bigint {
  const text = (typeof value === "string" ? value : value.toFixed(2)).trim();
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`not a 万元 amount: ${text}`);
  const frac = m[3] ?? "";
  if (/[1-9]/.test(frac.slice(2))) throw new Error(`more than two decimals of 万元: ${text}`);
  const cents = BigInt(m[2]! + frac.slice(0, 2).padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

/** Cents → the 万元 string a Decimal(18,2) column takes ("25000.00"). */
export function centsToWan(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / CENTS_PER_WAN;
  const frac = (abs % CENTS_PER_WAN).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

/** Typed amount + unit → the 万元 string to store, or null when invalid. */
export function toWan(text: string, unit: AmountUnit): string | null {
  const cents = parseAmount(text, unit);
  return cents === null ? null : centsToWan(cents);
}

/** The exact sum of 万元 values, in 万元. Never adds different units: every input is 万元. */
export function sumWan(values: Iterable<DecimalLike | null | undefined>): string {
  let total = 0n;
  for (const v of values) if (v !== null && v !== undefined) total += wanToCents(v);
  return centsToWan(total);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** cents / per, as "1,234.5" with at most `places` decimals and no trailing zeros. */
function scaled(cents: bigint, per: bigint, places: number): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = groupThousands((abs / per).toString());
  const frac = (abs % per).toString().padStart(places, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

export type AmountLabels = { wan: string; yi: string };
const ZH_LABELS: AmountLabels = { wan: "万元", yi: "亿元" };

/** Always in 万元: "4,500万元", "25,000万元". */
export function formatWan(value: DecimalLike | bigint, labels: AmountLabels = ZH_LABELS): string {
  const cents = typeof value === "bigint" ? value : wanToCents(value);
  return `${scaled(cents, CENTS_PER_WAN, 2)}${labels.wan}`;
}

/** Always in 亿元: "2.5亿元", "0.45亿元". */
export function formatYi(value: DecimalLike | bigint, labels: AmountLabels = ZH_LABELS): string {
  const cents = typeof value === "bigint" ? value : wanToCents(value);
  return `${scaled(cents, CENTS_PER_YI, 6)}${labels.yi}`;
}

/** The natural unit: 亿元 from 1亿 up ("2.3亿元", "230亿元"), 万元 below ("4,500万元"). Exact, never rounded. */
export function formatAmount(value: DecimalLike | bigint, labels: AmountLabels = ZH_LABELS): string {
  const cents = typeof value === "bigint" ? value : wanToCents(value);
  const abs = cents < 0n ? -cents : cents;
  return abs >= CENTS_PER_YI ? formatYi(cents, labels) : formatWan(cents, labels);
}

/** A stored 万元 value as form fields: whole 亿 amounts (or ≥ 1亿 with a short decimal) in 亿元, else 万元. */
export function amountFormValues(value: DecimalLike | null | undefined): { amount: string; unit: AmountUnit } {
  if (value === null || value === undefined) return { amount: "", unit: "WAN" };
  const cents = wanToCents(value);
  if (cents >= CENTS_PER_YI && cents % 100n === 0n) {
    return { amount: scaled(cents, CENTS_PER_YI, 6).replaceAll(",", ""), unit: "YI" };
  }
  return { amount: scaled(cents, CENTS_PER_WAN, 2).replaceAll(",", ""), unit: "WAN" };
}

/** Cents of one 亿元 / 万元, for callers converting targets kept in another unit. */
export const CENTS = { WAN: CENTS_PER_WAN, YI: CENTS_PER_YI } as const;
