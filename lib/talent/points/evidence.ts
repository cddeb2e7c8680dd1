// Evidence files of an application: checked by their bytes (PDF, JPEG, PNG, WebP — not the
// file name or the browser's claimed type), size-limited, kept in lib/platform/storage, served only
// through the evidence route after a scoped lookup.
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_PER_APPLICATION = 12;
export const EVIDENCE_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];
/** Always accepted besides the items' own evidence types. */
export const OTHER_EVIDENCE = "其他材料";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

export function sniffEvidenceType(bytes: Uint8Array): EvidenceMimeType | null {
  if (bytes.length >= 5 && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (bytes.length >= 12 && startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export function evidenceStorageKey(applicationId: string, evidenceId: string): string {
  return `points/${applicationId}/${evidenceId}`;
}

/** A display-safe file name (no path parts, bounded length). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f"<>|]/g, "").trim();
  return (cleaned || "file").slice(-100);
}
