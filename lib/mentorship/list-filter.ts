// The pairing list's query string, parsed once for the list page and its Excel export.
import { filterEnum, parseFilters, type SearchParamsRecord } from "@/lib/platform/url-filters";

export type PairingStatusFilter = "ACTIVE" | "ENDED";

/** "ENDED" shows ended pairings; anything else (or nothing) the active ones. */
export function parsePairingStatus(value: string | string[] | null | undefined): PairingStatusFilter {
  return (Array.isArray(value) ? value[0] : value) === "ENDED" ? "ENDED" : "ACTIVE";
}

/** The list's status tabs, one schema for the URL parameter (lib/platform/url-filters.ts). */
export const pairingFilterShape = { status: filterEnum(["ACTIVE", "ENDED"] as const) };

/** The status tab and whether the URL's value was ignored (the page says so). */
export function parsePairingStatusWithIgnored(params: SearchParamsRecord): { status: PairingStatusFilter; ignored: string[] } {
  const { filter, ignored } = parseFilters(pairingFilterShape, params);
  return { status: filter.status ?? "ACTIVE", ignored };
}
