// Visit photos are served only here: signed in, and the visit within the user's subtree
// (lib/visits/photos.ts). Never from a public folder.
import { z } from "zod";
import { idParam, route } from "@/lib/platform/read";
import { getVisitPhotoForUser } from "@/lib/visits/photos";

export const GET = route(
  { name: "visit.photo.view", params: z.object({ visitId: idParam, photoId: idParam }), permission: "visit.view" },
  async ({ user, params }) => {
    const { visitId, photoId } = params;
    const photo = await getVisitPhotoForUser(user, visitId, photoId);
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
  },
);
