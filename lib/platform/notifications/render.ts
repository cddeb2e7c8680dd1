// A notification as text for an external channel (a DingTalk work notice), in the reader's
// language, from the same message catalogue the notification centre renders (a titleKey is a
// key of the "notifications" namespace or a full path such as "hotline.notify.assigned", as in
// components/notifications/title.ts). A digest — repeats folded at the daily cap or held over
// quiet hours — says how many notices are waiting and of which kinds.
//
// The platform's own folders load here; the programme modules' texts come from the
// composition roots (instrumentation.ts, scripts/worker.ts), which call
// setNotificationMessages(messagesFor) — lib/platform cannot import the module registry.
import "server-only";
import { createTranslator } from "use-intl/core";
import { platformMessagesFor, type Messages } from "@/lib/platform/i18n/messages";
import { DEFAULT_LOCALE, TIME_ZONE, type Locale } from "@/lib/platform/i18n/locales";
import type { OutboundMessage } from "./channels";

type Catalogue = (locale: Locale) => Messages;
const globalForRender = globalThis as unknown as { __notificationMessages?: Catalogue };

/** Composition roots: the whole catalogue (platform and every module), lib/programmes/messages.ts messagesFor. */
export function setNotificationMessages(catalogue: Catalogue): void {
  globalForRender.__notificationMessages = catalogue;
}

type Loose = {
  has: (key: string) => boolean;
  (key: string, values?: Record<string, string | number>): string;
};

function translator(locale: Locale): Loose {
  const messages = (globalForRender.__notificationMessages ?? platformMessagesFor)(locale);
  // A key whose stored params no longer fit its text throws (onError rethrows) and falls back
  // to the generic title below, as the notification centre does.
  return createTranslator({
    locale,
    timeZone: TIME_ZONE,
    messages: messages as never,
    onError: (error) => {
      throw error;
    },
  }) as unknown as Loose;
}

export type RenderedMessage = {
  title: string;
  text: string;
  /** The label of a button opening the link ("查看详情"). */
  openLabel: string;
};

/** The message's title and body text in `locale` (zh-CN unless the reader chose otherwise). */
export async function renderMessage(message: OutboundMessage, locale: Locale = DEFAULT_LOCALE): Promise<RenderedMessage> {
  const t = translator(locale);
  const text = (key: string, values?: Record<string, string | number>) => t(`notifications.external.${key}`, values);

  if (message.kind === "digest") {
    const count = Number(message.params.count ?? message.count);
    const title = text("digestTitle", { count });
    const kinds = String(message.params.kinds ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => (t.has(`notifications.kinds.${k}`) ? t(`notifications.kinds.${k}`) : null))
      .filter((label): label is string => label !== null);
    const unique = [...new Set(kinds)];
    const body = unique.length > 0 ? text("digestKinds", { kinds: new Intl.ListFormat(locale, { type: "unit" }).format(unique) }) : text("digestBody");
    return { title, text: `${title}\n\n${body}`, openLabel: text("open") };
  }

  let title: string;
  try {
    const key = message.template ?? "";
    if (key && t.has(`notifications.${key}`)) title = t(`notifications.${key}`, message.params);
    else if (key && t.has(key)) title = t(key, message.params);
    else title = t("notifications.unknownTitle");
  } catch {
    title = t("notifications.unknownTitle");
  }
  const repeated = message.count > 1 ? text("repeated", { count: message.count }) : "";
  return { title, text: `${title}${repeated}`, openLabel: text("open") };
}
