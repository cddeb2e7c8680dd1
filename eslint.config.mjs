import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
        },
      ],
    },
  },
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
