// Runs before each test file: gives the file its own clone of the seeded template database
// and points the app's Prisma client at it. The Next.js request boundary (headers, cookies,
// cache revalidation, next-intl's request config) is replaced by tests/support/next-stubs.ts;
// everything below it — actions, Auth.js token decoding, Prisma, PostgreSQL — is real.
import { randomBytes } from "node:crypto";
import { afterAll, inject, vi } from "vitest";
import { cloneTemplate, adminQuery } from "./test-db";

const adminUrl = inject("pgAdminUrl");
const dbName = `zjtrack_test_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = await cloneTemplate(adminUrl, dbName, inject("pgTemplate"));
process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";
delete (globalThis as { __db?: unknown }).__db;

vi.mock("next/headers", async () => (await import("./next-stubs")).nextHeaders);
vi.mock("next/cache", async () => (await import("./next-stubs")).nextCache);
vi.mock("next-intl/server", async () => (await import("./next-stubs")).nextIntlServer);
vi.mock("next/navigation", async () => (await import("./next-stubs")).nextNavigation);

afterAll(async () => {
  const { db } = await import("@/lib/platform/db/client");
  await db.$disconnect();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});
