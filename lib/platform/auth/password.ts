// Password hashing (argon2id) and the password policy. The policy is configurable through
// PASSWORD_MIN_LENGTH; the schema is shared by forms and actions.
import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable with isolatedModules)
  memoryCost: 19_456, // OWASP's argon2id minimum: 19 MiB, 2 iterations
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user is unknown or locked, so those answers take as long as a
// wrong password and timing does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
}

// No 0/O/1/l/I: temporary passwords are read out over the phone.
const TEMP_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function generateTemporaryPassword(length = 12): string {
  let out = "";
  for (let i = 0; i < length; i++) out += TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)];
  return out;
}
