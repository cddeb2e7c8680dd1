import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDev, deployMigrations, diffMigrationsToSchema, migrationStatus, resetDatabase } from "./db/migrate.ts";
const T0 = performance.now(); const origLog = console.log; console.log = (...a: unknown[]) => origLog(`[${Math.round(performance.now() - T0)}ms]`, ...a);
process.on("exit", () => origLog(`[exit ${Math.round(performance.now() - T0)}ms]`));
const BASE = "postgresql://postgres:postgres@127.0.0.1:54360";
async function q(sql: string, db: string) { const c = new pg.Client(`${BASE}/${db}`); await c.connect(); try { return (await c.query(sql)).rows; } finally { await c.end(); } }
async function fresh(db: string) { await q(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`, "postgres"); await q(`CREATE DATABASE ${db}`, "postgres"); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
const migrationsDir = path.join(tmp, "migrations"); fs.cpSync("prisma/migrations", migrationsDir, { recursive: true });
const schemaPath = path.join(tmp, "schema.prisma");
const base = fs.readFileSync("prisma/schema.prisma", "utf8");
const withField = base.replace("model IdempotencyKey {\n  key       String   @id\n", "model IdempotencyKey {\n  key       String   @id\n  scratchNote String?\n");
const opts = { schemaPath, migrationsDir, log: (m: string) => console.log("   log:", m.split("\n").join(" / ")) };
await fresh("d1");
fs.writeFileSync(schemaPath, withField);
console.log("a", await migrateDev(`${BASE}/d1`, { name: "scratch" }, opts));
console.log("a cols", await q(`select column_name from information_schema.columns where table_name='idempotency_key' and column_name='scratchNote'`, "d1"));
await q(`insert into idempotency_key(key,"userId",action,"scratchNote") values ('k','u','a','data')`, "d1");
fs.writeFileSync(schemaPath, base);
try { await migrateDev(`${BASE}/d1`, { name: "drop scratch" }, opts); console.log("b unexpected"); } catch (e) { console.log("b refused:", (e as Error).message); }
console.log("b dirs", fs.readdirSync(migrationsDir));
console.log("b", await migrateDev(`${BASE}/d1`, { name: "drop scratch", acceptDataLoss: true }, opts));
console.log("c", await migrateDev(`${BASE}/d1`, { name: "again" }, opts));
console.log("c diff", JSON.stringify(await diffMigrationsToSchema(`${BASE}/d1`, opts)));
console.log("c status", await migrationStatus(`${BASE}/d1`, opts));
console.log("c rows", await q(`select migration_name, finished_at is not null done from _prisma_migrations order by started_at`, "d1"));
// ?schema=app
await fresh("d2");
const url = `${BASE}/d2?schema=app`;
try { console.log("s deploy", await deployMigrations(url)); } catch (e) { console.log("s deploy failed:", (e as Error).message.split("\n")[0]); }
console.log("s tables", await q(`select table_schema, count(*) from information_schema.tables where table_schema in ('public','app') group by 1`, "d2"));
console.log("s triggers", await q(`select tgrelid::regclass::text from pg_trigger where not tgisinternal`, "d2"));
console.log("s diff", JSON.stringify(await diffMigrationsToSchema(url)));
await resetDatabase(url);
console.log("s after reset", await q(`select table_schema, count(*) from information_schema.tables where table_schema in ('public','app') group by 1`, "d2"));
console.log("s status", await migrationStatus(url));
