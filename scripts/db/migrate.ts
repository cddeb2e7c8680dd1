// The project's migration tool: `prisma migrate` without Prisma's native schema engine, which
// cannot be downloaded on a machine without internet. It drives the WASM build of the same
// engine (@prisma/schema-engine-wasm) through a migration-aware PrismaPg adapter, and writes the
// same prisma/migrations/<timestamp>_<name>/migration.sql folders, migration_lock.toml and
// `_prisma_migrations` table as the native CLI, so `npx prisma migrate deploy` still works on
// the result wherever the native engine is available.
//
//   tsx scripts/db/migrate.ts deploy                      apply pending migrations
//   tsx scripts/db/migrate.ts dev --name <name> [--create-only] [--accept-data-loss]
//   tsx scripts/db/migrate.ts reset --force               drop everything, re-apply all
//   tsx scripts/db/migrate.ts status                      exit 1 if pending or failed
//   tsx scripts/db/migrate.ts diff                        exit 2 if the schema drifted
//
// The schema is the folder prisma/schema/ (one .prisma file per module, as prisma.config.ts
// says); every .prisma file in it, subfolders included, is part of it, as for Prisma's CLI.
// DATABASE_URL names the database (`?schema=` is honoured, as by Prisma). `dev` and `diff` also
// use a scratch database on the same server, `<db>_shadow`, which they create and drop (the
// role needs CREATEDB; two runs against the same database at once would share it).
// Where the WASM engine or adapter-pg 7.10 needed a workaround, the comment says why.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as engineRuntime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  CreateMigrationOutput,
  DiagnoseMigrationHistoryOutput,
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where the schema and migrations live; the defaults mirror prisma.config.ts. */
export type MigrateOptions = {
  /** The schema folder (every .prisma file under it), or a single schema file. */
  schemaPath?: string;
  migrationsDir?: string;
  /** Progress messages (the CLI prints them); silent by default. */
  log?: (message: string) => void;
};

type ResolvedOptions = Required<MigrateOptions>;

function resolveOptions(options: MigrateOptions = {}): ResolvedOptions {
  return {
    schemaPath: path.resolve(PROJECT_ROOT, options.schemaPath ?? "prisma/schema"),
    migrationsDir: path.resolve(PROJECT_ROOT, options.migrationsDir ?? "prisma/migrations"),
    log: options.log ?? (() => {}),
  };
}

/** An error meant for the user: a Prisma error code (P3xxx) when the engine gave one. */
export class MigrateError extends Error {
  override name = "MigrateError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(code ? `${code}: ${message}` : message);
  }
}

// prisma.config.ts declares no external tables or enums.
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCKFILE = "migration_lock.toml";

// ---------------------------------------------------------------------------------------------
// The WASM engine

// wasm-bindgen's glue imports the .wasm file as an ES module, which Node 20 cannot do without
// --experimental-wasm-modules: instantiate it here, as Prisma's own CLI does, once per process.
let wasmReady: Promise<void> | undefined;

// The engine starts timers (10 s ones, seen) that it never clears: Node would linger that long
// after the work. Track them, and clear the leftovers whenever no engine session is running
// (then nothing can be waiting on them).
const pendingTimers = new Set<NodeJS.Timeout>();
let runningSessions = 0;

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer);
    callback();
  }, ms >>> 0);
  pendingTimers.add(timer);
  return timer;
}

// The engine reports a Rust panic through this global before trapping (Prisma's CLI defines
// it too); without it the panic itself crashes on `undefined.set_message`.
type PanicRegistry = { message: string; set_message(message: string): void };
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

function takePanicMessage(): string | undefined {
  const registry = globals.PRISMA_WASM_PANIC_REGISTRY;
  const message = registry?.message;
  if (registry) registry.message = "";
  return message || undefined;
}

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(message: string) {
        this.message = message;
      },
    };
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const imports: Record<string, unknown> = { ...engineRuntime };
    const timerImport = Object.keys(imports).find((k) => k.startsWith("__wbg_setTimeout_"));
    if (!timerImport) throw new Error("@prisma/schema-engine-wasm: setTimeout import not found");
    imports[timerImport] = trackedSetTimeout;
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    engineRuntime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

