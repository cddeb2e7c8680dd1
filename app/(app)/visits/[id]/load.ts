import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getVisitOrThrow } from "@/lib/visits/queries";

/** The visit if the user may see it; otherwise the 404 page (missing and out of scope look the same). */
export async function loadVisit(user: SessionUser, id: string) {
  try {
    return await getVisitOrThrow(db, user, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
