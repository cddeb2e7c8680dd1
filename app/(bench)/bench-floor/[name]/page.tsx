// The bench's framework floor (issue 17, goal 1; scripts/bench/floor.ts): a bare page in the same
// production build that runs a bench row's SQL through `pg` and renders the rows as plain tables.
// No app shell, no session lookup, no translations of its own — what is left is what every page
// of this build pays: proxy.ts (JWT decode, CSP nonce), the root layout (html/body and
// NextIntlClientProvider with its messages) and React's render and serialisation. The bench
// reports each page as app ÷ (this page's time), i.e. app ÷ (floor + SQL).
//
// It does not exist for users: it answers 404 unless the server was started with BENCH_FLOOR=1
// (only `npm run bench` sets it), and it never takes SQL from the request — only a name, whose
// statements the bench wrote to bench/tmp/floor/<name>.json (gitignored) before fetching it.
// It holds its own `pg` pool rather than the app's Prisma client on purpose: the floor is the
// bare driver, so the ratio shows what the app adds over its queries.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { notFound } from "next/navigation";
import pg from "pg";

export const dynamic = "force-dynamic";

/** What the bench writes: statements run in order on one connection (a write's file holds its BEGIN and COMMIT). */
export type FloorFile = { statements: { query: string; params: unknown[] }[] };

const FLOOR_NAME = /^[a-z0-9-]+$/;

const globalForFloor = globalThis as unknown as { __benchFloorPool?: pg.Pool };

async function statementsOf(name: string): Promise<FloorFile["statements"] | null> {
  if (process.env.BENCH_FLOOR !== "1" || !FLOOR_NAME.test(name)) return null;
  const text = await readFile(path.join(process.cwd(), "bench", "tmp", "floor", `${name}.json`), "utf8").catch(() => null);
  return text === null ? null : (JSON.parse(text) as FloorFile).statements;
}

const cell = (v: unknown) => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v));

export default async function BenchFloorPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const statements = await statementsOf(name);
  if (!statements) notFound();
  globalForFloor.__benchFloorPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const client = await globalForFloor.__benchFloorPool.connect();
  // Rows as arrays: a joined statement may name two columns alike.
  const results: pg.QueryArrayResult[] = [];
  try {
    for (const s of statements) results.push(await client.query({ text: s.query, values: s.params, rowMode: "array" }));
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(true);
    throw e;
  }
  client.release();
  return (
    <main data-bench-floor={name}>
      {results.map((r, i) => (
        <table key={i}>
          <thead>
            <tr>{r.fields.map((f, k) => <th key={k}>{f.name}</th>)}</tr>
          </thead>
          <tbody>
            {r.rows.map((row, j) => (
              <tr key={j}>{row.map((v, k) => <td key={k}>{cell(v)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      ))}
    </main>
  );
}
