// Refusals leave a trace. A caller without the permission, or one asking for a record that
// is not in their area (or does not exist: the two are one answer to the user), gets a
// DENIED audit row in its own transaction, since the refused work was rolled back. Every
// wrapper (lib/platform/action.ts for writes, the read and route wrappers for reads) and the pages'
// not-found path call this one function, so the admin's audit log filter "refusals" sees
// them all.
//
// The row's action names where the refusal happened: a write action's name
// ("visit.update"), a read or route wrapper's name, or, for a page, "page.view:" followed by
// the page's route pattern as it is spelled under app/(app) ("page.view:/visits/[id]"). The
// route pattern, not the URL, so the admin can filter one page's refusals; the probed id is
// in entityId.
import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/platform/auth/session";
import { NotFoundError } from "@/lib/platform/errors";
import { getRequestMeta } from "@/lib/platform/request";
import { auditRefusal } from "./denied";

export { auditRefusal, type RefusalReason } from "./denied";

/** The audit name of a page's refusals: `pagePattern` is the route under app/(app), e.g. "/visits/[id]". */
export function pageAuditName(pagePattern: string): string {
  return `page.view:${pagePattern}`;
}

/** Audits a NotFoundError thrown by `load` as the user's refusal under `name`; rethrows everything. */
async function auditedLoad<T>(user: Pick<SessionUser, "id" | "name">, name: string, load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const meta = await getRequestMeta();
    await auditRefusal({ actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip }, name, error);
    return { ok: false };
  }
}

/**
 * A page's scoped read (…OrThrow): an unknown id and a record outside the user's area both
 * become the 404 page, and both leave the DENIED row (the user cannot tell them apart, the
 * admin can: the row names the model and id). `name` is `pageAuditName("/visits/[id]")`.
 */
export async function loadOrNotFound<T>(user: Pick<SessionUser, "id" | "name">, name: string, load: () => Promise<T>): Promise<T> {
  const result = await auditedLoad(user, name, load);
  if (!result.ok) notFound();
  return result.value;
}

/**
 * Like loadOrNotFound for an optional read that a page can do without (a prefill from the
 * URL): the refusal is audited and the page renders without it.
 */
export async function loadOrNull<T>(user: Pick<SessionUser, "id" | "name">, name: string, load: () => Promise<T>): Promise<T | null> {
  const result = await auditedLoad(user, name, load);
  return result.ok ? result.value : null;
}
