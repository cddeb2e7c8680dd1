// Evidence files are served only here: signed in, talent.view, and the application's
// enterprise within the user's subtree. Never from a public folder. Each file served leaves an
// audit row (certificates and ID scans are a person's documents: the log shows who saw them).
import { z } from "zod";
import { NotFoundError } from "@/lib/platform/errors";
import { attachment } from "@/lib/platform/http";
import { getEvidenceInScope } from "@/lib/talent/points/applications";
import { idParam, route } from "@/lib/platform/read";
import { storage } from "@/lib/platform/storage";

export const GET = route(
  { name: "points.evidence.view", params: z.object({ evidenceId: idParam }), permission: "talent.view" },
  async ({ user, params, fail, audit }) => {
    const { evidenceId } = params;
    const ev = await getEvidenceInScope(user, evidenceId);
    if (!ev) throw new NotFoundError({ entityType: "PointEvidence", entityId: evidenceId });
    const bytes = await storage().get(ev.storageKey);
    if (!bytes) return fail(404, "notFound");
    await audit({ entityType: "PointEvidence", entityId: evidenceId, orgUnitId: ev.application.enterprise.orgUnitId, data: { applicationId: ev.applicationId } });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": ev.mimeType,
        "Content-Length": String(bytes.length),
        "Cache-Control": "private, max-age=600",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": attachment(ev.fileName).replace(/^attachment/, ev.mimeType === "application/pdf" ? "attachment" : "inline"),
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  },
);
