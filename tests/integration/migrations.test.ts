import { describe, expect, it, inject } from "vitest";
import pg from "pg";
import { deployMigrations, diffMigrationsToSchema, isEmptyMigrationScript } from "../../scripts/db/migrate";
import { adminQuery, withDatabase } from "../support/test-db";

describe("migrations", () => {
  it("apply to an empty database and match the schema (prisma/schema/) exactly (no drift)", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `zjtrack_migr_${Date.now()}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(adminUrl, name);
    try {
      const { applied } = await deployMigrations(url);
      expect(applied.length).toBeGreaterThan(0);
      expect((await deployMigrations(url)).applied).toEqual([]);

      const diff = await diffMigrationsToSchema(url);
      expect(isEmptyMigrationScript(diff), `drift between migrations and prisma/schema/:\n${diff}`).toBe(true);

      // The hand-written audit protection is part of the migrations.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname");
      await client.end();
      expect(rows.map((r) => r.tgname)).toEqual(["audit_log_no_truncate", "audit_log_no_update_delete"]);
    } finally {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}_shadow WITH (FORCE)`);
    }
  });
});
