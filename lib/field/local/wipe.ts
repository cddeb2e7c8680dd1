// Wiping the device copy (issue 16, decision in docs/decisions/0022-field-app-offline.md).
import { fieldDb } from "./db";
import { clearOfflinePages } from "./pages";
import { unsentLocalPlaces } from "./local-places";

/**
 * How many wipes this browser has seen (localStorage: shared by its tabs). A work-set refresh
 * notes it before downloading and stores nothing if it moved meanwhile: what it fetched was the
 * signed-out (or no longer entitled) user's. Without it, a refresh still in flight when the
 * officer signed out wrote their households back after the wipe (field-offline e2e).
 */
const WIPES_KEY = "zj-field.wipes";

export function wipeCount(): number {
  try {
    return Number(localStorage.getItem(WIPES_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

function countWipe(): void {
  try {
    localStorage.setItem(WIPES_KEY, String(wipeCount() + 1));
  } catch {
    /* no storage: nothing was stored to come back either */
  }
}

/**
 * The work set only (a refresh's 401, a role/org/session change): the outbox survives for the
 * same user. `counted: false` for the refresh's own wipe before it stores a new owner's copy.
 */
export async function wipeWorkSet({ counted = true }: { counted?: boolean } = {}): Promise<void> {
  if (counted) countWipe();
  const db = fieldDb();
  await db.transaction("rw", [db.meta, db.places, db.campaigns, db.due, db.problems, db.outbox], async () => {
    // Households registered offline and still queued stay pickable (local-places.ts).
    const local = await unsentLocalPlaces(db);
    await Promise.all([db.meta.delete("workSet"), db.places.clear(), db.campaigns.clear(), db.due.clear(), db.problems.clear()]);
    await db.places.bulkPut(local);
  });
  await clearOfflinePages();
}

/**
 * This page wiped everything (sign-out: the form posts right after): no refresh may start here
 * any more, or it would download the work set again with the session that is just ending.
 */
let wipedAllHere = false;
export const wipedAllInThisPage = () => wipedAllHere;

/** Everything on the device: sign-out (after the warning about unsent items) or another user signing in. */
export async function wipeAll(): Promise<void> {
  countWipe();
  wipedAllHere = true;
  const db = fieldDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await clearOfflinePages();
}
