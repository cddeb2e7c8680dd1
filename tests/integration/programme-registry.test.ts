// The programme registry (lib/programmes/registry.ts) is the one list of programme modules:
// every ProgrammeType has exactly one module, and what each descriptor names exists (its nav
// pages and labels, indicators and the dashboard figures computing them, jobs, message
// namespaces in both locales, export routes). Each module's getProgrammeOrThrow gives the same
// NotFound for a programme of another type as for one outside the actor's area.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { NotFoundError } from "@/lib/platform/errors";
import { PERMISSIONS } from "@/lib/platform/authz/permissions";
import { ProgrammeType } from "@/lib/generated/prisma/enums";
import { visibleProgrammes } from "@/lib/programmes/queries";
import { PROGRAMME_TYPES } from "@/lib/programmes/catalogue";
import { INDICATOR_CATALOGUE, moduleOf, PROGRAMME_MODULES, programmeJobs, TARGET_CODE_TO_KEY } from "@/lib/programmes/registry";
import { messagesFor, MODULE_MESSAGES } from "@/lib/programmes/messages";
import { INDICATOR_BY_KEY } from "@/lib/dashboards/indicators";
import { NAV_ITEMS } from "@/components/shell/nav-items";

const LOCALES = ["zh-CN", "en"] as const;
const APP = path.join(process.cwd(), "app");

function lookup(messages: Record<string, unknown>, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages);
}

/** Every route folder under app/, route groups "(app)" dropped: "/hotline/reports/export" → its files. */
function routeFiles(dir = APP, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) {
      out.set(prefix || "/", [...(out.get(prefix || "/") ?? []), e.name]);
      continue;
    }
    const segment = /^\(.*\)$/.test(e.name) ? "" : `/${e.name}`;
    for (const [route, files] of routeFiles(path.join(dir, e.name), prefix + segment)) out.set(route, [...(out.get(route) ?? []), ...files]);
  }
  return out;
}

async function refusal(load: () => Promise<unknown>): Promise<NotFoundError> {
  const error = await load().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  return error as NotFoundError;
}

