// The import's server side, shared by the upload route handler, the start action, the status
// route and the background job. Uploads live in storage (lib/platform/storage) under the
// uploader's id; nothing stays in memory between requests. The file is read once, as a
// stream, here: what is stored is its rows, in slices of one batch each (with the whole file's
// first row of each of the slice's keys, for the duplicate check), written as the file is
// read, so neither the workbook nor its rows are ever held whole (decision 0018).
import { now } from "@/lib/platform/clock";
import "server-only";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { db, type Db } from "@/lib/platform/db/client";
import { toLocale } from "@/lib/platform/i18n/locales";
import { translateFieldError } from "@/lib/platform/i18n/zod";
import { storage } from "@/lib/platform/storage";
import { importIdField, registerKindField, type RegisterKind } from "./schemas";
import {
  IMPORT_BATCH_SIZE, IMPORT_MAX_BYTES, IMPORT_MAX_MB, ImportFileError, addToPreview, emptyPreview, importKeyOf, streamImportFile, validateSlice,
  type ImportPreview, type ImportSource, type RawRow, type RowError,
} from "./import";

// Defined beside the start action's contract (client-safe); the routes import them from here.
export { importIdField, registerKindField };

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

/**
 * Reads, validates and stores an upload, slice by slice as the file streams in; returns the
 * preview with translated reasons. Each slice is validated as it is cut (the rows before it
 * have given every key its first row), and its write overlaps the reading of the next.
 */
export async function receiveImportUpload(user: SessionUser, kind: RegisterKind, fileName: string, source: ImportSource): Promise<UploadResult> {
  const { tValidation, tErrors } = await translators();
  const size = Buffer.isBuffer(source) ? source.length : source.size;
  if (size === 0) return { ok: false, error: tValidation("import.empty") };
  if (size > IMPORT_MAX_BYTES) return { ok: false, error: tValidation("import.fileTooLarge", { max: IMPORT_MAX_MB } as never) };
  const importId = randomUUID();
  const store = storage();
  // The first row of every key in the file so far: a later row with the same key is a duplicate.
  const first = new Map<string, number>();
  const preview = emptyPreview();
  let slices = 0;
  let writing: Promise<void> = Promise.resolve();
  let part: RawRow[] = [];
  const cut = async () => {
    const firstRows = new Map<string, number>();
    for (const r of part) {
      const key = importKeyOf(kind, r);
      if (!key) continue;
      if (!first.has(key)) first.set(key, r.row);
      firstRows.set(key, first.get(key)!);
    }
    addToPreview(preview, part.length, await validateSlice(user, kind, part, firstRows));
    const bytes = Buffer.from(JSON.stringify({ rows: part, firstRows: Object.fromEntries(firstRows) } satisfies StoredSlice));
    const n = slices++;
    await writing;
    writing = store.put(sliceKey(user.id, importId, n), bytes);
    part = [];
  };
  try {
    for await (const row of streamImportFile(kind, source)) {
      part.push(row);
      if (part.length === IMPORT_BATCH_SIZE) await cut();
    }
    if (part.length) await cut();
    await writing;
  } catch (e) {
    await writing.catch(() => {});
    await deleteSlices(user.id, importId, slices);
    if (e instanceof ImportFileError) return { ok: false, error: tValidation(e.messageKey, e.values as never) };
    console.error("[register.import] unreadable upload", e);
    return { ok: false, error: tErrors("unexpected", { requestId: "-" }) };
  }
  const meta: ImportMeta = { kind, fileName: fileName.slice(0, 200), totalRows: preview.totalRows, uploadedAt: now().toISOString(), sliceSize: IMPORT_BATCH_SIZE };
  // The meta last: an import finds an upload only once all its slices are there.
  await store.put(metaKey(user.id, importId), Buffer.from(JSON.stringify(meta)));
  return {
    ok: true,
    importId,
    fileName: meta.fileName,
    batchSize: IMPORT_BATCH_SIZE,
    preview: { ...preview, errors: translateRowErrors(preview.errors, tValidation) },
  };
}

function translateRowErrors(errors: RowError[], tValidation: Parameters<typeof translateFieldError>[1]): RowError[] {
  return errors.map((e) => ({ ...e, reason: translateFieldError(e.reason, tValidation) }));
}

/** The stored upload's meta; null when there is none (or it was stored in an older form). */
export async function loadImportMeta(userId: string, importId: string): Promise<ImportMeta | null> {
  const bytes = await storage().get(metaKey(userId, importId));
  if (!bytes) return null;
  const meta = JSON.parse(bytes.toString("utf8")) as ImportMeta;
  return meta.sliceSize ? meta : null;
}

/** Slice `n` of this user's stored upload, with the whole file's first row of each of its keys; null when gone. */
export async function loadImportSlice(userId: string, importId: string, n: number): Promise<{ rows: RawRow[]; firstRows: Map<string, number> } | null> {
  const bytes = await storage().get(sliceKey(userId, importId, n));
  if (!bytes) return null;
  const slice = JSON.parse(bytes.toString("utf8")) as StoredSlice;
  return { rows: slice.rows, firstRows: new Map(Object.entries(slice.firstRows)) };
}

