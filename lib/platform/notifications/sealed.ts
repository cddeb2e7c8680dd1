// A message parameter that is a secret of its recipient (a hotline request's tracking code, of
// which the app otherwise keeps only a hash): sealed with the PII key before it goes into a
// NotificationDelivery row, opened by the channel just before sending. The row, the admin page
// and a database dump then show ciphertext, never the code.
import "server-only";
import { decryptPii, encryptPii } from "@/lib/platform/privacy/crypto";

const PREFIX = "sealed:";

export function sealParam(value: string): string {
  return PREFIX + encryptPii(value);
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The parameters as the recipient should read them (sealed values opened). */
export function unsealParams(params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isSealed(v) ? decryptPii(v.slice(PREFIX.length)) : v]));
}
