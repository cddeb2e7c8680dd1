// Case documents (营业执照扫描件, 申请表 …): PDF, JPEG, PNG or Word (.docx), recognised by their
// bytes, never by the name or type the browser sent; stored through lib/platform/storage under
// a key made only of ids.
import { randomUUID } from "node:crypto";
import { FILE_KIND_MIME, cleanFileName, sniffFile } from "@/lib/platform/storage/sniff";

export type CaseDocumentKind = "pdf" | "jpeg" | "png" | "docx";

export const CASE_DOCUMENT_MIME: Record<CaseDocumentKind, string> = {
  pdf: FILE_KIND_MIME.pdf,
  jpeg: FILE_KIND_MIME.jpeg,
  png: FILE_KIND_MIME.png,
  docx: FILE_KIND_MIME.docx,
};

const KINDS = ["pdf", "jpeg", "png", "docx"] as const satisfies readonly CaseDocumentKind[];

/** The document's kind from its first bytes, or null for anything else (a .docx must be an Office package). */
export function sniffCaseDocument(bytes: Uint8Array): CaseDocumentKind | null {
  return sniffFile(bytes, KINDS);
}

export function caseDocumentKey(caseId: string): string {
  return `service-stations/cases/${caseId}/${randomUUID()}`;
}

/** The name shown and offered on download: the uploaded name made safe, else a generic one. */
export function caseDocumentName(name: string | undefined, kind: CaseDocumentKind): string {
  return cleanFileName(name, { fallback: `document.${kind === "jpeg" ? "jpg" : kind}`, max: 120 });
}
