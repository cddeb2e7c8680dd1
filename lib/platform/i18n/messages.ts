// All UI messages of one locale. The shared namespaces live in messages/<locale>.json; each
// programme module keeps its own namespaces in messages/<module>/<locale>.json so modules
// can grow without editing one giant file. Namespaces must not collide (unit-tested).
import zhCN from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import auditZh from "@/messages/audit/zh-CN.json";
import auditEn from "@/messages/audit/en.json";
import dashboardsZh from "@/messages/dashboards/zh-CN.json";
import dashboardsEn from "@/messages/dashboards/en.json";
import hotlineZh from "@/messages/hotline/zh-CN.json";
import hotlineEn from "@/messages/hotline/en.json";
import investmentZh from "@/messages/investment/zh-CN.json";
import investmentEn from "@/messages/investment/en.json";
import mentorshipZh from "@/messages/mentorship/zh-CN.json";
import mentorshipEn from "@/messages/mentorship/en.json";
import newYearZh from "@/messages/newyear/zh-CN.json";
import newYearEn from "@/messages/newyear/en.json";
import platformZh from "@/messages/platform/zh-CN.json";
import platformEn from "@/messages/platform/en.json";
import talentZh from "@/messages/talent/zh-CN.json";
import talentEn from "@/messages/talent/en.json";
import type { Locale } from "@/lib/platform/i18n/locales";

type Messages = Record<string, unknown>;

/** Per locale: the shared file first, then each module's file. */
export const MESSAGE_SOURCES: Record<Locale, Record<string, Messages>> = {
  "zh-CN": {
    shared: zhCN,
    audit: auditZh,
    dashboards: dashboardsZh,
    hotline: hotlineZh,
    investment: investmentZh,
    mentorship: mentorshipZh,
    newyear: newYearZh,
    platform: platformZh,
    talent: talentZh,
  },
  en: {
    shared: en,
    audit: auditEn,
    dashboards: dashboardsEn,
    hotline: hotlineEn,
    investment: investmentEn,
    mentorship: mentorshipEn,
    newyear: newYearEn,
    platform: platformEn,
    talent: talentEn,
  },
};

const merged = new Map<Locale, Messages>();

/** The messages of `locale`, all namespaces merged (built once: the files are static). */
export function messagesFor(locale: Locale): Messages {
  let messages = merged.get(locale);
  if (!messages) {
    messages = Object.assign({}, ...Object.values(MESSAGE_SOURCES[locale])) as Messages;
    merged.set(locale, messages);
  }
  return messages;
}
