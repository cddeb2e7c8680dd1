// Every Excel export of the app, produced against the demo data and read back with an
// independent reader (Python's openpyxl, tests/support/read-xlsx.py), is a sheet a manager can
// sort, filter and chart: the header row is frozen, an autofilter is on, date columns hold
// date cells, rate columns hold numbers with a percent format, no number is written as text
// and durations and amounts name their unit. The register export also imports back.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { streamImportFile, type RawRow } from "@/lib/registers/import";
import { GET as dashboardExport } from "@/app/api/exports/dashboard/route";
import { GET as pairingsExport } from "@/app/api/exports/pairings/route";
import { GET as pointApplicationsExport } from "@/app/api/exports/point-applications/route";
import { GET as problemsExport } from "@/app/api/exports/problems/route";
import { GET as rankingsExport } from "@/app/api/exports/rankings/route";
import { GET as redemptionsExport } from "@/app/api/exports/redemptions/route";
import { GET as requestsExport } from "@/app/api/exports/requests/route";
import { GET as showcaseExport } from "@/app/api/exports/showcase/route";
import { GET as talentsExport } from "@/app/api/exports/talents/route";
import { GET as taskForcesExport } from "@/app/api/exports/task-forces/route";
import { GET as tripsExport } from "@/app/api/exports/trips/route";
import { GET as visitsExport } from "@/app/api/exports/visits/route";
import { GET as registerExport } from "@/app/api/registers/[kind]/export/route";
import { GET as evaluationExport } from "@/app/api/talent/evaluation/export/route";
import { GET as investmentExport } from "@/app/api/investment/export/route";
import { GET as keyProjectsExport } from "@/app/api/investment/key-projects/route";
import { GET as hotlineReportExport } from "@/app/(app)/hotline/reports/export/route";
import { findOpenpyxlPython, OPENPYXL_MISSING } from "../../scripts/system-packages";
import { resetRequest } from "../support/next-stubs";
import { actAs } from "../support/fixtures";
import { demoNow, demoYear } from "../support/time";
import { pinClock, unpinClock } from "@/lib/platform/clock";

type ReadCell = { type: "datetime" | "number" | "text" | "bool"; format: string; value: unknown };
type ReadSheet = { name: string; freeze: string | null; filter: string | null; columns: { header: string; cells: ReadCell[] }[] };

const READER = path.join(import.meta.dirname, "../support/read-xlsx.py");
const python = findOpenpyxlPython();
let dir: string;

