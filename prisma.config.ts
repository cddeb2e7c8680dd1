import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by commands that talk to a database; `prisma generate` runs
// without it (postinstall on a fresh clone). The schema is a folder, one file per module
// (prisma/schema/schema.prisma holds the generator and datasource); scripts/db/migrate.ts
// reads the same folder.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset" },
});
