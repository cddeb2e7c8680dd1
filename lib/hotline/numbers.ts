// Confirmation numbers and tracking codes. The number (QQB20261123-0007) is what the caller
// writes down; it is guessable, so the status page also asks for the tracking code, a
// random secret of which only a hash is stored.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Tx } from "@/lib/platform/db/client";
import { nextSequence } from "@/lib/platform/db/sequence";
import { shanghaiDay } from "@/lib/platform/calendar/working-days";

export const NUMBER_PREFIX = "QQB";

/** The next number of the Shanghai day of `at`, from the database counter (never process memory). */
export async function nextConfirmationNumber(at: Date, tx: Tx): Promise<string> {
  const day = shanghaiDay(at).replaceAll("-", "");
  const name = `hotline:${NUMBER_PREFIX}${day}`;
  const value = await nextSequence(name, tx);
  return `${NUMBER_PREFIX}${day}-${String(value).padStart(4, "0")}`;
}

// No 0/O, 1/I/L: read out over the phone without confusion. 8 of 31 symbols ≈ 40 bits.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const TRACKING_CODE_LENGTH = 8;

export function newTrackingCode(): string {
  let code = "";
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normalizeTrackingCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export function hashTrackingCode(code: string): string {
  return createHash("sha256").update(`hotline-tracking:${normalizeTrackingCode(code)}`).digest("hex");
}

export function trackingCodeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashTrackingCode(code), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
