// The test PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) when given, otherwise an embedded
// cluster in .data/pg-test. A template database is migrated and seeded once per run; each
// test file then gets its own clone (CREATE DATABASE … TEMPLATE, ~0.1 s).
import pg from "pg";

// One template per run (pid), so two runs against the same server never drop each other's.
export const TEMPLATE_DB = `zjtrack_test_template_${process.env.VITEST_TEMPLATE_ID ?? process.pid}`;

/** URL of the same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function cloneTemplate(adminUrl: string, name: string, template: string): Promise<string> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
  return withDatabase(adminUrl, name);
}