// ---------------------------------------------------------------------------------------------
// Connections

// The engine reads Postgres' internal `"char"` type (OID 18, e.g. `pg_constraint.contype`) and
// expects it as a Character value, as the native driver returns it. adapter-pg rejects OID 18
// ("Column type 'char' could not be deserialized") and has no scalar type that maps to
// Character. Reporting it as text is not enough either: on PostgreSQL 18, where NOT NULL
// constraints appear in pg_constraint, the engine then panics reading a Text contype. So the
// tool's connections relabel OID 18 as a stand-in "user-defined" OID, which adapter-pg hands
// to `userDefinedTypeParser`; that wraps each value in PgChar, and withCharacterColumns() turns
// every column holding PgChar values into a Character column.
const CHAR_OID = 18;
const CHAR_STAND_IN_OID = 0x7fff_0012; // ≥ 16384: adapter-pg treats it as a user-defined type

class PgChar {
  constructor(readonly value: string) {}
}

/** The pg client of the tool's pools (pg Pool option `Client`); see CHAR_STAND_IN_OID. */
class CharAwareClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Registered before pg's own handler (attached at connect), so it sees the fields first,
    // before pg picks a value parser by OID (both OIDs get pg's default: the raw string).
    this.connection.on("rowDescription", (message: { fields: { dataTypeID: number }[] }) => {
      for (const field of message.fields) {
        if (field.dataTypeID === CHAR_OID) field.dataTypeID = CHAR_STAND_IN_OID;
      }
    });
  }
}

const pgOptions = (schema: string | undefined): NonNullable<ConstructorParameters<typeof PrismaPg>[1]> => ({
  ...(schema ? { schema } : {}),
  userDefinedTypeParser: async (oid, value) =>
    oid === CHAR_STAND_IN_OID && typeof value === "string" ? new PgChar(value) : value,
});

function withCharacterColumns(result: SqlResultSet): SqlResultSet {
  result.columnTypes.forEach((_, column) => {
    if (!result.rows.some((row) => row[column] instanceof PgChar)) return;
    result.columnTypes[column] = ColumnTypeEnum.Character;
    for (const row of result.rows) {
      const value = row[column];
      if (value instanceof PgChar) row[column] = value.value;
    }
  });
  return result;
}

function patchQueryRaw(queryable: SqlQueryable): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => withCharacterColumns(await queryRaw(query));
}

type Target = {
  /** Connection fields, not a URL: PrismaPg and pg let a connectionString override `database`. */
  config: pg.ClientConfig & { database: string };
  /** Postgres schema from `?schema=` (as Prisma reads it); undefined = the default, public. */
  schema?: string;
};

function parseDatabaseUrl(databaseUrl: string): Target {
  if (!databaseUrl) throw new MigrateError("DATABASE_URL is not set.");
  // Query parameters pg does not know (schema, connection_limit…) are kept and ignored by pg.
  const config: pg.ClientConfig & { schema?: unknown } = parseIntoClientConfig(databaseUrl);
  const { database, schema } = config;
  if (!database) throw new MigrateError("DATABASE_URL names no database.");
  return {
    config: { ...config, database },
    schema: typeof schema === "string" && schema ? schema : undefined,
  };
}

/** Drops every user schema (with its tables, types, functions, extensions) and recreates public. */
const WIPE_SCHEMAS_SQL = `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`;

