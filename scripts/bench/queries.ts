// The bench's `queries` row (issue 17, goal 3: per-request work once): how many statements
// each main page sends to the database in one request, and which of them it sends twice with
// the same parameters. Started by scripts/bench.ts on its own `next start` (its own port), with
// DB_QUERY_EVENTS=1, so Prisma's query events reach this script as lines on the server's stderr
// (lib/platform/db/client.ts: the SQL and a hash of the parameters, never their values). The
// timed rows keep their server without the listener. Pages are fetched one at a time, so every
// line between a request's start and the end of its body (plus a quiet moment for work the
// page finishes after the last byte) belongs to that request.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type pg from "pg";
import { sessionCookie, type SessionSubject } from "./session";

/** lib/platform/db/client.ts's QUERY_EVENT_MARKER (that module is server-only). */
const MARKER = "[db-query] ";

type QueryEvent = { db: "primary" | "replica"; sql: string; params: string; ms: number };
export type QueryCountRow = { name: string; kind: "read"; runs: number; p50: null; p95: null; sqlP50: null; ratio: null; target: string; note: string };

type Options = {
  projectRoot: string;
  port: number;
  /** The environment the bench starts its own server with (DATABASE_URL, AUTH_SECRET, …). */
  env: NodeJS.ProcessEnv;
  secret: string;
  sql: pg.Client;
  manager: SessionSubject;
};

export async function queryCounts({ projectRoot, port, env, secret, sql, manager }: Options): Promise<QueryCountRow[]> {
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: projectRoot, env: { ...env, DB_QUERY_EVENTS: "1" }, stdio: ["ignore", "ignore", "pipe"],
  });
  let events: QueryEvent[] = [];
  let lastLineAt = performance.now();
  readline.createInterface({ input: server.stderr! }).on("line", (line) => {
    const at = line.indexOf(MARKER);
    if (at < 0) return;
    events.push(JSON.parse(line.slice(at + MARKER.length)) as QueryEvent);
    lastLineAt = performance.now();
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error("query-count server did not start");
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const q1 = async (text: string, params: unknown[] = []) => (await sql.query(text, params)).rows[0];
    // The officer: the first of the scale officers, as the bench's writes row signs them in.
    const officer = await q1(`SELECT id, name, role, "orgUnitId", "sessionVersion" FROM app_user
                              WHERE id LIKE 'scu%' AND role = 'OFFICER' AND active AND NOT "mustChangePassword" ORDER BY id LIMIT 1`);
    const sessions = [
      { who: "manager", user: manager, cookie: await sessionCookie(secret, manager) },
      ...(officer ? [{ who: "officer", user: officer as SessionSubject, cookie: await sessionCookie(secret, officer) }] : []),
    ];
    const rows: QueryCountRow[] = [];
    const lines: string[] = [];
    for (const s of sessions) {
      const unit = await q1(`SELECT path FROM org_unit WHERE id = $1`, [s.user.orgUnitId]);
      // A record each may open: the newest visit and hotline request in their subtree (the officer's own visit first).
      const visit = await q1(`SELECT v.id FROM visit v JOIN org_unit o ON o.id = v."orgUnitId" WHERE o.path LIKE $1 || '%'
                              ORDER BY (v."officerId" = $2) DESC, v."visitedAt" DESC LIMIT 1`, [unit.path, s.user.id]);
      const request = await q1(`SELECT r.id FROM service_request r JOIN org_unit o ON o.id = r."orgUnitId" WHERE o.path LIKE $1 || '%'
                                ORDER BY r."receivedAt" DESC LIMIT 1`, [unit.path]);
      const pages = [["/"], ["/dashboard"], ["/visits"], visit ? ["/visits/<id>", `/visits/${visit.id}`] : null, ["/hotline"], request ? ["/hotline/<id>", `/hotline/${request.id}`] : null, ["/programmes"]]
        .filter((p) => p !== null);
      for (const [label, page = label] of pages) {
        const get = async () => {
          const r = await fetch(`${base}${page}`, { headers: { cookie: s.cookie }, redirect: "manual" });
          await r.text();
          // Wait until the server has been quiet for a moment: lines still in the pipe, work after the response.
          while (performance.now() - lastLineAt < 200) await new Promise((res) => setTimeout(res, 50));
          return r.status;
        };
        await get(); // warm-up: the route's first render, cold caches
        events = [];
        const status = await get();
        const counted = events;
        const byKey = new Map<string, { sql: string; db: string; n: number }>();
        for (const e of counted) {
          const key = `${e.db}\u0000${e.sql}\u0000${e.params}`;
          const seen = byKey.get(key);
          if (seen) seen.n++;
          else byKey.set(key, { sql: e.sql, db: e.db, n: 1 });
        }
        const repeated = [...byKey.values()].filter((v) => v.n > 1);
        const replica = counted.filter((e) => e.db === "replica").length;
        const note = `${counted.length} statements${replica ? ` (${replica} on the replica)` : ""}; ${repeated.length ? `repeated with the same parameters: ${repeated.map((r) => `${r.n}× ${r.sql.replace(/\s+/g, " ").slice(0, 120)}`).join(" | ")}` : "none repeated"}`;
        rows.push({ name: `queries per request: ${label} as ${s.who} (HTTP ${status})`, kind: "read", runs: 1, p50: null, p95: null, sqlP50: null, ratio: null,
          target: "each statement once per request", note });
        lines.push(`${s.who.padEnd(8)} ${label!.padEnd(16)} HTTP ${status}  ${String(counted.length).padStart(3)} statements, ${repeated.length} repeated`);
        for (const r of repeated) lines.push(`           ${r.n}× ${r.sql.replace(/\s+/g, " ").slice(0, 200)}`);
        // BENCH_QUERIES_VERBOSE=1: every statement, in order (to see what a page loads twice under other parameters).
        if (process.env.BENCH_QUERIES_VERBOSE === "1") for (const e of counted) lines.push(`             ${e.db[0]} ${e.params.slice(0, 6)} ${e.sql.replace(/\s+/g, " ")}`);
      }
    }
    console.log(`\nQueries per request (DB_QUERY_EVENTS=1):\n${lines.join("\n")}\n`);
    return rows;
  } finally {
    server.kill("SIGTERM");
  }
}
