// Reads take the same road as writes (lib/platform/action.ts): sign-in check → permission → zod parse
// → the handler (scoped loads, …OrThrow) → translated errors. `readAction` wraps the search
// and lookup server actions; `route` wraps every route handler (exports, downloads, uploads,
// the public hotline forms) with HTTP statuses: 401 signed out, 403 refused, 404 not found
// (a foreign id and an unknown one answer the same, and both leave a DENIED audit row), 400
// bad query or body with field errors, 413 an oversized body, 500 only for the unexpected,
// carrying the request id. Error bodies are ActionResult failures, translated like a form's.
import "server-only";
import { z } from "zod";
import { failureOf, failures, issuesByPath, signInRefusal, type ActionFailure, type ActionResult, type Fail } from "@/lib/platform/action";
import { appendAuditStandalone, type AuditEntry, type AuditMeta } from "@/lib/platform/audit/write";
import { getCurrentUser, type SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import type { Permission } from "@/lib/platform/authz/permissions";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/platform/errors";
import { sameOrigin } from "@/lib/platform/http";
import type { Locale } from "@/lib/platform/i18n/locales";
import { zodErrorMap } from "@/lib/platform/i18n/zod";
import { getRequestMeta, type RequestMeta } from "@/lib/platform/request";

/** One permission, or several that must all be held (an export needs "report.export" and the list's view). */
type Permissions = Permission | readonly Permission[];

function assertPermissions(user: SessionUser, permission: Permissions | undefined): void {
  for (const p of [permission ?? []].flat()) if (!can(user, p)) throw new ForbiddenError(p);
}

const actorMeta = (user: SessionUser | null, meta: RequestMeta): AuditMeta => ({
  actorId: user?.id ?? null, actorName: user?.name ?? null, requestId: meta.requestId, ip: meta.ip,
});

// ── Server-action reads ────────────────────────────────────────────────────────────────

export type ReadContext = { user: SessionUser; meta: RequestMeta };

/**
 * A read-only server action (a search box, a lookup). Same answers as `action()` for a
 * signed-out user, bad input and refusals, but no transaction and no audit row of its own:
 * it changes nothing.
 */
export function readAction<S extends z.ZodType, T>(
  options: { name: string; schema: S; permission?: Permissions },
  handler: (input: z.infer<S>, ctx: ReadContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const meta = await getRequestMeta();
    const { locale, fail } = await failures();
    const user = await getCurrentUser();
    const refused = signInRefusal(user);
    if (refused || !user) return fail(refused ?? new UnauthenticatedError().messageKey);
    try {
      assertPermissions(user, options.permission);
      const input = rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput;
      const parsed = options.schema.safeParse(input, { error: zodErrorMap(locale) });
      if (!parsed.success) return fail("checkFields", undefined, issuesByPath(parsed.error.issues));
      return { ok: true, data: await handler(parsed.data, { user, meta }) };
    } catch (error) {
      return failureOf(error, { name: options.name, meta, auditMeta: actorMeta(user, meta), fail });
    }
  };
}

// ── Route handlers ─────────────────────────────────────────────────────────────────────

/** A record id in a query string or path segment. */
export const idParam = z.string().trim().min(1).max(64);

/**
 * A list's filters in a query string, each value bounded; the list's own parser (shared with
 * its page) then keeps the well-formed ones.
 */
export const filterParams = z.record(z.string(), z.string().max(200));

/** Public JSON forms (the hotline's submit and feedback) are a few fields of text. */
export const PUBLIC_FORM_MAX_BYTES = 16 * 1024;

/** What multipart framing adds around an uploaded file (boundaries, part headers, the other fields). */
export const MULTIPART_MARGIN_BYTES = 64 * 1024;

type SegmentParams = Record<string, string | string[] | undefined>;

/** The shape Next.js calls a route handler with; the context is optional so tests may omit it. */
export type RouteHandler = (request: Request, context?: { params: Promise<SegmentParams> }) => Promise<Response>;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

type RouteOptions<P, Q, B> = {
  /** Audit/log name; refusals are recorded under it (e.g. "visit.export"). */
  name: string;
  /** The dynamic segments; anything that does not parse is a 404, like an unknown path. */
  params?: P;
  /** The query string, as an object of its first values. */
  query?: Q;
  /**
   * The body is read at most `maxBytes` (413 beyond, whatever Content-Length says), then
   * parsed as FormData (multipart or urlencoded) or JSON and checked against `schema`. Without
   * a schema the handler gets the parsed JSON (null when it is not JSON) and checks it itself.
   * Either way `ctx.request` then carries the bounded bytes, not the original stream.
   * `maxBytes` may depend on the request (a route that takes both a small JSON body and a file
   * caps each at its own size before anything is parsed).
   */
  body?: { schema?: B; maxBytes: number | ((request: Request) => number) };
  permission?: Permissions;
};

export type RouteContext<U, P, Q, B> = {
  request: Request;
  user: U;
  params: Infer<P>;
  query: Infer<Q>;
  body: B extends z.ZodType ? z.infer<B> : unknown;
  meta: RequestMeta;
  locale: Locale;
  /** A translated JSON error that is not a refusal (a record in scope without its file). */
  fail: (status: number, key: string) => Response;
  /**
   * Writes an audit row named after the route, as the user: for a read that discloses what
   * the log must show was seen (a person's documents), written before the bytes are answered.
   */
  audit: (entry: Omit<AuditEntry, "action">) => Promise<void>;
};

const NO_STORE = { "cache-control": "no-store" };

function errorResponse(status: number, failure: ActionFailure): Response {
  return Response.json(failure, { status, headers: NO_STORE });
}

function statusOf(error: unknown): number {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError || isUniqueViolation(error)) return 409;
  if (error instanceof DomainError) return 400;
  return 500;
}