/**
 * The adapter factory the engine gets. Besides the main database it hands out a shadow
 * database, `<db>_shadow` on the same server, which it creates itself: PrismaPg's own
 * connectToShadowDb spreads `{...config, database}`, which a connectionString overrides, and
 * cannot drop the database it created while its pool still holds connections to it.
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly pools = new Set<pg.Pool>();
  private shadowPool: pg.Pool | undefined;
  readonly shadowDatabase: string;

  constructor(private readonly target: Target) {
    this.shadowDatabase = `${target.config.database}_shadow`;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.adapterFor(this.openPool(this.target.config.database));
  }

  /** The engine asks for a shadow database several times a command: an empty one each time. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (this.shadowPool) {
      // Later requests empty the existing database: CREATE DATABASE costs 0.1–0.3 s.
      await this.endPool(this.shadowPool);
      await this.admin(WIPE_SCHEMAS_SQL, this.shadowDatabase);
    } else {
      // Dropped first: a run that crashed may have left one behind.
      try {
        await this.dropShadowDatabase();
        await this.admin(`CREATE DATABASE ${pg.escapeIdentifier(this.shadowDatabase)}`);
      } catch (error) {
        throw new Error(
          `cannot create the shadow database "${this.shadowDatabase}" (the role needs CREATEDB): ` +
            (error as Error).message,
        );
      }
    }
    this.shadowPool = this.openPool(this.shadowDatabase);
    return this.adapterFor(this.shadowPool);
  }

  /** Ends every pool and drops the shadow database. */
  async close(): Promise<void> {
    await Promise.all([...this.pools].map((pool) => this.endPool(pool)));
    if (this.shadowPool) {
      this.shadowPool = undefined;
      await this.dropShadowDatabase();
    }
  }

  private async adapterFor(pool: pg.Pool): Promise<SqlDriverAdapter> {
    // An external pool: PrismaPg does not end it, close() does (the engine may never dispose).
    const adapter = await new PrismaPg(pool, pgOptions(this.target.schema)).connect();
    patchQueryRaw(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      patchQueryRaw(transaction);
      return transaction;
    };
    // adapter-pg's executeScript splits the script on every ";", which breaks dollar-quoted
    // function bodies (and any ";" in a string or comment). Send the migration whole, as the
    // native engine does: a query without parameters goes through Postgres' simple protocol,
    // which runs multi-statement scripts (in one implicit transaction), and executeRaw keeps
    // adapter-pg's error mapping, so failures land in _prisma_migrations.logs as usual.
    adapter.executeScript = async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  }

  private openPool(database: string): pg.Pool {
    const pool = new pg.Pool({
      ...this.target.config,
      database,
      Client: CharAwareClient,
      // Unqualified names in hand-written migration SQL land in the `?schema=` schema, as with
      // the native engine.
      ...(this.target.schema ? { options: `-c search_path=${pg.escapeIdentifier(this.target.schema)}` } : {}),
    });
    // An idle client dropping (e.g. the shadow database being dropped) must not crash Node.
    pool.on("error", () => {});
    this.pools.add(pool);
    return pool;
  }

  private async endPool(pool: pg.Pool): Promise<void> {
    this.pools.delete(pool);
    await pool.end().catch(() => {});
  }

  private dropShadowDatabase(): Promise<void> {
    // FORCE: a connection the engine left open must not block the drop.
    return this.admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(this.shadowDatabase)} WITH (FORCE)`);
  }

  private async admin(sql: string, database = this.target.config.database): Promise<void> {
    const client = new pg.Client({ ...this.target.config, database });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Engine sessions

type Session = {
  engine: SchemaEngine;
  options: ResolvedOptions;
  /** Reads the migrations folder the way the native CLI does; call again after writing to it. */
  migrations: () => Promise<MigrationList>;
  schema: SchemasContainer;
};

/**
 * The schema's files: the one file, or every .prisma file under the folder, in path order
 * (the engine merges them; the order only makes its messages repeatable).
 */
async function readSchemaFiles(schemaPath: string): Promise<SchemasContainer["files"]> {
  if (!(await fs.stat(schemaPath)).isDirectory()) {
    return [{ path: schemaPath, content: await fs.readFile(schemaPath, "utf8") }];
  }
  const entries = await fs.readdir(schemaPath, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".prisma"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (paths.length === 0) throw new MigrateError(`No .prisma files in ${schemaPath}.`);
  return Promise.all(paths.map(async (file) => ({ path: file, content: await fs.readFile(file, "utf8") })));
}

/** Runs `work` with an engine connected to `databaseUrl`, and releases everything after. */
async function withEngine<T>(
  databaseUrl: string,
  migrateOptions: MigrateOptions | undefined,
  { createDatabase }: { createDatabase: boolean },
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const options = resolveOptions(migrateOptions);
  const target = parseDatabaseUrl(databaseUrl);
  if (createDatabase) await ensureDatabaseExists(target, options.log);
  const schema: SchemasContainer = { files: await readSchemaFiles(options.schemaPath) };

  runningSessions++;
  const factory = new MigrationAdapterFactory(target);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    await loadWasm();
    engine = await call(bound, () =>
      engineRuntime.SchemaEngine.new(
        { datamodels: schema.files.map((file): [string, string] => [file.path, file.content]) },
        (line: string) => {
          if (process.env.MIGRATE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
        },
        bound,
      ),
    );
    const session: Session = {
      engine,
      options,
      schema,
      migrations: () => readMigrations(options.migrationsDir),
    };
    return await work(withErrorMapping(session, bound));
  } finally {
    engine?.free();
    await factory.close();
    if (--runningSessions === 0) {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
    }
  }
}

/** As Prisma's migrate deploy/dev/reset do: creates the database if it does not exist yet. */
async function ensureDatabaseExists(target: Target, log: (message: string) => void): Promise<void> {
  const probe = new pg.Client(target.config);
  try {
    await probe.connect();
    return;
  } catch (error) {
    // invalid_catalog_name; any other failure is for the engine to report.
    if ((error as { code?: unknown }).code !== "3D000") return;
  } finally {
    await probe.end().catch(() => {});
  }
  const admin = new pg.Client({ ...target.config, database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(target.config.database)}`);
  } finally {
    await admin.end();
  }
  log(`Created database "${target.config.database}".`);
}

