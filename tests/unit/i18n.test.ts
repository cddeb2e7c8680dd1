import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORM_MESSAGES, mergeMessages } from "@/lib/platform/i18n/messages";
import { MODULE_MESSAGES, messagesFor } from "@/lib/programmes/messages";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const FOLDERS = { ...PLATFORM_MESSAGES, ...MODULE_MESSAGES };
const MESSAGES_DIR = path.join(process.cwd(), "messages");

describe("translations", () => {
  it("zh-CN and en have the same keys", () => {
    expect(keys(messagesFor("en")).sort()).toEqual(keys(messagesFor("zh-CN")).sort());
  });
  it("each folder's files have the same namespaces in both languages", () => {
    for (const [folder, files] of Object.entries(FOLDERS)) {
      expect(Object.keys(files.en).sort(), folder).toEqual(Object.keys(files["zh-CN"]).sort());
    }
  });
  it("no two folders define the same namespace", () => {
    // Spread-merging FOLDERS above would hide a folder listed in both sets: count them apart.
    expect(Object.keys(PLATFORM_MESSAGES).filter((folder) => folder in MODULE_MESSAGES)).toEqual([]);
    for (const locale of ["zh-CN", "en"] as const) {
      const seen = new Map<string, string>();
      for (const [folder, files] of Object.entries(FOLDERS)) {
        for (const ns of Object.keys(files[locale])) {
          expect(seen.get(ns), `${locale}: namespace "${ns}" in ${folder} and ${seen.get(ns)}`).toBeUndefined();
          seen.set(ns, folder);
        }
      }
    }
  });
  it("merging refuses a namespace two folders define", () => {
    const twice = { a: { "zh-CN": { common: {} }, en: { common: {} } } };
    expect(() => mergeMessages("zh-CN", PLATFORM_MESSAGES, twice)).toThrow(/"common".*messages\/platform.*messages\/a/);
  });
  it("every folder under messages/ has both locales, is loaded under its own name and is named after a lib folder", () => {
    const entries = readdirSync(MESSAGES_DIR, { withFileTypes: true });
    // No catch-all file beside the folders: every namespace belongs to one lib folder.
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    const folders = entries.map((e) => e.name).sort();
    expect(folders).toEqual(Object.keys(FOLDERS).sort());
    for (const folder of folders) {
      expect(readdirSync(path.join(MESSAGES_DIR, folder)).sort(), folder).toEqual(["en.json", "zh-CN.json"]);
      for (const locale of ["zh-CN", "en"] as const) {
        const file = JSON.parse(readFileSync(path.join(MESSAGES_DIR, folder, `${locale}.json`), "utf8"));
        expect(FOLDERS[folder][locale], `messages/${folder}/${locale}.json`).toEqual(file);
      }
      const owner = [path.join("lib", folder), path.join("lib", "platform", folder)];
      expect(folder === "platform" || owner.some((dir) => existsSync(path.join(process.cwd(), dir))), `messages/${folder} has no lib folder`).toBe(true);
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
