// The device's copy of the officer's work set (issue 16): fetched from GET /api/field/work-set
// and replaced wholesale in one transaction, so a page never sees half of an old copy and half
// of a new one. Who the copy belongs to is checked on every refresh: a 401 (signed out,
// session revoked) wipes the work set; another user's answer wipes everything on the device
// (their outbox included — it is not this user's to send); the same user with another
// fingerprint (role, org unit or session version moved) wipes the work set before storing.
import { nowMs } from "@/lib/platform/clock";
import type { WorkSet } from "@/lib/field/schemas";
import { fieldDb, type PlaceRow } from "./db";
import { warmOfflinePages } from "./pages";
import { placeMatchesQuery, rankPlaces, workSetNeedsRefresh, type WorkSetMeta } from "./place-match";
import { wipeCount, wipedAllInThisPage, wipeWorkSet } from "./wipe";
import { unsentLocalPlaces } from "./local-places";
import { isOffline, reportNetworkFailure, reportNetworkSuccess } from "./connectivity";

export const WORK_SET_URL = "/api/field/work-set";
const META_KEY = "workSet";

export type { WorkSetMeta };

/** What a refresh did; never throws. */
export type RefreshResult =
  | { ok: true; meta: WorkSetMeta }
  | { ok: false; reason: "offline" | "signedOut" | "forbidden" | "failed" };

export async function readWorkSetMeta(): Promise<WorkSetMeta | null> {
  const row = await fieldDb().meta.get(META_KEY);
  return (row?.value as WorkSetMeta | undefined) ?? null;
}

/** One refresh at a time in this page (the background refresh and the "立即更新" button). */
let inFlight: Promise<RefreshResult> | null = null;

export function refreshWorkSet(): Promise<RefreshResult> {
  inFlight ??= doRefresh().finally(() => { inFlight = null; });
  return inFlight;
}

/** Refreshes when the copy is missing, another user's or older than 15 minutes; otherwise nothing. */
export async function refreshWorkSetIfStale(userId: string): Promise<RefreshResult | null> {
  try {
    if (!workSetNeedsRefresh(await readWorkSetMeta(), userId, nowMs())) return null;
  } catch {
    // IndexedDB unavailable: a refresh would fail the same way; nothing to keep.
    return null;
  }
  return refreshWorkSet();
}

async function doRefresh(): Promise<RefreshResult> {
  if (wipedAllInThisPage()) return { ok: false, reason: "signedOut" };
  if (isOffline()) return { ok: false, reason: "offline" };
  const wipesBefore = wipeCount();
  let response: Response;
  try {
    response = await fetch(WORK_SET_URL, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    reportNetworkFailure();
    return { ok: false, reason: "offline" };
  }
  reportNetworkSuccess();
  try {
    if (response.status === 401) {
      await wipeWorkSet();
      return { ok: false, reason: "signedOut" };
    }
    // No longer allowed to record visits (role changed): the copy is not theirs to keep either.
    if (response.status === 403) {
      await wipeWorkSet();
      return { ok: false, reason: "forbidden" };
    }
    if (!response.ok) return { ok: false, reason: "failed" };
    const workSet = (await response.json()) as WorkSet;
    const meta = await storeWorkSet(workSet, wipesBefore);
    if (!meta) return { ok: false, reason: "signedOut" };
    // The pages to keep offline; the service worker fetches them in the background.
    await warmOfflinePages(workSet.offlinePages).catch(() => {});
    return { ok: true, meta };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** Null when the device was wiped since the download began (sign-out): nothing is stored. */
async function storeWorkSet(workSet: WorkSet, wipesBefore: number): Promise<WorkSetMeta | null> {
  if (wipeCount() !== wipesBefore) return null;
  const previous = await readWorkSetMeta();
  // Another user on this device (the last one's session ran out without a sign-out): their
  // work set and kept pages go; their unsent records stay, invisible to this user (the outbox
  // is per user, and the server refuses an item sent under another session), until they sign
  // in again. Wiping them here would delete a day's visits without a word.
  if (previous && previous.owner.userId !== workSet.owner.userId) await wipeWorkSet({ counted: false });
  else if (previous && previous.owner.fingerprint !== workSet.owner.fingerprint) await wipeWorkSet({ counted: false });

  const households = workSet.places.filter((p) => p.type === "HOUSEHOLD").length;
  const meta: WorkSetMeta = {
    owner: workSet.owner,
    generatedAt: workSet.generatedAt,
    refreshedAt: nowMs(),
    counts: {
      households,
      enterprises: workSet.places.length - households,
      campaigns: workSet.campaigns.length,
      due: workSet.due.length,
      problems: workSet.problems.length,
    },
    capped: workSet.capped,
  };
  const db = fieldDb();
  const stored = await db.transaction("rw", [db.meta, db.places, db.campaigns, db.due, db.problems, db.outbox], async () => {
    // Checked again inside the transaction: a wipe that began meanwhile clears after it or is seen here.
    if (wipeCount() !== wipesBefore) return false;
    // Households registered offline and still queued are the device's own: kept (local-places.ts).
    const local = await unsentLocalPlaces(db);
    await Promise.all([db.places.clear(), db.campaigns.clear(), db.due.clear(), db.problems.clear()]);
    await Promise.all([
      db.places.bulkPut([...workSet.places, ...local]),
      db.campaigns.bulkPut(workSet.campaigns.map((c) => ({ programmeId: c.id, ...c }))),
      db.due.bulkPut(workSet.due),
      db.problems.bulkPut(workSet.problems),
    ]);
    await db.meta.put({ key: META_KEY, value: meta });
    return true;
  });
  return stored ? meta : null;
}

/** The offline place search: households or enterprises whose name, address or code contains q, best first. */
export async function searchLocalPlaces(type: PlaceRow["type"], q: string, limit = 10): Promise<PlaceRow[]> {
  if (!q.trim()) return [];
  const found = await fieldDb().places.where("type").equals(type).filter((p) => placeMatchesQuery(p, q)).toArray();
  return rankPlaces(found, q).slice(0, limit);
}