/** Makes every engine method throw a MigrateError (or the adapter's original error). */
function withErrorMapping(
  session: Session,
  bound: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
): Session {
  const engine = new Proxy(session.engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      // Bound to the real object: wasm-bindgen methods read `this.__wbg_ptr`.
      return (...args: unknown[]) => call(bound, () => value.apply(target, args));
    },
  });
  return { ...session, engine };
}

async function call<T>(
  bound: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toMigrateError(error, bound);
  }
}

function toMigrateError(error: unknown, bound: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): unknown {
  if (!(error instanceof Error)) return new MigrateError(String(error));
  const panic = error instanceof WebAssembly.RuntimeError ? takePanicMessage() : undefined;
  if (panic) return new MigrateError(`The schema engine crashed: ${panic}`);
  // A JS exception inside the adapter (e.g. CREATE DATABASE refused) reaches the engine as an
  // id into the adapter's error registry, which the engine's message names: recover it.
  const jsErrorId = /External error id#(\d+)/.exec(error.message)?.[1];
  if (jsErrorId !== undefined) {
    const original = bound.errorRegistry.consumeError(Number(jsErrorId))?.error;
    const context = error.message.split("\n")[0];
    if (original instanceof Error) return new MigrateError(`${context}: ${original.message}`);
  }
  const { code } = error as Error & { code?: unknown };
  if (typeof code === "string") return new MigrateError(error.message, code);
  return error;
}

/** Same listing as Prisma's CLI: every subfolder, its migration.sql, sorted by name. */
async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockContent = await fs.readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = path.join(migrationsDir, entry.name, "migration.sql");
    const content = await fs.readFile(file, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

// Like Prisma's: commands that write create the database when it does not exist yet.
const WRITE = { createDatabase: true };
const READ = { createDatabase: false };

/** Refuses to go on over failed or edited migrations, with Prisma's remedies. */
function assertHealthyHistory(diagnosis: DiagnoseMigrationHistoryOutput): void {
  if (diagnosis.failedMigrationNames.length > 0) {
    throw new MigrateError(
      `Migration(s) failed in the target database: ${diagnosis.failedMigrationNames.join(", ")}. ` +
        `Fix the database by hand, then mark the migration rolled back or applied ` +
        `(npx prisma migrate resolve --rolled-back|--applied <name>), or reset a development database.`,
      "P3009",
    );
  }
  if (diagnosis.editedMigrationNames.length > 0) {
    throw new MigrateError(
      `Migration(s) were modified after they were applied: ${diagnosis.editedMigrationNames.join(", ")}. ` +
        `Restore the applied migration.sql and add a new migration instead.`,
    );
  }
}

/** `prisma migrate deploy`: applies the pending migrations; returns their names. */
export async function deployMigrations(
  databaseUrl: string,
  options?: MigrateOptions,
): Promise<{ applied: string[] }> {
  return withEngine(databaseUrl, options, WRITE, async ({ engine, migrations }) => {
    const migrationsList = await migrations();
    assertHealthyHistory(
      await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      }),
    );
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { applied: appliedMigrationNames };
  });
}

