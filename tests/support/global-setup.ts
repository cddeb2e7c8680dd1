import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../../scripts/db/embedded";
import { deployMigrations } from "../../scripts/db/migrate";
import { TEMPLATE_DB, adminQuery, withDatabase } from "./test-db";

let cluster: EmbeddedCluster | undefined;

export default async function setup(project: TestProject) {
  let adminUrl: string;
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    adminUrl = withDatabase(external, "postgres");
  } else {
    cluster = await startEmbeddedPostgres({ dir: process.env.TEST_PG_DIR ?? ".data/pg-test", port: Number(process.env.TEST_PG_PORT ?? 54339), quiet: true });
    adminUrl = cluster.url("postgres");
  }
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${TEMPLATE_DB}`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  await deployMigrations(templateUrl);

  // Seed the demo district into the template with a client of its own. The seed derives every
  // date from one anchor instant; the tests get the same anchor (tests/support/time.ts), so a
  // run that crosses midnight or a new year still agrees with the data it was given.
  process.env.DATABASE_URL = templateUrl;
  const { db } = await import("../../lib/platform/db/client");
  const { seedDemo } = await import("../../prisma/demo-data");
  // TEST_DEMO_ANCHOR (ISO) seeds for another instant than now: the date-shifted new-year run
  // seeds for 31 Dec 23:59:50 while its clock is already in January (scripts/shifted-clock.ts).
  const demoNow = process.env.TEST_DEMO_ANCHOR ? new Date(process.env.TEST_DEMO_ANCHOR) : new Date();
  if (Number.isNaN(demoNow.getTime())) throw new Error(`TEST_DEMO_ANCHOR is not an instant: ${process.env.TEST_DEMO_ANCHOR}`);
  await seedDemo(db, { now: demoNow });
  await db.$disconnect();
  delete (globalThis as { __db?: unknown }).__db;

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  project.provide("demoNow", demoNow.toISOString());
  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).catch(() => {});
    await cluster?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** The instant the template's demo data was seeded for (ISO string). */
    demoNow: string;
  }
}