async function deleteSlices(userId: string, importId: string, count: number) {
  const store = storage();
  await Promise.all(Array.from({ length: count }, (_, n) => store.delete(sliceKey(userId, importId, n))));
}

export async function deleteImport(userId: string, importId: string) {
  const meta = await loadImportMeta(userId, importId);
  // The meta first, so an import racing the discard finds no upload rather than a partial one.
  await storage().delete(metaKey(userId, importId));
  await deleteSlices(userId, importId, meta?.sliceSize ? Math.ceil(meta.totalRows / meta.sliceSize) : 0);
}

/** How long an upload nobody imports (previewed and left, cut off mid-read, or left behind by an
 *  import that ended) stays stored after its last write: a day, so a wizard left open over
 *  lunch can still confirm it. */
export const UPLOAD_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes stored uploads that no import will read: every file of an upload last written more
 * than UPLOAD_KEPT_MS before `at`, unless its import is queued or running (its job reads the
 * slices until the last batch). Uploads were otherwise deleted only when their import ended
 * or the wizard discarded them, so every abandoned preview stayed on disk for good. Returns
 * how many uploads were deleted. Run hourly by the sweep job (import-jobs.ts).
 */
export async function purgeStaleUploads(at: Date = now(), client: Db = db): Promise<number> {
  const store = storage();
  // imports/<userId>/<importId>.json (the meta) and imports/<userId>/<importId>.<n>.rows.json
  // (and a .tmp of either, from a write cut off before its rename).
  const uploads = new Map<string, { userId: string; importId: string; keys: string[]; lastWritten: number }>();
  for await (const file of store.list("imports")) {
    const m = /^imports\/([^/]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\./.exec(file.key);
    if (!m) continue;
    const upload = uploads.get(m[2]!) ?? { userId: m[1]!, importId: m[2]!, keys: [], lastWritten: 0 };
    upload.keys.push(file.key);
    upload.lastWritten = Math.max(upload.lastWritten, file.modifiedAt.getTime());
    uploads.set(m[2]!, upload);
  }
  const old = [...uploads.values()].filter((u) => at.getTime() - u.lastWritten > UPLOAD_KEPT_MS);
  if (!old.length) return 0;
  const running = await client.registerImport.findMany({
    where: { id: { in: old.map((u) => u.importId) }, status: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true },
  });
  const keep = new Set(running.map((r) => r.id));
  let purged = 0;
  for (const upload of old) {
    if (keep.has(upload.importId)) continue;
    // The meta first, as deleteImport does: a confirm racing this finds no upload, never half of one.
    const meta = metaKey(upload.userId, upload.importId);
    if (upload.keys.includes(meta)) await store.delete(meta);
    await Promise.all(upload.keys.filter((k) => k !== meta).map((k) => store.delete(k)));
    purged += 1;
  }
  return purged;
}

/** Whether `importId` was confirmed (a progress row exists, whoever's): its upload is the job's from then on. */
export async function importStarted(importId: string, client: Db = db): Promise<boolean> {
  return (await client.registerImport.count({ where: { id: importId } })) > 0;
}

// ───────────── Progress ─────────────

export type ImportStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";
export type ImportProgress = {
  importId: string; kind: RegisterKind; fileName: string; status: ImportStatus;
  totalRows: number; doneRows: number; created: number; updated: number; invalid: number;
  errors: RowError[]; errorsTruncated: boolean; failure: string | null;
};

/** How long a finished import's report is shown again on the import page. */
const REPORT_SHOWN_MS = 24 * 60 * 60 * 1000;

/**
 * The caller's own import `importId` (the progress bar's poll), reasons and failure translated;
 * null for an import that is not theirs. Only the uploader reads it, as only they may write it.
 */
export async function importProgress(user: SessionUser, importId: string, client: Db = db): Promise<ImportProgress | null> {
  const row = await client.registerImport.findFirst({ where: { id: importId, createdById: user.id } });
  if (!row) return null;
  const { tValidation, tErrors } = await translators();
  const errors = row.errors as RowError[];
  return {
    importId: row.id, kind: row.kind as RegisterKind, fileName: row.fileName, status: row.status,
    totalRows: row.totalRows, doneRows: row.doneRows, created: row.created, updated: row.updated, invalid: row.invalid,
    errors: translateRowErrors(errors, tValidation), errorsTruncated: row.errorCount > errors.length,
    failure: row.failure ? tErrors(row.failure) : null,
  };
}

/** The caller's latest import of `kind` still running or finished within a day: the page resumes it after the tab was closed. */
export async function latestImportId(user: SessionUser, kind: RegisterKind, client: Db = db): Promise<string | null> {
  const row = await client.registerImport.findFirst({
    where: { createdById: user.id, kind, OR: [{ status: { in: ["QUEUED", "RUNNING"] } }, { finishedAt: { gte: new Date(now().getTime() - REPORT_SHOWN_MS) } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}