/**
 * `prisma migrate diff --from-migrations --to-schema --script`: the SQL that would bring a
 * database built from the migrations folder to the schema (prisma/schema/). In sync = "" or comments only
 * (see isEmptyMigrationScript). Objects Prisma does not model (functions, triggers) are ignored.
 */
export async function diffMigrationsToSchema(databaseUrl: string, options?: MigrateOptions): Promise<string> {
  return withEngine(databaseUrl, options, READ, async ({ engine, migrations, schema }) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await migrations()) },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  });
}

/** True when a migration script has no statement, only comments and blank lines. */
export function isEmptyMigrationScript(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/** `prisma migrate reset --force`: empties the database's schema, re-applies every migration. */
export async function resetDatabase(databaseUrl: string, options?: MigrateOptions): Promise<void> {
  await resetAndApply(databaseUrl, options);
}

async function resetAndApply(databaseUrl: string, options?: MigrateOptions): Promise<{ applied: string[] }> {
  return withEngine(databaseUrl, options, WRITE, async ({ engine, migrations }) => {
    await engine.reset({ filter: NO_FILTER });
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await migrations(),
      filters: NO_FILTER,
    });
    return { applied: appliedMigrationNames };
  });
}

export type MigrationStatus = {
  migrations: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Applied in the database but absent from the folder. */
  missingLocally: string[];
  hasMigrationsTable: boolean;
};

/** `prisma migrate status`, as data. */
export async function migrationStatus(
  databaseUrl: string,
  options?: MigrateOptions,
): Promise<MigrationStatus> {
  return withEngine(databaseUrl, options, READ, async ({ engine, migrations }) => {
    const migrationsList = await migrations();
    const d = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const history = d.history;
    return {
      migrations: migrationsList.migrationDirectories.map((m) => m.path),
      pending:
        history && history.diagnostic !== "migrationsDirectoryIsBehind"
          ? history.unappliedMigrationNames
          : [],
      missingLocally:
        history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [],
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      hasMigrationsTable: d.hasMigrationsTable,
    };
  });
}

/** Prisma's migration-name slug (its `slugify` with "_"): "Add auditLog" → "add_audit_log". */
export function migrationSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/&/g, " and ")
    .replace(/([A-Z]{2,})(\d+)/g, "$1 $2")
    .replace(/([a-z\d]+)([A-Z]{2,})/g, "$1 $2")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-rt-z\d]+)/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

export type DevResult = {
  /** Pending migrations applied before creating a new one. */
  applied: string[];
  /** Folder name of the new migration, if one was written. */
  created?: string;
  /** Data-loss warnings the new migration would cause. */
  warnings: string[];
};

/**
 * `prisma migrate dev`: applies pending migrations, then writes (and unless `createOnly`,
 * applies) a migration from the folder's end state to the schema, computed on the shadow
 * database. Refuses to apply data-losing changes without `acceptDataLoss`.
 */
