// `npm run db:seed`: loads the demo district into an empty database. Refuses to run against
// a production deployment, and refuses to mix demo data into a database that has users.
import { db } from "@/lib/platform/db/client";
import { appendAudit } from "@/lib/platform/audit/write";
import { now, shanghaiYear } from "@/lib/platform/clock";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo-data";

/**
 * Seeds the demo district for the anchor instant `now` (default: the clock). The anchor and
 * its Shanghai year are kept in the `system.seedDemo` audit row, so `npm run demo` can tell
 * that a demo database was seeded for an earlier year (see `seededFor`).
 */
export async function seedIfEmpty(options: { now?: Date } = {}): Promise<boolean> {
  if (process.env.APP_ENV === "production" || process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data: APP_ENV/NODE_ENV is production.");
  }
  if ((await db.user.count()) > 0) return false;
  // All or nothing: a seed interrupted half-way would otherwise be "not empty" next time.
  await db.$transaction(
    async (tx) => {
      const anchor = options.now ?? now();
      await seedDemo(tx, { now: anchor });
      await appendAudit(
        { actorId: null, actorName: "system", requestId: null, ip: null },
        { action: "system.seedDemo", entityType: "Database", data: { users: DEMO_USERS.length, anchor: anchor.toISOString(), year: shanghaiYear(anchor) } }, tx,
      );
    },
    { timeout: 120_000 },
  );
  return true;
}

/** The anchor the demo data in this database was seeded for, from its audit row (null if unknown). */
export async function seededFor(): Promise<{ anchor: Date; year: number } | null> {
  const row = await db.auditLog.findFirst({ where: { action: "system.seedDemo" }, orderBy: { seq: "desc" }, select: { data: true, at: true } });
  if (!row) return null;
  const data = (row.data ?? {}) as { anchor?: string };
  // Rows written before the anchor was recorded: the seed ran at the row's own time.
  const anchor = data.anchor ? new Date(data.anchor) : row.at;
  return { anchor, year: shanghaiYear(anchor) };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  try {
    const seeded = await seedIfEmpty();
    console.log(seeded ? `Demo data seeded. Password for every demo login: ${DEMO_PASSWORD}` : "Database already has users: seed skipped.");
    await db.$disconnect();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  }
}
