import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from "@/lib/platform/i18n/locales";
import { messagesFor } from "@/lib/programmes/messages";

// No locale in the URL: officers share links, and a link must open the same page whatever
// language the reader chose. The choice lives in a cookie.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: messagesFor(locale),
  };
});
