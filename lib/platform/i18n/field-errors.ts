// Field messages as schemas write them ("@key" or "@key{…}" with the values to interpolate) and
// their translation from the "validation" namespace. Without zod: every form shows these, and
// the browser loads zod only when a form first validates (lib/platform/i18n/zod.ts, which
// re-exports them, maps zod's own issues to such messages).
import { PASSWORD_MIN_LENGTH } from "@/lib/platform/auth/policy";

type Params = Record<string, string>;

/** "@key" plus the values it interpolates, in the one string a zod issue can carry. */
export function fieldMessage(key: string, params?: Params): string {
  return params ? `@${key}${JSON.stringify(params)}` : `@${key}`;
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
