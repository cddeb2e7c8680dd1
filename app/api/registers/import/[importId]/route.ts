// GET /api/registers/import/<id>: a confirmed import's progress (the wizard's progress bar
// polls it) and, once finished, its row-level error report. Only the uploader's own import is
// found; any other id is a 404, like an unknown path. The id is not checked for its shape
// before the session is: looked up with the caller's own id, a malformed one finds nothing.
import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/lib/platform/errors";
import { importProgress } from "@/lib/registers/import-service";
import { route } from "@/lib/platform/read";

export const GET = route(
  { name: "register.import.progress", params: z.object({ importId: z.string().min(1).max(64) }), permission: "register.import" },
  async ({ user, params }) => {
    const progress = await importProgress(user, params.importId);
    if (!progress) throw new NotFoundError();
    return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
  },
);
