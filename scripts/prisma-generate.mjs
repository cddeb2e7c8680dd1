// Runs `prisma generate` in a way that also works on machines with no internet.
// Prisma's CLI first tries to download its native schema engine, even for `generate`,
// which only needs the file to exist. When the engine is absent and no override is set,
// we point PRISMA_SCHEMA_ENGINE_BINARY at a stub that exits non-zero (never /bin/true: a
// stub that "succeeds" would make `prisma migrate deploy` report success having applied
// nothing). Migrations never go through here: see scripts/db/migrate.ts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "scripts", "db", "no-schema-engine.sh");
}
const bin = path.join(root, "node_modules", ".bin", "prisma");
const r = spawnSync(bin, ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(r.status ?? 1);
