// Client components get only their namespaces (docs/decisions/0020): every layout or page
// ships, with <ClientMessages namespaces={[…]}>, what the client components it renders read
// with useTranslations, and no more. A namespace missing here would show raw keys (and a
// MISSING_MESSAGE console error) on that page only, which no other test would notice.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeMessageTrees, pickMessages } from "@/lib/platform/i18n/client-messages";
import { messagesFor } from "@/lib/programmes/messages";
import { allReachable, clientFilesFrom, covers, missingNamespaces, parse, relative, routes, usedBelow } from "@/tests/support/client-graph";

const file = (p: string) => path.join(process.cwd(), p);
/** The provider's own client half reads the messages it inherits (useMessages) on purpose. */
const PROVIDER_FILES = new Set(["components/i18n/merge-messages.tsx"]);

describe("client messages per segment", () => {
  it("the import graph finds client components and their namespaces", () => {
    // Guards the analysis itself: were the walk to find nothing, every check below would pass.
    const visitForm = clientFilesFrom(file("app/(app)/visits/new/page.tsx")).find((c) => relative(c.file) === "components/visits/visit-form.tsx");
    expect(visitForm?.namespaces).toContain("visits");
    // Not "use client" itself, but imported by a client component: client code too.
    const forms = clientFilesFrom(file("app/(app)/visits/new/page.tsx")).find((c) => relative(c.file) === "components/forms/use-action-form.ts");
    // The keys it reads where every use is t("literal"); the whole namespace where the
    // translator is passed on (translateFieldError(message, tValidation)).
    expect(forms?.namespaces).toEqual(expect.arrayContaining(["errors.network", "errors.checkFields", "validation.*"]));
    expect(forms?.namespaces).not.toContain("errors");
    // A server component's translators are not client code.
    expect(clientFilesFrom(file("components/shell/app-shell.tsx")).map((c) => relative(c.file))).not.toContain("components/shell/app-shell.tsx");
    // A module's field messages named in a schema ("@hotline.phoneFormat") are needed where a
    // form translates field messages in the browser, and only there.
    expect(usedBelow(file("app/(app)/hotline/new/page.tsx"))).toEqual(expect.arrayContaining(["validation.*", "validation.hotline.phoneFormat"]));
    const noForm = clientFilesFrom(file("app/(app)/service-stations/[stationId]/page.tsx"));
    expect(noForm.some((c) => c.fieldKeys.includes("validation.serviceStation.codeFormat"))).toBe(true);
    expect(usedBelow(file("app/(app)/service-stations/[stationId]/page.tsx"))).not.toContain("validation.serviceStation.codeFormat");
    const login = routes().find((r) => relative(r.page) === "app/(auth)/login/page.tsx");
    expect(login?.files.map((f) => relative(f.file))).toEqual(["app/layout.tsx", "app/not-found.tsx", "app/forbidden.tsx", "app/(auth)/login/page.tsx"]);
    expect(routes().length).toBeGreaterThan(90);
  });

  it("every namespace a client component uses is shipped by the layouts and page that render it", () => {
    const lines = missingNamespaces().map((f) => `${f.route}: ${f.client} uses "${f.namespace}" (rendered by ${f.file}) — add it to a <ClientMessages> of that page or a layout above`);
    expect([...new Set(lines)]).toEqual([]);
  });

  it("client code names its namespaces literally, and ClientMessages lists them literally", () => {
    const unreadable = new Set<string>();
    for (const route of routes()) {
      for (const { file: f } of route.files) {
        for (const c of clientFilesFrom(f)) if (!PROVIDER_FILES.has(relative(c.file))) c.unreadable.forEach((u) => unreadable.add(u));
      }
    }
    expect([...unreadable], "a namespace computed at run time cannot be checked: name it (useTranslations(\"x\"))").toEqual([]);
    const declarations = allReachable().flatMap((s) => s.unreadableProvides);
    expect(declarations, "<ClientMessages namespaces={[\"a\", \"b\"]}>: an array of string literals").toEqual([]);
  });

  it("what a layout or page ships exists in both locales and is used below it", () => {
    const catalogue = { "zh-CN": messagesFor("zh-CN"), en: messagesFor("en") };
    // For each declaring file: the namespaces the client files of the routes it wraps use.
    const usedUnder = new Map<string, Set<string>>();
    for (const route of routes()) {
      const declarers = route.files.map((f) => f.file).filter((f) => parse(f).provides.length);
      const chainUses = route.files.flatMap((f) => usedBelow(f.file));
      for (const d of declarers) {
        const used = usedUnder.get(d) ?? new Set<string>();
        // A layout wraps the whole route; a page or error file only what it renders itself.
        const uses = path.basename(d) === "layout.tsx" ? chainUses : usedBelow(d);
        uses.forEach((u) => used.add(u));
        usedUnder.set(d, used);
      }
    }
    const problems: string[] = [];
    for (const [declarer, used] of usedUnder) {
      for (const namespace of parse(declarer).provides.flat()) {
        for (const locale of ["zh-CN", "en"] as const) {
          try {
            pickMessages(catalogue[locale], [namespace]);
          } catch {
            problems.push(`${relative(declarer)} ships "${namespace}", which ${locale} does not have`);
          }
        }
        if (![...used].some((u) => covers([namespace], u))) problems.push(`${relative(declarer)} ships "${namespace}", which no client component under it uses`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("only the root layout and ClientMessages render a NextIntlClientProvider, and the root ships no messages", () => {
    const providers = allReachable()
      .filter((s) => /<NextIntlClientProvider\b/.test(readFileSync(s.file, "utf8")))
      .map((s) => relative(s.file))
      .sort();
    expect(providers).toEqual(["app/layout.tsx", "components/i18n/merge-messages.tsx"]);
    expect(readFileSync(file("app/layout.tsx"), "utf8")).toMatch(/<NextIntlClientProvider messages=\{\{\}\}>/);
  });
});

describe("pickMessages and mergeMessageTrees", () => {
  const catalogue = { common: { save: "保存" }, points: { config: { title: "配置" }, status: { DRAFT: "草稿" } }, other: { x: "x" } };

  it("picks whole namespaces and single branches, nested as in the catalogue", () => {
    expect(pickMessages(catalogue, ["common", "points.config"])).toEqual({ common: { save: "保存" }, points: { config: { title: "配置" } } });
    expect(pickMessages(catalogue, ["points.config", "points"])).toEqual({ points: catalogue.points });
    expect(pickMessages(catalogue, [])).toEqual({});
  });

  it("\"ns.*\" picks the strings directly in a namespace, without its branches", () => {
    const withBranches = { validation: { required: "必填", tooLong: "过长", hotline: { phoneFormat: "电话格式" }, points: { codeFormat: "编码" } } };
    expect(pickMessages(withBranches, ["validation.*"])).toEqual({ validation: { required: "必填", tooLong: "过长" } });
    expect(pickMessages(withBranches, ["validation.*", "validation.hotline"])).toEqual({ validation: { required: "必填", tooLong: "过长", hotline: { phoneFormat: "电话格式" } } });
    expect(covers(["validation.*"], "validation.required")).toBe(true);
    expect(covers(["validation.*"], "validation.hotline.phoneFormat")).toBe(false);
    expect(covers(["validation.hotline"], "validation.hotline.phoneFormat")).toBe(true);
  });

  it("refuses a namespace the catalogue does not have", () => {
    expect(() => pickMessages(catalogue, ["points.nope"])).toThrow(/"points\.nope"/);
  });

  it("lays a segment's namespaces over the inherited ones, branch by branch, changing neither", () => {
    const inherited = { common: { save: "保存" }, points: { status: { DRAFT: "草稿" } } };
    const shipped = { points: { config: { title: "配置" } } };
    expect(mergeMessageTrees(inherited, shipped)).toEqual({ common: { save: "保存" }, points: { status: { DRAFT: "草稿" }, config: { title: "配置" } } });
    expect(inherited).toEqual({ common: { save: "保存" }, points: { status: { DRAFT: "草稿" } } });
    expect(shipped).toEqual({ points: { config: { title: "配置" } } });
  });
});
