// Visit photos: checked by their bytes (not the file name or the browser's claimed type),
// kept in lib/platform/storage, and served only through the photo route after a scoped lookup.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { can } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { storage } from "@/lib/platform/storage";
import { FILE_KIND_MIME, sniffFile } from "@/lib/platform/storage/sniff";
import { visitScope } from "./queries";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_VISIT = 6;
export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number];

/** The image type the bytes actually are (JPEG, PNG or WebP), or null. */
export function sniffImageType(bytes: Uint8Array): PhotoMimeType | null {
  const kind = sniffFile(bytes, ["jpeg", "png", "webp"]);
  return kind ? (FILE_KIND_MIME[kind] as PhotoMimeType) : null;
}

export function photoStorageKey(visitId: string, photoId: string): string {
  return `visits/${visitId}/${photoId}`;
}

/**
 * A photo for the photo route: the visit must lie in the user's subtree and the user must
 * hold visit.view; otherwise NotFoundError (out of scope and missing look the same).
 */
export async function getVisitPhotoForUser(actor: Actor, visitId: string, photoId: string, client: Db | Tx = db) {
  if (!can(actor, "visit.view")) throw new NotFoundError({ entityType: "VisitPhoto", entityId: photoId });
  const photo = await client.visitPhoto.findFirst({
    where: { id: photoId, visitId, visit: visitScope(actor) },
    select: { id: true, storageKey: true, mimeType: true, sizeBytes: true },
  });
  if (!photo) throw new NotFoundError({ entityType: "VisitPhoto", entityId: photoId });
  const bytes = await storage().get(photo.storageKey);
  if (!bytes) throw new NotFoundError();
  return { mimeType: photo.mimeType, bytes };
}
