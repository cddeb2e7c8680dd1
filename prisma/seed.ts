// `npm run db:seed`: loads the demo district into an empty database. Refuses to run against
// a production deployment, and refuses to mix demo data into a database that has users.
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/write";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo-data";

export async function seedIfEmpty(): Promise<boolean> {
  if (process.env.APP_ENV === "production" || process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data: APP_ENV/NODE_ENV is production.");
  }
  if ((await db.user.count()) > 0) return false;
  // All or nothing: a seed interrupted half-way would otherwise be "not empty" next time.
  await db.$transaction(
    async (tx) => {
      await seedDemo(tx);
      await appendAudit(
        tx,
        { actorId: null, actorName: "system", requestId: null, ip: null },
        { action: "system.seedDemo", entityType: "Database", data: { users: DEMO_USERS.length } },
      );
    },
    { timeout: 120_000 },
  );
  return true;
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
