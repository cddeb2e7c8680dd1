// POST /api/field/sync (issue 16): the officer's outbox sends its items here, one per request —
// JSON { kind, input, confirmedNew? }, or multipart { kind: "visit.photo.add", visitId,
// idempotencyKey, photo } for a photo. Each goes through the action the online form calls
// (lib/field/sync.ts), chosen here by kind; the answer is a SyncAnswer with HTTP 200, whether
// the action accepted or refused (the outbox shows the refusal's zh-CN message). 401 without a
// session, 400 for a body that is no envelope, 413 over the cap — never 500 for bad input.
// Same-origin is checked by route() before the body is read (SECURITY.md #13).
import { NextResponse } from "next/server";
import { route, MULTIPART_MARGIN_BYTES } from "@/lib/platform/read";
import { failures, issuesByPath } from "@/lib/platform/action";
import { OUTBOX_USER_HEADER } from "@/lib/field/schemas";
import { parseEnvelope, runSync, SYNC_JSON_MAX_BYTES, type SyncActions } from "@/lib/field/sync";
import { createVisitAction, uploadVisitPhotoAction } from "@/lib/visits/actions";
import { MAX_PHOTO_BYTES } from "@/lib/visits/photos";
import { createEventAction } from "@/lib/events/actions";
import { transitionProblemAction } from "@/lib/problems/actions";
import { intakeRequestAction } from "@/lib/hotline/actions";
import { createEnterpriseAction, createHouseholdAction } from "@/lib/registers/actions";

const NO_STORE = { "cache-control": "no-store" };

/** Kind (= contract name) → the online form's action. tsc checks every kind has one. */
const ACTIONS: SyncActions = {
  "visit.create": createVisitAction,
  "visit.photo.add": uploadVisitPhotoAction,
  "event.create": createEventAction,
  "problem.transition": transitionProblemAction,
  "request.intake": intakeRequestAction,
  "household.create": createHouseholdAction,
  "enterprise.create": createEnterpriseAction,
};

const isMultipart = (request: Request) => /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");

export const POST = route(
  // A photo's cap for multipart, the envelope's (256 KB) for JSON: both enforced while reading,
  // before anything is parsed (a 5 MB JSON body used to be parsed before its own cap refused it).
  { name: "field.sync", body: { maxBytes: (request) => (isMultipart(request) ? MAX_PHOTO_BYTES + MULTIPART_MARGIN_BYTES : SYNC_JSON_MAX_BYTES) } },
  async ({ request, user, body, meta }) => {
    const { fail } = await failures();
    // The device's outbox says whose item this is: another user's session (someone else signed in
    // on this phone before its outbox was wiped) must not record it under their name. 401 keeps the
    // item queued for its owner.
    const owner = request.headers.get(OUTBOX_USER_HEADER);
    if (owner !== null && owner !== user.id) {
      return NextResponse.json(fail("unauthenticated"), { status: 401, headers: NO_STORE });
    }
    const parsed = parseEnvelope(body);
    if (!parsed.ok) {
      return NextResponse.json(fail("checkFields", undefined, issuesByPath(parsed.error.issues)), { status: 400, headers: NO_STORE });
    }
    const answer = await runSync(user, parsed.envelope, ACTIONS, { requestId: meta.requestId, ip: meta.ip });
    return NextResponse.json(answer, { headers: NO_STORE });
  },
);
