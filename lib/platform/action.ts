// The one server-action wrapper. Every write in the app goes through it, in this order:
//   sign-in check → zod parse (field errors back to the form) → the handler, inside one
//   transaction: scoped load (…OrThrow) → assertCan → mutation → audit row → commit →
//   revalidate.
// Expected errors (DomainError) become clear messages; anything else becomes a generic
// message and a server log line carrying the request id. Bad input never yields a 500.
// Reads and route handlers (lib/platform/read.ts) answer through the same translators below, so a
// refusal or a bad field reads the same wherever it happens.
import "server-only";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { db, type Tx } from "@/lib/platform/db/client";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { appendAudit, type AuditEntry, type AuditMeta } from "@/lib/platform/audit/write";
import { decryptPii, encryptPii } from "@/lib/platform/privacy/crypto";
import { auditRefusal } from "@/lib/platform/audit/refusal";
import { getCurrentUser, type SessionUser } from "@/lib/platform/auth/session";
import { ConflictError, DomainError, UnauthenticatedError } from "@/lib/platform/errors";
import { getRequestMeta, type RequestMeta } from "@/lib/platform/request";
import { toLocale, type Locale } from "@/lib/platform/i18n/locales";
import { translateFieldError, zodErrorMap } from "@/lib/platform/i18n/zod";
import type { ActionResult, AnyContract, ContractAction, FieldErrors } from "@/lib/platform/contract";

// The wire types live beside the contracts (client-safe); re-exported here for the server.
export type { ActionResult, FieldErrors } from "@/lib/platform/contract";

export type ActionContext = {
  user: SessionUser;
  tx: Tx;
  meta: RequestMeta;
  /** Writes the audit row for this change, inside the same transaction. */
  audit: (entry: AuditEntry) => Promise<void>;
};

/** What only the server needs to know about an action (its contract holds the rest). */
type ServerOptions<S extends z.ZodType = z.ZodType, T = unknown> = {
  /**
   * Idempotent actions: what of the first answer, beyond its id, a replay must repeat. A
   * device whose answer was lost in transit sends again and gets `{ id }` plus this; kept
   * with the key, encrypted (a hotline intake's tracking code exists nowhere else in clear).
   * Leave out what must not outlive the answer (a user's temporary password).
   */
  receipt?: (result: T) => Record<string, string | number>;
  /** Allowed while the user must still change a reset password. */
  allowDuringPasswordChange?: boolean;
  revalidate?: string[];
  /**
   * Runs after the commit, on success only: what must follow the change on this same request
   * but is no part of it (the password change signs this device back in, since the change
   * ended every session). Outside the transaction and not audited; if it throws, the action
   * throws, as a wrapper around the action would.
   */
  after?: (input: z.infer<S>, ctx: { user: SessionUser }) => Promise<void>;
};

/** Field errors keyed by dotted path ("indicators.0.targets.1.period"), as react-hook-form names fields. */
export function issuesByPath(issues: z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const idempotencyKeySchema = z.object({ idempotencyKey: z.uuid() });

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, ctx: ActionContext) => Promise<T>;

/**
 * `action(contract, handler)` or `action(contract, { revalidate, … }, handler)`: the contract
 * (lib/platform/contract.ts) names the action and holds its schema; the returned action's type
 * carries the contract, so a form can only be given the action its schema belongs to.
 */
