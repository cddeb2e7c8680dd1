// Bytes per main page (issue 17, goal 2): the HTML of a first load and the RSC payload of a
// client navigation to the same URL (`RSC: 1`, no router state: the whole tree, as a link from
// another section fetches it), raw and gzip (level 6, what `next start` sends), beside the
// bare page app/(bench)/bench-floor/[name] with no statements — the framework floor of this
// build (proxy, root layout with its NextIntlClientProvider messages, React's runtime).
import { gzipSync } from "node:zlib";
import type pg from "pg";
import { EMPTY_FLOOR, writeFloor } from "./floor";
import { sessionCookie } from "./session";

export type BytesRow = { page: string; as: string; html: number; htmlGzip: number; rsc: number; rscGzip: number; target: string };

const gzip = (s: Buffer) => gzipSync(s, { level: 6 }).length;

async function bytesOf(base: string, page: string, cookie: string) {
  const get = async (headers: Record<string, string>) => {
    let r = await fetch(`${base}${page}`, { headers: { cookie, ...headers }, redirect: "manual" });
    // An RSC request without the router's `_rsc` cache-busting parameter is sent to the URL
    // with it (307): follow that once, as the router would have asked for it in the first place.
    const location = r.headers.get("location");
    if (headers.RSC && r.status === 307 && location?.includes("_rsc")) {
      await r.arrayBuffer();
      r = await fetch(new URL(location, base), { headers: { cookie, ...headers }, redirect: "manual" });
    }
    const body = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new Error(`${page}${headers.RSC ? " (RSC)" : ""} → ${r.status}`);
    if (headers.RSC && !r.headers.get("content-type")?.startsWith("text/x-component")) throw new Error(`${page} (RSC) → ${r.headers.get("content-type")}`);
    return body;
  };
  const html = await get({});
  const rsc = await get({ RSC: "1" });
  return { html: html.length, htmlGzip: gzip(html), rsc: rsc.length, rscGzip: gzip(rsc) };
}

/** The main pages as their users see them; `managerCookie` is yh.manager's, an officer's is made here. */
export async function measureBytes({ base, secret, sql, managerCookie }: { base: string; secret: string; sql: pg.Client; managerCookie: string }): Promise<BytesRow[]> {
  // An officer of the scale data (the writes row's first one): a village, a programme to visit for.
  const officer = (await sql.query(`SELECT id, name, role, "orgUnitId", "sessionVersion" FROM app_user
                                    WHERE id LIKE 'scu%' AND role = 'OFFICER' AND active AND NOT "mustChangePassword" ORDER BY id LIMIT 1`)).rows[0];
  if (!officer) throw new Error("no scale officer (sc.officer*)");
  const officerCookie = await sessionCookie(secret, officer);
  writeFloor(EMPTY_FLOOR, []);
  const pages: { page: string; as: string; cookie: string; target: string }[] = [
    { page: `/bench-floor/${EMPTY_FLOOR}`, as: "bare page (floor)", cookie: managerCookie, target: "baseline" },
    // The app shell around an empty page (app/(app)/bench-shell): what every signed-in page ships before its own content.
    { page: "/bench-shell", as: "officer, empty page in the shell", cookie: officerCookie, target: "—" },
    { page: "/bench-shell", as: "manager, empty page in the shell", cookie: managerCookie, target: "—" },
    { page: "/login", as: "signed out", cookie: "NEXT_LOCALE=zh-CN", target: "HTML < 15 kB gzip" },
    { page: "/", as: "officer", cookie: officerCookie, target: "HTML gzip ≤ 2× bare" },
    { page: "/visits", as: "officer", cookie: officerCookie, target: "HTML gzip ≤ 2× bare" },
    { page: "/visits/new", as: "officer", cookie: officerCookie, target: "HTML gzip ≤ 2× bare" },
    { page: "/dashboard", as: "manager", cookie: managerCookie, target: "—" },
    { page: "/hotline", as: "manager", cookie: managerCookie, target: "—" },
  ];
  const rows: BytesRow[] = [];
  for (const p of pages) {
    await bytesOf(base, p.page, p.cookie); // warm-up: the first request of a route after start loads its chunks
    rows.push({ page: p.page, as: p.as, ...(await bytesOf(base, p.page, p.cookie)), target: p.target });
  }
  return rows;
}

const kB = (n: number) => (n / 1000).toFixed(1);

export function bytesTable(rows: BytesRow[]): string {
  const bare = rows[0]!;
  return [
    "| Page | As | HTML (kB) | HTML gzip (kB) | RSC (kB) | RSC gzip (kB) | HTML gzip ÷ bare | RSC gzip ÷ bare | Target |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.page} | ${r.as} | ${kB(r.html)} | ${kB(r.htmlGzip)} | ${kB(r.rsc)} | ${kB(r.rscGzip)} | ${(r.htmlGzip / bare.htmlGzip).toFixed(2)} | ${(r.rscGzip / bare.rscGzip).toFixed(2)} | ${r.target} |`),
  ].join("\n");
}
