import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("translations", () => {
  it("zh-CN and en have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("no empty message", () => {
    for (const [name, messages] of Object.entries({ zh, en })) {
      const flat = keys(messages);
      for (const k of flat) {
        const value = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages);
        expect(value, `${name}:${k}`).not.toBe("");
      }
    }
  });
});
