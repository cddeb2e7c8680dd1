// All UI messages of one locale. Each folder messages/<folder>/<locale>.json is named after the
// lib folder that owns its namespaces (messages/platform ↔ lib/platform, messages/visits ↔
// lib/visits …), so a module's texts move with the module and no file grows into a shared
// catch-all. Namespace keys are global (useTranslations("visits")), so two folders must never
// define the same namespace: mergeMessages refuses it and tests/unit/i18n.test.ts checks it,
// together with "every folder under messages/ is loaded".
import platformZh from "@/messages/platform/zh-CN.json";
import platformEn from "@/messages/platform/en.json";
import usersZh from "@/messages/users/zh-CN.json";
import usersEn from "@/messages/users/en.json";
import accountZh from "@/messages/account/zh-CN.json";
import accountEn from "@/messages/account/en.json";
import auditZh from "@/messages/audit/zh-CN.json";
import auditEn from "@/messages/audit/en.json";
import programmesZh from "@/messages/programmes/zh-CN.json";
import programmesEn from "@/messages/programmes/en.json";
import registersZh from "@/messages/registers/zh-CN.json";
import registersEn from "@/messages/registers/en.json";
import problemsZh from "@/messages/problems/zh-CN.json";
import problemsEn from "@/messages/problems/en.json";
import dashboardsZh from "@/messages/dashboards/zh-CN.json";
import dashboardsEn from "@/messages/dashboards/en.json";
import rankingsZh from "@/messages/rankings/zh-CN.json";
import rankingsEn from "@/messages/rankings/en.json";
import newYearZh from "@/messages/new-year/zh-CN.json";
import newYearEn from "@/messages/new-year/en.json";
import fieldZh from "@/messages/field/zh-CN.json";
import fieldEn from "@/messages/field/en.json";
import type { Locale } from "@/lib/platform/i18n/locales";

/** One locale's namespaces: { namespace: { key: text | nested } }. */
export type Messages = Record<string, unknown>;
/** One messages/<folder>: its file for each locale (both must define the same namespaces). */
export type FolderMessages = Record<Locale, Messages>;
/** messages/<folder> by folder name. */
export type MessageFolders = Record<string, FolderMessages>;

/** The platform's folder and those of the shared modules that are not a programme kind. */
export const PLATFORM_MESSAGES: MessageFolders = {
  platform: { "zh-CN": platformZh, en: platformEn },
  users: { "zh-CN": usersZh, en: usersEn },
  account: { "zh-CN": accountZh, en: accountEn },
  audit: { "zh-CN": auditZh, en: auditEn },
  programmes: { "zh-CN": programmesZh, en: programmesEn },
  registers: { "zh-CN": registersZh, en: registersEn },
  problems: { "zh-CN": problemsZh, en: problemsEn },
  dashboards: { "zh-CN": dashboardsZh, en: dashboardsEn },
  rankings: { "zh-CN": rankingsZh, en: rankingsEn },
  "new-year": { "zh-CN": newYearZh, en: newYearEn },
  field: { "zh-CN": fieldZh, en: fieldEn },
};

/**
 * `locale`'s namespaces of every folder in `sources`, in one catalogue. A namespace defined by
 * two folders throws: silently letting one win would hide a module's texts behind another's.
 */
export function mergeMessages(locale: Locale, ...sources: MessageFolders[]): Messages {
  const merged: Messages = {};
  const owner = new Map<string, string>();
  for (const folders of sources) {
    for (const [folder, messages] of Object.entries(folders)) {
      for (const [namespace, value] of Object.entries(messages[locale])) {
        const previous = owner.get(namespace);
        if (previous !== undefined) throw new Error(`messages: namespace "${namespace}" is in messages/${previous} and messages/${folder}`);
        owner.set(namespace, folder);
        merged[namespace] = value;
      }
    }
  }
  return merged;
}

const merged = new Map<Locale, Messages>();

/**
 * The platform's and shared modules' namespaces of `locale` (built once: the files are static).
 * The whole catalogue, with every programme module's folder, is composed outside the platform
 * from the programme registry: lib/programmes/messages.ts messagesFor (i18n/request.ts).
 */
export function platformMessagesFor(locale: Locale): Messages {
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeMessages(locale, PLATFORM_MESSAGES);
    merged.set(locale, messages);
  }
  return messages;
}
