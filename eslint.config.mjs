import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { readdirSync } from "node:fs";

// lib/<module> folders (docs/decisions/0014-platform-and-modules.md, "Module boundaries").
const MODULES = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== "platform" && e.name !== "generated")
  .map((e) => e.name);
// Modules that read every programme module through lib/programmes/registry.ts. Only a module
// no programme module imports may: the registry imports each module's index.ts, so a module
// under it importing the registry would import itself (values read mid-cycle are undefined).
const ABOVE_REGISTRY = new Set(["dashboards"]);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Nothing outside lib/ talks to Prisma: pages and components go through lib/<domain>.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/platform/db/client", "**/lib/platform/db/client"], allowTypeImports: true, message: "Pages and components never hold the database client: call a lib/<domain> query or mutation (it defaults to the shared client)." },
            { group: ["@prisma/*", "**/generated/prisma/*", "@/lib/generated/*"], allowTypeImports: true, message: "Use lib/<domain> queries and mutations." },
          ],
          paths: [
            { name: "next/link", importNames: ["default"], message: "Use Link from @/components/ui/link: no viewport prefetch unless asked (decision 0023)." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  // A module uses another module only through its index.ts (server surface) or its schemas.ts
  // (client-safe surface: zod schemas, contracts, pure rules), never through its other files,
  // and never leaves its own folder by a relative path (docs/decisions/0014, "Module
  // boundaries"). app/ and components/ are the modules' own UI and import their files directly.
  ...MODULES.map((m) => ({
    files: [`lib/${m}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^@/lib/(?!(?:platform|generated|${escape(m)})(?:/|$))${ABOVE_REGISTRY.has(m) ? "(?!programmes/registry$)" : ""}[^/]+/(?!schemas$)`,
              message: "Import another module through its index (@/lib/<module>) or its client-safe schemas (@/lib/<module>/schemas), not its internals.",
            },
            { regex: "^\\.\\./", message: "A relative import does not leave the module's folder: use @/lib/<module> (another module) or @/lib/<this module>/… (a subfolder)." },
          ],
        },
      ],
    },
  })),
  {
    // The platform never imports a module (docs/decisions/0014-platform-and-modules.md): it is
    // what every module stands on, so a module's code reaching into it would make the layers
    // circular. Modules are wired in at the composition roots (instrumentation.ts and
    // scripts/worker.ts for jobs, i18n/request.ts for messages, components/shell for the nav).
    files: ["lib/platform/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/(?!platform/|generated/)",
              message: "lib/platform imports only lib/platform and lib/generated: a module is registered with the platform (lib/programmes/registry.ts at a composition root), never imported by it.",
            },
          ],
        },
      ],
    },
  },
  {
    // One clock (lib/platform/clock): a test can pin it and every time-dependent rule follows.
    // A client component that needs the browser's own time disables this line with a reason.
    files: ["lib/**", "app/**", "components/**"],
    ignores: ["lib/platform/clock.ts", "lib/generated/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read the time through now() from @/lib/platform/clock" },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read the time through now() from @/lib/platform/clock" },
      ],
    },
  },
];

export default config;
