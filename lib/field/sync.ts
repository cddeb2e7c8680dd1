// POST /api/field/sync (issue 16): one outbox item, handed to THE SAME server action the online
// form calls, chosen by the item's kind (= the action's contract name). So sign-in, zod, scope,
// permission, audit and idempotency are exactly the online path: this file only reads the
// envelope and, for an offline registration not yet confirmed as new, asks the register for
// possible duplicates first.
//
// The kind → action table lives in the route (app/api/field/sync/route.ts): app/ may import the
// modules' action files, a module may not (docs/decisions/0014, "Module boundaries").
import "server-only";
import { z } from "zod";
import { syncEnvelopeSchema, type OutboxKind, type SyncAnswer } from "@/lib/field/schemas";
import type { SessionUser } from "@/lib/platform/auth/session-user";
import type { ActionResult } from "@/lib/platform/contract";
import { db } from "@/lib/platform/db/client";
import { findRegisterDuplicates } from "@/lib/registers";
import { appendAuditStandalone, type AuditMeta } from "@/lib/platform/audit/write";
import { receiptOf } from "@/lib/field/local/outbox-machine";

export type SyncActions = Record<OutboxKind, (input: unknown) => Promise<ActionResult<unknown>>>;

/** A JSON envelope is a form's fields: far below this. Photos (multipart) have their own cap. */
export const SYNC_JSON_MAX_BYTES = 256 * 1024;

/** A photo arrives as multipart: kind, visitId, idempotencyKey and the photo itself. */
const photoEnvelopeSchema = z.strictObject({
  kind: z.literal("visit.photo.add"),
  visitId: z.string().max(64),
  idempotencyKey: z.string().max(64),
  photo: z.instanceof(File),
});

export type ParsedEnvelope = { kind: OutboxKind; input: Record<string, unknown>; confirmedNew?: boolean };

/**
 * The envelope from the route's decoded body (JSON object, or multipart fields), or the zod
 * issues when it is not one. The action's own schema checks the input afterwards.
 */
export function parseEnvelope(body: unknown): { ok: true; envelope: ParsedEnvelope } | { ok: false; error: z.ZodError } {
  if (body && typeof body === "object" && "photo" in body) {
    const parsed = photoEnvelopeSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { kind, ...input } = parsed.data;
    return { ok: true, envelope: { kind, input } };
  }
  const parsed = syncEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error };
  // A photo needs its bytes: only the multipart form carries them.
  if (parsed.data.kind === "visit.photo.add") {
    return { ok: false, error: new z.ZodError([{ code: "custom", path: ["photo"], message: "@required", input: undefined }]) };
  }
  return { ok: true, envelope: parsed.data };
}

/**
 * A resend of a registration the server already wrote (its answer was lost): the record now in
 * the register is the item itself, not a duplicate of it — let the action answer with its id.
 */
async function alreadyAccepted(user: SessionUser, kind: OutboxKind, input: Record<string, unknown>): Promise<boolean> {
  const key = input.idempotencyKey;
  if (typeof key !== "string" || !z.uuid().safeParse(key).success) return false;
  const row = await db.idempotencyKey.findUnique({ where: { key } });
  return !!row && row.userId === user.id && row.action === kind;
}

/**
 * Runs one envelope through its action; a possible duplicate registration is answered with the
 * candidates instead. Candidates name register records (head name, address, unit) found by
 * what the officer typed — a phone number alone can find its holder — so an answer that names
 * any is audited (`register.duplicateMatch`, with the records and the rules that matched), as a
 * register read by key would be; "the register already has this key" outside the area names none.
 */
export async function runSync(user: SessionUser, envelope: ParsedEnvelope, actions: SyncActions, meta: Omit<AuditMeta, "actorId" | "actorName">): Promise<SyncAnswer> {
  const { kind, input, confirmedNew } = envelope;
  if ((kind === "household.create" || kind === "enterprise.create") && !confirmedNew && !(await alreadyAccepted(user, kind, input))) {
    // Only for input the action would accept: a malformed one is refused by the action below,
    // with its field errors, rather than matched. The finder reads within the caller's scope.
    const duplicates = await findRegisterDuplicates(user, kind, input);
    const named = duplicates.filter((d) => !d.outOfScope);
    if (named.length > 0) {
      await appendAuditStandalone(
        { actorId: user.id, actorName: user.name, ...meta },
        {
          action: "register.duplicateMatch", entityType: kind === "household.create" ? "Household" : "Enterprise", orgUnitId: user.orgUnitId,
          data: { candidates: named.map((d) => ({ id: d.id, matchedOn: d.matchedOn })) },
        },
      );
    }
    if (duplicates.length > 0) return { duplicates };
  }
  const result = await actions[kind](input);
  if (result.ok) {
    const data = (result.data ?? {}) as { id?: unknown; version?: unknown };
    return {
      result: {
        ok: true,
        data: {
          ...(typeof data.id === "string" ? { id: data.id } : {}),
          ...(typeof data.version === "number" ? { version: data.version } : {}),
          // The receipt the online form shows (hotline intake: number and tracking code).
          ...receiptOf(result.data ?? {}),
        },
        ...(result.duplicate ? { duplicate: true } : {}),
      },
    };
  }
  return { result };
}
