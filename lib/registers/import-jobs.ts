// The confirmed import, written by a background job (pg-boss) batch by batch, so a district's
// 500,000 rows do not depend on a browser tab staying open. Each batch is what the batch action
// used to be: its own transaction, the uploader's scope and permissions checked afresh (as a
// server action checks the session on every call), the same validation and set-based write,
// one `register.import` audit row, and the progress row moved on (decision 0018).
import "server-only";
import { db } from "@/lib/platform/db/client";
import { now } from "@/lib/platform/clock";
import { loadSessionUser } from "@/lib/platform/auth/session-user";
import { assertCan } from "@/lib/platform/authz/can";
import { appendAudit, type AuditMeta } from "@/lib/platform/audit/write";
import { auditRefusal } from "@/lib/platform/audit/denied";
import { ConflictError, DomainError } from "@/lib/platform/errors";
import { isLastAttempt, job, type JobAttempt } from "@/lib/platform/jobs/registry";
import { JOBS_SCHEMA } from "@/lib/platform/jobs/boss";
import { singletonJobId } from "@/lib/platform/jobs/enqueue";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { PREVIEW_MAX_ERRORS, writeImportBatch } from "./import";
import { deleteImport, loadImportSlice, managePermission, purgeStaleUploads } from "./import-service";
import type { RegisterKind } from "./schemas";

export const IMPORT_JOB = "registers.import";
export type ImportJobData = { importId: string };

type Progress = {
  kind: RegisterKind; fileName: string; status: string; totalRows: number; batchSize: number; nextBatch: number;
  errorCount: number; createdById: string; sessionVersion: number;
};

/**
 * Writes the next batch of import `importId`. The progress row is locked first (FOR UPDATE) and
 * its `nextBatch` moved on in the same transaction as the batch's rows and audit row, so a
 * second job on the same import (a retry after a lost completion, a job that outlived its
 * expiry) waits for the first batch's commit and then takes the batch after it: no batch is
 * written twice, and a batch rolled back is written again. "finished" once nothing is left.
 */
export async function runImportBatch(importId: string): Promise<"more" | "finished"> {
  let auditMeta: AuditMeta | null = null;
  let owner: string | null = null;
  try {
    const step = await db.$transaction(async (tx) => {
      const [p] = await tx.$queryRaw<Progress[]>`
        SELECT kind, "fileName", status::text AS status, "totalRows", "batchSize", "nextBatch", "errorCount", "createdById", "sessionVersion"
        FROM register_import WHERE id = ${importId} FOR UPDATE`;
      if (!p || p.status === "DONE" || p.status === "FAILED") return "finished" as const;
      owner = p.createdById;
      // The uploader as a session would see them now: deactivated, moved, re-roled or reset since
      // confirming (a new session version), the import stops as their session would have ended.
      const user = await loadSessionUser(p.createdById, p.sessionVersion);
      if (!user || user.mustChangePassword) throw new ConflictError("registers.importStopped");
      auditMeta = { actorId: user.id, actorName: user.name, requestId: null, ip: null };
      const actorUnit = await getOrgUnitOrThrow(user, user.orgUnitId, tx);
      assertCan(user, "register.import", actorUnit);
      assertCan(user, managePermission(p.kind), actorUnit);
      const n = p.nextBatch;
      const slice = n * p.batchSize < p.totalRows ? await loadImportSlice(p.createdById, importId, n) : { rows: [], firstRows: new Map<string, number>() };
      if (!slice) throw new ConflictError("registers.importExpired");
      const at = now();
      const result = await writeImportBatch(user, p.kind, slice.rows, slice.firstRows, at, tx);
      const doneRows = Math.min(p.totalRows, (n + 1) * p.batchSize);
      const final = doneRows >= p.totalRows;
      await appendAudit(auditMeta, {
        action: "register.import", entityType: p.kind === "households" ? "Household" : "Enterprise", orgUnitId: user.orgUnitId,
        data: {
          importId, fileName: p.fileName, totalRows: p.totalRows, batch: n,
          rows: { from: result.firstRow, to: result.lastRow }, created: result.created, updated: result.updated, invalid: result.invalid, final,
        },
      }, tx);
      const kept = result.errors.slice(0, Math.max(0, PREVIEW_MAX_ERRORS - p.errorCount));
      await tx.$executeRaw`
        UPDATE register_import SET "nextBatch" = ${n + 1}, "doneRows" = ${doneRows},
               created = created + ${result.created}, updated = updated + ${result.updated}, invalid = invalid + ${result.invalid},
               errors = errors || ${JSON.stringify(kept)}::jsonb, "errorCount" = "errorCount" + ${result.errors.length},
               status = ${final ? "DONE" : "RUNNING"}::"RegisterImportStatus", "updatedAt" = ${at}, "finishedAt" = ${final ? at : null}
        WHERE id = ${importId}`;
      return final ? ("done" as const) : ("more" as const);
    }, { maxWait: 10_000, timeout: 60_000 });
    if (step === "done") await deleteImport(owner!, importId);
    return step === "more" ? "more" : "finished";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the job fails and pg-boss retries from the same batch
    if (auditMeta) await auditRefusal(auditMeta, "register.import", error);
    await stopImport(importId, error.messageKey);
    return "finished";
  }
}

