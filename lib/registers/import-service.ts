// The import's server side, shared by the upload route handler and the batch actions.
// Uploads live in storage (lib/platform/storage) under the uploader's id; nothing stays in memory.
// The file is parsed once, here: what is stored is its rows, in slices of one batch each (with
// the whole file's first row of each of the slice's keys, for the duplicate check), so a batch
// reads and validates only its own rows — re-parsing the whole file for each of 20 batches
// was most of a 10,000-row import's time (decision 0018).
import { now } from "@/lib/platform/clock";
import "server-only";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { toLocale } from "@/lib/platform/i18n/locales";
import { translateFieldError } from "@/lib/platform/i18n/zod";
import { storage } from "@/lib/platform/storage";
import { importIdField, registerKindField, type RegisterKind } from "./schemas";
import {
  IMPORT_BATCH_SIZE, IMPORT_MAX_BYTES, ImportFileError, firstRowsOf, importKeyOf, previewRows, readImportFile, type ImportPreview, type RawRow,
} from "./import";

// Defined beside the batch action's contract (client-safe); the routes import them from here.
export { importIdField, registerKindField };

/** The raw upload, as stored before rows were kept parsed (deleted with the rest). */
const fileKey = (userId: string, importId: string) => `imports/${userId}/${importId}`;
const metaKey = (userId: string, importId: string) => `imports/${userId}/${importId}.json`;
const sliceKey = (userId: string, importId: string, n: number) => `imports/${userId}/${importId}.${n}.rows.json`;

/** `sliceSize`: rows per stored slice (absent in an upload stored before slices: it has expired). */
export type ImportMeta = { kind: RegisterKind; fileName: string; totalRows: number; uploadedAt: string; sliceSize?: number };
type StoredSlice = { rows: RawRow[]; firstRows: Record<string, number> };

/** What the manage permission for a register kind is. */
export function managePermission(kind: RegisterKind) {
  return kind === "households" ? ("household.manage" as const) : ("enterprise.manage" as const);
}

export function mayImport(user: SessionUser, kind: RegisterKind) {
  return can(user, "register.import") && can(user, managePermission(kind));
}

export type UploadResult =
  | { ok: true; importId: string; fileName: string; batchSize: number; preview: ImportPreview }
  | { ok: false; error: string };

async function translators() {
  const locale = toLocale(await getLocale().catch(() => null));
  return {
    tValidation: await getTranslations({ locale, namespace: "validation" }),
    tErrors: await getTranslations({ locale, namespace: "errors" }),
  };
}

/** Reads, validates and stores an upload; returns the preview with translated reasons. */
export async function receiveImportUpload(user: SessionUser, kind: RegisterKind, fileName: string, bytes: Buffer): Promise<UploadResult> {
  const { tValidation, tErrors } = await translators();
  if (bytes.length === 0) return { ok: false, error: tValidation("import.empty") };
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, error: tValidation("import.fileTooLarge", { max: 10 } as never) };
  let rows: RawRow[];
  try {
    rows = await readImportFile(kind, bytes);
  } catch (e) {
    if (e instanceof ImportFileError) return { ok: false, error: tValidation(e.messageKey, e.values as never) };
    console.error("[register.import] unreadable upload", e);
    return { ok: false, error: tErrors("unexpected", { requestId: "-" }) };
  }
  const preview = await previewRows(user, kind, rows);
  const importId = randomUUID();
  const meta: ImportMeta = { kind, fileName: fileName.slice(0, 200), totalRows: rows.length, uploadedAt: now().toISOString(), sliceSize: IMPORT_BATCH_SIZE };
  const store = storage();
  const first = firstRowsOf(kind, rows);
  const slices: Promise<void>[] = [];
  for (let n = 0; n * IMPORT_BATCH_SIZE < rows.length; n++) {
    const part = rows.slice(n * IMPORT_BATCH_SIZE, (n + 1) * IMPORT_BATCH_SIZE);
    const firstRows: Record<string, number> = {};
    for (const r of part) {
      const key = importKeyOf(kind, r);
      if (key) firstRows[key] = first.get(key)!;
    }
    slices.push(store.put(sliceKey(user.id, importId, n), Buffer.from(JSON.stringify({ rows: part, firstRows } satisfies StoredSlice))));
  }
  await Promise.all(slices);
  // The meta last: a batch finds an upload only once all its slices are there.
  await store.put(metaKey(user.id, importId), Buffer.from(JSON.stringify(meta)));
  return {
    ok: true,
    importId,
    fileName: meta.fileName,
    batchSize: IMPORT_BATCH_SIZE,
    preview: { ...preview, errors: preview.errors.map((e) => ({ ...e, reason: translateFieldError(e.reason, tValidation) })) },
  };
}

/**
 * Rows [offset, offset + limit) of this user's stored upload, with the whole file's first row
 * of each of their keys; null when there is no such upload (or it was stored in an older form).
 */
export async function loadImportBatch(
  userId: string, importId: string, offset: number, limit = IMPORT_BATCH_SIZE,
): Promise<{ meta: ImportMeta; rows: RawRow[]; firstRows: Map<string, number> } | null> {
  const store = storage();
  const metaBytes = await store.get(metaKey(userId, importId));
  if (!metaBytes) return null;
  const meta = JSON.parse(metaBytes.toString("utf8")) as ImportMeta;
  if (!meta.sliceSize) return null;
  const to = Math.min(meta.totalRows, offset + limit);
  const wanted: number[] = [];
  for (let n = Math.floor(offset / meta.sliceSize); n * meta.sliceSize < to; n++) wanted.push(n);
  const slices = await Promise.all(wanted.map((n) => store.get(sliceKey(userId, importId, n))));
  if (slices.some((b) => !b)) return null;
  const rows: RawRow[] = [];
  const firstRows = new Map<string, number>();
  slices.forEach((bytes, i) => {
    const slice = JSON.parse(bytes!.toString("utf8")) as StoredSlice;
    const base = wanted[i]! * meta.sliceSize!;
    slice.rows.forEach((r, j) => {
      if (base + j >= offset && base + j < to) rows.push(r);
    });
    for (const [key, row] of Object.entries(slice.firstRows)) firstRows.set(key, row);
  });
  return { meta, rows, firstRows };
}

export async function deleteImport(userId: string, importId: string) {
  const store = storage();
  const metaBytes = await store.get(metaKey(userId, importId));
  const meta = metaBytes ? (JSON.parse(metaBytes.toString("utf8")) as ImportMeta) : null;
  const slices = meta?.sliceSize ? Math.ceil(meta.totalRows / meta.sliceSize) : 0;
  // The meta first, so a batch racing the discard finds no upload rather than a partial one.
  await store.delete(metaKey(userId, importId));
  await Promise.all([store.delete(fileKey(userId, importId)), ...Array.from({ length: slices }, (_, n) => store.delete(sliceKey(userId, importId, n)))]);
}
