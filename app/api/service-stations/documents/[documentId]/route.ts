// Download of a case document (lib/service-stations/files.ts), for those who see the case:
// signed in, serviceStation.view, and the case within the user's subtree (a foreign id answers
// 404 and leaves a DENIED audit row, as every route() refusal does). Never from a public folder.
// Each file served leaves an audit row too: case papers carry people's ID cards and licences.
import { z } from "zod";
import { attachment } from "@/lib/platform/http";
import { idParam, route } from "@/lib/platform/read";
import { storage } from "@/lib/platform/storage";
import { getCaseDocumentOrThrow } from "@/lib/service-stations/queries";
import { CASE_DOCUMENT_MIME, sniffCaseDocument } from "@/lib/service-stations/files";

export const GET = route(
  { name: "serviceStation.document.view", params: z.object({ documentId: idParam }), permission: "serviceStation.view" },
  async ({ user, params, fail, audit }) => {
    const doc = await getCaseDocumentOrThrow(user, params.documentId);
    const bytes = await storage().get(doc.fileKey);
    if (!bytes) return fail(404, "notFound");
    await audit({ entityType: "ServiceCaseDocument", entityId: doc.id, orgUnitId: doc.case.orgUnitId, data: { caseId: doc.case.id } });
    // The type the bytes say, not the stored column alone (a file swapped on disk stays harmless).
    const kind = sniffCaseDocument(bytes);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": kind ? CASE_DOCUMENT_MIME[kind] : "application/octet-stream",
        "content-length": String(bytes.length),
        "content-disposition": attachment(doc.fileName),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'",
        "cache-control": "private, no-store",
      },
    });
  },
);
