// Stub (issue 16): the duplicates work fills this in.
import "server-only";
import type { SessionUser } from "@/lib/platform/auth/session-user";
import type { Db, Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";
import type { DuplicateCandidate } from "@/lib/field/schemas";

/**
 * Register records in the user's scope that an offline registration may duplicate
 * (household: 户号, phone, name + address; enterprise: credit code, name, name + address).
 */
export async function findRegisterDuplicates(
  _user: SessionUser,
  _kind: "household.create" | "enterprise.create",
  _input: Record<string, unknown>,
  _client: Db | Tx = db,
): Promise<DuplicateCandidate[]> {
  return [];
}
