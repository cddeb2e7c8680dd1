// Zod's own messages in the user's language; custom messages in schemas are "@key" and are
// looked up in the "validation" namespace of messages/*.json (see translateFieldError).
//
// Limits are the exception: a bare "数值过大" / "内容过长" leaves the user guessing how large is
// allowed, so too_big / too_small and whole-number issues become "@key{…}" messages that
// carry the limit from the schema ("不能大于 100000", "最多 500 个字", "请输入整数"). Schemas
// should therefore write `.max(500)` without a message: an inline message would win over
// this map and lose the limit.
import { z } from "zod";
import type { Locale } from "./locales";
import { PASSWORD_MIN_LENGTH } from "@/lib/platform/auth/policy";

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type Params = Record<string, string>;

/** "@key" plus the values it interpolates, in the one string a zod issue can carry. */
export function fieldMessage(key: string, params?: Params): string {
  return params ? `@${key}${JSON.stringify(params)}` : `@${key}`;
}

/** Numbers as written in the schema: no grouping, so "100000" reads like the typed value. */
const plain = (n: number | bigint) => String(n);

/** The "@key{…}" message for an issue whose text should name its limit, or undefined. */
function limitMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type" && (issue.expected === "int" || issue.expected === "bigint") && typeof issue.input === "number" && Number.isFinite(issue.input)) {
    return fieldMessage("wholeNumber");
  }
  if (issue.code === "too_big") {
    const max = plain(issue.maximum);
    const exclusive = issue.inclusive === false;
    switch (issue.origin) {
      case "number":
      case "int":
      case "bigint":
        return fieldMessage(exclusive ? "lessThan" : "maxNumber", { max });
      case "string":
        return fieldMessage("maxChars", { max });
      case "array":
      case "set":
        return fieldMessage("maxItems", { max });
    }
  }
  if (issue.code === "too_small") {
    const min = plain(issue.minimum);
    const exclusive = issue.inclusive === false;
    switch (issue.origin) {
      case "number":
      case "int":
      case "bigint":
        return fieldMessage(exclusive ? "greaterThan" : "minNumber", { min });
      case "string":
        // "at least 1 character" is how a schema says "required".
        return Number(issue.minimum) <= 1 ? fieldMessage("required") : fieldMessage("minChars", { min });
      case "array":
      case "set":
        return fieldMessage("minItems", { min });
    }
  }
  return undefined;
}

const maps = {
  "zh-CN": (issue: z.core.$ZodRawIssue) => limitMessage(issue) ?? zh(issue),
  en: (issue: z.core.$ZodRawIssue) => limitMessage(issue) ?? en(issue),
} satisfies Record<Locale, unknown>;

export function zodErrorMap(locale: Locale) {
  return locale === "en" ? maps.en : maps["zh-CN"];
}

/** Values that "validation" messages may interpolate. */
const VALIDATION_VALUES = { min: PASSWORD_MIN_LENGTH };

const KEYED = /^@([\w.]+)(\{.*\})?$/s;

export function translateFieldError(message: string, t: (key: string, values?: Record<string, string | number>) => string): string {
  if (!message.startsWith("@")) return message;
  const match = KEYED.exec(message);
  if (!match) return t(message.slice(1), VALIDATION_VALUES);
  let params: Params = {};
  try {
    if (match[2]) params = JSON.parse(match[2]) as Params;
  } catch {
    /* not ours: translate the key alone */
  }
  return t(match[1], { ...VALIDATION_VALUES, ...params });
}
