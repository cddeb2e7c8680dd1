"use client";
// The client half of ClientMessages: use-intl's provider replaces the messages of the provider
// above it, so this one lays what its segment ships over what it inherits. Locale, time zone
// and formats come from the root provider (app/layout.tsx), inherited as they are.
import { useMemo, type ReactNode } from "react";
import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { mergeMessageTrees } from "@/lib/platform/i18n/client-messages";
import type { Messages } from "@/lib/platform/i18n/messages";

export function MergeMessages({ messages, children }: { messages: Messages; children: ReactNode }) {
  const inherited = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => mergeMessageTrees(inherited, messages), [inherited, messages]);
  return <NextIntlClientProvider locale={locale} messages={merged}>{children}</NextIntlClientProvider>;
}
