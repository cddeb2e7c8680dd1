import { describe, expect, it } from "vitest";
import { MESSAGE_SOURCES, messagesFor } from "@/lib/platform/i18n/messages";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("translations", () => {
  it("zh-CN and en have the same keys", () => {
    expect(keys(messagesFor("en")).sort()).toEqual(keys(messagesFor("zh-CN")).sort());
  });
  it("each module's file has the same namespaces in both languages", () => {
    for (const source of Object.keys(MESSAGE_SOURCES["zh-CN"])) {
      expect(Object.keys(MESSAGE_SOURCES.en[source]).sort(), source).toEqual(Object.keys(MESSAGE_SOURCES["zh-CN"][source]).sort());
    }
  });
  it("no two files define the same namespace", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const seen = new Map<string, string>();
      for (const [source, messages] of Object.entries(MESSAGE_SOURCES[locale])) {
        for (const ns of Object.keys(messages)) {
          expect(seen.get(ns), `${locale}: namespace "${ns}" in ${source} and ${seen.get(ns)}`).toBeUndefined();
          seen.set(ns, source);
        }
      }
    }
  });
  it("no empty message", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const messages = messagesFor(locale);
      for (const k of keys(messages)) {
        const value = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages);
        expect(value, `${locale}:${k}`).not.toBe("");
      }
    }
  });
});
