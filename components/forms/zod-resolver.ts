// A contract's form schema as react-hook-form's resolver, in zod's messages of the user's
// language. Its own module: useActionForm imports it when the page is idle, so zod is never
// part of a form page's first load (issue 16's budget).
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { Locale } from "@/lib/platform/i18n/locales";
import { zodErrorMap } from "@/lib/platform/i18n/zod";

export function contractResolver<TValues extends FieldValues>(schema: z.ZodType<unknown, TValues>, locale: Locale): Resolver<TValues> {
  // raw: submit what the user typed; the server action parses (and transforms) it again with
  // the same schema, so transformed output must not be sent.
  return zodResolver(schema, { error: zodErrorMap(locale) }, { raw: true }) as Resolver<TValues>;
}
