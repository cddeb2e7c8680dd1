// The enterprise's own pages (no login): submit a request, look up its status with the
// confirmation number AND the tracking code, and give feedback. Route handlers
// (app/(public)/service/…/route.ts) call these; every POST checks its Origin, counts
// against database rate limits and writes an audit row with no actor.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { appendAudit } from "@/lib/platform/audit/write";
import { DomainError } from "@/lib/platform/errors";
import { sameOrigin } from "@/lib/platform/http";
import { toLocale } from "@/lib/platform/i18n/locales";
import { translateFieldError, zodErrorMap } from "@/lib/platform/i18n/zod";
import { clientAddressOf, type ClientAddress } from "@/lib/platform/client-address";
import { clocksOf } from "./clocks";
import { feedbackByEnterprise, intakePublicRequest } from "./mutations";
import { normalizeTrackingCode, trackingCodeMatches } from "./numbers";
import { addressSubject, exhausted, hit } from "./rate-limit";
import { PUBLIC_FEEDBACK_PER_IP, PUBLIC_INTAKE_PER_IP, PUBLIC_INTAKE_PER_PHONE, PUBLIC_LOOKUP_FAILURES_PER_IP } from "./rate-limit-policy";
import { publicFeedbackSchema, publicIntakeSchema } from "./schemas";
import { parseHotlineSettings } from "./settings";

