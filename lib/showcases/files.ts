// Written narratives uploaded as files (书面叙事材料): PDF, Word (.docx) or plain UTF-8 text,
// recognised by their bytes, not by the name the browser sent.
import { randomUUID } from "node:crypto";

export const MAX_NARRATIVE_BYTES = 10 * 1024 * 1024;

export type NarrativeKind = "pdf" | "docx" | "txt";

export const NARRATIVE_MIME: Record<NarrativeKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
};

export function sniffNarrative(bytes: Uint8Array): NarrativeKind | null {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.slice(0, 5)) === "%PDF-") return "pdf";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(0, 64 * 1024));
    // Allow a cut multi-byte character at the 64 KB boundary; refuse control bytes.
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : "txt";
  } catch {
    return null;
  }
}

export function narrativeKey(entryId: string): string {
  return `showcase/${entryId}/${randomUUID()}`;
}
