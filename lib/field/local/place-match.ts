// Pure rules of the device's work set (issue 16), kept apart from Dexie so unit tests run them
// in Node: how an offline place search matches and shows a household or enterprise (the same
// label and detail the server's register search gives), and when the copy is due a refresh.
import type { WorkSetOwner } from "@/lib/field/schemas";
import type { PlaceRow } from "./db";

/** Refresh the work set when it is older than this (on page load and every as long while open). */
export const WORK_SET_REFRESH_MS = 15 * 60 * 1000;

/** The meta row "workSet": who the copy belongs to and what it holds. */
export type WorkSetMeta = {
  owner: WorkSetOwner;
  /** The server's clock, ISO. */
  generatedAt: string;
  /** The device's clock, epoch ms. */
  refreshedAt: number;
  counts: { households: number; enterprises: number; campaigns: number; due: number; problems: number };
  capped: boolean;
};

/** Whether the copy should be fetched again: none yet, another user's, or older than the interval. */
export function workSetNeedsRefresh(meta: WorkSetMeta | null | undefined, userId: string, now: number): boolean {
  return !meta || meta.owner.userId !== userId || now - meta.refreshedAt >= WORK_SET_REFRESH_MS || meta.refreshedAt > now;
}

/** Name, address or 户号/信用代码 contains the query (codes case-insensitive, as credit codes are upper case). */
export function placeMatchesQuery(place: Pick<PlaceRow, "name" | "address" | "code">, q: string): boolean {
  const query = q.trim();
  if (!query) return false;
  return place.name.includes(query) || place.address.includes(query) || place.code.toUpperCase().includes(query.toUpperCase());
}

/** The register search's label and detail (lib/platform/search/registers.ts), so a local match reads the same. */
export function placeAsMatch(place: PlaceRow): { id: string; label: string; detail: string } {
  const detail = (parts: string[]) => parts.filter(Boolean).join(" · ");
  return place.type === "HOUSEHOLD"
    ? { id: place.id, label: `${place.name}（${place.code}）`, detail: detail([place.orgUnitName, place.address]) }
    : { id: place.id, label: place.name, detail: detail([place.code, place.orgUnitName, place.address]) };
}

/** Best first: a name starting with the query, then a code starting with it, then the rest; by name within. */
export function rankPlaces<P extends Pick<PlaceRow, "name" | "code">>(places: P[], q: string): P[] {
  const query = q.trim().toUpperCase();
  const rank = (p: P) => (p.name.toUpperCase().startsWith(query) ? 0 : p.code.toUpperCase().startsWith(query) ? 1 : 2);
  return [...places].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "zh-CN"));
}
