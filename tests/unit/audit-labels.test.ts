// The audit log speaks the users' language (issue 13 item 6): every action name and object
// type the code can write into audit_log has a zh-CN and an en label, and the log's type
// filter offers every type. The names are collected from the source, where they are written:
// the wrappers' `name` (action/readAction/route: also the name of their refusals), every
// `action:` of an audit entry, helpers that take the name (auditMove, auditRefusal), and every
// `entityType:`. A name built from a template is listed here with its expansions, and a new
// template fails until it is.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AUDIT_ENTITY_TYPES, auditActionLabel, auditEntityLabel } from "@/lib/platform/audit/labels";
import { messagesFor } from "@/lib/programmes/messages";

const ROOT = path.resolve(import.meta.dirname, "../..");

const SOURCES = ["lib", "app", "scripts", "prisma"]
  .flatMap((dir) => readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)))
  .filter((file) => !file.includes(`${path.sep}generated${path.sep}`))
  .map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));

/** Template names, by file, with every value they can take (read from the code beside them). */
const TEMPLATES: Record<string, string[]> = {
  // assignAction("assign" | "reassign")
  "lib/hotline/actions.ts `request.${kind}`": ["request.assign", "request.reassign"],
  // a clock's alert: data.kind BREACH → "breach", else "warning"
  "lib/hotline/alerts.ts `request.${kind}`": ["request.breach", "request.warning"],
  // planChangeSchema's ops (lib/mentorship/schemas.ts)
  "lib/mentorship/actions.ts `mentorship.plan.${input.op}`": [
    "mentorship.plan.updateMilestone", "mentorship.plan.addMilestone", "mentorship.plan.removeMilestone", "mentorship.plan.addGoal", "mentorship.plan.removeGoal",
  ],
  'lib/problems/actions.ts `problem.${input.to === "REOPENED" ? "reopen" : "transition"}`': ["problem.reopen", "problem.transition"],
  // one implementation for both registers (lib/registers/kinds.ts auditPrefix)
  "lib/registers/actions.ts `${register.auditPrefix}.create`": ["household.create", "enterprise.create"],
  "lib/registers/actions.ts `${register.auditPrefix}.update`": ["household.update", "enterprise.update"],
  'lib/registers/actions.ts `${register.auditPrefix}.${input.active ? "activate" : "deactivate"}`': [
    "household.activate", "household.deactivate", "enterprise.activate", "enterprise.deactivate",
  ],
};

const LITERAL = String.raw`("[^"\n]*"|\x60[^\x60\n]*\x60)`;
const ACTION_NAME = /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/;

/** The action names and object types written in the source, and the templates it could not expand. */
function collect() {
  const actions = new Set<string>();
  const types = new Set<string>();
  const unknownTemplates: string[] = [];
  const literal = (file: string, raw: string) => {
    if (raw.startsWith("`") && raw.includes("${")) {
      const expansions = TEMPLATES[`${file} ${raw}`];
      if (expansions) for (const name of expansions) actions.add(name);
      else unknownTemplates.push(`${file} ${raw}`);
    } else {
      const name = raw.slice(1, -1);
      if (ACTION_NAME.test(name)) actions.add(name);
    }
  };
  const namePatterns = [
    new RegExp(String.raw`\b(?:action|readAction|route|defineAction)\(\s*\{\s*name:\s*${LITERAL}`, "g"),
    new RegExp(String.raw`\baction:\s*${LITERAL}`, "g"),
    new RegExp(String.raw`\bauditMove\(\s*\w+,\s*${LITERAL}`, "g"),
    new RegExp(String.raw`\bauditRefusal\(\s*[^,()]+,\s*${LITERAL}`, "g"),
  ];
  for (const { file, text } of SOURCES) {
    for (const pattern of namePatterns) for (const m of text.matchAll(pattern)) literal(file, m[1]!);
    // `action: cond ? "a.b" : "c.d"` and `entityType: kind === "x" ? "Household" : "Enterprise"`
    for (const m of text.matchAll(/\baction:\s*([^"`\s][^,\n]*)/g)) for (const l of m[1]!.matchAll(/"([^"]+)"/g)) if (ACTION_NAME.test(l[1]!)) actions.add(l[1]!);
    for (const m of text.matchAll(/\bentityType:\s*([^,\n}]+)/g)) for (const l of m[1]!.matchAll(/"([A-Z][A-Za-z]+)"/g)) types.add(l[1]!);
  }
  return { actions: [...actions].sort(), types: [...types].sort(), unknownTemplates };
}

const translators = (["zh-CN", "en"] as const).map((locale) => ({
  locale,
  t: createTranslator({ locale, messages: messagesFor(locale) as never, namespace: "auditNames" as never }) as unknown as Parameters<typeof auditActionLabel>[0],
}));

describe("audit log labels", () => {
  const { actions, types, unknownTemplates } = collect();

  it("finds the names where the code writes them", () => {
    expect(unknownTemplates, "a template action name: list its expansions in TEMPLATES").toEqual([]);
    // The collector is not silently broken: names of every kind of writer are among them.
    for (const name of ["visit.create", "request.assign", "auth.signOut", "auth.signIn", "points.expire", "system.seedDemo", "visit.export", "request.accept"]) expect(actions).toContain(name);
    expect(actions.length).toBeGreaterThan(150);
    for (const type of ["Visit", "ServiceRequest", "Household", "Permission", "Unknown"]) expect(types).toContain(type);
  });

  it("every action name has a zh-CN and an en label", () => {
    for (const { locale, t } of translators) {
      const missing = actions.filter((name) => auditActionLabel(t, name) === name);
      expect(missing, `${locale}: action names without a label`).toEqual([]);
    }
    const [zh] = translators;
    expect(auditActionLabel(zh!.t, "visit.create")).toBe("新建走访");
    expect(auditActionLabel(zh!.t, "register.import")).toBe("导入台账");
    expect(auditActionLabel(zh!.t, "register.import.upload")).toBe("上传台账导入文件");
  });

  it("every object type has a zh-CN and an en label and is offered by the type filter", () => {
    expect(types.filter((type) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(type)), "types missing from AUDIT_ENTITY_TYPES").toEqual([]);
    for (const { locale, t } of translators) {
      // English labels may equal the code ("Dashboard"): ask the catalogue, not the label.
      const missing = AUDIT_ENTITY_TYPES.filter((type) => !t.has(`entityTypes.${type}`));
      expect(missing, `${locale}: object types without a label`).toEqual([]);
    }
  });

  it("labels are not the code spelled again", () => {
    const [zh] = translators;
    for (const name of actions) expect(auditActionLabel(zh!.t, name), name).toMatch(/\p{Script=Han}/u);
    for (const type of AUDIT_ENTITY_TYPES) expect(auditEntityLabel(zh!.t, type), type).toMatch(/\p{Script=Han}/u);
  });
});