type Json = { ok: true; [k: string]: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

function json(body: Json, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

async function translators() {
  const locale = toLocale(await getLocale().catch(() => null));
  return {
    locale,
    t: await getTranslations({ locale, namespace: "publicService" }),
    tValidation: await getTranslations({ locale, namespace: "validation" }),
    tErrors: await getTranslations({ locale, namespace: "errors" }),
  };
}

function fieldErrorsOf(issues: z.core.$ZodIssue[], tValidation: (k: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(translateFieldError(issue.message, tValidation));
  }
  return out;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

const auditMeta = (client: ClientAddress) => ({ actorId: null, actorName: "公众", requestId: client.requestId, ip: client.ip });

/** POST /service/submit */
export async function handlePublicIntake(request: Request): Promise<Response> {
  const { locale, t, tValidation, tErrors } = await translators();
  if (!sameOrigin(request)) return json({ ok: false, error: t("foreignOrigin") }, 403);
  const client = clientAddressOf(request.headers);
  // Every attempt counts against the address, valid or not (a bot probing the form too).
  if (!(await hit(PUBLIC_INTAKE_PER_IP, addressSubject(client)))) return json({ ok: false, error: t("rateLimited") }, 429);

  const parsed = publicIntakeSchema.safeParse(await readJson(request), { error: zodErrorMap(locale) });
  if (!parsed.success) return json({ ok: false, error: tErrors("checkFields"), fieldErrors: fieldErrorsOf(parsed.error.issues, tValidation) }, 400);
  // The honeypot: a field people never see. Whoever fills it gets a plain refusal and no record.
  if (parsed.data.website) return json({ ok: false, error: t("rejected") }, 400);
  if (!(await hit(PUBLIC_INTAKE_PER_PHONE, parsed.data.callerPhone))) return json({ ok: false, error: t("rateLimited") }, 429);

  try {
    const { request: created, trackingCode } = await db.$transaction(async (tx) => {
      const result = await intakePublicRequest(parsed.data, tx);
      await appendAudit(auditMeta(client), {
        action: "request.publicIntake", entityType: "ServiceRequest", entityId: result.request.id, orgUnitId: result.request.orgUnitId,
        data: { after: { number: result.request.number, category: result.request.category, channel: "ONLINE" } },
      }, tx);
      return result;
    }, { timeout: 15_000 });
    return json({ ok: true, number: created.number, trackingCode });
  } catch (error) {
    if (error instanceof DomainError) {
      const fieldErrors = error.fieldErrors
        ? Object.fromEntries(Object.entries(error.fieldErrors).map(([f, m]) => [f, m.map((x) => translateFieldError(x, tValidation))]))
        : undefined;
      return json({ ok: false, error: tErrors(error.messageKey as never), fieldErrors }, 400);
    }
    console.error("[hotline public intake]", error);
    return json({ ok: false, error: t("failed") }, 500);
  }
}

/** What the enterprise sees: status, clocks, the department's answer. No officer's name or phone. */
export type PublicStatus = NonNullable<Awaited<ReturnType<typeof publicStatus>>>;

async function findByNumberAndCode(number: string, code: string) {
  const normalized = number.trim().toUpperCase();
  if (!/^[A-Z]{2,6}\d{8}-\d{4,6}$/.test(normalized) || normalizeTrackingCode(code).length < 6) return null;
  const r = await db.serviceRequest.findUnique({
    where: { number: normalized },
    select: {
      id: true, number: true, trackingCode: true, status: true, category: true, title: true, description: true, enterpriseName: true, channel: true,
      receivedAt: true, acceptDueAt: true, assignDueAt: true, respondDueAt: true, acceptedAt: true, assignedAt: true, respondedAt: true,
      resolvedAt: true, closedAt: true, response: true, resolution: true, satisfaction: true, feedbackComment: true, reopenCount: true, version: true,
      orgUnitId: true, assigneeId: true, leadDepartmentId: true, receivedById: true, programmeId: true,
      orgUnit: { select: { path: true } },
      leadDepartment: { select: { name: true, path: true } },
      mergedInto: { select: { number: true } },
      programme: { select: { name: true, settings: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, kind: true, toStatus: true, at: true } },
    },
  });
  // Same answer for "no such number" and "wrong code": a number alone reveals nothing.
  if (!r || !trackingCodeMatches(code, r.trackingCode)) return null;
  return r;
}

/** The status page's lookup; failures count against the address. null = not found (or wrong code, or rate-limited). */
export async function publicStatus(number: string, code: string, ip: string) {
  if (await exhausted(PUBLIC_LOOKUP_FAILURES_PER_IP, ip)) return { limited: true as const };
  const r = await findByNumberAndCode(number, code);
  if (!r) {
    await hit(PUBLIC_LOOKUP_FAILURES_PER_IP, ip);
    return null;
  }
  const { trackingCode: _hash, orgUnit: _o, orgUnitId: _u, assigneeId: _a, receivedById: _rb, leadDepartment, programme, ...rest } = r;
  // Only the milestones, never who did what or internal reasons (退单 reasons, chase notes).
  const PUBLIC_EVENTS = ["intake", "accept", "assign", "reassign", "respond", "resolve", "close", "reopen", "merge", "extensionApproved"];
  return {
    limited: false as const,
    ...rest,
    leadDepartmentName: leadDepartment?.name ?? null,
    programmeName: programme.name,
    clocks: clocksOf(r),
    events: r.events.filter((e) => PUBLIC_EVENTS.includes(e.kind)),
    categories: parseHotlineSettings(programme.settings).categories,
  };
}

/** POST /service/feedback — satisfaction and close, or reopen, with number + code. */
export async function handlePublicFeedback(request: Request): Promise<Response> {
  const { locale, t, tValidation, tErrors } = await translators();
  if (!sameOrigin(request)) return json({ ok: false, error: t("foreignOrigin") }, 403);
  const client = clientAddressOf(request.headers);
  const ip = addressSubject(client);
  if (!(await hit(PUBLIC_FEEDBACK_PER_IP, ip))) return json({ ok: false, error: t("rateLimited") }, 429);
  const parsed = publicFeedbackSchema.safeParse(await readJson(request), { error: zodErrorMap(locale) });
  if (!parsed.success) return json({ ok: false, error: tErrors("checkFields"), fieldErrors: fieldErrorsOf(parsed.error.issues, tValidation) }, 400);
  const input = parsed.data;
  const r = await findByNumberAndCode(input.number, input.code);
  if (!r) {
    await hit(PUBLIC_LOOKUP_FAILURES_PER_IP, ip);
    return json({ ok: false, error: t("notFound") }, 404);
  }
  try {
    await db.$transaction(async (tx) => {
      const { updated } = await feedbackByEnterprise(r, input.decision, input.satisfaction, input.comment, tx);
      await appendAudit(auditMeta(client), {
        action: input.decision === "close" ? "request.publicClose" : "request.publicReopen", entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId,
        data: { before: { status: r.status }, after: { status: updated.status, satisfaction: input.satisfaction ?? null } },
      }, tx);
    });
    return json({ ok: true });
  } catch (error) {
    if (error instanceof DomainError) return json({ ok: false, error: t("feedbackNotNow") }, 409);
    console.error("[hotline public feedback]", error);
    return json({ ok: false, error: t("failed") }, 500);
  }
}