describe("programme registry", () => {
  it("lists one module for every ProgrammeType, each exactly once", () => {
    const types = PROGRAMME_MODULES.map((m) => m.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual(Object.values(ProgrammeType).sort());
    expect([...PROGRAMME_TYPES].sort()).toEqual([...types].sort());
    for (const type of types) expect(moduleOf(type).type).toBe(type);
    expect(new Set(PROGRAMME_MODULES.map((m) => m.folder)).size).toBe(PROGRAMME_MODULES.length);
    for (const m of PROGRAMME_MODULES) expect(existsSync(path.join(process.cwd(), "lib", m.folder, "index.ts")), m.folder).toBe(true);
  });

  it("offers each module's nav entries: a page, a label in both locales, a known permission", () => {
    const routes = routeFiles();
    for (const m of PROGRAMME_MODULES) {
      for (const entry of m.nav) {
        expect(routes.get(entry.href), `${m.type} ${entry.href}`).toContain("page.tsx");
        expect(Object.keys(PERMISSIONS), entry.href).toContain(entry.permission);
        for (const locale of LOCALES) expect(lookup(messagesFor(locale), `nav.${entry.key}`), `${locale} nav.${entry.key}`).toEqual(expect.any(String));
        const item = NAV_ITEMS.find((i) => i.href === entry.href);
        expect(item, entry.href).toBeDefined();
        expect(item!.programme).toBe(entry.onlyWhenInUse ? m.type : undefined);
      }
    }
    // One entry per page, in a stable order.
    expect(new Set(NAV_ITEMS.map((i) => i.href)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((i) => i.order)).size).toBe(NAV_ITEMS.length);
  });

  it("names each indicator in both locales, and the dashboard figure computing it is of the module's type", () => {
    for (const m of PROGRAMME_MODULES) {
      expect(m.indicators.length, m.type).toBeGreaterThan(0);
      expect(INDICATOR_CATALOGUE[m.type].map((i) => i.code)).toEqual(m.indicators.map((i) => i.code));
      for (const indicator of m.indicators) {
        for (const locale of LOCALES) expect(lookup(messagesFor(locale), `indicators.${indicator.code}`), `${locale} indicators.${indicator.code}`).toEqual(expect.any(String));
        if (!indicator.computedBy) continue;
        expect(INDICATOR_BY_KEY.get(indicator.computedBy)?.programmeType, indicator.computedBy).toBe(m.type);
        expect(TARGET_CODE_TO_KEY[indicator.code]).toBe(indicator.computedBy);
      }
    }
    const codes = PROGRAMME_MODULES.flatMap((m) => m.indicators.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("hands every module's jobs to the workers, each name once", () => {
    const jobs = programmeJobs();
    expect(jobs.map((j) => j.name).sort()).toEqual(PROGRAMME_MODULES.flatMap((m) => m.jobs.map((j) => j.name)).sort());
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
    expect(jobs.map((j) => j.name)).toEqual(expect.arrayContaining(["hotline.clock", "points.expire"]));
    for (const job of jobs) expect(typeof job.handler, job.name).toBe("function");
  });

  it("loads each module's message namespaces in both locales, from messages/<folder>", () => {
    for (const m of PROGRAMME_MODULES) {
      const namespaces = Object.keys(m.messages["zh-CN"]);
      expect(namespaces.length, m.folder).toBeGreaterThan(0);
      expect(Object.keys(m.messages.en).sort(), m.folder).toEqual([...namespaces].sort());
      expect(MODULE_MESSAGES[m.folder]).toBe(m.messages);
      expect(existsSync(path.join(process.cwd(), "messages", m.folder, "zh-CN.json")), m.folder).toBe(true);
      for (const locale of LOCALES) {
        for (const ns of namespaces) expect(messagesFor(locale)[ns], `${locale} ${ns}`).toEqual(m.messages[locale][ns]);
      }
    }
  });

  it("names export routes that exist", () => {
    const routes = routeFiles();
    for (const m of PROGRAMME_MODULES) {
      for (const e of m.exports) expect(routes.get(e.route), `${m.type} ${e.route}`).toContain("route.ts");
    }
  });

  it("each module's getProgrammeOrThrow: one shape; another type's programme and one outside the actor's area are the same NotFound", async () => {
    const units = await db.orgUnit.findMany({ select: { path: true }, orderBy: { path: "asc" } });
    for (const m of PROGRAMME_MODULES) {
      const own = await db.programme.findFirstOrThrow({ where: { type: m.type }, select: { id: true, orgUnit: { select: { path: true } } } });
      const insider = { orgPath: own.orgUnit.path };
      const loaded = await m.getProgrammeOrThrow(insider, own.id);
      expect(loaded).toMatchObject({ id: own.id, type: m.type, orgPath: own.orgUnit.path });
      expect(loaded.reach).toContain(own.orgUnit.path);
      expect(loaded.settings).toEqual(m.settings ? m.settings.read(loaded.rawSettings) : {});

      // Another type's programme, visible to the same actor. An owner that sees no programme of
      // another type (湖滨街道 has only its service station) asks from the root, which sees both.
      const seesOther = (actor: { orgPath: string }) => db.programme.findFirst({ where: { AND: [{ type: { not: m.type } }, visibleProgrammes(actor)] }, select: { id: true } });
      const viewer = (await seesOther(insider)) ? insider : { orgPath: units[0]!.path };
      const other = await seesOther(viewer);
      expect(other, m.type).not.toBeNull();
      expect(await db.programme.count({ where: { AND: [{ id: own.id }, visibleProgrammes(viewer)] } }), m.type).toBe(1);
      const wrongType = await refusal(() => m.getProgrammeOrThrow(viewer, other!.id));

      // Its own programme, from a unit that does not see it.
      let outsider: { orgPath: string } | null = null;
      for (const u of units) {
        const seen = await db.programme.count({ where: { AND: [{ id: own.id }, visibleProgrammes({ orgPath: u.path })] } });
        if (seen === 0) { outsider = { orgPath: u.path }; break; }
      }
      expect(outsider, m.type).not.toBeNull();
      const outside = await refusal(() => m.getProgrammeOrThrow(outsider!, own.id));

      expect(wrongType.messageKey).toBe(outside.messageKey);
      expect(wrongType.target).toEqual({ entityType: "Programme", entityId: other!.id });
      expect(outside.target).toEqual({ entityType: "Programme", entityId: own.id });
    }
  });
});
