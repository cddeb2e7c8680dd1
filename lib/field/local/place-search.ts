// The register search boxes' offline fallback (issue 16): online, the module's own read action
// answers (scope and permission on the server); offline, or when that call never comes back
// (the network dropped), the device's work set answers instead, marked `local` so the box can
// say "（本机数据）". Dexie is loaded only then, so the forms' first load stays light.
import type { ActionResult } from "@/lib/platform/action";
import type { PlaceRow } from "./db";
import { isOffline } from "./connectivity";

export type PlaceSearchAnswer = ActionResult<{ id: string; label: string; detail: string }[]> & { local?: boolean };

export async function searchWithLocalFallback(
  type: PlaceRow["type"],
  q: string,
  online: () => Promise<ActionResult<{ id: string; label: string; detail: string }[]>>,
): Promise<PlaceSearchAnswer> {
  if (!isOffline()) {
    try {
      return await online();
    } catch {
      // The request never got an answer: fall back to the device's copy below.
    }
  }
  const [{ searchLocalPlaces }, { placeAsMatch }] = await Promise.all([import("./work-set"), import("./place-match")]);
  const rows = await searchLocalPlaces(type, q);
  return { ok: true, data: rows.map(placeAsMatch), local: true };
}
