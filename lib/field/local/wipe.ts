// Wiping the device copy (issue 16, decision in docs/decisions/0022-field-app-offline.md).
import { fieldDb } from "./db";
import { clearOfflinePages } from "./pages";
import { unsentLocalPlaces } from "./local-places";

/** The work set only (a refresh's 401, a role/org/session change): the outbox survives for the same user. */
export async function wipeWorkSet(): Promise<void> {
  const db = fieldDb();
  await db.transaction("rw", [db.meta, db.places, db.campaigns, db.due, db.problems, db.outbox], async () => {
    // Households registered offline and still queued stay pickable (local-places.ts).
    const local = await unsentLocalPlaces(db);
    await Promise.all([db.meta.delete("workSet"), db.places.clear(), db.campaigns.clear(), db.due.clear(), db.problems.clear()]);
    await db.places.bulkPut(local);
  });
  await clearOfflinePages();
}

/** Everything on the device: sign-out (after the warning about unsent items) or another user signing in. */
export async function wipeAll(): Promise<void> {
  const db = fieldDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await clearOfflinePages();
}
