// Download of an entry's uploaded written narrative, for those who see its session.
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { attachment } from "@/lib/http";
import { storage } from "@/lib/storage";
import { getEntryOrThrow } from "@/lib/showcase/queries";
import { NARRATIVE_MIME, sniffNarrative } from "@/lib/showcase/files";

export async function GET(_request: Request, { params }: { params: Promise<{ entryId: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword || !can(user, "showcase.view")) return new Response("Not found", { status: 404 });
  const { entryId } = await params;
  try {
    const { entry } = await getEntryOrThrow(db, user, entryId);
    if (!entry.narrativeFileKey) return new Response("Not found", { status: 404 });
    const bytes = await storage().get(entry.narrativeFileKey);
    if (!bytes) return new Response("Not found", { status: 404 });
    const kind = sniffNarrative(bytes) ?? "txt";
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": NARRATIVE_MIME[kind], "content-disposition": attachment(entry.narrativeFileName ?? `narrative.${kind}`), "x-content-type-options": "nosniff", "cache-control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
