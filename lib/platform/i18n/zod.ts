// Zod's own messages in the user's language; custom messages in schemas are "@key" and are
// looked up in the "validation" namespace of messages/*.json (see translateFieldError).
//
// Limits are the exception: a bare "数值过大" / "内容过长" leaves the user guessing how large is
// allowed, so too_big / too_small and whole-number issues become "@key{…}" messages that
// carry the limit from the schema ("不能大于 100000", "最多 500 个字", "请输入整数"). Schemas
// should therefore write `.max(500)` without a message: an inline message would win over
// this map and lose the limit.
import type { z } from "zod";
// One locale module each, not `z.locales` (every language zod has, bundled into each form page).
import { en as enLocale, zhCN } from "zod/locales";
import type { Locale } from "./locales";
import { fieldMessage } from "./field-errors";

export { fieldMessage, translateFieldError } from "./field-errors";

const zh = zhCN().localeError;
const en = enLocale().localeError;

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
