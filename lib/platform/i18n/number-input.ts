// A number field's "not a number" message that applies to that case only. Written as
// `z.coerce.number({ error: "@numberRequired" })`, the message also replaced every check
// without its own message (max, int…), so "2.5" and "999999" both read "请输入数字"; this
// leaves those to the error map (lib/platform/i18n/zod.ts), which names the limit.
import type { z } from "zod";

export const numberRequired = {
  error: (issue: z.core.$ZodRawIssue) => (issue.code === "invalid_type" && issue.expected === "number" ? "@numberRequired" : undefined),
};
