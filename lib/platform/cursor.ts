// Keyset-pagination cursors: (timestamp, id) of the last row shown, opaque in the URL.

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

/** null for anything that is not a cursor we issued (a tampered URL just starts at page one). */
export function decodeCursor(value: string): { at: Date; id: string } | null {
  try {
    const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
    if (!iso || !id || id.length > 64) return null;
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? null : { at, id };
  } catch {
    return null;
  }
}
