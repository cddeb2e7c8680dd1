// The import's server side, shared by the upload route handler and the batch actions.
// Uploads live in storage (lib/platform/storage) under the uploader's id; nothing stays in memory.
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
import { IMPORT_BATCH_SIZE, IMPORT_MAX_BYTES, ImportFileError, previewRows, readImportFile, type ImportPreview, type RawRow } from "./import";

// Defined beside the batch action's contract (client-safe); the routes import them from here.
export { importIdField, registerKindField };

const fileKey = (userId: string, importId: string) => `imports/${userId}/${importId}`;
const metaKey = (userId: string, importId: string) => `imports/${userId}/${importId}.json`;

export type ImportMeta = { kind: RegisterKind; fileName: string; totalRows: number; uploadedAt: string };

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
  const meta: ImportMeta = { kind, fileName: fileName.slice(0, 200), totalRows: rows.length, uploadedAt: now().toISOString() };
  const store = storage();
  await store.put(fileKey(user.id, importId), bytes);
  await store.put(metaKey(user.id, importId), Buffer.from(JSON.stringify(meta)));
  return {
    ok: true,
    importId,
    fileName: meta.fileName,
    batchSize: IMPORT_BATCH_SIZE,
    preview: { ...preview, errors: preview.errors.map((e) => ({ ...e, reason: translateFieldError(e.reason, tValidation) })) },
  };
}

/** The stored upload of this user, parsed again (each batch call is independent). */
export async function loadImport(userId: string, importId: string): Promise<{ meta: ImportMeta; rows: RawRow[] } | null> {
  const store = storage();
  const [bytes, metaBytes] = await Promise.all([store.get(fileKey(userId, importId)), store.get(metaKey(userId, importId))]);
  if (!bytes || !metaBytes) return null;
  const meta = JSON.parse(metaBytes.toString("utf8")) as ImportMeta;
  return { meta, rows: await readImportFile(meta.kind, bytes) };
}

export async function deleteImport(userId: string, importId: string) {
  const store = storage();
  await Promise.all([store.delete(fileKey(userId, importId)), store.delete(metaKey(userId, importId))]);
}
