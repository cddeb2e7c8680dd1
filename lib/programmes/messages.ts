// The whole message catalogue: the platform's and shared modules' folders
// (lib/platform/i18n/messages.ts PLATFORM_MESSAGES) and every programme module's, taken from
// its descriptor through the registry, so a new module's texts load with its registry line.
// A composition root: the platform cannot import modules, so i18n/request.ts (and the tests
// that render texts) read the catalogue here.
import type { Locale } from "@/lib/platform/i18n/locales";
import { mergeMessages, PLATFORM_MESSAGES, type MessageFolders, type Messages } from "@/lib/platform/i18n/messages";
import { PROGRAMME_MODULES } from "./registry";

/** messages/<folder> of each programme module, by folder name. */
export const MODULE_MESSAGES: MessageFolders = Object.fromEntries(PROGRAMME_MODULES.map((m) => [m.folder, m.messages]));

const merged = new Map<Locale, Messages>();

/** The messages of `locale`, all namespaces merged (built once: the files are static). */
export function messagesFor(locale: Locale): Messages {
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeMessages(locale, PLATFORM_MESSAGES, MODULE_MESSAGES);
    merged.set(locale, messages);
  }
  return messages;
}
