// Renders a notification's title in the reader's language. `titleKey` is a key of the
// "notifications" namespace (messages/platform), or — so a module can keep its notification
// texts in its own message file — a full path such as "hotline.notify.assigned".
import { getTranslations } from "next-intl/server";

export async function notificationTitleRenderer(): Promise<(key: string, params: Record<string, string | number>) => string> {
  // Keys come from the database, so they are checked at run time (has) rather than typed.
  type Loose = { has: (key: string) => boolean; (key: string, values?: Record<string, string | number>): string };
  const t = (await getTranslations("notifications")) as unknown as Loose;
  const tAll = (await getTranslations()) as unknown as Loose;
  return (key, params) => {
    try {
      if (t.has(key)) return t(key, params);
      if (tAll.has(key)) return tAll(key, params);
    } catch {
      // A message whose placeholders the stored params do not fill: fall through.
    }
    return t("unknownTitle");
  };
}
