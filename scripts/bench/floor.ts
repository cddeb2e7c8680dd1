// The framework floor (issue 17, goal 1): each bench row's statements are written to
// bench/tmp/floor/<name>.json and fetched through the bare page app/(bench)/bench-floor/[name]
// (same build, BENCH_FLOOR=1), which runs them with `pg` on one connection and renders the rows
// as plain tables. Its time is the floor plus the SQL, so app ÷ floor-page time is the app's
// overhead over what any page of this build running the same statements would cost.
import fs from "node:fs";
import path from "node:path";
import type { FloorFile } from "../../app/(bench)/bench-floor/[name]/page";
import { PROJECT_ROOT } from "../db/embedded";

export type FloorStatements = FloorFile["statements"];
export type Floor = { p50: number | null; p95: number | null };

const FLOOR_DIR = path.join(PROJECT_ROOT, "bench", "tmp", "floor");
/** The bare page with no statements: the framework floor alone (also the bytes row's baseline). */
export const EMPTY_FLOOR = "empty";

/** A file name the page accepts (/^[a-z0-9-]+$/) from a row's name: "visit detail" → "visit-detail". */
export function floorName(rowName: string): string {
  return rowName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "row";
}

export function writeFloor(name: string, statements: FloorStatements) {
  fs.mkdirSync(FLOOR_DIR, { recursive: true });
  fs.writeFileSync(path.join(FLOOR_DIR, `${name}.json`), JSON.stringify({ statements } satisfies FloorFile));
}

/** Prisma's query log gives params as a JSON string (what the bench's SQL replay parses too). */
export const fromLog = (queries: { query: string; params: string }[]): FloorStatements =>
  queries.map((q) => ({ query: q.query, params: JSON.parse(q.params) as unknown[] }));

export type FloorContext = {
  base: string;
  /** The same session cookie as the app page's request, so proxy.ts decodes the same JWT. */
  cookie: string;
  runs: number;
  pct: (xs: number[], p: number) => number | null;
};

export async function fetchFloor(ctx: FloorContext, name: string) {
  const t = performance.now();
  const r = await fetch(`${ctx.base}/bench-floor/${name}`, { headers: { cookie: ctx.cookie }, redirect: "manual" });
  const body = await r.text();
  const ms = performance.now() - t;
  if (r.status !== 200 || !body.includes(`data-bench-floor="${name}"`)) throw new Error(`/bench-floor/${name} → ${r.status} (is the server started with BENCH_FLOOR=1?)`);
  return ms;
}

/** A read's floor, written and warmed up (3 fetches): each call fetches it once and gives its time. */
export async function prepareFloor(ctx: FloorContext, name: string, statements: FloorStatements): Promise<() => Promise<number>> {
  writeFloor(name, statements);
  for (let i = 0; i < 3; i++) await fetchFloor(ctx, name);
  return () => fetchFloor(ctx, name);
}

/** The same statements every run, after 3 warm-ups. */
export async function measureFloor(ctx: FloorContext, name: string, statements: FloorStatements): Promise<Floor> {
  const once = await prepareFloor(ctx, name, statements);
  const times: number[] = [];
  for (let i = 0; i < ctx.runs; i++) times.push(await once());
  return { p50: ctx.pct(times, 50), p95: ctx.pct(times, 95) };
}

/** The shell page (app/(app)/bench-shell) once, with the floor's session cookie: its time. */
async function fetchShell(ctx: FloorContext) {
  const t = performance.now();
  const r = await fetch(`${ctx.base}/bench-shell`, { headers: { cookie: ctx.cookie }, redirect: "manual" });
  const body = await r.text();
  const ms = performance.now() - t;
  if (r.status !== 200 || !body.includes("data-bench-shell")) throw new Error(`/bench-shell → ${r.status} (is the server started with BENCH_FLOOR=1?)`);
  return ms;
}

/**
 * The empty page inside the app shell and the bare page, taking turns run by run (3 warm-ups
 * each): the shell's p50/p95, and the bare page's as its floor.
 */
export async function measureShell(ctx: FloorContext): Promise<Floor & { floor: Floor }> {
  const bare = await prepareFloor(ctx, EMPTY_FLOOR, []);
  for (let i = 0; i < 3; i++) await fetchShell(ctx);
  const shell: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    shell.push(await fetchShell(ctx));
    floor.push(await bare());
  }
  return { p50: ctx.pct(shell, 50), p95: ctx.pct(shell, 95), floor: { p50: ctx.pct(floor, 50), p95: ctx.pct(floor, 95) } };
}

/**
 * A write's floor: call i fetches it running statementsOf(i) (a BEGIN … COMMIT on fresh rows,
 * the same write as the row's SQL column), from a file written before the clock starts. The
 * route is warmed with the empty floor, so warm-ups need no rows of their own.
 */
export async function prepareWriteFloor(ctx: FloorContext, name: string, statementsOf: (i: number) => FloorStatements): Promise<(i: number) => Promise<number>> {
  for (let i = 0; i < ctx.runs; i++) writeFloor(`${name}-${i}`, statementsOf(i));
  writeFloor(EMPTY_FLOOR, []);
  for (let i = 0; i < 3; i++) await fetchFloor(ctx, EMPTY_FLOOR);
  return (i) => fetchFloor(ctx, `${name}-${i}`);
}

/** The two columns a row gains: the floor page's p50 (floor + SQL) and app ÷ that. */
export const floorColumns = (appP50: number | null, floor: Floor | null) => ({
  floorP50: floor?.p50 ?? null,
  floorRatio: appP50 && floor?.p50 ? Math.round((appP50 / floor.p50) * 100) / 100 : null,
});
