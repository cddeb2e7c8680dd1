// Evidence files are served only here: signed in, talent.view, and the application's
// enterprise within the user's subtree. Never from a public folder.
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db/client";
import { attachment } from "@/lib/http";
import { getEvidenceInScope } from "@/lib/points/applications";
import { storage } from "@/lib/storage";

export async function GET(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response("Unauthorized", { status: 401 });
  const { evidenceId } = await params;
  const notFound = () => new Response("Not found", { status: 404 });
  if (!can(user, "talent.view")) return notFound();
  const ev = await getEvidenceInScope(db, user, evidenceId);
  if (!ev) return notFound();
  const bytes = await storage().get(ev.storageKey);
  if (!bytes) return notFound();
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
}