/** The workbook as openpyxl reads it. */
function readBack(name: string, bytes: ArrayBuffer): ReadSheet[] {
  if (!python) throw new Error(OPENPYXL_MISSING);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, Buffer.from(bytes));
  const r = spawnSync(python, [READER, file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${name}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReadSheet[];
}

// Which columns are which, told from the headers a manager reads (zh-CN).
const DATE_HEADER = /(时间|日期)$/;
const PERCENT_HEADER = /(率|（%）)$/;
const MEASURE_HEADER = /用时|时长|天数|金额|投资/;
const UNIT_IN_HEADER = /（[^）]+）$/;
// Identifiers written with digits are text on purpose (a phone, a credit code, 户号).
const IDENTIFIER_HEADER = /号|代码|电话|编码/;
const NUMERIC_TEXT = /^[-+]?\d[\d,]*(\.\d+)?%?$/;

/** Every way the sheet falls short of one a manager can sort, filter and chart. */
function faults(sheets: ReadSheet[]): string[] {
  const out: string[] = [];
  for (const s of sheets) {
    if (s.freeze !== "A3") out.push(`${s.name}: header row not frozen (freeze ${s.freeze})`);
    if (!s.filter?.startsWith("A2:")) out.push(`${s.name}: no autofilter on the header row (${s.filter})`);
    for (const { header, cells } of s.columns) {
      const where = `${s.name} › ${header}`;
      if (DATE_HEADER.test(header) && cells.some((c) => c.type !== "datetime")) out.push(`${where}: dates that are not date cells (${cells.find((c) => c.type !== "datetime")!.value})`);
      if (cells.some((c) => c.type === "datetime" && !/yy/i.test(c.format))) out.push(`${where}: a date cell without a date format`);
      // A word ("无数据", "未设目标") may stand where there is no number; a number never is text.
      if (PERCENT_HEADER.test(header) && cells.some((c) => c.type === "number" && !c.format.includes("%"))) out.push(`${where}: a rate without a percent format`);
      const numericText = cells.find((c) => c.type === "text" && NUMERIC_TEXT.test(String(c.value).trim()));
      if (numericText && !IDENTIFIER_HEADER.test(header)) out.push(`${where}: a number written as text (${String(numericText.value)})`);
      if (MEASURE_HEADER.test(header) && !UNIT_IN_HEADER.test(header)) out.push(`${where}: a duration or amount without its unit`);
    }
  }
  return out;
}

type Export = { name: string; run: () => Promise<Response>; sheets?: number };
const exports: Export[] = [];
const q = (base: string, params: Record<string, string>) => new Request(`http://localhost:3000${base}?${new URLSearchParams(params)}`);

beforeAll(async () => {
  // The exports of "this year" are the demo's year: at 00:00 on 1 January the running year is
  // one the demo has no programmes for yet, and the checks below would find nothing to check.
  pinClock(demoNow);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-exports-"));
  const byType = async (type: "MENTORSHIP" | "INVESTMENT" | "KEY_PROJECT" | "HOTLINE" | "VISIT_CAMPAIGN" | "TALENT_POINTS" | "SHOWCASE") =>
    db.programme.findFirst({ where: { type }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const [mentorship, investment, keyProjects, hotline] = await Promise.all([byType("MENTORSHIP"), byType("INVESTMENT"), byType("KEY_PROJECT"), byType("HOTLINE")]);
  // A closed session's export has the score and rank columns.
  const session = (await db.showcaseSession.findFirst({ where: { status: "CLOSED" }, select: { id: true } })) ?? (await db.showcaseSession.findFirst({ select: { id: true } }));
  const scheme = await db.rankingScheme.findFirst({ select: { id: true } });
  const year = { from: `${demoYear}-01-01`, to: `${demoYear}-12-31` };
  const add = (name: string, run: () => Promise<Response>) => exports.push({ name, run });

  for (const programme of await db.programme.findMany({ where: { status: "ACTIVE" }, distinct: ["type"], select: { id: true, type: true } })) {
    for (const table of ["targets", "panel", "trend"]) {
      add(`dashboard-${programme.type}-${table}`, () => dashboardExport(q("/api/exports/dashboard", { programme: programme.id, table, period: "year" })));
    }
  }
  if (scheme) add("rankings", () => rankingsExport(q("/api/exports/rankings", { scheme: scheme.id, period: "year" })));
  add("visits", () => visitsExport(q("/api/exports/visits", {})));
  add("problems", () => problemsExport(q("/api/exports/problems", {})));
  add("requests", () => requestsExport(q("/api/exports/requests", { tab: "all" })));
  add("hotline-report", () => hotlineReportExport(q("/hotline/reports/export", { period: String(demoYear), ...(hotline ? { programme: hotline.id } : {}) })));
  add("hotline-report-by-month", () => hotlineReportExport(q("/hotline/reports/export", { period: String(demoYear), group: "month" })));
  if (mentorship) add("pairings", () => pairingsExport(q("/api/exports/pairings", { programme: mentorship.id })));
  if (session) add("showcase", () => showcaseExport(q("/api/exports/showcase", { session: session.id })));
  add("talents", () => talentsExport(q("/api/exports/talents", {})));
  add("point-applications", () => pointApplicationsExport(q("/api/exports/point-applications", {})));
  add("redemptions", () => redemptionsExport(q("/api/exports/redemptions", {})));
  add("evaluation", () => evaluationExport(q("/api/talent/evaluation/export", { year: String(demoYear) })));
  if (investment) {
    add("trips", () => tripsExport(q("/api/exports/trips", { programme: investment.id })));
    add("task-forces", () => taskForcesExport(q("/api/exports/task-forces", { programme: investment.id })));
    add("investment", () => investmentExport(q("/api/investment/export", { programme: investment.id, ...year })));
  }
  if (keyProjects) add("key-projects", () => keyProjectsExport(q("/api/investment/key-projects", { programme: keyProjects.id })));
  for (const kind of ["households", "enterprises"] as const) {
    add(`register-${kind}`, () => registerExport(q(`/api/registers/${kind}/export`, {}), { params: Promise.resolve({ kind }) }));
  }
});
afterAll(() => {
  unpinClock();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  resetRequest();
  await actAs("admin");
});

describe("Excel exports read back with openpyxl", () => {
  it("openpyxl is there to read them (npm test installs python3-openpyxl)", () => {
    expect(python, OPENPYXL_MISSING).not.toBeNull();
  });

  it("the demo data reaches every kind of export", () => {
    const names = exports.map((e) => e.name);
    for (const needed of ["rankings", "pairings", "showcase", "trips", "task-forces", "investment", "key-projects"]) expect(names).toContain(needed);
    for (const type of ["VISIT_CAMPAIGN", "HOTLINE", "INVESTMENT", "TALENT_POINTS"]) expect(names).toContain(`dashboard-${type}-panel`);
  });

  it("every export has a frozen, filtered header, date cells, percent rates, numbers as numbers and units on durations and amounts", async () => {
    const found: Record<string, string[]> = {};
    let dated = 0;
    let rated = 0;
    let measured = 0;
    for (const e of exports) {
      const response = await e.run();
      expect(response.status, e.name).toBe(200);
      expect(response.headers.get("content-type"), e.name).toContain("spreadsheetml");
      const sheets = readBack(e.name, await response.arrayBuffer());
      expect(sheets.length, e.name).toBeGreaterThan(0);
      const f = faults(sheets);
      if (f.length) found[e.name] = f;
      for (const c of sheets.flatMap((s) => s.columns)) {
        if (c.cells.some((x) => x.type === "datetime")) dated += 1;
        if (c.cells.some((x) => x.type === "number" && x.format.includes("%"))) rated += 1;
        if (MEASURE_HEADER.test(c.header) && c.cells.some((x) => x.type === "number")) measured += 1;
      }
    }
    expect(found).toEqual({});
    // The checks above had something to check.
    expect(dated).toBeGreaterThan(5);
    expect(rated).toBeGreaterThan(5);
    expect(measured).toBeGreaterThan(3);
  }, 300_000);

  it("a datetime cell shows the Shanghai wall-clock time of the instant", async () => {
    const visit = await db.visit.findFirstOrThrow({ orderBy: [{ visitedAt: "desc" }, { id: "desc" }], select: { visitedAt: true } });
    const sheets = readBack("visits-time", await (await visitsExport(q("/api/exports/visits", {}))).arrayBuffer());
    const shanghai = new Date(visit.visitedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
    expect(sheets[0]!.columns[0]!.cells.map((c) => String(c.value).slice(0, 19))).toContain(shanghai);
  });

  it("a household register export imports back: same rows, same keys", async () => {
    const response = await registerExport(q("/api/registers/households/export", {}), { params: Promise.resolve({ kind: "households" }) });
    const body = await response.arrayBuffer();
    const bytes = Buffer.from(body);
    const sheets = readBack("households-roundtrip", body);
    const keys = sheets[0]!.columns[0]!.cells.map((c) => String(c.value));
    const rows: RawRow[] = [];
    for await (const row of streamImportFile("households", bytes)) rows.push(row);
    expect(rows.length).toBe(keys.length);
    expect(rows.map((r) => r.cells.householdKey)).toEqual(keys);
    expect(rows.every((r) => r.cells.headName && r.cells.orgUnit)).toBe(true);
  });
});
