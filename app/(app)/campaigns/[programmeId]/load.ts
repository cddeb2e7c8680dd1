import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getCampaignOrThrow } from "@/lib/campaigns/queries";

/** The campaign if the user may see it; otherwise the 404 page (missing and out of scope look the same). */
export async function loadCampaign(user: SessionUser, id: string) {
  try {
    return await getCampaignOrThrow(db, user, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** Runs a scoped read; a NotFoundError (forged or out-of-scope id) becomes the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
