// Field encryption for personal data kept in the database (ID numbers): AES-256-GCM with a
// random 96-bit IV per value, plus a keyed HMAC so duplicates are found without decrypting.
// Key: PII_ENCRYPTION_KEY (32 bytes, base64 or 64 hex characters). Outside production a
// fixed development key is derived when it is unset, so the seed, the tests and the demo
// server agree; with APP_ENV=production the app refuses to start without a real key.
// Not marked server-only: the demo seed (plain Node) encrypts with it too; node:crypto keeps it off the client.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const DEV_SEED = "zjtrack-development-only-pii-key (never used with APP_ENV=production)";

type Keys = { enc: Buffer; mac: Buffer };
let cached: Keys | null = null;

export function isProductionEnv(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.APP_ENV === "production";
}

/** Parses PII_ENCRYPTION_KEY; throws a clear message when it is malformed or missing in production. */
export function parseMasterKey(env: Readonly<Record<string, string | undefined>> = process.env): Buffer {
  const raw = env.PII_ENCRYPTION_KEY?.trim();
  if (!raw) {
    if (isProductionEnv(env)) {
      throw new Error("PII_ENCRYPTION_KEY is required when APP_ENV=production (32 random bytes, base64: openssl rand -base64 32)");
    }
    return Buffer.from(hkdfSync("sha256", DEV_SEED, "zjtrack", "pii-master", 32));
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("PII_ENCRYPTION_KEY must be 32 bytes (base64 or 64 hex characters)");
  return key;
}

function keys(): Keys {
  if (!cached) {
    const master = parseMasterKey();
    cached = {
      enc: Buffer.from(hkdfSync("sha256", master, "zjtrack-pii", "aes-256-gcm", 32)),
      mac: Buffer.from(hkdfSync("sha256", master, "zjtrack-pii", "hmac-sha256", 32)),
    };
  }
  return cached;
}

/** Validates the key configuration now (call at startup; throws on a bad or missing key). */
export function assertPiiKeyConfigured(): void {
  keys();
}

// Fail fast when a production server starts without a key (not while `next build` collects pages).
if (isProductionEnv() && process.env.NEXT_PHASE !== "phase-production-build") assertPiiKeyConfigured();

export function encryptPii(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys().enc, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function decryptPii(stored: string): string {
  const [version, iv, tag, ct] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error("unrecognised encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", keys().enc, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash for duplicate detection (the same value always gives the same hash). */
export function piiHash(normalized: string): string {
  return createHmac("sha256", keys().mac).update(normalized, "utf8").digest("hex");
}

/** For tests: forget the derived keys after changing the environment. */
export function resetPiiKeysForTests(): void {
  cached = null;
}
