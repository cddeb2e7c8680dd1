// A fresh database with the demo seed for the servers the end-to-end tests run against
// (scripts/e2e-server.ts, scripts/twin-server.ts): dropped and created again on every start,
// migrated and seeded, on TEST_DATABASE_URL / DATABASE_URL's server when set, else on an
// embedded PostgreSQL.
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded";
import { deployMigrations } from "./migrate";
import { externalTestServer, testDatabaseUrl } from "./urls";

export type FreshDemoDatabase = { databaseUrl: string; cluster?: EmbeddedCluster };

export async function freshDemoDatabase(options: { database: string; pgDir: string; pgPort: number }): Promise<FreshDemoDatabase> {
  const cluster = externalTestServer() ? undefined : await startEmbeddedPostgres({ dir: options.pgDir, port: options.pgPort, quiet: true });
  const databaseUrl = testDatabaseUrl(options.database, options.pgPort);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const name = pg.escapeIdentifier(options.database);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await deployMigrations(databaseUrl);
  // lib/platform/db/client reads DATABASE_URL when first imported: set it before the seed loads it.
  process.env.DATABASE_URL = databaseUrl;
  const { seedIfEmpty } = await import("../../prisma/seed");
  const { db } = await import("../../lib/platform/db/client");
  await seedIfEmpty();
  await db.$disconnect();
  return { databaseUrl, cluster };
}
