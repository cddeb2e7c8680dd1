// GET /api/field/problems/<id>: a problem's current state, for the outbox's conflict panel (issue
// 16). A status change recorded offline met a newer version at sync; the officer's device then
// fetches what the server holds now and shows it field by field beside the officer's values
// (lib/field/problem-conflict.ts). Same scope as the problem page: a problem outside the
// caller's area (or unknown) is a 404 with a DENIED audit row, never its contents.
import { NextResponse } from "next/server";
import { z } from "zod";
import { idParam, route } from "@/lib/platform/read";
import { decodeConfirmationNote } from "@/lib/problems/mutations";
import { getProblemOrThrow, problemTimeline } from "@/lib/problems/queries";
import type { ProblemServerState } from "@/lib/field/problem-conflict";

export const GET = route(
  { name: "field.problem.read", params: z.object({ id: idParam }), permission: "problem.view" },
  async ({ user, params }) => {
    const problem = await getProblemOrThrow(user, params.id);
    const last = (await problemTimeline(problem.id)).at(-1);
    const state: ProblemServerState = {
      id: problem.id,
      version: problem.version,
      title: problem.title,
      status: problem.status,
      resolution: problem.resolution ?? "",
      note: last ? decodeConfirmationNote(last.note).note : "",
      escalatedToOrgUnitId: problem.escalatedTo?.id ?? "",
      escalatedToName: problem.escalatedTo?.name ?? "",
    };
    return NextResponse.json(state, { headers: { "cache-control": "no-store" } });
  },
);
