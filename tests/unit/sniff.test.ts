// The one byte-sniffer behind every upload (lib/platform/storage/sniff.ts): each kind by its
// magic bytes, only the kinds a caller accepts, and the display-safe file name.
import { describe, expect, it } from "vitest";
import { cleanFileName, sniffFile } from "@/lib/platform/storage/sniff";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
const PDF = bytes("%PDF-1.7\n");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const WEBP = bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 ");
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml");
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], "....photos/a.jpg");
const ALL = ["pdf", "jpeg", "png", "webp", "docx", "zip", "text"] as const;

describe("sniffFile", () => {
  it("recognises each kind by its bytes", () => {
    expect(sniffFile(PDF, ALL)).toBe("pdf");
    expect(sniffFile(JPEG, ALL)).toBe("jpeg");
    expect(sniffFile(PNG, ALL)).toBe("png");
    expect(sniffFile(WEBP, ALL)).toBe("webp");
    expect(sniffFile(DOCX, ALL)).toBe("docx");
    expect(sniffFile(ZIP, ALL)).toBe("zip");
    expect(sniffFile(bytes("营业执照\n第二行\t"), ALL)).toBe("text");
  });

  it("answers only with a kind the caller accepts, in the caller's order", () => {
    expect(sniffFile(WEBP, ["pdf", "jpeg", "png", "docx"])).toBeNull();
    expect(sniffFile(ZIP, ["pdf", "docx"])).toBeNull();
    expect(sniffFile(DOCX, ["pdf", "zip"])).toBe("zip");
    expect(sniffFile(PDF, ["text", "pdf"])).toBe("text");
  });

  it("refuses short, truncated and binary input", () => {
    expect(sniffFile(bytes([0xff, 0xd8]), ALL.filter((k) => k !== "text"))).toBeNull();
    expect(sniffFile(bytes("RIFF", [1, 2, 3]), ["webp"])).toBeNull();
    expect(sniffFile(bytes([0x4d, 0x5a, 0x90, 0x00, 0x03]), ALL)).toBeNull(); // MZ: a renamed .exe
    expect(sniffFile(bytes([0xc3, 0x28]), ["text"])).toBeNull(); // not UTF-8
  });
});

describe("cleanFileName", () => {
  it("keeps the last path part, without control characters and quotes, ending kept", () => {
    expect(cleanFileName("C:\\Users\\x\\营业执照.png")).toBe("营业执照.png");
    expect(cleanFileName("../../etc/\"pass\u0000wd<>|")).toBe("passwd");
    expect(cleanFileName(`${"长".repeat(130)}.pdf`, { max: 120 })).toBe(`${"长".repeat(116)}.pdf`);
  });
  it("falls back when nothing is left", () => {
    expect(cleanFileName("  ")).toBe("file");
    expect(cleanFileName(undefined, { fallback: "document.jpg" })).toBe("document.jpg");
  });
});
