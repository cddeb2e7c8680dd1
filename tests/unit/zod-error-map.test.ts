// The zod error map names the limit a value broke, in both languages, for every form: a bare
// "数值过大" left officers guessing (issue 13 item 16).
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { messagesFor } from "@/lib/programmes/messages";
import { translateFieldError, zodErrorMap } from "@/lib/platform/i18n/zod";
import type { Locale } from "@/lib/platform/i18n/locales";
import { createEventSchema } from "@/lib/events/schemas";

function messageOf(locale: Locale, schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value, { error: zodErrorMap(locale) });
  if (parsed.success) throw new Error("expected a refusal");
  const t = createTranslator({ locale, messages: messagesFor(locale) as never, namespace: "validation" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
  return translateFieldError(parsed.error.issues[0].message, t);
}

const cases: { name: string; schema: z.ZodType; value: unknown; zh: string; en: string }[] = [
  { name: "number too big", schema: z.coerce.number().int().max(100000), value: "100001", zh: "不能大于 100000", en: "Must be at most 100000" },
  { name: "number too small", schema: z.coerce.number().min(1), value: "0", zh: "不能小于 1", en: "Must be at least 1" },
  { name: "number not above an exclusive minimum", schema: z.number().gt(0), value: 0, zh: "须大于 0", en: "Must be greater than 0" },
  { name: "text too long", schema: z.string().trim().max(500), value: "字".repeat(501), zh: "最多 500 个字", en: "At most 500 characters" },
  { name: "text too short", schema: z.string().min(3), value: "ab", zh: "至少 3 个字", en: "At least 3 characters" },
  { name: "empty required text", schema: z.string().min(1), value: "", zh: "必填", en: "Required" },
  { name: "too many items", schema: z.array(z.string()).max(10), value: Array(11).fill("a"), zh: "最多 10 项", en: "At most 10 items" },
  { name: "a decimal for a whole number", schema: z.coerce.number().int().max(99), value: "2.5", zh: "请输入整数", en: "Enter a whole number" },
];

describe("zod error map", () => {
  for (const c of cases) {
    it(`${c.name}: names the limit in zh-CN and en`, () => {
      expect(messageOf("zh-CN", c.schema, c.value)).toBe(c.zh);
      expect(messageOf("en", c.schema, c.value)).toBe(c.en);
    });
  }

  it("reaches a real form schema: an event's headcount above its cap, and its notes too long", () => {
    const { participants, notes } = createEventSchema.shape;
    expect(messageOf("zh-CN", participants, "100001")).toBe("不能大于 100000");
    expect(messageOf("zh-CN", notes, "字".repeat(2001))).toBe("最多 2000 个字");
  });

  it("still translates plain @key messages and leaves other text alone", () => {
    expect(messageOf("zh-CN", z.string().min(1, "@required"), "")).toBe("必填");
    const t = (k: string) => `[${k}]`;
    expect(translateFieldError("已有同名单位", t)).toBe("已有同名单位");
  });
});