export async function migrateDev(
  databaseUrl: string,
  params: { name?: string; createOnly?: boolean; acceptDataLoss?: boolean },
  options?: MigrateOptions,
): Promise<DevResult> {
  return withEngine(databaseUrl, options, WRITE, async ({ engine, migrations, schema, options: opts }) => {
    const { log } = opts;
    const { action } = await engine.devDiagnostic({ migrationsList: await migrations(), filters: NO_FILTER });
    if (action.tag === "reset") {
      throw new MigrateError(
        `${action.reason}\nThe database must be reset: run \`npm run db:reset -- --force\` ` +
          `(all data will be lost).`,
      );
    }

    const { appliedMigrationNames: applied } = await engine.applyMigrations({
      migrationsList: await migrations(),
      filters: NO_FILTER,
    });
    if (applied.length > 0) log(`Applied pending migration(s):\n${formatList(applied)}`);

    // evaluateDataLoss and createMigration get no shadow database from the WASM engine: they
    // read the migrations' end state from a cache that only commands given the adapter factory
    // fill, and devDiagnostic does not fill it for the full folder (not at all on a database
    // without history). Without it evaluateDataLoss fails, as an uncaught exception, with
    // "PostgreSQL shadow DB must be provided through an external factory". Fill it here.
    await engine.diagnoseMigrationHistory({
      migrationsList: await migrations(),
      optInToShadowDatabase: true,
      filters: NO_FILTER,
    });

    const loss = await engine.evaluateDataLoss({
      migrationsList: await migrations(),
      schema,
      filters: NO_FILTER,
    });
    const warnings = loss.warnings.map((w) => w.message);
    if (loss.unexecutableSteps.length > 0) {
      const steps = loss.unexecutableSteps.map((s) => `  • Step ${s.stepIndex} ${s.message}`).join("\n");
      if (!params.createOnly) {
        throw new MigrateError(
          `Changes that cannot be executed:\n${steps}\nCreate the migration with --create-only and edit it.`,
        );
      }
      log(`Changes that cannot be executed as generated (edit the migration):\n${steps}`);
    }
    if (warnings.length > 0) {
      log(`Warnings for the current database:\n${formatList(warnings)}`);
      if (!params.createOnly && !params.acceptDataLoss) {
        throw new MigrateError("The migration would lose data; re-run with --accept-data-loss to apply it.");
      }
    }

    if (loss.migrationSteps === 0 && !params.createOnly) return { applied, warnings };
    const migrationName = migrationSlug(params.name ?? "");
    if (!migrationName) {
      throw new MigrateError(
        "Name the new migration: --name <name> (ASCII letters and digits; others are dropped).",
      );
    }

    const migrationsList = await migrations();
    const created = await engine.createMigration({
      draft: Boolean(params.createOnly),
      migrationName,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) return { applied, warnings };
    await writeMigration(migrationsList, created);
    if (!params.createOnly) {
      await engine.applyMigrations({ migrationsList: await migrations(), filters: NO_FILTER });
    }
    return { applied, warnings, created: created.generatedMigrationName };
  });
}

/** Writes the folder, script and lockfile exactly as Prisma's CLI does. */
async function writeMigration(list: MigrationList, created: CreateMigrationOutput): Promise<void> {
  const dir = path.join(list.baseDir, created.generatedMigrationName);
  await fs.mkdir(list.baseDir, { recursive: true });
  await fs.mkdir(dir); // fails if it exists, like Prisma
  await fs.writeFile(path.join(dir, `migration.${created.extension}`), created.migrationScript ?? "", "utf8");
  await fs.writeFile(
    path.join(list.baseDir, list.lockfile.path),
    "# Please do not edit this file manually\n" +
      "# It should be added in your version-control system (e.g., Git)\n" +
      `provider = "${created.connectorType}"\n`,
    "utf8",
  );
}

// ---------------------------------------------------------------------------------------------
// CLI

function formatList(items: string[]): string {
  return items.map((item) => `  └─ ${item}`).join("\n");
}

const USAGE = `Usage: tsx scripts/db/migrate.ts <command>   (reads DATABASE_URL)

  deploy                        apply pending migrations
  dev --name <name>             apply pending migrations, create + apply a migration for
      [--create-only]           schema changes (prisma/schema/) (--create-only: write it, don't apply)
      [--accept-data-loss]
  reset --force                 drop everything in the database, re-apply all migrations
  status                        list migrations; exit 1 if any is pending or failed
  diff                          SQL from the migrations to the schema; exit 2 if not empty
`;

function parseFlags(args: string[]): { flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    if (arg === "--name" || arg === "-n") values.set("name", args[++i] ?? "");
    else if (arg.startsWith("--") && eq > 0) values.set(arg.slice(2, eq), arg.slice(eq + 1));
    else flags.add(arg);
  }
  return { flags, values };
}

