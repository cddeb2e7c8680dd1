// Throwaway checks for scripts/db/migrate.ts (deleted when done).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations, diffMigrationsToSchema, migrationStatus, resetDatabase, MigrateError } from "./db/migrate.ts";

const BASE = "postgresql://postgres:postgres@127.0.0.1:54360";
const t0 = performance.now();
const ms = () => `${Math.round(performance.now() - t0)}ms`;
async function admin(sql: string, db = "postgres") {
  const c = new pg.Client(`${BASE}/${db}`); await c.connect();
  try { return await c.query(sql); } finally { await c.end(); }
}
async function fresh(db: string) { await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`); await admin(`CREATE DATABASE ${db}`); }
function show(label: string, e: unknown) {
  const err = e as Error & { code?: string };
  console.log(`${label}: [${err?.constructor?.name} code=${err?.code}] ${String(err?.message).split("\n").slice(0, 3).join(" | ")}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
fs.cpSync("prisma/migrations", tmp, { recursive: true });
const broken = path.join(tmp, "20990101000000_broken");
fs.mkdirSync(broken);
fs.writeFileSync(path.join(broken, "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT 1/0;\n");

// 1. failing migration
await fresh("m2");
try { await deployMigrations(`${BASE}/m2`, { migrationsDir: tmp }); console.log("1 unexpected success"); } catch (e) { show("1 failing migration", e); }
console.log((await admin("select migration_name, finished_at, left(logs, 80) logs, rolled_back_at from _prisma_migrations order by started_at", "m2")).rows);
console.log("half_done exists?", (await admin("select to_regclass('half_done') r", "m2")).rows[0]);
// 2. deploy again: P3009
try { await deployMigrations(`${BASE}/m2`, { migrationsDir: tmp }); } catch (e) { show("2 redeploy over failed", e); }
// 3. status
console.log("3 status", await migrationStatus(`${BASE}/m2`, { migrationsDir: tmp }));
// 4. edited migration
fs.rmSync(broken, { recursive: true });
await fresh("m3");
await deployMigrations(`${BASE}/m3`, { migrationsDir: tmp });
const init = fs.readdirSync(tmp).find((d) => d.endsWith("_init"))!;
fs.appendFileSync(path.join(tmp, init, "migration.sql"), "\n-- edited\n");
console.log("4 status", await migrationStatus(`${BASE}/m3`, { migrationsDir: tmp }));
try { await deployMigrations(`${BASE}/m3`, { migrationsDir: tmp }); console.log("4 deploy ok?!"); } catch (e) { show("4 deploy over edited", e); }
// 5. role without CREATEDB → shadow db fails (GenericJs path)
await admin("DROP ROLE IF EXISTS nocreatedb").catch(() => {});
await admin("CREATE ROLE nocreatedb LOGIN PASSWORD 'x'");
await admin("GRANT ALL ON SCHEMA public TO nocreatedb", "m3");
try { await diffMigrationsToSchema(`postgresql://nocreatedb:x@127.0.0.1:54360/m3`); console.log("5 unexpected"); } catch (e) { show("5 no CREATEDB", e); }
// 6. bad credentials / unreachable
try { await deployMigrations(`postgresql://postgres:wrong@127.0.0.1:54360/m3`); } catch (e) { show("6 bad password", e); }
try { await deployMigrations(`postgresql://postgres:postgres@127.0.0.1:1/m3`); } catch (e) { show("6 no server", e); }
try { await deployMigrations(`${BASE}/does_not_exist`); } catch (e) { show("6 no database", e); }
// 7. concurrency in one process
await Promise.all(["m4", "m5", "m6"].map(fresh));
console.log("7 concurrent", ms(), await Promise.all(["m4", "m5", "m6"].map((d) => deployMigrations(`${BASE}/${d}`))), ms());
console.log("7 diffs", (await Promise.all(["m4", "m5"].map((d) => diffMigrationsToSchema(`${BASE}/${d}`).then(s => s.length)))), ms());
// 8. reset on a db with data
await admin(`insert into audit_log(action,"entityType","prevHash",hash) values ('a','b','c','d')`, "m4");
await resetDatabase(`${BASE}/m4`);
console.log("8 after reset", (await admin("select count(*) from audit_log", "m4")).rows, ms());
console.log("dbs", (await admin("select datname from pg_database order by 1")).rows.map((r) => r.datname).join(" "));
console.log("MigrateError?", MigrateError.name, "done", ms());
const exitStart = performance.now();
process.on("exit", () => console.log(`exit after ${Math.round(performance.now() - exitStart)}ms idle`));
