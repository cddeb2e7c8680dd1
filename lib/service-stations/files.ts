// Case documents (营业执照扫描件, 申请表 …): PDF, JPEG, PNG or Word (.docx), recognised by their
// bytes, never by the name or type the browser sent; stored through lib/platform/storage under
// a key made only of ids.
import { randomUUID } from "node:crypto";

export type CaseDocumentKind = "pdf" | "jpeg" | "png" | "docx";

export const CASE_DOCUMENT_MIME: Record<CaseDocumentKind, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The document's kind from its first bytes, or null for anything else (a renamed .exe stays out). */
export function sniffCaseDocument(bytes: Uint8Array): CaseDocumentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // A .docx is a zip; an Office Open XML package names its main part "[Content_Types].xml"
  // among the first entries, and a Word file holds "word/" parts.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (head.includes("[Content_Types].xml") || head.includes("word/")) return "docx";
  }
  return null;
}

export function caseDocumentKey(caseId: string): string {
  return `service-stations/cases/${caseId}/${randomUUID()}`;
}

/** The name shown and offered on download: the uploaded name, cut to its column, else a generic one. */
export function caseDocumentName(name: string | undefined, kind: CaseDocumentKind): string {
  const trimmed = (name ?? "").replace(/[\u0000-\u001f/\\]/g, "_").trim().slice(0, 120);
  return trimmed || `document.${kind === "jpeg" ? "jpg" : kind}`;
}