/** "16 KB", "10 MB": the cap as the 413 message states it (the multipart margin rounds away). */
function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;
}

class BodyTooLarge extends Error {}

/**
 * The body's bytes, never more than `maxBytes` of them: a declared Content-Length over the cap
 * is refused before reading, and the stream is counted as it arrives (a body sent chunked, or
 * longer than it declared, is cancelled at the cap).
 */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** The bounded bytes as an object: FormData's fields (files stay File), or JSON. undefined = unreadable. */
async function decodeBody(request: Request, bytes: Uint8Array): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (FORM_TYPES.test(type)) {
    try {
      return Object.fromEntries(await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData());
    } catch {
      return undefined;
    }
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

type Handler<U, P, Q, B> = (ctx: RouteContext<U, P, Q, B>) => Promise<Response>;

/** A route handler open to everyone (no session read): the public hotline forms. */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  options: RouteOptions<P, Q, B> & { public: true; permission?: never },
  handler: Handler<null, P, Q, B>,
): RouteHandler;
/** A route handler for signed-in users. */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  options: RouteOptions<P, Q, B> & { public?: undefined },
  handler: Handler<SessionUser, P, Q, B>,
): RouteHandler;
export function route(
  options: RouteOptions<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined> & { public?: true },
  handler: Handler<never, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>,
): RouteHandler {
  return async (request, context) => {
    const meta = await getRequestMeta();
    const { locale, fail } = await failures();
    const answer = (status: number, ...args: Parameters<Fail>) => errorResponse(status, fail(...args));
    const parse = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { error: zodErrorMap(locale) });

    // An unparsable segment is a path that does not exist: no refusal to record.
    let params: unknown;
    if (options.params) {
      const parsed = parse(options.params, (await context?.params) ?? {});
      if (!parsed.success) return answer(404, new NotFoundError().messageKey);
      params = parsed.data;
    }
    // Server actions get Next's origin check; a POST to a route handler gets this one
    // (SECURITY.md #13), before a byte of its body is read.
    if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) {
      return answer(403, new ForbiddenError().messageKey);
    }
    let user: SessionUser | null = null;
    if (!options.public) {
      user = await getCurrentUser();
      const refused = signInRefusal(user);
      if (refused === "mustChangePassword") {
        // `refusal` names it for a client that retries on its own (the field app's outbox waits
        // for the password change instead of marking every item as needing a fix).
        return errorResponse(403, Object.assign(fail("mustChangePassword"), { refusal: "mustChangePassword" }));
      }
      if (refused || !user) return answer(401, refused ?? new UnauthenticatedError().messageKey);
    }
    try {
      if (user) assertPermissions(user, options.permission);
      let query: unknown;
      if (options.query) {
        const parsed = parse(options.query, Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return answer(400, "checkFields", undefined, issuesByPath(parsed.error.issues));
        query = parsed.data;
      }
      let body: unknown;
      let bounded = request;
      if (options.body) {
        let bytes: Uint8Array;
        const maxBytes = typeof options.body.maxBytes === "function" ? options.body.maxBytes(request) : options.body.maxBytes;
        try {
          bytes = await readBounded(request, maxBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) return answer(413, "bodyTooLarge", { max: sizeLabel(maxBytes) });
          throw error;
        }
        // The handler's request carries the bounded copy: reading it again cannot pass the cap.
        bounded = new Request(request.url, { method: request.method, headers: request.headers, body: bytes as BodyInit });
        const decoded = await decodeBody(request, bytes);
        if (options.body.schema) {
          if (decoded === undefined) return answer(400, "checkFields");
          const parsed = parse(options.body.schema, decoded);
          if (!parsed.success) return answer(400, "checkFields", undefined, issuesByPath(parsed.error.issues));
          body = parsed.data;
        } else {
          body = decoded ?? null;
        }
      }
      // `user` is null exactly when the route is public, as the overloads promise.
      const audit = (entry: Omit<AuditEntry, "action">) => appendAuditStandalone(actorMeta(user, meta), { ...entry, action: options.name });
      return await handler({ request: bounded, user: user as never, params, query, body, meta, locale, fail: (status, key) => answer(status, key), audit });
    } catch (error) {
      const failure = await failureOf(error, { name: options.name, meta, auditMeta: actorMeta(user, meta), fail });
      return errorResponse(statusOf(error), failure);
    }
  };
}
