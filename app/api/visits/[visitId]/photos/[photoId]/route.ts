// Visit photos are served only here: signed in, and the visit within the user's subtree
// (lib/visits/photos.ts). Never from a public folder.
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getVisitPhotoForUser } from "@/lib/visits/photos";

export async function GET(_request: Request, { params }: { params: Promise<{ visitId: string; photoId: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response("Unauthorized", { status: 401 });
  const { visitId, photoId } = await params;
  try {
    const photo = await getVisitPhotoForUser(db, user, visitId, photoId);
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "Content-Type": photo.mimeType,
        "Content-Length": String(photo.bytes.length),
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
