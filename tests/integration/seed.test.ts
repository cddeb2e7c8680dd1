import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedIfEmpty } from "@/prisma/seed";

const saved = { APP_ENV: process.env.APP_ENV };
afterEach(() => {
  if (saved.APP_ENV === undefined) delete process.env.APP_ENV;
  else process.env.APP_ENV = saved.APP_ENV;
});

describe("demo seed", () => {
  it("refuses to run against a production deployment", async () => {
    process.env.APP_ENV = "production";
    await expect(seedIfEmpty()).rejects.toThrow(/production/);
  });

  it("does not seed a database that already has users", async () => {
    const before = await db.orgUnit.count();
    expect(await seedIfEmpty()).toBe(false);
    expect(await db.orgUnit.count()).toBe(before);
  });
});