/** Runs one command; returns the exit code. Prints to stdout/stderr. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { flags, values } = parseFlags(rest);
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const out = (message: string) => process.stdout.write(`${message}\n`);
  const options: MigrateOptions = { log: out };
  const started = performance.now();
  const done = (message: string) => out(`${message} (${Math.round(performance.now() - started)} ms)`);

  try {
    switch (command) {
      case "deploy": {
        const { applied } = await deployMigrations(databaseUrl, options);
        done(
          applied.length
            ? `Applied migration(s):\n${formatList(applied)}`
            : "No pending migrations to apply.",
        );
        return 0;
      }
      case "dev": {
        const result = await migrateDev(
          databaseUrl,
          {
            name: values.get("name"),
            createOnly: flags.has("--create-only"),
            acceptDataLoss: flags.has("--accept-data-loss"),
          },
          options,
        );
        const relative = path.relative(process.cwd(), resolveOptions().migrationsDir);
        if (result.created) {
          done(
            flags.has("--create-only")
              ? `Created ${relative}/${result.created}/migration.sql (not applied: edit it, then run dev again).`
              : `Created and applied ${relative}/${result.created}/migration.sql.`,
          );
        } else if (result.applied.length > 0) done("The database is now in sync with the schema.");
        else done("Already in sync, no schema change or pending migration was found.");
        return 0;
      }
      case "reset": {
        if (!flags.has("--force") && !flags.has("-f")) {
          process.stderr.write("reset drops all data: pass --force to confirm.\n");
          return 1;
        }
        const { applied } = await resetAndApply(databaseUrl, options);
        done(`Database reset; applied migration(s):\n${formatList(applied)}`);
        return 0;
      }
      case "status": {
        const s = await migrationStatus(databaseUrl, options);
        out(`${s.migrations.length} migration(s) found in prisma/migrations`);
        let code = 0;
        if (s.pending.length) {
          out(`Not yet applied:\n${formatList(s.pending)}`);
          code = 1;
        }
        if (s.missingLocally.length) {
          out(`Applied in the database but missing from prisma/migrations:\n${formatList(s.missingLocally)}`);
          code = 1;
        }
        if (s.failed.length) {
          out(`Failed:\n${formatList(s.failed)}`);
          code = 1;
        }
        if (s.edited.length) out(`Modified after being applied:\n${formatList(s.edited)}`);
        if (code === 0) done("Database schema is up to date!");
        return code;
      }
      case "diff": {
        const sql = await diffMigrationsToSchema(databaseUrl, options);
        if (isEmptyMigrationScript(sql)) {
          done("No difference between prisma/migrations and prisma/schema/.");
          return 0;
        }
        process.stdout.write(sql.endsWith("\n") ? sql : `${sql}\n`);
        process.stderr.write(
          "prisma/schema/ differs from prisma/migrations: " +
            "create a migration with `npm run db:migrate:dev -- --name <name>`.\n",
        );
        return 2;
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out(USAGE);
        return command ? 0 : 1;
      default:
        process.stderr.write(`Unknown command: ${command}\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Engine errors carry the engine's own context in the message; JS stacks only help us.
  if (process.env.MIGRATE_DEBUG && error.stack) return error.stack;
  const message = error.message.trimEnd();
  return error instanceof MigrateError ? message : `${error.name}: ${message}`;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // A Rust panic traps inside a callback of the engine, out of reach of runCli's try/catch.
  process.on("uncaughtException", (error) => {
    const panic = error instanceof WebAssembly.RuntimeError ? takePanicMessage() : undefined;
    process.stderr.write(`${panic ? `The schema engine crashed: ${panic}` : describeError(error)}\n`);
    process.exit(1);
  });
  // Exit explicitly: nothing should be left to wait for, but a stray handle of the WASM
  // engine or of pg must never keep a CI job alive.
  void withDatabaseUrl()
    .then(() => runCli(process.argv.slice(2)))
    .then((code) => process.exit(code));
}

/**
 * Without DATABASE_URL the CLI works on the demo's embedded cluster (.data/pg, database
 * zjtrack), as `npm run demo` does, so a developer needs no PostgreSQL of their own.
 */
async function withDatabaseUrl(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const { startEmbeddedPostgres, ensureDatabase } = await import("./embedded");
  const cluster = await startEmbeddedPostgres({
    dir: ".data/pg",
    port: Number(process.env.DEMO_PG_PORT ?? 54329),
    quiet: true,
  });
  await ensureDatabase(cluster.url("postgres"), "zjtrack");
  process.env.DATABASE_URL = cluster.url("zjtrack");
  process.stderr.write(`Using the embedded PostgreSQL (${process.env.DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}).\n`);
}
