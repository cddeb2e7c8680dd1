// Evidence files of an application: checked by their bytes (PDF, JPEG, PNG, WebP — not the
// file name or the browser's claimed type), size-limited, kept in lib/platform/storage, served only
// through the evidence route after a scoped lookup.
import { FILE_KIND_MIME, sniffFile } from "@/lib/platform/storage/sniff";

export { cleanFileName } from "@/lib/platform/storage/sniff";

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_PER_APPLICATION = 12;
export const EVIDENCE_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];
/** Always accepted besides the items' own evidence types. */
export const OTHER_EVIDENCE = "其他材料";

export function sniffEvidenceType(bytes: Uint8Array): EvidenceMimeType | null {
  const kind = sniffFile(bytes, ["pdf", "jpeg", "png", "webp"]);
  return kind ? (FILE_KIND_MIME[kind] as EvidenceMimeType) : null;
}

export function evidenceStorageKey(applicationId: string, evidenceId: string): string {
  return `points/${applicationId}/${evidenceId}`;
}
