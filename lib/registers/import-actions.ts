"use server";
// Confirming a previewed import (a background job then writes it, import-jobs.ts), and
// discarding an upload that will not be imported.
import { z } from "zod";
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError } from "@/lib/platform/errors";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import { wakeJob } from "@/lib/platform/jobs/registry";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { now } from "@/lib/platform/clock";
import { IMPORT_JOB } from "./import-jobs";
import { deleteImport, importStarted, loadImportMeta, managePermission } from "./import-service";
import { importIdField, importStartContract } from "./schemas";

/**
 * Records the import's progress row and queues its job in the same transaction (so a row
 * always has its job, and a rolled-back start has none), with a `register.import.start` audit
 * row; every batch the job writes has its own `register.import` row. An upload is confirmed
 * once: a second confirmation is refused (its job is already queued).
 */
export const startImportAction = action(
  importStartContract,
  // Committed: this process's worker starts on it now, not at its next poll (the bar is on screen).
  { after: async () => wakeJob(IMPORT_JOB) },
  async (input, { user, tx, audit }) => {
    const actorUnit = await getOrgUnitOrThrow(user, user.orgUnitId, tx);
    assertCan(user, "register.import", actorUnit);
    assertCan(user, managePermission(input.kind), actorUnit);
    const existing = await tx.registerImport.findUnique({ where: { id: input.importId }, select: { createdById: true } });
    if (existing) throw new ConflictError(existing.createdById === user.id ? "registers.importStarted" : "registers.importExpired");
    // Stored under the caller's id: another user's import id names nothing here.
    const meta = await loadImportMeta(user.id, input.importId);
    if (!meta || meta.kind !== input.kind) throw new ConflictError("registers.importExpired");
    const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    const at = now();
    await tx.registerImport.create({
      data: {
        id: input.importId, kind: input.kind, fileName: meta.fileName, totalRows: meta.totalRows, batchSize: meta.sliceSize!,
        createdById: user.id, sessionVersion, orgUnitId: user.orgUnitId, createdAt: at, updatedAt: at,
      },
    });
    await enqueue(IMPORT_JOB, { importId: input.importId }, { singletonKey: input.importId }, tx);
    await audit({
      action: "register.import.start", entityType: input.kind === "households" ? "Household" : "Enterprise", orgUnitId: user.orgUnitId,
      data: { importId: input.importId, fileName: meta.fileName, totalRows: meta.totalRows },
    });
    return { id: input.importId };
  },
);

/**
 * Removes a stored upload the user will not import. It changes no record, only the user's own
 * staging files (stored under their id), so it takes the read wrapper: no transaction and no
 * audit row to write. An upload already confirmed is the job's to remove, and is refused here.
 */
export const discardImportAction = readAction(
  { name: "register.import.discard", schema: z.strictObject({ importId: importIdField }) },
  async (input, { user }): Promise<void> => {
    // A confirmed upload is being written batch by batch: removing its slices now would leave
    // the register half-imported (the job would stop at the next batch).
    if (await importStarted(input.importId)) throw new ConflictError("registers.importStarted");
    await deleteImport(user.id, input.importId);
  },
);
