// What an uploaded file really is, from its first bytes — never the name or the type the
// browser sent (a renamed .exe stays out) — and the name it is shown and downloaded under.
// One place for the magic numbers every upload (visit photos, talent evidence, showcase
// narratives, station case documents) checks; each caller names the kinds it accepts.

export type FileKind = "pdf" | "jpeg" | "png" | "webp" | "docx" | "zip" | "text";

export const FILE_KIND_MIME: Record<FileKind, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  zip: "application/zip",
  text: "text/plain; charset=utf-8",
};

/** How much of a file the content checks (docx parts, text) read. */
const HEAD_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

const TESTS: Record<FileKind, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]), // %PDF-
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  // "RIFF" <size> "WEBP"
  webp: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8),
  // A .docx is a zip; an Office Open XML package names its main part "[Content_Types].xml"
  // among the first entries, and a Word file holds "word/" parts.
  docx: (b) => {
    if (!isZip(b)) return false;
    const head = new TextDecoder("latin1").decode(b.subarray(0, Math.min(b.length, HEAD_BYTES)));
    return head.includes("[Content_Types].xml") || head.includes("word/");
  },
  // Any zip (a caller that takes every zip for a Word file, as showcase narratives do).
  zip: isZip,
  // UTF-8 text without control bytes (tab, line breaks and form feed allowed), judged on its head.
  text: (b) => {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(b.slice(0, HEAD_BYTES));
      return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
    } catch {
      return false;
    }
  },
};

/** The first of `accepted` the bytes are, in the caller's order, or null. */
export function sniffFile<K extends FileKind>(bytes: Uint8Array, accepted: readonly K[]): K | null {
  return accepted.find((kind) => TESTS[kind](bytes)) ?? null;
}

/**
 * A display-safe file name: the last path part of what the browser sent, without control
 * characters and `"<>|`, trimmed, at most `max` characters (its end kept, so the extension
 * survives); `fallback` when nothing is left.
 */
export function cleanFileName(name: string | null | undefined, { fallback = "file", max = 100 }: { fallback?: string; max?: number } = {}): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f"<>|]/g, "").trim();
  return (cleaned || fallback).slice(-max);
}
