// Demo records of the Dashboards module, seeded on top of the registers and campaigns.
import type { Db, Tx } from "@/lib/db/client";

export async function seedDemoDashboards(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>): Promise<void> {
  void db;
  void ids;
  void userIds;
}