/** Marks the import FAILED with `failure` (batches already written stay) and removes its stored upload. */
async function stopImport(importId: string, failure: string) {
  const at = now();
  await db.registerImport.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", failure, updatedAt: at, finishedAt: at },
  });
  const row = await db.registerImport.findUnique({ where: { id: importId }, select: { createdById: true } });
  if (row) await deleteImport(row.createdById, importId);
}

/**
 * Every batch of the import, one after the other (each its own transaction). A batch that fails
 * (not a refusal: the database, the storage) fails the job and pg-boss retries from that batch;
 * when the last retry fails too, the progress row is marked FAILED (the batches before it stay
 * written, the page says how many rows) rather than left RUNNING with nothing left to move it.
 */
export async function runImport(importId: string, attempt?: JobAttempt): Promise<void> {
  try {
    while ((await runImportBatch(importId)) === "more");
  } catch (error) {
    if (isLastAttempt(attempt)) await stopImport(importId, "registers.importGaveUp");
    throw error; // pg-boss records the job's failure (and its error) either way
  }
}

/**
 * Stops every import whose job pg-boss no longer holds as waiting, retrying or running. Such a
 * row would show "running" for good with nothing left to move it: the worker running the last
 * attempt was killed (or that attempt expired), so runImport's give-up path never ran, or the
 * job was removed. Marked FAILED ("registers.importLost"); the batches written stay, and the
 * page says how many rows. The job of an import is inserted in the same transaction as its
 * row (import-actions.ts) under a known id (singletonJobId), so there is no window in which a
 * live import has no job row. Returns how many were stopped.
 */
export async function stopOrphanedImports(client = db): Promise<number> {
  const open = await client.registerImport.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  if (!open.length) return 0;
  const jobIds = new Map(open.map((r) => [singletonJobId(IMPORT_JOB, r.id), r.id]));
  const alive = await client.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM ${Prisma.raw(`"${JOBS_SCHEMA}".job`)}
    WHERE name = ${IMPORT_JOB} AND id = ANY(${[...jobIds.keys()]}::uuid[]) AND state::text IN ('created', 'retry', 'active')`;
  for (const { id } of alive) jobIds.delete(id);
  for (const importId of jobIds.values()) await stopImport(importId, "registers.importLost");
  return jobIds.size;
}

export const registerImportJobs = [
  // A district's file is a few minutes of batches; a worker that dies mid-way leaves the job to
  // expire and be retried, and the retry resumes at the next unwritten batch.
  job<ImportJobData>(IMPORT_JOB, async (data, attempt) => runImport(data.importId, attempt), { expireInSeconds: 3600, retryDelay: 10 }),
  // Hourly housekeeping: imports left "running" by a dead worker, uploads nobody will import.
  job(`${IMPORT_JOB}.sweep`, async () => {
    await stopOrphanedImports();
    await purgeStaleUploads();
  }, { cron: "20 * * * *", expireInSeconds: 900 }),
];
