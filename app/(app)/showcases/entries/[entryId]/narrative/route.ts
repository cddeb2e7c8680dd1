// Download of an entry's uploaded written narrative, for those who see its session.
import { z } from "zod";
import { attachment } from "@/lib/platform/http";
import { idParam, route } from "@/lib/platform/read";
import { storage } from "@/lib/platform/storage";
import { getEntryOrThrow } from "@/lib/showcases/queries";
import { NARRATIVE_MIME, sniffNarrative } from "@/lib/showcases/files";

export const GET = route(
  { name: "showcase.narrative.view", params: z.object({ entryId: idParam }), permission: "showcase.view" },
  async ({ user, params, fail }) => {
    const { entry } = await getEntryOrThrow(user, params.entryId);
    // An entry without an uploaded narrative, or whose file is gone: not a refusal.
    if (!entry.narrativeFileKey) return fail(404, "notFound");
    const bytes = await storage().get(entry.narrativeFileKey);
    if (!bytes) return fail(404, "notFound");
    const kind = sniffNarrative(bytes) ?? "txt";
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": NARRATIVE_MIME[kind], "content-disposition": attachment(entry.narrativeFileName ?? `narrative.${kind}`), "x-content-type-options": "nosniff", "cache-control": "private, no-store" },
    });
  },
);
