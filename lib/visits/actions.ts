"use server";
import { randomUUID } from "node:crypto";
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import { DomainError, ForbiddenError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { storage } from "@/lib/platform/storage";
import { editWindowHours, isEditableBy } from "./edit-window";
import { createVisit, updateVisit } from "./mutations";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_VISIT, photoStorageKey, sniffImageType } from "./photos";
import { searchRegister, type RegisterMatch } from "@/lib/platform/search/registers";
import { getVisitOrThrow } from "./queries";
import { searchPlacesSchema, createVisitContract, updateVisitContract, deleteVisitPhotoContract, uploadVisitPhotoContract } from "./schemas";

const revalidate = ["/visits", "/problems"];

function summary(v: { kind: string; visitedAt: Date; officerId: string; mentorId: string | null; householdId: string | null; enterpriseId: string | null; notes: string; latitude: number | null; longitude: number | null; checklist: unknown }, services: { description: string }[]) {
  return {
    kind: v.kind, visitedAt: v.visitedAt, officerId: v.officerId, mentorId: v.mentorId, householdId: v.householdId, enterpriseId: v.enterpriseId,
    notes: v.notes, location: v.latitude !== null ? [v.latitude, v.longitude] : null, checklist: v.checklist, services: services.map((s) => s.description),
  };
}

export const createVisitAction = action(
  createVisitContract, { revalidate },
  async (input, { user, tx, audit }) => {
    assertCan(user, "visit.create");
    const { visit, problems, place } = await createVisit(user, input, tx);
    assertCan(user, "visit.create", place);
    await audit({
      action: "visit.create", entityType: "Visit", entityId: visit.id, orgUnitId: visit.orgUnitId,
      data: { after: { ...summary(visit, input.services), programmeId: visit.programmeId, problems: problems.map((p) => ({ id: p.id, title: p.title })) } },
    });
    return { id: visit.id };
  },
);

export const updateVisitAction = action(
  updateVisitContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const existing = await getVisitOrThrow(user, input.id, tx);
    assertCan(user, "visit.update", existing);
    const updated = await updateVisit(user, existing, input, tx);
    await audit({
      action: "visit.update", entityType: "Visit", entityId: existing.id, orgUnitId: existing.orgUnitId,
      data: { before: summary(existing, existing.services), after: summary(updated, updated.services) },
    });
    return { id: existing.id, version: updated.version };
  },
);

/** The author within the edit window may add and remove photos. */
function assertMayChangePhotos(user: { id: string }, visit: { officerId: string; createdAt: Date }) {
  if (visit.officerId !== user.id) throw new ForbiddenError("visit.update");
  if (!isEditableBy(visit, user.id)) throw new DomainError("visitEditWindowClosed", { hours: editWindowHours() });
}

/**
 * One photo, as FormData { visitId, photo }. Size and type are checked on the bytes; the
 * row, the audit entry and the stored file go together (the file is written last, so a
 * refused photo leaves nothing on disk).
 */
export const uploadVisitPhotoAction = action(
  uploadVisitPhotoContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const visit = await getVisitOrThrow(user, input.visitId, tx);
    assertCan(user, "visit.update", visit);
    assertMayChangePhotos(user, visit);
    // Serialise uploads to one visit so two at once cannot both be the sixth.
    await tx.$queryRaw`SELECT id FROM visit WHERE id = ${visit.id} FOR UPDATE`;
    if ((await tx.visitPhoto.count({ where: { visitId: visit.id } })) >= MAX_PHOTOS_PER_VISIT) throw new RuleViolation("tooManyPhotos", "photo");
    if (input.photo.size > MAX_PHOTO_BYTES) throw new RuleViolation("photoTooLarge", "photo");
    if (input.photo.size === 0) throw new RuleViolation("photoType", "photo");
    const bytes = new Uint8Array(await input.photo.arrayBuffer());
    if (bytes.length > MAX_PHOTO_BYTES) throw new RuleViolation("photoTooLarge", "photo");
    const mimeType = sniffImageType(bytes);
    if (!mimeType) throw new RuleViolation("photoType", "photo");
    const photoId = randomUUID();
    const storageKey = photoStorageKey(visit.id, photoId);
    const photo = await tx.visitPhoto.create({ data: { id: photoId, visitId: visit.id, storageKey, mimeType, sizeBytes: bytes.length } });
    await audit({ action: "visit.photo.add", entityType: "Visit", entityId: visit.id, orgUnitId: visit.orgUnitId, data: { photoId, mimeType, sizeBytes: bytes.length } });
    await storage().put(storageKey, bytes);
    return { id: photo.id };
  },
);

export const deleteVisitPhotoAction = action(
  deleteVisitPhotoContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const visit = await getVisitOrThrow(user, input.visitId, tx);
    assertCan(user, "visit.update", visit);
    assertMayChangePhotos(user, visit);
    const photo = await tx.visitPhoto.findFirst({ where: { id: input.photoId, visitId: visit.id } });
    if (!photo) throw new NotFoundError();
    await tx.visitPhoto.delete({ where: { id: photo.id } });
    await audit({ action: "visit.photo.delete", entityType: "Visit", entityId: visit.id, orgUnitId: visit.orgUnitId, data: { photoId: photo.id } });
    await storage().delete(photo.storageKey);
    return { id: photo.id };
  },
);

/** The visit form's quick search (read-only: the read wrapper, not the write one). */
export const searchPlacesAction = readAction(
  { name: "visit.searchPlaces", schema: searchPlacesSchema, permission: "visit.create" },
  async (input, { user }): Promise<RegisterMatch[]> => searchRegister(user, { kind: input.placeType, q: input.q }),
);
