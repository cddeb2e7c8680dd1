// The pairing list's query string, parsed once for the list page and its Excel export.
export type PairingStatusFilter = "ACTIVE" | "ENDED";

/** "ENDED" shows ended pairings; anything else (or nothing) the active ones. */
export function parsePairingStatus(value: string | string[] | null | undefined): PairingStatusFilter {
  return (Array.isArray(value) ? value[0] : value) === "ENDED" ? "ENDED" : "ACTIVE";
}
