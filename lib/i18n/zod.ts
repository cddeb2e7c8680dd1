// Zod's own messages in the user's language; custom messages in schemas are "@key" and are
// looked up in the "validation" namespace of messages/*.json (see translateFieldError).
import { z } from "zod";
import type { Locale } from "./locales";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export function zodErrorMap(locale: Locale) {
  return locale === "en" ? en : zh;
}

/** Values that "validation" messages may interpolate. */
const VALIDATION_VALUES = { min: PASSWORD_MIN_LENGTH };

export function translateFieldError(message: string, t: (key: string, values?: Record<string, number>) => string): string {
  return message.startsWith("@") ? t(message.slice(1), VALIDATION_VALUES) : message;
}
