// /sw.js: the field app's service worker (issue 16), built by `next build` into the build folder
// (scripts/build-sw.mjs) rather than public/, because builds into different folders (the demo's
// .next, the tests' .next-test) run side by side and each needs the precache list of its own
// chunks. Served signed out (proxy.ts leaves it alone): the browser checks for an update
// without a session. No data, so no route() sign-in: like /api/health, a static answer.
import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

let script: Promise<string | null> | null = null;

/** The built worker of the build this server runs; null under `next dev` (nothing registers it there). */
function builtWorker(): Promise<string | null> {
  script ??= readFile(path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "sw.js"), "utf8").catch(() => null);
  return script;
}

export async function GET() {
  const body = await builtWorker();
  if (body === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Every update check asks the server: a new build's worker must replace the old one at once.
      "Cache-Control": "no-cache",
      // The worker's own policy (a worker script's response header sets it): same-origin fetches only.
      "Content-Security-Policy": "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'",
    },
  });
}
