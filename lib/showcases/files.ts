// Written narratives uploaded as files (书面叙事材料): PDF, Word (.docx) or plain UTF-8 text,
// recognised by their bytes, not by the name the browser sent.
import { randomUUID } from "node:crypto";
import { FILE_KIND_MIME, sniffFile } from "@/lib/platform/storage/sniff";

export const MAX_NARRATIVE_BYTES = 10 * 1024 * 1024;

export type NarrativeKind = "pdf" | "docx" | "txt";

export const NARRATIVE_MIME: Record<NarrativeKind, string> = {
  pdf: FILE_KIND_MIME.pdf,
  docx: FILE_KIND_MIME.docx,
  txt: FILE_KIND_MIME.text,
};

/** PDF, any zip taken as Word, or UTF-8 text without control bytes. */
export function sniffNarrative(bytes: Uint8Array): NarrativeKind | null {
  const kind = sniffFile(bytes, ["pdf", "zip", "text"]);
  return kind === "zip" ? "docx" : kind === "text" ? "txt" : kind;
}

export function narrativeKey(entryId: string): string {
  return `showcase/${entryId}/${randomUUID()}`;
}
