// Builds the service worker (issue 16, docs/decisions/0022) into <distDir>/sw.js. Run by
// next.config.js's runAfterProductionCompile hook, so every `next build` (npm run build, npm test,
// npm run demo, CI, the e2e builds) produces it. Plain JS: next.config.js imports it.
//
// Why not @serwist/next's own integration: its webpack plugin does not run under Turbopack, and
// its Turbopack/CLI path needs @serwist/cli, which is not published at our serwist version. The
// two steps it would do are done here with what is installed: @serwist/build lists the files to
// precache (with revisions), esbuild (tsx's, already in node_modules) bundles lib/field/sw.ts.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { getManifest } from "@serwist/build";
import { build } from "esbuild";

/** Chunks above this stay out of the precache (ECharts, the workbook code: pages officers rarely open); they are cached when first used. */
const MAX_PRECACHED_BYTES = 400 * 1024;

/**
 * @param {{ projectDir: string, distDir: string }} dirs distDir as Next gives it (absolute)
 * @returns {Promise<{ count: number, size: number }>}
 */
export async function buildServiceWorker({ projectDir, distDir }) {
  const dist = path.relative(projectDir, distDir).split(path.sep).join("/");
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: projectDir,
    globPatterns: [`${dist}/static/**/*.{js,css,woff2}`, "public/icons/*.png"],
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
    // Next's static file names carry their content hash: no ?__WB_REVISION__ needed.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    modifyURLPrefix: { [`${dist}/static/`]: "/_next/static/", "public/": "/" },
    // The offline page is rendered by the server: a new build, a new copy.
    additionalPrecacheEntries: [{ url: "/offline", revision: randomUUID() }],
  });
  // Files over the limit are left out on purpose (see MAX_PRECACHED_BYTES): not worth a warning.
  for (const w of warnings.filter((w) => !w.includes("won't be precached"))) console.warn(`service worker: ${w}`);
  await build({
    entryPoints: [path.join(projectDir, "lib/field/sw.ts")],
    outfile: path.join(distDir, "sw.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "safari15"],
    minify: true,
    sourcemap: false,
    legalComments: "none",
    tsconfig: path.join(projectDir, "tsconfig.json"),
    define: { __SW_MANIFEST: JSON.stringify(manifestEntries), "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  console.log(`service worker: ${dist}/sw.js, ${count} files precached (${Math.round(size / 1024)} KiB)`);
  return { count, size };
}
