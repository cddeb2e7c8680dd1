"use server";
// Writing a previewed import, one batch per call (the client loops and shows progress).
import { z } from "zod";
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError } from "@/lib/platform/errors";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { now } from "@/lib/platform/clock";
import { writeImportBatch } from "./import";
import { deleteImport, loadImportBatch, managePermission } from "./import-service";
import { importBatchContract, importIdField } from "./schemas";

/**
 * Writes rows [offset, offset + 500) of the stored upload. Each call is one transaction with
 * its audit row (`register.import`: file, rows covered, created/updated/invalid counts); an
 * import of up to 500 rows is one call and so one audit row.
 */
export const importBatchAction = action(
  importBatchContract, { revalidate: ["/registers/households", "/registers/enterprises"] },
  async (input, { user, tx, audit }) => {
    const actorUnit = await getOrgUnitOrThrow(user, user.orgUnitId, tx);
    assertCan(user, "register.import", actorUnit);
    assertCan(user, managePermission(input.kind), actorUnit);
    const loaded = await loadImportBatch(user.id, input.importId, input.offset);
    if (!loaded || loaded.meta.kind !== input.kind) throw new ConflictError("registers.importExpired");
    const result = await writeImportBatch(user, input.kind, loaded.rows, loaded.firstRows, now(), tx);
    const nextOffset = input.offset + result.processed;
    const done = nextOffset >= loaded.meta.totalRows;
    await audit({
      action: "register.import", entityType: input.kind === "households" ? "Household" : "Enterprise", orgUnitId: user.orgUnitId,
      data: {
        importId: input.importId, fileName: loaded.meta.fileName, totalRows: loaded.meta.totalRows,
        rows: { from: result.firstRow, to: result.lastRow }, created: result.created, updated: result.updated, invalid: result.invalid, final: done,
      },
    });
    return { ...result, nextOffset, total: loaded.meta.totalRows, done };
  },
);

/**
 * Removes a stored upload (after the last batch, or when the user cancels). It changes no
 * record, only the user's own staging file (stored under their id), so it takes the read
 * wrapper: no transaction and no audit row to write.
 */
export const discardImportAction = readAction(
  { name: "register.import.discard", schema: z.strictObject({ importId: importIdField }) },
  async (input, { user }): Promise<void> => {
    await deleteImport(user.id, input.importId);
  },
);