export function action<C extends AnyContract, T extends object | void>(
  contract: C,
  handler: Handler<C["schema"], T>,
): ContractAction<C, T>;
export function action<C extends AnyContract, T extends object | void>(
  contract: C,
  options: ServerOptions<C["schema"], T>,
  handler: Handler<C["schema"], T>,
): ContractAction<C, T>;
export function action<T extends object | void>(
  contract: AnyContract,
  second: ServerOptions<z.ZodType, T> | Handler<z.ZodType, T>,
  third?: Handler<z.ZodType, T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const handler = typeof second === "function" ? second : third!;
  const server: ServerOptions<z.ZodType, T> = typeof second === "function" ? {} : second;
  const options = { ...contract, ...server };
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const meta = await getRequestMeta();
    const { locale, fail } = await failures();

    const user = await getCurrentUser();
    const refused = signInRefusal(user, options.allowDuringPasswordChange);
    if (refused || !user) return fail(refused ?? new UnauthenticatedError().messageKey);

    // Input comes as a plain object from react-hook-form, or FormData from a plain <form>.
    const input = rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput;
    let fields = input;
    if (options.idempotent && input && typeof input === "object" && !Array.isArray(input)) {
      const { idempotencyKey: _key, ...rest } = input as Record<string, unknown>;
      fields = rest;
    }
    const parsed = options.schema.safeParse(fields, { error: zodErrorMap(locale) });
    if (!parsed.success) {
      return fail("checkFields", undefined, issuesByPath(parsed.error.issues));
    }
    let idempotencyKey: string | undefined;
    if (options.idempotent) {
      const key = idempotencyKeySchema.safeParse(input);
      if (!key.success) return fail("checkFields");
      idempotencyKey = key.data.idempotencyKey;
    }

    const auditMeta = { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip };
    let data: T;
    try {
      data = await db.$transaction(
        async (tx) => {
          if (idempotencyKey) {
            await tx.idempotencyKey.create({ data: { key: idempotencyKey, userId: user.id, action: options.name } });
          }
          let audited = 0;
          const result = await handler(parsed.data, {
            user,
            tx,
            meta,
            audit: async (entry) => {
              audited += 1;
              await appendAudit(auditMeta, entry, tx);
            },
          });
          if (audited === 0) throw new Error(`action ${options.name} changed data without an audit row`);
          if (idempotencyKey) {
            const resultId = (result as { id?: unknown } | undefined)?.id;
            const receipt = options.receipt?.(result);
            await tx.idempotencyKey.update({
              where: { key: idempotencyKey },
              data: {
                resultId: typeof resultId === "string" ? resultId : null,
                receipt: receipt ? encryptPii(JSON.stringify(receipt)) : null,
              },
            });
          }
          return result;
        },
        // maxWait: how long to wait for a pooled connection. Prisma's default (2 s) turns a
        // burst (50 officers redeeming at once, audit rows serialised by their chain lock)
        // into "unexpected error" for the last in line instead of a short wait.
        { maxWait: 10_000, timeout: 15_000 },
      );
      for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
    } catch (error) {
      if (idempotencyKey && isUniqueViolation(error)) {
        const first = await db.idempotencyKey.findUnique({ where: { key: idempotencyKey } });
        if (first && first.userId === user.id && first.action === options.name) {
          return { ok: true, data: replayed(first) as T, duplicate: true };
        }
      }
      return failureOf(error, { name: options.name, meta, auditMeta, fail });
    }
    // Outside the try: the change is committed, so a failure here is not a refused change.
    await options.after?.(parsed.data, { user });
    return { ok: true, data };
  };
}

/** The answer a replay repeats: the first result's id and its receipt (see ServerOptions.receipt). */
function replayed(first: { resultId: string | null; receipt: string | null }): Record<string, unknown> {
  let receipt: Record<string, unknown> = {};
  try {
    if (first.receipt) receipt = JSON.parse(decryptPii(first.receipt)) as Record<string, unknown>;
  } catch {
    // Unreadable (the PII key was changed since): the replay still answers the record's id,
    // as it did before receipts were kept, rather than failing a write that did happen.
  }
  return { ...receipt, ...(first.resultId ? { id: first.resultId } : {}) };
}

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;
export type Fail = (key: string, values?: Record<string, string | number>, fieldErrors?: FieldErrors) => ActionFailure;

/** The user's locale and `fail`, which builds a translated failure ("errors" key, "validation" field messages). */
export async function failures(): Promise<{ locale: Locale; fail: Fail }> {
  const locale = toLocale(await getLocale().catch(() => null));
  const tErrors = await getTranslations({ locale, namespace: "errors" });
  const tValidation = await getTranslations({ locale, namespace: "validation" });
  const fail: Fail = (key, values, fieldErrors) => ({
    ok: false as const,
    error: tErrors(key, values),
    fieldErrors: fieldErrors
      ? Object.fromEntries(
          Object.entries(fieldErrors).map(([f, msgs]) => [f, msgs.map((m) => translateFieldError(m, tValidation))]),
        )
      : undefined,
  });
  return { locale, fail };
}

/** The "errors" key refusing this session, or null when it may go on. */
export function signInRefusal(user: SessionUser | null, allowDuringPasswordChange = false): string | null {
  if (!user) return new UnauthenticatedError().messageKey;
  if (user.mustChangePassword && !allowDuringPasswordChange) return "mustChangePassword";
  return null;
}

/**
 * What the user sees for an error a handler threw: refusals are audited first; expected
 * errors keep their message; anything else is logged with the request id and answered
 * with a generic message carrying it. Never throws.
 */
export async function failureOf(
  error: unknown,
  { name, meta, auditMeta, fail }: { name: string; meta: RequestMeta; auditMeta: AuditMeta; fail: Fail },
): Promise<ActionFailure> {
  await auditRefusal(auditMeta, name, error);
  if (error instanceof ConflictError) return { ...fail(error.messageKey, error.values, error.fieldErrors), conflict: true };
  if (error instanceof DomainError) return fail(error.messageKey, error.values, error.fieldErrors);
  if (isUniqueViolation(error)) return fail("duplicate");
  console.error(`[action ${name}] request ${meta.requestId}`, error);
  return { ...fail("unexpected", { requestId: meta.requestId }), requestId: meta.requestId };
}
